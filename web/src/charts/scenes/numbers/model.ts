// Numbers: the government's own tallies (cases, requests, complaints, reports) up to the active
// event, as bars on ONE axis for every step, its top end from every tally the story holds. The
// bars are counts of different things on one axis that says so; each series has its own
// heading (what it counts and who reported it), and a series joins only figures one report gave
// together, of one unit and one period length (a year, a quarter, ...): a monthly count from a
// minister's website and a running total from a hotline are two series, never one rising line.
// `numbersContent` decides what is drawn (no size); `numbersModel` lays it out.
import type { Figure, Place, Story, StoryEvent } from '../../../../../worker/model'
import {
  day,
  formatLongDate,
  formatNumber,
  formatValue,
  listOf,
  normaliseDates,
} from '../../../../../worker/shared/format'
import { eventsSoFar, GOVERNMENT_UNITS, nationalTallies } from '../../figures'
import {
  barOverhang,
  barPaths,
  figureShape,
  keyFor,
  type FigureShape,
  type KeyEntry,
  type MarkPath,
} from '../../qualifiers'
import { barShare, flowKey, lineHeightOf, placeRow, type PlacedKey } from '../../rows'
import { fitTicks, linearScale, valueAxis, type DrawnAxis, type ValueAxis } from '../../scales'
import { eventSources, shortName } from '../../sources'
import { wrapText } from '../../text'

/** One tally as drawn: its bar's label is the period it covers and its qualified value. */
export interface NumbersBar {
  figureId: number
  eventId: string
  /** 'First quarter of 2022: 605'. */
  label: string
  amount: number
  amountMax: number | null
  shape: FigureShape
  active: boolean
}

/** Tallies one report gave together, of one unit and one period length: one series. */
export interface NumbersSeries {
  /** The event and the series' unit and period kind. */
  key: string
  unit: string
  /**
   * What it counts and who reported it: 'Trafficking cases — CamboJA'; drawn as a heading over a
   * series of more than one figure, else at the head of its one bar's label.
   */
  title: string
  sources: string[]
  bars: NumbersBar[]
  /** A change the source itself stated for this series ('78% decline, as stated'). */
  note: string | null
  active: boolean
}

/** What the numbers scene draws at one step, before any layout. */
export interface NumbersContent {
  /** The series so far, by unit (cases, requests, complaints, reports), then in story order. */
  series: NumbersSeries[]
  /** Every series the story holds: the frame is sized for them, so it never changes. */
  frame: NumbersSeries[]
  /** The one axis of every step, from 0 to the story's largest tally. */
  axis: ValueAxis
  key: KeyEntry[]
  frameKey: KeyEntry[]
}

/** What the numbers scene's content is built from. */
export interface NumbersContentInput {
  story: Pick<Story, 'events' | 'story'>
  places: Map<string, Place>
  /** The active event's id, or null for the whole story. */
  activeId: string | null
  activeFigureIds: number[]
}

/**
 * The period a figure covers, in words: its own label (dates in the one form), else "to" the
 * day it was reported (a running total).
 */
export function periodLabel(figure: Pick<Figure, 'period'>, reported: string): string {
  return figure.period ? normaliseDates(figure.period) : `to ${formatLongDate(reported)}`
}

/**
 * How long a figure's period is, as a kind: 'year', 'quarter', 'month', or the span in days;
 * 'stated' for a period given only in words; 'to date' for a running total.
 */
export function periodKind(figure: Pick<Figure, 'period' | 'period_start' | 'period_end'>): string {
  if (figure.period_start && figure.period_end) {
    const start = day(figure.period_start)
    const end = day(figure.period_end)
    const months =
      (end.getUTCFullYear() - start.getUTCFullYear()) * 12 +
      end.getUTCMonth() -
      start.getUTCMonth() +
      1
    const wholeMonths =
      start.getUTCDate() === 1 && new Date(end.getTime() + 86_400_000).getUTCDate() === 1
    if (wholeMonths && months === 12) return 'year'
    if (wholeMonths && months === 3) return 'quarter'
    if (wholeMonths && months === 1) return 'month'
    return `${Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1} days`
  }
  return figure.period ? 'stated' : 'to date'
}

/** The source's own statement of a change between the series' figures, if the event gives one. */
function statedChange(event: Pick<StoryEvent, 'figures'>): string | null {
  const change = event.figures.find((f) => f.unit === 'percent' && f.measure === 'decline')
  return change ? `${formatValue(change)} decline, as stated` : null
}

/** The series of a list of events, by unit, then in story order. */
function seriesOf(
  events: Pick<StoryEvent, 'id' | 'date' | 'figures' | 'outlets'>[],
  input: NumbersContentInput,
): NumbersSeries[] {
  const active = new Set(input.activeFigureIds)
  const all: NumbersSeries[] = []
  for (const event of events) {
    const sources = eventSources(event, input.story)
    const byKey = new Map<string, Figure[]>()
    for (const figure of nationalTallies(event, input.places)) {
      const key = `${event.id}|${figure.unit}|${periodKind(figure)}`
      byKey.set(key, [...(byKey.get(key) ?? []), figure])
    }
    for (const [key, figures] of byKey) {
      // Oldest period first, so a before/after pair reads in time order.
      const ordered = figures
        .map((figure, index) => ({ figure, index }))
        .sort(
          (a, b) =>
            (a.figure.period_start ?? '').localeCompare(b.figure.period_start ?? '') ||
            a.index - b.index,
        )
        .map(({ figure }) => figure)
      const title = `${GOVERNMENT_UNITS[ordered[0]!.unit] ?? ordered[0]!.unit} — ${listOf(sources.map(shortName))}`
      const alone = ordered.length === 1
      const bars = ordered.map((figure) => ({
        figureId: figure.id,
        eventId: event.id,
        label: `${alone ? `${title}, ` : ''}${periodLabel(figure, event.date)}: ${formatValue(figure)}`,
        amount: figure.value,
        amountMax: figure.value_max ?? null,
        shape: figureShape(figure),
        active: active.has(figure.id),
      }))
      all.push({
        key,
        unit: ordered[0]!.unit,
        title,
        sources,
        bars,
        note: bars.length > 1 ? statedChange(event) : null,
        active: bars.some((b) => b.active),
      })
    }
  }
  const units = Object.keys(GOVERNMENT_UNITS)
  return units.flatMap((unit) => all.filter((s) => s.unit === unit))
}

/** What the numbers scene draws at a step (or, with no active event, at the story's end). */
export function numbersContent(input: NumbersContentInput): NumbersContent {
  const series = seriesOf(eventsSoFar(input.story, input.activeId), input)
  const frame = seriesOf(input.story.events, { ...input, activeFigureIds: [] })
  const shapes = (list: NumbersSeries[]) => list.flatMap((s) => s.bars.map((b) => b.shape))
  const top = Math.max(1, ...frame.flatMap((s) => s.bars.map((b) => b.amountMax ?? b.amount)))
  return {
    series,
    frame,
    axis: valueAxis(top),
    key: keyFor(shapes(series), 'bars'),
    frameKey: keyFor(shapes(frame), 'bars'),
  }
}

/** A bar as laid out. */
export interface PlacedNumbersBar {
  figureId: number
  eventId: string
  active: boolean
  lines: string[]
  textX: number
  textY: number
  x: number
  y: number
  width: number
  barHeight: number
  paths: MarkPath[]
}

/** A series as laid out: its heading, its bars, the line joining them and its note. */
export interface PlacedSeries {
  key: string
  unit: string
  active: boolean
  /** The heading, over a series of more than one figure. */
  title: { lines: string[]; x: number; y: number } | null
  bars: PlacedNumbersBar[]
  /** The line at the bars' left that joins a series of more than one figure. */
  spine: { x: number; y1: number; y2: number } | null
  note: { lines: string[]; x: number; y: number } | null
}

/** The numbers scene laid out at one size. */
export interface NumbersModel {
  width: number
  /** The drawing's height: the height asked for, or more when the words need it (then scaled). */
  height: number
  fontSize: number
  lineHeight: number
  axis: DrawnAxis | null
  series: PlacedSeries[]
  key: PlacedKey[]
  /** With nothing to draw yet, a line that says so. */
  empty: string | null
}

/** The content, and the size to lay it out at (CSS px). */
export interface NumbersInput {
  content: NumbersContent
  width: number
  height: number
}

/** The line shown before any tally. */
export const NO_TALLIES = 'No government figures reported yet.'

const PAD = 8
/** The bars start a little in from the edge: the line that joins a series runs there. */
const INDENT = 6

interface Density {
  font: number
  bar: number
  rowGap: number
  seriesGap: number
}
const DENSITIES: Density[] = [
  { font: 13, bar: 10, rowGap: 8, seriesGap: 14 },
  { font: 12, bar: 8, rowGap: 6, seriesGap: 10 },
  { font: 11, bar: 6, rowGap: 3, seriesGap: 6 },
  { font: 10, bar: 5, rowGap: 1, seriesGap: 4 },
]

/** Lays the numbers scene's content out at a size. Pure. */
export function numbersModel({ content, width, height }: NumbersInput): NumbersModel {
  const x0 = PAD + INDENT
  const barsW = width - x0 - PAD
  const x = linearScale([0, content.axis.max], [0, barsW * barShare(width) - 12])
  const reach = (b: NumbersBar, bar: number) =>
    Math.max(1, x(b.amountMax ?? b.amount)) + barOverhang(b.shape, bar)

  const seriesHeight = (s: NumbersSeries, d: Density, rowGap: number) => {
    const lh = lineHeightOf(d.font)
    let h = s.bars.length > 1 ? wrapText(s.title, width - PAD * 2, d.font, true).length * lh + 3 : 0
    s.bars.forEach((b, i) => {
      if (i > 0) h += rowGap
      h += placeRow(
        { label: b.label, reach: reach(b, d.bar), bold: true },
        { x0, width: barsW, font: d.font, bar: d.bar },
      ).height
    })
    if (s.note) h += 3 + wrapText(s.note, barsW, d.font).length * lh
    return h
  }
  const need = (d: Density) => {
    const lh = lineHeightOf(d.font)
    const series = content.frame.reduce((h, s) => h + seriesHeight(s, d, d.rowGap), 0)
    const gaps = Math.max(0, content.frame.length - 1) * d.seriesGap
    const key = flowKey(content.frameKey, PAD, 0, width - PAD * 2, d.font).height
    return PAD * 2 + lh + 8 + series + gaps + (key ? key + d.seriesGap : 0)
  }
  const fits = DENSITIES.find((d) => need(d) <= height)
  const d = fits ?? DENSITIES[DENSITIES.length - 1]!
  const total = need(d)
  const h = Math.max(height, Math.ceil(total))
  const lh = lineHeightOf(d.font)
  // Spare room widens the gaps between series (up to a point), so the last step fills the frame.
  const extra = Math.min(24, Math.max(0, h - total) / Math.max(1, content.frame.length - 1))
  const seriesGap = d.seriesGap + extra

  const axisY = PAD + d.font
  const top = axisY + 8
  let y = top
  const series = content.series.map((s, i): PlacedSeries => {
    if (i > 0) y += seriesGap
    let title: PlacedSeries['title'] = null
    if (s.bars.length > 1) {
      const lines = wrapText(s.title, width - PAD * 2, d.font, true)
      title = { lines, x: PAD, y: y + d.font * 0.85 }
      y += lines.length * lh + 3
    }
    const barsTop = y
    const bars = s.bars.map((b, j): PlacedNumbersBar => {
      if (j > 0) y += d.rowGap
      const place = placeRow(
        { label: b.label, reach: reach(b, d.bar), bold: b.active },
        { x0, width: barsW, font: d.font, bar: d.bar },
      )
      const length = Math.max(1, x(b.amount))
      const rangeWidth = b.amountMax !== null ? x(b.amountMax) - x(b.amount) : 0
      const barY = y + place.barDy
      const placed = {
        figureId: b.figureId,
        eventId: b.eventId,
        active: b.active,
        lines: place.lines,
        textX: place.textX,
        textY: y + place.textDy,
        x: x0,
        y: barY,
        width: length,
        barHeight: d.bar,
        paths: barPaths(x0, barY, length, d.bar, b.shape, rangeWidth),
      }
      y += place.height
      return placed
    })
    const spine = s.bars.length > 1 ? { x: PAD + 1, y1: barsTop, y2: y } : null
    let note: PlacedSeries['note'] = null
    if (s.note) {
      const lines = wrapText(s.note, barsW, d.font)
      note = { lines, x: x0, y: y + 3 + d.font * 0.85 }
      y += 3 + lines.length * lh
    }
    return { key: s.key, unit: s.unit, active: s.active, title, bars, spine, note }
  })
  const keyH = flowKey(content.frameKey, PAD, 0, width - PAD * 2, d.font).height
  const key = flowKey(content.key, PAD, h - PAD - keyH, width - PAD * 2, d.font).placed
  const ticks = fitTicks(
    content.axis.ticks.map((t) => ({ x: x0 + x(t), label: formatNumber(t) })),
    d.font,
  )
  return {
    width,
    height: h,
    fontSize: d.font,
    lineHeight: lh,
    axis: content.frame.length ? { y: axisY, top, bottom: Math.max(top, y), ticks } : null,
    series,
    key,
    empty: content.series.length ? null : NO_TALLIES,
  }
}
