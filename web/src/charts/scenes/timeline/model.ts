// Timeline: every event as a dot on a time axis, one row per category, chapters as bands, the
// active event lit and labelled with its date and headline. `timelineContent` decides what is
// drawn and written (no size); `timelineModel` lays it out: the label's room is kept for the
// story's longest headline, so the rows never move between steps, and each row's name sits where
// no dot can cover it (above its dots when the row is tall enough, else in a column at the left).
import type { Category, Chapter, StoryEvent } from '../../../../../worker/model'
import {
  compareIsoDates,
  day,
  formatLongDate,
  formatMonthYear,
  monthName,
} from '../../../../../worker/shared/format'
import { extent } from 'd3-array'
import { categoryColor } from '../../colors'
import { lineHeightOf } from '../../rows'
import { linearScale } from '../../scales'
import { linesWidth, textWidth, wrapText } from '../../text'

/** What the timeline is built from. */
export interface TimelineContentInput {
  events: Pick<StoryEvent, 'id' | 'date' | 'headline' | 'category' | 'chapter'>[]
  categories: Pick<Category, 'id' | 'label' | 'position'>[]
  chapters: Pick<Chapter, 'id' | 'position' | 'title' | 'start_date' | 'end_date'>[]
  activeId: string | null
}

/** What the timeline draws at one step, before any layout. */
export interface TimelineContent {
  events: TimelineContentInput['events']
  rows: { id: string; label: string; color: string; active: boolean }[]
  bands: {
    id: string
    /** 'Chapter 2: The Crackdown' is written as '2 The Crackdown', or '2' where it does not fit. */
    number: string
    title: string
    start: string
    end: string
    active: boolean
  }[]
  /** The first of the first month and the first of the month after the last, as ISO dates. */
  domain: [string, string]
  /** The active event: its date and headline, the label's two parts. */
  active: { id: string; date: string; headline: string } | null
  /** Every headline of the story: the label's room is kept for the longest. */
  headlines: string[]
  /** In the overview (no active event), the line in the label's place. */
  overview: string | null
}

/** The story's span when chapters and events give none. */
const DEFAULT_DOMAIN: [string, string] = ['2022-07-01', '2023-06-30']

// The story's headlines for each list of events the timeline was given: the page passes the same
// list at every step, so the same array comes back and the label's room (below) is measured once.
const headlineLists = new WeakMap<readonly { headline: string }[], string[]>()

function headlinesOf(events: readonly { headline: string }[]): string[] {
  let headlines = headlineLists.get(events)
  if (!headlines) {
    headlines = events.map((e) => e.headline)
    headlineLists.set(events, headlines)
  }
  return headlines
}

type ContentEvent = TimelineContentInput['events'][number]

// For each list of events the timeline was given (the same list at every step): the events by
// id and the first and last dates, so a step finds its event and the axis without a scan.
const eventIndexes = new WeakMap<
  readonly ContentEvent[],
  { byId: Map<string, ContentEvent>; dates: string[] }
>()

function eventIndexOf(events: readonly ContentEvent[]) {
  let index = eventIndexes.get(events)
  if (!index) {
    const byId = new Map<string, ContentEvent>()
    // The first event with an id wins, as a search from the start would find it.
    for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e)
    const [first, last] = extent(events.map((e) => e.date))
    index = { byId, dates: first === undefined || last === undefined ? [] : [first, last] }
    eventIndexes.set(events, index)
  }
  return index
}

// The lines the longest headline wraps to, for each list of headlines and label width.
const reservedLines = new WeakMap<string[], Map<number, number>>()

/** What the timeline draws for the active event (or the overview, with none). */
export function timelineContent(input: TimelineContentInput): TimelineContent {
  const { byId, dates } = eventIndexOf(input.events)
  const active = (input.activeId === null ? undefined : byId.get(input.activeId)) ?? null
  const [min, max] = extent([
    ...DEFAULT_DOMAIN,
    ...input.chapters.flatMap((c) => [c.start_date, c.end_date]),
    ...dates,
  ])
  const first = day(min!)
  const last = day(max!)
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  const domain: [string, string] = [
    iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1))),
    iso(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1))),
  ]
  const categories = [...input.categories].sort((a, b) => a.position - b.position)
  const firstEvent = input.events[0]
  const lastEvent = input.events[input.events.length - 1]
  return {
    events: input.events,
    rows: categories.map((c) => ({
      id: c.id,
      label: c.label,
      color: categoryColor(c.id, c.position),
      active: active?.category === c.id,
    })),
    bands: [...input.chapters]
      .sort((a, b) => a.position - b.position)
      .map((c) => ({
        id: c.id,
        number: String(c.position),
        title: c.title,
        start: c.start_date,
        end: c.end_date,
        active: active?.chapter === c.id,
      })),
    domain,
    active: active
      ? { id: active.id, date: formatLongDate(active.date), headline: active.headline }
      : null,
    headlines: headlinesOf(input.events),
    overview:
      active || !firstEvent || !lastEvent
        ? null
        : `${input.events.length} events, ${formatMonthYear(firstEvent.date)} to ${formatMonthYear(lastEvent.date)}, by category`,
  }
}

/** The content and the size and state to draw it at. */
export interface TimelineInput {
  content: TimelineContent
  width: number
  height: number
  /** 0-1 through the active step: moves the "now" line towards the next event. */
  progress?: number
}

export interface TimelineMark {
  id: string
  x: number
  y: number
  r: number
  color: string
  category: string
  active: boolean
  /** Before the active event (or all, in the overview). */
  past: boolean
}

/** The timeline laid out at one size. */
export interface TimelineModel {
  width: number
  /** The drawing's height: the height asked for, or more when the words need it (then scaled). */
  height: number
  ticks: { x: number; label: string; year: string | null }[]
  axisY: number
  bands: {
    id: string
    x: number
    width: number
    y: number
    height: number
    label: string
    /** Where the label starts: inside the band, clear of the active event's leader line. */
    labelX: number
    active: boolean
    even: boolean
  }[]
  /** Each row, and where its name goes (lines, from `labelX` and `labelY`, the first baseline). */
  rows: {
    id: string
    y: number
    height: number
    color: string
    active: boolean
    lines: string[]
    labelX: number
    labelY: number
  }[]
  /** The row names' font size and line height. */
  rowFont: number
  rowLine: number
  marks: TimelineMark[]
  label: {
    eventId: string
    x: number
    y: number
    width: number
    lines: string[]
    lineHeight: number
    leader: { x: number; y1: number; y2: number }
  } | null
  cursor: { x: number; y1: number; y2: number } | null
  /** In the overview (no active event), a line in the label's place saying what is drawn. */
  overview: string | null
}

export const TIMELINE_FONT = 12
const LINE = lineHeightOf(TIMELINE_FONT)
const PAD = 8
const AXIS = 30
const BAND_LABEL = 16
/** The rows' names, the chapters' names and the axis: 12 px, the least a phone reader is given. */
const ROW_FONT = 12
const BAND_FONT = 12
const ROW_LINE = lineHeightOf(ROW_FONT)
const DAY = 86_400_000

/** The first of every `every`-th month from start (inclusive) to end (exclusive). */
function months(start: number, end: number, every: number): Date[] {
  const s = new Date(start)
  const out: Date[] = []
  for (let i = 0; ; i += every) {
    const d = new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + i, 1))
    if (d.getTime() >= end) return out
    out.push(d)
  }
}

/**
 * Places marks in a row so that close dates stack instead of hiding each other: each mark takes
 * the first lane (centre, then alternately above and below) free of marks within reach; when
 * every lane is taken, the one whose nearest mark is farthest away. `xs` are the marks' centres
 * (px, any order), `r` their radius and `half` the room above and below the row's centre line
 * (px); the answer is each mark's offset from that line (px), in the order of `xs`.
 * Marks are taken from left to right (ties in their given order). Lanes are a step (a mark's
 * width and 1 px) apart, so a mark on another lane is never within reach: only the last mark
 * placed on the lane itself can be, and each mark looks at one number per lane. The row is laid
 * out in O(n log n + n x lanes) (the sort, then one pass), whatever its crowding: linear in the
 * number of events once sorted, so a story of thousands of events lays out as fast per event as
 * one of forty.
 */
export function dodge(xs: number[], r: number, half: number): number[] {
  const step = r * 2 + 1
  const lanes = [0]
  for (let k = 1; k * step <= half - r + 0.5; k++) lanes.push(-k * step, k * step)
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b)
  // The x of the last mark placed on each lane (by the lane's index in `lanes`).
  const last = lanes.map(() => -Infinity)
  const offsets = new Array<number>(xs.length)
  for (const i of order) {
    const x = xs[i]!
    // The first lane whose last mark is out of reach; failing that, the lane whose last mark is
    // farthest behind (the first such: `last` only grows, so the least x is the farthest).
    let pick = -1
    let farthest = 0
    for (let l = 0; l < lanes.length; l++) {
      if (x - last[l]! >= step) {
        pick = l
        break
      }
      if (last[l]! < last[farthest]!) farthest = l
    }
    if (pick < 0) pick = farthest
    last[pick] = x
    offsets[i] = lanes[pick]!
  }
  return offsets
}

/** Where the "now" line runs through a step: from the lit event towards the next one. */
interface CursorSpan {
  from: number
  to: number
  y1: number
  y2: number
}

/** A layout at one size, and the span its "now" line moves along (null: no lit event). */
interface Laid {
  width: number
  height: number
  model: TimelineModel
  span: CursorSpan | null
}

/** The last layout of each content: a step's progress moves only the "now" line. */
const laidOut = new WeakMap<TimelineContent, Laid>()

/**
 * Lays the timeline's content out at a size, with the "now" line `progress` (0-1) of the way
 * from the lit event to the next. Pure in what it returns; a step's layout is kept per content
 * and size, so a change of progress alone (every frame while the reader scrolls through a step)
 * moves the line without laying the timeline out again.
 */
export function timelineModel(input: TimelineInput): TimelineModel {
  const { content, width, height } = input
  let laid = laidOut.get(content)
  if (!laid || laid.width !== width || laid.height !== height) {
    laid = { width, height, ...layOut(content, width, height) }
    laidOut.set(content, laid)
  }
  const { model, span } = laid
  if (!span) return model
  const p = Math.min(1, Math.max(0, input.progress ?? 0))
  return {
    ...model,
    cursor: { x: span.from + (span.to - span.from) * p, y1: span.y1, y2: span.y2 },
  }
}

/** The layout of the content at a size (the "now" line at the lit event), and the line's span. */
function layOut(
  content: TimelineContent,
  width: number,
  height: number,
): { model: TimelineModel; span: CursorSpan | null } {
  const t0 = day(content.domain[0]).getTime()
  const t1 = day(content.domain[1]).getTime()

  // The label's room: the longest headline of the story, wrapped, under its date.
  const labelWidth = Math.min(width - PAD * 2, 360)
  const wrapHeadline = (headline: string) => wrapText(headline, labelWidth, TIMELINE_FONT, true)
  let byWidth = reservedLines.get(content.headlines)
  if (!byWidth) reservedLines.set(content.headlines, (byWidth = new Map()))
  let longest = byWidth.get(labelWidth)
  if (longest === undefined) {
    longest = 1
    for (const h of content.headlines) longest = Math.max(longest, wrapHeadline(h).length)
    byWidth.set(labelWidth, longest)
  }
  const reserved = 1 + longest
  const bandsTop = PAD + reserved * LINE + 8
  const rowsTop = bandsTop + BAND_LABEL
  const n = Math.max(1, content.rows.length)

  // Row names above their dots when a row has room for a name and three lanes of dots; else
  // in a column at the left, wrapped to the lines a row has room for.
  const minDots = 16
  const available = height - AXIS - rowsTop
  const above = available / n >= ROW_LINE + minDots
  let gutter = 0
  let rowLines = 1
  if (!above) {
    rowLines = Math.max(1, Math.floor(Math.max(available / n - 2, ROW_LINE) / ROW_LINE))
    // Up to 46% of the width, so that on a phone each name takes one line and the rows fit.
    const widest = width * 0.46
    const fitsIn = (w: number) =>
      content.rows.every((r) => wrapText(r.label, w, ROW_FONT, true).length <= rowLines)
    let w = 40
    while (w < widest && !fitsIn(w)) w += 4
    gutter =
      Math.max(
        ...content.rows.map((r) =>
          linesWidth(wrapText(r.label, w, ROW_FONT, true), ROW_FONT, true),
        ),
      ) +
      PAD +
      6
  }
  const rowLabels = content.rows.map((r) =>
    above ? [r.label] : wrapText(r.label, gutter - PAD - 6, ROW_FONT, true),
  )
  const minRow = above
    ? ROW_LINE + minDots
    : Math.max(minDots, Math.max(...rowLabels.map((l) => l.length)) * ROW_LINE + 2)
  const rowHeight = Math.max(minRow, available / n)
  const axisY = rowsTop + rowHeight * n
  const h = Math.max(height, Math.ceil(axisY + AXIS))

  const x0 = PAD + gutter
  const time = linearScale([t0, t1], [x0, width - PAD])
  const x = (date: Date | number) => time(+date)
  const activeId = content.active?.id ?? null
  const activeIndex = activeId ? content.events.findIndex((e) => e.id === activeId) : -1

  const rows = content.rows.map((row, i) => {
    const y = rowsTop + i * rowHeight
    const lines = rowLabels[i]!
    return {
      id: row.id,
      y,
      height: rowHeight,
      color: row.color,
      active: row.active,
      lines,
      labelX: PAD,
      labelY: above
        ? y + ROW_FONT + 1
        : y + (rowHeight - lines.length * ROW_LINE) / 2 + ROW_FONT * 0.85,
    }
  })

  const bands = content.bands.map((c, i) => {
    const bx0 = x(day(c.start))
    const bx1 = x(day(c.end).getTime() + DAY)
    const w = Math.max(0, bx1 - bx0)
    const full = `${c.number} ${c.title}`
    const label = textWidth(full, BAND_FONT, c.active) <= w - 6 ? full : c.number
    return {
      id: c.id,
      x: bx0,
      width: w,
      y: bandsTop,
      height: axisY - bandsTop,
      label,
      labelX: bx0 + 4,
      active: c.active,
      even: i % 2 === 0,
    }
  })

  // Small enough for three lanes of dots in a row's dot zone, and for a year to fit the width.
  // Dots stay in their row's zone, under its name (the lit one grows by 2 px: room is kept).
  const dotTop = above ? ROW_LINE + 3 : 2
  const zone = rowHeight - dotTop - 2
  // Three lanes (the middle one and one either side) fit the zone: 3r + 1 <= zone / 2 - 2.
  const r = Math.max(2, Math.min(6, (zone / 2 - 3) / 3, (width - x0) / 100))
  const marks: TimelineMark[] = []
  for (const row of rows) {
    const inRow = content.events
      .map((e, index) => ({ e, index }))
      .filter(({ e }) => e.category === row.id)
      .sort((a, b) => compareIsoDates(a.e.date, b.e.date) || a.index - b.index)
    const xs = inRow.map(({ e }) => x(day(e.date)))
    const cy = row.y + dotTop + zone / 2
    const offsets = dodge(xs, r, Math.max(r, zone / 2 - 2))
    inRow.forEach(({ e, index }, i) => {
      const isActive = e.id === activeId
      marks.push({
        id: e.id,
        x: xs[i]!,
        y: cy + offsets[i]!,
        r: isActive ? r + 2 : r,
        color: row.color,
        category: e.category,
        active: isActive,
        past: activeIndex < 0 || index < activeIndex,
      })
    })
  }
  // Events whose category has no row still appear, on the last row.
  const lastRow = rows[rows.length - 1]
  for (const [index, e] of content.events.entries()) {
    if (lastRow && !rows.some((row) => row.id === e.category)) {
      marks.push({
        id: e.id,
        x: x(day(e.date)),
        y: lastRow.y + dotTop + zone / 2,
        r: e.id === activeId ? r + 2 : r,
        color: lastRow.color,
        category: e.category,
        active: e.id === activeId,
        past: activeIndex < 0 || index < activeIndex,
      })
    }
  }

  const activeMark = marks.find((m) => m.active) ?? null
  let label: TimelineModel['label'] = null
  if (content.active && activeMark) {
    const lines = [content.active.date, ...wrapHeadline(content.active.headline)]
    const w = Math.min(labelWidth, linesWidth(lines, TIMELINE_FONT, true))
    const lx = Math.min(Math.max(PAD, activeMark.x - w / 2), width - PAD - w)
    const labelTop = PAD + TIMELINE_FONT
    label = {
      eventId: content.active.id,
      x: lx,
      y: labelTop,
      width: w,
      lines,
      lineHeight: LINE,
      leader: {
        x: activeMark.x,
        y1: labelTop + LINE * (lines.length - 1) + 5,
        y2: activeMark.y - activeMark.r - 2,
      },
    }
  }

  // A chapter's name steps aside from the leader line that runs down past it to the lit event:
  // to the line's right or left within its band, else as its number alone.
  if (label) {
    const lineX = label.leader.x
    bands.forEach((band, i) => {
      for (const text of [band.label, String(content.bands[i]!.number)]) {
        const w = textWidth(text, BAND_FONT, band.active)
        const spots = [band.x + 4, lineX + 4, lineX - 4 - w]
        const free = spots.find(
          (x) =>
            x >= band.x && x + w <= band.x + band.width && (lineX < x - 2 || lineX > x + w + 2),
        )
        if (free !== undefined) {
          band.label = text
          band.labelX = free
          return
        }
      }
    })
  }

  let cursorSpan: CursorSpan | null = null
  if (activeMark) {
    const next = content.events[activeIndex + 1]
    const to = next ? x(day(next.date)) : activeMark.x
    cursorSpan = { from: activeMark.x, to, y1: rowsTop, y2: axisY }
  }
  const cursor: TimelineModel['cursor'] = cursorSpan
    ? { x: cursorSpan.from, y1: cursorSpan.y1, y2: cursorSpan.y2 }
    : null

  const span = width - x0
  const every = span < 420 ? 3 : span < 700 ? 2 : 1
  const ticks = months(t0, t1, every).map((t, i) => ({
    x: x(t),
    label: monthName(t.getUTCMonth(), true),
    year: i === 0 || t.getUTCMonth() < every ? String(t.getUTCFullYear()) : null,
  }))

  const model: TimelineModel = {
    width,
    height: h,
    ticks,
    axisY,
    bands,
    rows,
    rowFont: ROW_FONT,
    rowLine: ROW_LINE,
    marks,
    label,
    cursor,
    overview: content.overview,
  }
  return { model, span: cursorSpan }
}
