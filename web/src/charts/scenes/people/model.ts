// People model: every report of people rescued, released, returned, escaped, stranded or held
// captive, up to the active event, grouped by nationality and labelled with its qualifier; and
// the estimate of people held captive drawn to scale against each report of people freed.
// Reports can overlap (the same people counted by two sources), so they are never added up.
import type { Figure, StoryEvent } from '../../../../../worker/model'
import { isCaptiveEstimate, isFreed, isHuman } from '../../figures'
import { formatMonth, formatValue, isolate } from '../../../../../worker/shared/format'
import { greatest } from 'd3-array'
import { linearScale, maxAtLeast, sqrtScale } from '../../scales'
import { textWidth, wrapText } from '../../text'

export interface PeopleInput {
  /** Events so far, oldest first (the active one last). */
  events: Pick<StoryEvent, 'id' | 'date' | 'figures'>[]
  activeFigureIds: number[]
  width: number
  height: number
}

export interface PeopleBar {
  figureId: number
  eventId: string
  nationality: string
  measure: string
  /** Still inside (stranded, held captive) rather than out. */
  held: boolean
  label: string
  x: number
  y: number
  width: number
  /** Extra length up to value_max ('at least 2,000, up to 5,000'). */
  rangeWidth: number
  barHeight: number
  textX: number
  textY: number
  active: boolean
}

export interface PeopleModel {
  width: number
  height: number
  /** Label beside the bar (small screens) rather than above it. */
  compact: boolean
  bars: PeopleBar[]
  groups: { nationality: string; y: number }[]
  /** On narrow screens away from its step, the estimate as a line of text. */
  note: { figureId: number; eventId: string; lines: string[]; y: number } | null
  scale: {
    x: number
    y: number
    size: number
    estimate: { figureId: number; eventId: string; text: string; active: boolean }
    squares: { figureId: number; x: number; y: number; size: number; active: boolean }[]
    caption: string[]
    captionX: number
    captionY: number
  } | null
}

export const PEOPLE_FONT = 12
const PAD = 8
const UNSPECIFIED = 'Nationality not given'
const CAPTION_LINE = 14
/** Heights of a full row (label over bar), a nationality's heading, and a note line. */
const FULL_ROW = 28
const HEADING = 14
const NOTE_LINE = 14

type Row = { figure: Figure; event: PeopleInput['events'][number] }

export function peopleModel(input: PeopleInput): PeopleModel {
  const { width, height } = input
  const activeIds = new Set(input.activeFigureIds)
  const rows: Row[] = input.events.flatMap((event) =>
    event.figures.filter((f) => isHuman(f)).map((figure) => ({ figure, event })),
  )
  // The estimate: the largest count of people held captive, when it dwarfs every other report.
  const estimate =
    greatest(
      rows.filter((r) => isCaptiveEstimate(r.figure)),
      (r) => r.figure.value,
    ) ?? null
  const others = rows.filter((r) => r !== estimate)
  const hasEstimate =
    estimate !== null &&
    others.every((r) => (r.figure.value_max ?? r.figure.value) < estimate.figure.value)
  const reports = hasEstimate ? others : rows

  // Side by side when wide, stacked when narrow; the scale gets more room on its own step.
  // Narrow screens draw the square only on the estimate's own step; elsewhere a note names it.
  const scaleFocus = hasEstimate && activeIds.has(estimate!.figure.id)
  const wide = width >= 560
  const showScale = hasEstimate && (wide || scaleFocus)
  const noteLines = hasEstimate && !showScale ? 2 : 0
  const share = showScale ? (scaleFocus ? (wide ? 0.5 : 0.55) : 0.38) : 0
  const barsBox = wide
    ? { x: PAD, y: PAD, w: width * (1 - share) - PAD * 2, h: height - PAD * 2 }
    : {
        x: PAD,
        y: PAD,
        w: width - PAD * 2,
        h: height * (1 - share) - PAD * 2 - noteLines * NOTE_LINE,
      }

  // Nationalities in order of first report, then each one's reports in story order.
  const order: string[] = []
  for (const r of reports) {
    const n = r.figure.nationality ?? UNSPECIFIED
    if (!order.includes(n)) order.push(n)
  }
  const sorted = order.flatMap((n) =>
    reports.filter((r) => (r.figure.nationality ?? UNSPECIFIED) === n),
  )

  // Full rows (a heading per nationality, a label over each bar) when they fit; else compact
  // rows (label beside bar, a gap between nationalities).
  const compact = sorted.length * FULL_ROW + order.length * HEADING > barsBox.h
  const fontSize = compact ? PEOPLE_FONT - 1 : PEOPLE_FONT
  const gapAfterGroup = compact ? 4 : HEADING
  const rowHeight = compact
    ? Math.max(12, Math.min(20, (barsBox.h - order.length * 4) / Math.max(1, sorted.length)))
    : Math.min(34, (barsBox.h - order.length * HEADING) / Math.max(1, sorted.length))
  const barHeight = compact
    ? Math.max(3, Math.min(8, rowHeight - 6))
    : Math.max(4, Math.min(10, rowHeight - fontSize - 8))
  const labelWidth = compact ? barsBox.w * 0.6 : barsBox.w
  const barX = compact ? barsBox.x + labelWidth + 6 : barsBox.x
  const barSpace = compact ? barsBox.w - labelWidth - 6 : barsBox.w
  const max = maxAtLeast(sorted, (r) => r.figure.value_max ?? r.figure.value, 1)
  const x = linearScale([0, max], [0, barSpace])

  const bars: PeopleBar[] = []
  const groups: PeopleModel['groups'] = []
  let y = barsBox.y
  let current: string | null = null
  for (const { figure, event } of sorted) {
    const nationality = figure.nationality ?? UNSPECIFIED
    if (nationality !== current) {
      if (!compact) groups.push({ nationality, y: y + HEADING - 4 })
      if (!compact || current !== null) y += gapAfterGroup
      current = nationality
    }
    const text = figure.display
    const dated = `${isolate(text)} (${formatMonth(event.date)})`
    bars.push({
      figureId: figure.id,
      eventId: event.id,
      nationality,
      measure: figure.measure,
      held: !isFreed(figure),
      // Measured as bold, the way the lit one is set.
      label:
        textWidth(dated, fontSize, true) <= labelWidth
          ? dated
          : wrapText(text, labelWidth * 0.9, fontSize, 1)[0]!,
      x: barX,
      y: compact ? y + (rowHeight - barHeight) / 2 : y + fontSize + 4,
      width: Math.max(1, x(figure.value)),
      rangeWidth: figure.value_max ? x(figure.value_max) - x(figure.value) : 0,
      barHeight,
      textX: barsBox.x,
      textY: compact ? y + rowHeight / 2 + fontSize * 0.35 : y + fontSize,
      active: activeIds.has(figure.id),
    })
    y += rowHeight
  }

  const scale = showScale
    ? scaleModel(estimate!, reports, activeIds, wide, share, width, height)
    : null
  const note =
    hasEstimate && !showScale
      ? {
          figureId: estimate!.figure.id,
          eventId: estimate!.event.id,
          lines: wrapText(
            `Estimate, drawn to scale on its own step: ${estimate!.figure.display}`,
            width - PAD * 2,
            PEOPLE_FONT - 1,
            noteLines,
          ),
          y: height - PAD - (noteLines - 1) * NOTE_LINE,
        }
      : null

  return { width, height, compact, bars, groups, scale, note }
}

function scaleModel(
  estimate: Row,
  reports: Row[],
  activeIds: Set<number>,
  wide: boolean,
  share: number,
  width: number,
  height: number,
): NonNullable<PeopleModel['scale']> {
  const box = wide
    ? { x: width * (1 - share) + PAD, y: PAD, w: width * share - PAD * 2, h: height - PAD * 2 }
    : { x: PAD, y: height * (1 - share), w: width - PAD * 2, h: height * share - PAD }
  const freed = reports.filter((r) => isFreed(r.figure))
  const largest = greatest(freed, (r) => r.figure.value)?.figure ?? null
  // The caption goes beside the square when the box is much wider than tall, else below it.
  const beside = box.w >= box.h * 1.5
  const besideSize = Math.min(box.h, box.w * 0.5)
  const captionWidth = beside ? box.w - besideSize - 10 : box.w
  const caption = [
    `Square: ${formatValue(estimate.figure)} held captive (estimate).`,
    'Small squares: each report of people freed, at the same scale.',
    largest ? `Largest: ${largest.display}.` : 'No report of people freed yet.',
  ].flatMap((line) => wrapText(line, captionWidth, PEOPLE_FONT - 1, 3))
  const size = beside
    ? besideSize
    : Math.max(24, Math.min(box.w, box.h - caption.length * CAPTION_LINE - 6))
  // The squares' areas, not their sides, are to scale.
  const area = sqrtScale(estimate.figure.value, size)
  const side = (v: number) => Math.max(1.5, area(v))
  // Small squares stand in a row along the big square's foot, wrapping upwards when full.
  let sx = box.x + 2
  let foot = box.y + size - 2
  let rowTop = foot
  const squares = freed.map(({ figure }) => {
    const s = side(figure.value)
    if (sx + s > box.x + size - 2 && sx > box.x + 2) {
      sx = box.x + 2
      foot = rowTop - 2
    }
    const square = {
      figureId: figure.id,
      x: sx,
      y: foot - s,
      size: s,
      active: activeIds.has(figure.id),
    }
    rowTop = Math.min(rowTop, foot - s)
    sx += s + 2
    return square
  })
  return {
    x: box.x,
    y: box.y,
    size,
    estimate: {
      figureId: estimate.figure.id,
      eventId: estimate.event.id,
      text: `${formatValue(estimate.figure)} held captive (estimate)`,
      active: activeIds.has(estimate.figure.id),
    },
    squares,
    caption,
    captionX: beside ? box.x + size + 10 : box.x,
    captionY: beside ? box.y + CAPTION_LINE - 3 : box.y + size + CAPTION_LINE,
  }
}
