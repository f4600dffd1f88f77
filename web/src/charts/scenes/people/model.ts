// People: every report of people rescued, released, returned, escaped, stranded or held captive,
// up to the active event, as bars on ONE axis for the whole story (its top end comes from every
// report the story holds, not the reports so far), each labelled with the figure as the source
// gave it and who reported it, its qualifier drawn in the bar's end; and, on its own step, the
// estimate of people held captive as a square beside a square for each report of people freed,
// all at one area scale. Reports can overlap (the same people counted by two sources), so they
// are never added up. `peopleContent` decides what is drawn (no size); `peopleModel` lays it out.
import { countUpTo } from '../story-order'
import type { Story, StoryEvent } from '../../../../../worker/model'
import {
  formatLongDate,
  formatNumber,
  formatValue,
  isolate,
  listOf,
} from '../../../../../worker/shared/format'
import { isCaptiveEstimate, isFreed, isHuman } from '../../figures'
import {
  barOverhang,
  barPaths,
  figureShape,
  keyFor,
  type FigureShape,
  type KeyEntry,
  type MarkPath,
} from '../../qualifiers'
import {
  fitTicks,
  linearScale,
  sqrtScale,
  valueAxis,
  type DrawnAxis,
  type ValueAxis,
} from '../../scales'
import { eventSources, shortName } from '../../sources'
import { barShare, flowKey, lineHeightOf, placeRow, type PlacedKey } from '../../rows'
import { wrapText } from '../../text'

/** One report of people freed or still held, as drawn. */
export interface PeopleReport {
  figureId: number
  eventId: string
  /** The nationality the report names, or 'Nationality not given'. */
  nationality: string
  /** Its label: the figure as the source gave it, and who reported it. */
  label: string
  /** Who reported it (the outlets its event credits). */
  sources: string[]
  /** The figure with its qualifier: 'more than 1,480'. */
  value: string
  amount: number
  amountMax: number | null
  shape: FigureShape
  /** People still inside (stranded, held captive) rather than out: an outlined bar. */
  held: boolean
  freed: boolean
  active: boolean
}

/** What the people scene draws at one step, before any layout. */
export interface PeopleContent {
  /** 'reports': the bars; 'scale': the estimate's own step, squares at one area scale. */
  mode: 'reports' | 'scale'
  /**
   * The reports so far, grouped by nationality (in order of first report), in story order.
   * Built when first read (a step's words need it only when it draws few reports).
   */
  reports: PeopleReport[]
  /** The lit reports among them, in the same order ('reports' mode; none in 'scale' mode). */
  lit: PeopleReport[]
  /** How many of them are not lit ('reports' mode; 0 in 'scale' mode). */
  others: number
  /** Every report the story holds: the frame is sized for them, so it never changes. */
  frame: PeopleReport[]
  /** The one axis of every step: from 0 to the story's largest report (the estimate apart). */
  axis: ValueAxis
  /** The estimate of people held captive, once reported (drawn on its own step, named after). */
  estimate: PeopleReport | null
  /** The line that names the estimate after its step (room is kept for it from the start). */
  frameNote: string | null
  /** The key for the marks drawn, and for every mark the story will draw (room kept for it). */
  key: KeyEntry[]
  frameKey: KeyEntry[]
  /** After the estimate's step: a line naming it and where it is drawn to scale. */
  note: string | null
  /** The estimate's step: the reports of people freed so far, each as a square. */
  squares: PeopleReport[]
  /** The estimate's step: the words above the squares. */
  squaresTitle: string | null
}

/** Draws the bars for the reports so far, or the estimate's scale on its own step. */
export interface PeopleContentInput {
  story: Pick<Story, 'events' | 'story'>
  /** The active event's id, or null for the whole story. */
  activeId: string | null
  activeFigureIds: number[]
  mode: 'reports' | 'scale'
}

const UNSPECIFIED = 'Nationality not given'
const HELD_KEY: KeyEntry = {
  shape: 'held',
  text: 'people still held',
  shapeWords: 'an outlined bar',
}
/** The words above the squares on the estimate's step. */
export const SQUARES_TITLE =
  'Beside it, at the same area scale, a square for each report of people freed so far:'

type Row = { figure: StoryEvent['figures'][number]; event: Pick<StoryEvent, 'id' | 'date'> }

function report(
  { figure, event }: Row,
  sources: Map<string, string[]>,
  active: Set<number>,
): PeopleReport {
  const by = sources.get(event.id) ?? []
  return {
    figureId: figure.id,
    eventId: event.id,
    nationality: figure.nationality ?? UNSPECIFIED,
    label: `${isolate(figure.display)} — ${listOf(by.map(shortName))}`,
    sources: by,
    value: formatValue(figure),
    amount: figure.value,
    amountMax: figure.value_max ?? null,
    shape: figureShape(figure),
    held: !isFreed(figure),
    freed: isFreed(figure),
    active: active.has(figure.id),
  }
}

/** Reports grouped by nationality, in order of first report, each group in story order. */
function grouped(reports: PeopleReport[]): PeopleReport[] {
  const groups = new Map<string, PeopleReport[]>()
  for (const r of reports) {
    const group = groups.get(r.nationality)
    if (group) group.push(r)
    else groups.set(r.nationality, [r])
  }
  return [...groups.values()].flat()
}

function keyOf(reports: PeopleReport[]): KeyEntry[] {
  const key = keyFor(
    reports.map((r) => r.shape),
    'bars',
  )
  return reports.some((r) => r.held) ? [HELD_KEY, ...key] : key
}

/**
 * What the people scene draws on every step of a story, worked out once per story: its reports
 * in story order (each with the index of its event), the estimate, the frame, the axis and the
 * frame's key and note. A step then takes the reports up to its event (found by binary search),
 * so its content costs what it draws, not the whole story.
 */
interface PeoplePlan {
  /** Each event's index in the story, by id. */
  eventIndex: Map<string, number>
  /** Every report but the estimate, in story order, with its event's index. */
  bars: { row: Row; at: number }[]
  /** The same reports as drawn, with nothing lit (shared by every step; never changed). */
  reports: PeopleReport[]
  /** Each report's index in `reports`, by figure id. */
  reportIndex: Map<number, number>
  /** The index of each nationality's first report: the order of the groups. */
  firstOfNationality: Map<string, number>
  /** The key of the first n reports, at index n (from 0 to all of them). */
  prefixKeys: KeyEntry[][]
  /** The estimate (the captive count that dwarfs every other report), or null. */
  estimate: { row: Row; at: number } | null
  sources: Map<string, string[]>
  frame: PeopleReport[]
  axis: ValueAxis
  frameNote: string | null
  frameKey: KeyEntry[]
}

// Per story object (what a step is given is the page's one story, never changed in place).
const peoplePlans = new WeakMap<object, PeoplePlan>()

function peoplePlan(story: PeopleContentInput['story']): PeoplePlan {
  const known = peoplePlans.get(story)
  if (known) return known
  const sources = new Map(story.events.map((e) => [e.id, eventSources(e, story)]))
  const eventIndex = new Map(story.events.map((e, i) => [e.id, i]))
  const all = story.events.flatMap((event, at) =>
    event.figures.filter(isHuman).map((figure) => ({ row: { figure, event }, at })),
  )
  // The estimate: the largest count of people held captive in the story, when it dwarfs every
  // other report (drawn to scale on its own step rather than as a bar flattening the others).
  const captive = all
    .filter((r) => isCaptiveEstimate(r.row.figure))
    .sort((a, b) => b.row.figure.value - a.row.figure.value)[0]
  const dwarfs =
    captive !== undefined &&
    all.every(
      (r) =>
        r === captive || (r.row.figure.value_max ?? r.row.figure.value) < captive.row.figure.value,
    )
  const estimate = dwarfs ? captive : null
  const bars = all.filter((r) => r.row.figure.id !== estimate?.row.figure.id)
  const none = new Set<number>()
  const reports = bars.map((r) => report(r.row, sources, none))
  const frame = grouped(reports)
  const firstOfNationality = new Map<string, number>()
  reports.forEach((r, i) => {
    if (!firstOfNationality.has(r.nationality)) firstOfNationality.set(r.nationality, i)
  })
  // The key depends only on which ends, ranges and outlines are drawn: it changes at the few
  // reports that bring a new one, and is shared by every prefix in between.
  const prefixKeys: KeyEntry[][] = [keyOf([])]
  const seen = new Set<string>()
  const firsts: PeopleReport[] = []
  for (const r of reports) {
    const traits = [r.shape.end, ...(r.shape.range ? ['range'] : []), ...(r.held ? ['held'] : [])]
    const fresh = traits.filter((t) => !seen.has(t))
    if (fresh.length) {
      for (const t of fresh) seen.add(t)
      firsts.push(r)
      prefixKeys.push(keyOf(firsts))
    } else prefixKeys.push(prefixKeys[prefixKeys.length - 1]!)
  }
  const plan: PeoplePlan = {
    eventIndex,
    bars,
    reports,
    reportIndex: new Map(reports.map((r, i) => [r.figureId, i])),
    firstOfNationality,
    prefixKeys,
    estimate,
    sources,
    frame,
    axis: valueAxis(frame.reduce((max, r) => Math.max(max, r.amountMax ?? r.amount), 1)),
    frameNote: estimate
      ? `Estimate, drawn to scale on ${formatLongDate(estimate.row.event.date)}: ${report(estimate.row, sources, none).label}`
      : null,
    frameKey: keyOf(frame),
  }
  peoplePlans.set(story, plan)
  return plan
}

/** What the people scene draws at a step (or, with no active event, at the story's end). */
export function peopleContent(input: PeopleContentInput): PeopleContent {
  const plan = peoplePlan(input.story)
  const active = new Set(input.activeFigureIds)
  // The events so far: up to the active one; the whole story with none (or one not in it).
  const last =
    (input.activeId === null ? undefined : plan.eventIndex.get(input.activeId)) ??
    input.story.events.length - 1
  const count = countUpTo(plan.bars, last)
  // The lit reports, found by id (not by a scan of the reports so far), in the order drawn.
  const litIndexes = [...active]
    .map((id) => plan.reportIndex.get(id))
    .filter((i): i is number => i !== undefined && i < count)
  const groupOf = (i: number) => plan.firstOfNationality.get(plan.reports[i]!.nationality)!
  const lit = litIndexes
    .sort((a, b) => groupOf(a) - groupOf(b) || a - b)
    .map((i) => ({ ...plan.reports[i]!, active: true }))
  const litById = new Map(lit.map((r) => [r.figureId, r]))
  // Every report so far, as the plan made them (nothing lit) but the lit ones: built when read.
  let all: PeopleReport[] | null = null
  const reportsSoFar = () =>
    (all ??= grouped(plan.reports.slice(0, count).map((r) => litById.get(r.figureId) ?? r)))
  const estimate =
    plan.estimate && plan.estimate.at <= last
      ? report(plan.estimate.row, plan.sources, active)
      : null
  const scale = input.mode === 'scale' && estimate !== null
  const squares = scale ? reportsSoFar().filter((r) => r.freed) : []
  const note = estimate && !scale ? plan.frameNote : null
  return {
    mode: scale ? 'scale' : 'reports',
    get reports() {
      return scale ? [] : reportsSoFar()
    },
    lit: scale ? [] : lit,
    others: scale ? 0 : count - lit.length,
    frame: plan.frame,
    axis: plan.axis,
    estimate,
    frameNote: plan.frameNote,
    key: scale
      ? keyFor(
          [estimate!, ...squares].map((r) => r.shape),
          'areas',
        )
      : plan.prefixKeys[count]!,
    frameKey: plan.frameKey,
    note,
    squares,
    squaresTitle: scale ? SQUARES_TITLE : null,
  }
}

/** A bar as laid out: its label's lines and the paths of its mark. */
export interface PeopleBar {
  figureId: number
  eventId: string
  held: boolean
  active: boolean
  lines: string[]
  textX: number
  /** Baseline of the label's first line. */
  textY: number
  x: number
  y: number
  /** The figure's value in px (the low end of a range). */
  width: number
  /** Extra length up to a range's top end. */
  rangeWidth: number
  barHeight: number
  paths: MarkPath[]
}

/** A square of the estimate's step. */
export interface PeopleSquare {
  figureId: number
  eventId: string
  active: boolean
  x: number
  y: number
  size: number
  shape: FigureShape
  /** The label beside it (the estimate's sits under its square). */
  lines: string[]
  textX: number
  textY: number
}

/** The people scene laid out at one size. */
export interface PeopleModel {
  width: number
  /** The drawing's height: the height asked for, or more when the words need it (then scaled). */
  height: number
  fontSize: number
  lineHeight: number
  axis: DrawnAxis | null
  bars: PeopleBar[]
  /**
   * The rows of reports still to come (later in the story), kept as pale bands, those that follow
   * each other as one band: no data, only a caption saying what the band is (TO_COME).
   */
  slots: {
    x: number
    y: number
    width: number
    height: number
    caption: { text: string; x: number; y: number }
  }[]
  key: PlacedKey[]
  note: { figureId: number; eventId: string; lines: string[]; x: number; y: number } | null
  scale: {
    estimate: PeopleSquare
    squares: PeopleSquare[]
    title: { lines: string[]; x: number; y: number }
  } | null
  /** With nothing to draw yet, a line that says so. */
  empty: string | null
}

/** The content, and the size to lay it out at (CSS px). */
export interface PeopleInput {
  content: PeopleContent
  width: number
  height: number
}

const PAD = 8

/** Spacing for one density, from roomy to tight. */
interface Density {
  font: number
  bar: number
  rowGap: number
  groupGap: number
}
/**
 * From roomy to tight; never under 12 px type (the least a phone reader is given). The roomiest
 * suit a tall desktop frame, so the story's rows fill it rather than part of it.
 */
/** The least width of a frame given the roomiest densities (px). */
const ROOMY_WIDTH = 560
const DENSITIES: Density[] = [
  { font: 17, bar: 20, rowGap: 14, groupGap: 22 },
  { font: 16, bar: 17, rowGap: 13, groupGap: 20 },
  { font: 15, bar: 14, rowGap: 12, groupGap: 18 },
  { font: 14, bar: 12, rowGap: 11, groupGap: 16 },
  { font: 13, bar: 10, rowGap: 10, groupGap: 14 },
  { font: 12, bar: 8, rowGap: 7, groupGap: 10 },
  { font: 12, bar: 6, rowGap: 3, groupGap: 5 },
  { font: 12, bar: 5, rowGap: 2, groupGap: 4 },
]

/** The line shown before any report. */
export const NO_REPORTS = 'No report of people freed or still held yet.'

/** The caption of a pale band that keeps the place of reports still to come. */
export const TO_COME = 'Still to come in the story'

/** Lays the people scene's content out at a size. Pure. */
export function peopleModel({ content, width, height }: PeopleInput): PeopleModel {
  return content.mode === 'scale'
    ? scaleModel(content, width, height)
    : reportsModel(content, width, height)
}

function reportsModel(content: PeopleContent, width: number, height: number): PeopleModel {
  const barsW = width - PAD * 2
  const x = linearScale([0, content.axis.max], [0, barsW * barShare(width) - 12])
  const reach = (r: PeopleReport, bar: number) =>
    Math.max(1, x(r.amountMax ?? r.amount)) + barOverhang(r.shape, bar)
  const rowsHeight = (reports: PeopleReport[], d: Density, rowGap: number, groupGap: number) => {
    let h = 0
    reports.forEach((r, i) => {
      if (i > 0) h += r.nationality === reports[i - 1]!.nationality ? rowGap : groupGap
      h += placeRow(
        { label: r.label, reach: reach(r, d.bar), bold: true },
        { x0: PAD, width: barsW, font: d.font, bar: d.bar },
      ).height
    })
    return h
  }
  /** What a step needs at one density: its reports, its note and its key. */
  const needOf = (
    d: Density,
    reports: PeopleReport[],
    noteText: string | null,
    keyEntries: readonly KeyEntry[],
  ) => {
    const lh = lineHeightOf(d.font)
    const note = noteText ? wrapText(noteText, barsW, d.font).length * lh + d.groupGap : 0
    const key = flowKey(keyEntries, PAD, 0, barsW, d.font).height
    return (
      PAD * 2 +
      lh +
      8 +
      rowsHeight(reports, d, d.rowGap, d.groupGap) +
      note +
      (key ? key + d.groupGap : 0)
    )
  }
  // One type size and bar for every step: the roomiest at which the story's last step (every
  // report, the note and the whole key) fits the frame.
  const need = (d: Density) => needOf(d, content.frame, content.frameNote, content.frameKey)
  // (The roomiest only on wide frames: on a narrow one the labels need the room.)
  const densities = width >= ROOMY_WIDTH ? DENSITIES : DENSITIES.filter((dd) => dd.font <= 15)
  const fits = densities.find((dd) => need(dd) <= height)
  const d = fits ?? densities[densities.length - 1]!
  const total = need(d)
  const h = Math.max(height, Math.ceil(total))
  // Every report keeps one row on every step: the rows are laid out for the whole story (its
  // last step), and a step draws the reports so far in their rows, the rows still to come as
  // empty slots. So the axis, the grid and the key sit where they sit at the story's end, bars
  // never move, and an early step's frame is the story's frame, not a blank page under one bar.
  // The frame's spare room goes to the gaps between rows (up to a line and a half each).
  const lh = lineHeightOf(d.font)
  const spare = Math.max(0, h - total)
  const extra = Math.min(lh * 1.5, spare / Math.max(1, content.frame.length + 1))
  const rowGap = d.rowGap + extra
  const groupGap = d.groupGap + extra

  const axisY = PAD + d.font
  const top = axisY + 8
  const rows = new Map<number, { y: number; height: number }>()
  let y = top
  content.frame.forEach((r, i) => {
    if (i > 0) y += r.nationality === content.frame[i - 1]!.nationality ? rowGap : groupGap
    const height = placeRow(
      { label: r.label, reach: reach(r, d.bar), bold: true },
      { x0: PAD, width: barsW, font: d.font, bar: d.bar },
    ).height
    rows.set(r.figureId, { y, height })
    y += height
  })
  const bandBottom = y
  const bars: PeopleBar[] = []
  for (const r of content.reports) {
    const row = rows.get(r.figureId) ?? { y: top, height: 0 }
    // Measured as if lit (bold, the wider), so a bar and its words sit alike on every step.
    const place = placeRow(
      { label: r.label, reach: reach(r, d.bar), bold: true },
      { x0: PAD, width: barsW, font: d.font, bar: d.bar },
    )
    const length = Math.max(1, x(r.amount))
    const rangeWidth = r.amountMax !== null ? x(r.amountMax) - x(r.amount) : 0
    const barY = row.y + place.barDy
    bars.push({
      figureId: r.figureId,
      eventId: r.eventId,
      held: r.held,
      active: r.active,
      lines: place.lines,
      textX: place.textX,
      textY: row.y + place.textDy,
      x: PAD,
      y: barY,
      width: length,
      rangeWidth,
      barHeight: d.bar,
      paths: barPaths(PAD, barY, length, d.bar, r.shape, rangeWidth),
    })
  }
  // Rows to come that follow each other make one band (the gaps between them included).
  const drawn = new Set(content.reports.map((r) => r.figureId))
  const slots: PeopleModel['slots'] = []
  let open: PeopleModel['slots'][number] | null = null
  for (const r of content.frame) {
    const row = rows.get(r.figureId)!
    if (drawn.has(r.figureId)) {
      open = null
      continue
    }
    if (open) open.height = row.y + row.height - open.y
    else {
      // Captioned on its first line (a row is at least a line tall), clear of its edges.
      const caption = { text: TO_COME, x: PAD + 6, y: row.y + lh / 2 + d.font * 0.35 }
      open = { x: PAD, y: row.y, width: barsW, height: row.height, caption }
      slots.push(open)
    }
  }
  y = bandBottom
  // The note and the key follow the bars they explain.
  const estimate = content.estimate
  const noteLines = content.note ? wrapText(content.note, barsW, d.font) : []
  const noteTop = y + groupGap
  const note =
    content.note && estimate
      ? {
          figureId: estimate.figureId,
          eventId: estimate.eventId,
          lines: noteLines,
          x: PAD,
          y: noteTop + d.font * 0.85,
        }
      : null
  const keyTop = note ? noteTop + noteLines.length * lh + groupGap : y + groupGap
  const key = flowKey(content.key, PAD, keyTop, barsW, d.font).placed
  const ticks = fitTicks(
    content.axis.ticks.map((t, i) => ({
      x: PAD + x(t),
      label: i === content.axis.ticks.length - 1 ? `${formatNumber(t)} people` : formatNumber(t),
    })),
    d.font,
  )
  return {
    width,
    height: h,
    fontSize: d.font,
    lineHeight: lh,
    axis: content.frame.length ? { y: axisY, top, bottom: Math.max(top, bandBottom), ticks } : null,
    bars,
    slots,
    key,
    note,
    scale: null,
    empty: content.reports.length ? null : NO_REPORTS,
  }
}

function scaleModel(content: PeopleContent, width: number, height: number): PeopleModel {
  const estimate = content.estimate!
  const attempt = (font: number) => {
    const lh = lineHeightOf(font)
    // The square on the left, its label under it; the reports of people freed on the right.
    const listW = Math.max(150, width * 0.5)
    const side = Math.max(40, Math.min(width - listW - PAD * 3, height - PAD * 2 - 4 * lh))
    const captionLines = wrapText(estimate.label, side, font, true)
    const listX = PAD + side + 16
    const listWidth = width - listX - PAD
    const area = sqrtScale(estimate.amount, side)
    const titleLines = wrapText(content.squaresTitle ?? '', listWidth, font)
    let y = PAD + titleLines.length * lh + 6
    const squares: PeopleSquare[] = content.squares.map((r) => {
      const size = Math.max(1.5, area(r.amount))
      const labelX = listX + Math.max(size, 6) + 10
      const lines = wrapText(r.label, width - PAD - labelX, font)
      const rowH = Math.max(size + 6, lines.length * lh)
      const square = {
        figureId: r.figureId,
        eventId: r.eventId,
        active: r.active,
        x: listX + 3,
        y: y + (rowH - size) / 2,
        size,
        shape: r.shape,
        lines,
        textX: labelX,
        textY: y + (rowH - lines.length * lh) / 2 + font * 0.85,
      }
      y += rowH + 4
      return square
    })
    const key = flowKey(content.key, listX, y + 6, listWidth, font)
    const squareBottom = PAD + side + 6 + captionLines.length * lh
    return {
      font,
      lh,
      side,
      captionLines,
      squares,
      key: key.placed,
      title: { lines: titleLines, x: listX, y: PAD + font * 0.85 },
      need: Math.max(y + 6 + key.height, squareBottom) + PAD,
    }
  }
  const tries = [15, 14, 13, 12].map(attempt)
  const chosen = tries.find((t) => t.need <= height) ?? tries[tries.length - 1]!
  return {
    width,
    height: Math.max(height, Math.ceil(chosen.need)),
    fontSize: chosen.font,
    lineHeight: chosen.lh,
    axis: null,
    bars: [],
    slots: [],
    key: chosen.key,
    note: null,
    scale: {
      estimate: {
        figureId: estimate.figureId,
        eventId: estimate.eventId,
        active: estimate.active,
        x: PAD,
        y: PAD,
        size: chosen.side,
        shape: estimate.shape,
        lines: chosen.captionLines,
        textX: PAD,
        textY: PAD + chosen.side + 6 + chosen.font * 0.85,
      },
      squares: chosen.squares,
      title: chosen.title,
    },
    empty: null,
  }
}
