// Numbers: the government's own tallies (cases, requests, complaints, reports) as small multiples,
// one panel per measure, each on its OWN axis (labelled with what it counts: "800 complaints"),
// from 0 to the largest tally of that measure in the whole story, so a measure keeps one scale on
// every step and unlike measures never share a bar scale. A step draws the panels of the
// measures its event reports, with every tally of that measure so far, in rows kept for every
// tally of that measure in the whole story (those still to come as pale bands, captioned), so a
// bar sits in one place on every step that draws it. Each series has its own
// heading (what it counts and who reported it), and a series joins only figures one report gave
// together, of one unit and one period length (a year, a quarter, ...): a monthly count from a
// minister's website and a running total from a hotline are two series, never one rising line.
// `numbersContent` decides what is drawn (no size); `numbersModel` lays it out.
import { countUpTo } from '../story-order'
import type { Figure, Place, Story, StoryEvent } from '../../../../../worker/model'
import {
  compareIsoDates,
  day,
  formatLongDate,
  formatNumber,
  formatValue,
  listOf,
  normaliseDates,
} from '../../../../../worker/shared/format'
import { GOVERNMENT_UNITS, nationalTallies } from '../../figures'
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

/** One measure's panel: its own axis and its series. */
export interface NumbersPanel {
  /** The measure (a key of GOVERNMENT_UNITS): 'cases', 'requests', ... */
  unit: string
  /** What its axis counts, in words: 'complaints'. */
  counts: string
  /** Its axis on every step: from 0 to the story's largest tally of this measure. */
  axis: ValueAxis
  /**
   * The measure's series so far, in story order. Built when first read (a step's words need it
   * only when it draws few bars).
   */
  series: NumbersSeries[]
  /** The lit series among them (those with a lit bar), in the same order. */
  lit: NumbersSeries[]
  /** How many bars of the series so far are not lit. */
  others: number
  /**
   * Every series of this measure the whole story gives, in story order, nothing lit (shared by
   * every step; never changed): the panel keeps a row for each, so a bar sits in the same place
   * on every step that draws its measure. The first `series.length` are drawn; the rest are
   * still to come, kept as pale bands.
   */
  frame: readonly NumbersSeries[]
  /** How many of the frame's series are still to come (later in the story than this step). */
  toCome: number
  active: boolean
}

/** What the numbers scene draws at one step, before any layout. */
export interface NumbersContent {
  /** The panels drawn: the active event's measures (every measure with no event active). */
  panels: NumbersPanel[]
  /** The panels' series, in order (by unit, then in story order); built when first read. */
  series: NumbersSeries[]
  /**
   * The panels of the scene's fullest steps (for each set of measures a step draws, the last
   * step that draws it; every other step draws a subset of one of these): the drawing's type
   * size and spacing are chosen so that the fullest of them fits, and so stay the same on every
   * step.
   */
  frame: NumbersPanel[][]
  /** Each measure's axis, by unit: the same on every step. */
  axes: Record<string, ValueAxis>
  key: KeyEntry[]
  frameKey: KeyEntry[]
}

/** What a measure's axis counts, in words (the last tick says it: '800 complaints'). */
export const AXIS_COUNTS: Readonly<Record<string, string>> = {
  cases: 'cases',
  requests: 'requests',
  complaints: 'complaints',
  reports: 'reports',
}

/** What the numbers scene's content is built from. */
export interface NumbersContentInput {
  story: Pick<Story, 'events' | 'story'>
  places: Map<string, Place>
  /** The active event's id, or null for the whole story. */
  activeId: string | null
  activeFigureIds: number[]
  /**
   * The ids of every event the scene draws a step for (the frame is sized for all of them). Pass
   * the same array on every step of a story: the frame is worked out once for it.
   */
  stepIds?: readonly string[]
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
            compareIsoDates(a.figure.period_start ?? '', b.figure.period_start ?? '') ||
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

/** The measures an event reports, in GOVERNMENT_UNITS order. */
function unitsOf(event: Pick<StoryEvent, 'figures'> | undefined, places: Map<string, Place>) {
  const units = new Set<string>(event ? nationalTallies(event, places).map((f) => f.unit) : [])
  return Object.keys(GOVERNMENT_UNITS).filter((u) => units.has(u))
}

/**
 * What the numbers scene draws on every step of a story, worked out once per story: each
 * measure's series in story order (each with the index of its event, nothing lit), each
 * measure's axis, and each event's index. A step takes each of its measures' series up to its
 * event (found by binary search), so its content costs what it draws, not the whole story.
 */
interface NumbersPlan {
  eventIndex: Map<string, number>
  byUnit: Map<string, { series: NumbersSeries; at: number }[]>
  axes: Record<string, ValueAxis>
  /** Per measure: the number of bars in its first n series, at index n. */
  prefixBars: Map<string, number[]>
  /** Per measure: the shapes the key needs for its first n series, at index n (shared). */
  prefixShapes: Map<string, FigureShape[][]>
  /** Each tally's series, by figure id: its measure and its index in that measure's list. */
  seriesOfFigure: Map<number, { unit: string; index: number }>
  /** The frame for each list of step ids the scene was given (see NumbersContent.frame). */
  frames: WeakMap<readonly string[], NumbersPanel[][]>
  /** Per measure: every series of the story, in story order (see NumbersPanel.frame). */
  frameSeries: Map<string, NumbersSeries[]>
}

// Per story object (a step is given the page's one story, never changed in place).
const numbersPlans = new WeakMap<object, NumbersPlan>()

function numbersPlan(input: NumbersContentInput): NumbersPlan {
  const known = numbersPlans.get(input.story)
  if (known) return known
  const eventIndex = new Map(input.story.events.map((e, i) => [e.id, i]))
  const byUnit = new Map<string, { series: NumbersSeries; at: number }[]>(
    Object.keys(GOVERNMENT_UNITS).map((unit) => [unit, []]),
  )
  input.story.events.forEach((event, at) => {
    for (const series of seriesOf([event], { ...input, activeFigureIds: [] })) {
      byUnit.get(series.unit)?.push({ series, at })
    }
  })
  const axes: Record<string, ValueAxis> = {}
  for (const [unit, list] of byUnit) {
    let max = 1
    for (const { series } of list)
      for (const b of series.bars) max = Math.max(max, b.amountMax ?? b.amount)
    axes[unit] = valueAxis(max)
  }
  const prefixBars = new Map<string, number[]>()
  const prefixShapes = new Map<string, FigureShape[][]>()
  const seriesOfFigure = new Map<number, { unit: string; index: number }>()
  for (const [unit, list] of byUnit) {
    const bars = [0]
    // The key depends only on which ends and ranges are drawn: the shapes change at the few
    // series that bring a new one, and are shared by every prefix in between.
    const shapes: FigureShape[][] = [[]]
    const seen = new Set<string>()
    list.forEach(({ series }, index) => {
      bars.push(bars[index]! + series.bars.length)
      let reps = shapes[index]!
      for (const b of series.bars) {
        seriesOfFigure.set(b.figureId, { unit, index })
        const traits = [b.shape.end, ...(b.shape.range ? ['range'] : [])]
        if (traits.some((t) => !seen.has(t))) {
          for (const t of traits) seen.add(t)
          reps = [...reps, b.shape]
        }
      }
      shapes.push(reps)
    })
    prefixBars.set(unit, bars)
    prefixShapes.set(unit, shapes)
  }
  const plan: NumbersPlan = {
    eventIndex,
    byUnit,
    axes,
    prefixBars,
    prefixShapes,
    seriesOfFigure,
    frames: new WeakMap(),
    frameSeries: new Map([...byUnit].map(([unit, list]) => [unit, list.map((x) => x.series)])),
  }
  numbersPlans.set(input.story, plan)
  return plan
}

// The shapes of each panel's bars so far, one of each kind the key tells apart (see the plan).
const panelShapes = new WeakMap<NumbersPanel, FigureShape[]>()

/** The panels at a step: the active event's measures (all, with none), each with its series. */
function panelsAt(
  input: NumbersContentInput,
  plan: NumbersPlan,
  activeId: string | null,
  activeFigureIds: number[],
): NumbersPanel[] {
  const at = activeId === null ? undefined : plan.eventIndex.get(activeId)
  // The events so far: up to the active one; the whole story with none (or one not in it).
  const last = at ?? input.story.events.length - 1
  const lit = new Set(activeFigureIds)
  const frameSeries = plan.frameSeries
  // Each measure's lit series (found by their figures' ids, not by a scan), made again with
  // their bars lit, by index.
  const litByUnit = new Map<string, Map<number, NumbersSeries>>()
  for (const id of lit) {
    const where = plan.seriesOfFigure.get(id)
    if (!where || plan.byUnit.get(where.unit)![where.index]!.at > last) continue
    const mine = litByUnit.get(where.unit) ?? new Map<number, NumbersSeries>()
    litByUnit.set(where.unit, mine)
    if (mine.has(where.index)) continue
    const series = plan.byUnit.get(where.unit)![where.index]!.series
    const bars = series.bars.map((b) => ({ ...b, active: lit.has(b.figureId) }))
    mine.set(where.index, { ...series, bars, active: true })
  }
  // The active event's measures; with no event active, or one that reports none, every
  // measure reported so far.
  const own = unitsOf(at === undefined ? undefined : input.story.events[at], input.places)
  const units = own.length
    ? own
    : Object.keys(GOVERNMENT_UNITS).filter((u) => countUpTo(plan.byUnit.get(u) ?? [], last) > 0)
  return units.map((unit) => {
    const list = plan.byUnit.get(unit) ?? []
    const count = countUpTo(list, last)
    const litSeries = litByUnit.get(unit) ?? new Map<number, NumbersSeries>()
    const litList = [...litSeries.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s)
    const litBars = litList.reduce((n, s) => n + s.bars.filter((b) => b.active).length, 0)
    // The plan's series (nothing lit) are shared; only the lit ones were made again.
    let all: NumbersSeries[] | null = null
    const panel: NumbersPanel = {
      unit,
      counts: AXIS_COUNTS[unit] ?? unit,
      axis: plan.axes[unit]!,
      get series() {
        return (all ??= list.slice(0, count).map((x, i) => litSeries.get(i) ?? x.series))
      },
      lit: litList,
      others: plan.prefixBars.get(unit)![count]! - litBars,
      frame: frameSeries.get(unit) ?? [],
      toCome: list.length - count,
      active: litList.length > 0,
    }
    panelShapes.set(panel, plan.prefixShapes.get(unit)![count]!)
    return panel
  })
}

/**
 * The frame for the scene's steps: for each set of measures a step draws, the panels of the
 * last step that draws that set. Every other step draws the same measures with fewer series
 * (the series so far only grow), so the fullest step is always among these, and the frame stays
 * as small as the number of distinct sets of measures, however long the story.
 */
function frameOf(
  input: NumbersContentInput,
  plan: NumbersPlan,
  stepIds: readonly (string | null)[],
): NumbersPanel[][] {
  const lastOfSet = new Map<string, string | null>()
  for (const id of stepIds) {
    const at = id === null ? undefined : plan.eventIndex.get(id)
    const last = at ?? input.story.events.length - 1
    const own = unitsOf(at === undefined ? undefined : input.story.events[at], input.places)
    const units = own.length
      ? own
      : Object.keys(GOVERNMENT_UNITS).filter((u) => countUpTo(plan.byUnit.get(u) ?? [], last) > 0)
    const set = units.join('|')
    lastOfSet.delete(set)
    lastOfSet.set(set, id)
  }
  const chosen = new Set(lastOfSet.values())
  return stepIds.filter((id) => chosen.has(id)).map((id) => panelsAt(input, plan, id, []))
}

/** What the numbers scene draws at a step (or, with no active event, at the story's end). */
export function numbersContent(input: NumbersContentInput): NumbersContent {
  const plan = numbersPlan(input)
  const panels = panelsAt(input, plan, input.activeId, input.activeFigureIds)
  let frame: NumbersPanel[][]
  if (input.stepIds) {
    frame = plan.frames.get(input.stepIds) ?? frameOf(input, plan, input.stepIds)
    plan.frames.set(input.stepIds, frame)
  } else frame = frameOf(input, plan, [input.activeId])
  // The shapes of a panel's bars so far, one of each kind the key tells apart.
  const shapes = (list: NumbersPanel[]) =>
    list.flatMap((p) => panelShapes.get(p) ?? p.series.flatMap((s) => s.bars.map((b) => b.shape)))
  let series: NumbersSeries[] | null = null
  return {
    panels,
    get series() {
      return (series ??= panels.flatMap((p) => p.series))
    },
    frame,
    axes: plan.axes,
    key: keyFor(shapes(panels), 'bars'),
    // Room is kept for the key of every shape the frame's measures draw in the whole story.
    frameKey: keyFor(
      [...new Set(frame.flat().map((p) => p.unit))].flatMap(
        (unit) => plan.prefixShapes.get(unit)?.at(-1) ?? [],
      ),
      'bars',
    ),
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

/**
 * A pale band over the rows of series still to come (later in the story), those that follow each
 * other as one band, with its caption: no data, only the room they will take.
 */
export interface NumbersSlot {
  x: number
  y: number
  width: number
  height: number
  caption: { text: string; x: number; y: number }
}

/** The numbers scene laid out at one size. */
export interface NumbersModel {
  width: number
  /** The drawing's height: the height asked for, or more when the words need it (then scaled). */
  height: number
  fontSize: number
  lineHeight: number
  /** One axis per panel (measure), above its bars. */
  axes: (DrawnAxis & { unit: string })[]
  series: PlacedSeries[]
  /** The rows of series still to come, as captioned pale bands. */
  slots: NumbersSlot[]
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

/** The caption of a pale band that keeps the place of rows still to come. */
export const TO_COME = 'Still to come in the story'

const PAD = 8
/** The bars start a little in from the edge: the line that joins a series runs there. */
const INDENT = 6

interface Density {
  font: number
  bar: number
  rowGap: number
  seriesGap: number
}
/** The least width of a frame given the roomiest densities (px). */
const ROOMY_WIDTH = 560
/**
 * From roomy to tight; never under 12 px type (the least a phone reader is given). The roomiest
 * suit a tall desktop frame.
 */
const DENSITIES: Density[] = [
  { font: 18, bar: 26, rowGap: 18, seriesGap: 32 },
  { font: 17, bar: 22, rowGap: 16, seriesGap: 28 },
  { font: 16, bar: 18, rowGap: 14, seriesGap: 24 },
  { font: 15, bar: 14, rowGap: 12, seriesGap: 20 },
  { font: 14, bar: 12, rowGap: 10, seriesGap: 16 },
  { font: 13, bar: 10, rowGap: 8, seriesGap: 14 },
  { font: 12, bar: 8, rowGap: 6, seriesGap: 10 },
  { font: 12, bar: 6, rowGap: 3, seriesGap: 6 },
]
/** The thickest a bar grows to fill a frame: in proportion to the type, never a slab. */
const barMax = (font: number) => Math.round(font * 2.2)
/**
 * Room kept past the axis's end for an open end's chevron on the thickest bar (it grows with the
 * bar): the same at every thickness, so the scale is the same on every step.
 */
const END_ROOM =
  Math.ceil(barOverhang({ end: 'open', range: false }, barMax(DENSITIES[0]!.font))) + 2

/**
 * Lays the numbers scene's content out at a size. Pure.
 *
 * How it fills its frame (a graphics desk's choice, weighed against the one the people scene
 * makes). Keeping a row for every measure the story shows, as the people scene keeps one for
 * every report, would draw four panels on every step: on a 390 px phone their labels wrap to
 * two or three lines each, and the whole story's rows at 12 px need some 550 px, more than the
 * graphic may take there (the text keeps 20rem), so the words would be scaled under 12 px; and
 * a step draws only its own measures, so three of the four panels would be empty bands. So
 * instead:
 * - each measure keeps a row for every figure the whole story gives it (`panel.frame`): the
 *   rows still to come are pale bands captioned TO_COME, and a figure's bar sits in the same
 *   place on every step that draws its measure;
 * - one type size for every step (the roomiest at which the fullest step fits), and the axis
 *   labels at the top, the key pinned at the frame's foot and the grid between them, on every
 *   step: nothing moves from step to step;
 * - the bar band is sized to the frame: a step whose measures have few rows draws its bars
 *   thicker (up to `barMax`, the same thickness for every bar of the step and for a figure on
 *   every step that draws it) and shares what room is left among the gaps above its series and
 *   under the last, so one bar or three fill the frame alike. Lengths alone carry the values,
 *   on the measure's one axis, so equal values keep equal lengths on every step.
 */
export function numbersModel({ content, width, height }: NumbersInput): NumbersModel {
  const x0 = PAD + INDENT
  const barsW = width - x0 - PAD
  const scaleOf = (axis: ValueAxis) =>
    linearScale(
      [0, axis.max],
      // (A narrow frame's scale ends at a share of its width: the chevron has room past it.)
      [0, barsW * barShare(width) - (barShare(width) < 1 ? 12 : END_ROOM)],
    )
  const reach = (b: NumbersBar, x: (v: number) => number, bar: number) =>
    Math.max(1, x(b.amountMax ?? b.amount)) + barOverhang(b.shape, bar)
  const rowOf = (b: NumbersBar, x: (v: number) => number, d: Density) =>
    placeRow(
      { label: b.label, reach: reach(b, x, d.bar), bold: true },
      { x0, width: barsW, font: d.font, bar: d.bar },
    )

  const seriesHeight = (s: NumbersSeries, x: (v: number) => number, d: Density) => {
    const lh = lineHeightOf(d.font)
    let h = s.bars.length > 1 ? wrapText(s.title, width - PAD * 2, d.font, true).length * lh + 3 : 0
    s.bars.forEach((b, i) => {
      if (i > 0) h += d.rowGap
      h += rowOf(b, x, d).height
    })
    if (s.note) h += 3 + wrapText(s.note, barsW, d.font).length * lh
    return h
  }
  // Every panel is laid out with its whole frame (the story's series of its measure).
  const panelsHeight = (panels: NumbersPanel[], d: Density) => {
    const lh = lineHeightOf(d.font)
    let h = 0
    panels.forEach((p, i) => {
      if (i > 0) h += d.seriesGap * 1.5
      h += lh + 8
      const x = scaleOf(p.axis)
      p.frame.forEach((s, j) => {
        if (j > 0) h += d.seriesGap
        h += seriesHeight(s, x, d)
      })
    })
    return h
  }
  const keyHeight = (d: Density) =>
    flowKey(content.frameKey, PAD, 0, width - PAD * 2, d.font).height
  const need = (d: Density, panels: NumbersPanel[]) => {
    const key = keyHeight(d)
    return PAD * 2 + panelsHeight(panels, d) + (key ? key + d.seriesGap : 0)
  }
  // One type size for every step: the roomiest at which the fullest step fits.
  const frames = content.frame.length ? content.frame : [content.panels]
  const needAll = (d: Density) => Math.max(...frames.map((f) => need(d, f)))
  // (The roomiest only on wide frames: on a narrow one the axis labels would not fit.)
  const densities = width >= ROOMY_WIDTH ? DENSITIES : DENSITIES.filter((dd) => dd.font <= 15)
  const base = densities.find((dd) => needAll(dd) <= height) ?? densities[densities.length - 1]!
  const h = Math.max(height, Math.ceil(needAll(base)))
  const lh = lineHeightOf(base.font)
  // This step's bars: as thick as its measures' rows let them be in the frame (the thickest that
  // fits, by halving), never thinner than the scene's and never past barMax.
  let d = base
  for (let lo = base.bar, hi = barMax(base.font); lo < hi;) {
    const mid = Math.ceil((lo + hi) / 2)
    const tried = { ...base, bar: mid }
    if (need(tried, content.panels) <= h) {
      lo = mid
      d = tried
    } else hi = mid - 1
  }
  // What room is left is shared by the gaps above each series and under the last.
  const gaps = content.panels.reduce((n, p) => n + p.frame.length, 0) + 1
  const extra = Math.max(0, h - need(d, content.panels)) / gaps

  // The key sits at the frame's foot, where it sits on every step.
  const keyH = keyHeight(d)
  const keyTop = h - PAD - keyH
  let y = PAD
  const axes: NumbersModel['axes'] = []
  const series: PlacedSeries[] = []
  const slots: NumbersSlot[] = []
  content.panels.forEach((panel, p) => {
    if (p > 0) y += d.seriesGap * 1.5
    const x = scaleOf(panel.axis)
    const axisY = y + d.font
    const top = axisY + 8
    y = top
    const drawn = panel.series
    let open: NumbersSlot | null = null
    panel.frame.forEach((frameSeries, i) => {
      y += (i > 0 ? d.seriesGap : 0) + extra
      const seriesTop = y
      const s = drawn[i]
      if (!s) {
        // A series still to come: its room, as a band (one band for those that follow).
        y += seriesHeight(frameSeries, x, d)
        if (open) open.height = y - open.y
        else {
          open = {
            x: PAD,
            y: seriesTop,
            width: width - PAD * 2,
            height: y - seriesTop,
            caption: { text: TO_COME, x: PAD + 6, y: 0 },
          }
          slots.push(open)
        }
        return
      }
      open = null
      let title: PlacedSeries['title'] = null
      if (s.bars.length > 1) {
        const lines = wrapText(s.title, width - PAD * 2, d.font, true)
        title = { lines, x: PAD, y: y + d.font * 0.85 }
        y += lines.length * lh + 3
      }
      const barsTop = y
      const bars = s.bars.map((b, j): PlacedNumbersBar => {
        if (j > 0) y += d.rowGap
        // Measured as if lit (bold, the wider), so a bar and its words sit alike on every step.
        const place = rowOf(b, x, d)
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
      series.push({ key: s.key, unit: s.unit, active: s.active, title, bars, spine, note })
    })
    const ticks = fitTicks(
      panel.axis.ticks.map((t, i) => ({
        x: x0 + x(t),
        label:
          i === panel.axis.ticks.length - 1
            ? `${formatNumber(t)} ${panel.counts}`
            : formatNumber(t),
      })),
      d.font,
    )
    // The last panel's grid runs down to the key, on every step.
    const last = p === content.panels.length - 1
    const bottom = last ? Math.max(y, keyTop - d.seriesGap) : y
    axes.push({ unit: panel.unit, y: axisY, top, bottom: Math.max(top, bottom), ticks })
  })
  // Each band's caption on its first line, clear of the band's edges.
  for (const slot of slots) {
    slot.caption.y = slot.y + Math.min(slot.height, lh) / 2 + d.font * 0.35
  }
  const key = flowKey(content.key, PAD, keyTop, width - PAD * 2, d.font).placed
  return {
    width,
    height: h,
    fontSize: d.font,
    lineHeight: lh,
    axes,
    series,
    slots,
    key,
    empty: content.series.length ? null : NO_TALLIES,
  }
}
