// Timeline model: every event as a mark on a time axis, one row per category, chapters as
// bands, the active event lit and labelled. Pure: data and size in, positioned marks out.
import type { Category, Chapter, StoryEvent } from '../../../../../worker/model'
import { categoryColor } from '../../colors'
import {
  day,
  formatLongDate,
  formatMonthYear,
  monthName,
} from '../../../../../worker/shared/format'
import { extent } from 'd3-array'
import { linearScale } from '../../scales'
import { textWidth, wrapText } from '../../text'

export interface TimelineInput {
  events: Pick<StoryEvent, 'id' | 'date' | 'headline' | 'category' | 'chapter'>[]
  categories: Pick<Category, 'id' | 'label' | 'position'>[]
  chapters: Pick<Chapter, 'id' | 'position' | 'title' | 'start_date' | 'end_date'>[]
  activeId: string | null
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

export interface TimelineModel {
  width: number
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
    even: boolean
  }[]
  rows: { id: string; label: string; y: number; height: number; color: string }[]
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
const LINE = 15
const PAD = 8
const AXIS = 30
const BAND_LABEL = 18
const ROW_LABEL = 13
/** The story's span when chapters and events give none. */
const DEFAULT_DOMAIN: [string, string] = ['2022-07-01', '2023-06-30']

const DAY = 86_400_000

/** First of the month at or before the date, and first of the month strictly after the last. */
function domain(input: TimelineInput): [number, number] {
  const [min, max] = extent([
    ...DEFAULT_DOMAIN,
    ...input.chapters.flatMap((c) => [c.start_date, c.end_date]),
    ...input.events.map((e) => e.date),
  ])
  const first = day(min!)
  const last = day(max!)
  return [
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1),
    Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1),
  ]
}

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
 * every lane is taken, the one whose nearest mark is farthest away.
 */
function dodge(xs: number[], r: number, half: number): number[] {
  const step = r * 2 + 1
  const lanes = [0]
  for (let k = 1; k * step <= half - r + 0.5; k++) lanes.push(-k * step, k * step)
  const placed: { x: number; dy: number }[] = []
  return xs.map((x) => {
    const gap = (dy: number) =>
      Math.min(Infinity, ...placed.map((p) => Math.hypot(p.x - x, p.dy - dy)))
    const free = lanes.find((dy) => gap(dy) >= step)
    const dy = free ?? lanes.reduce((best, dy) => (gap(dy) > gap(best) ? dy : best), 0)
    placed.push({ x, dy })
    return dy
  })
}

export function timelineModel(input: TimelineInput): TimelineModel {
  const { width, height } = input
  const [t0, t1] = domain(input)
  const time = linearScale([t0, t1], [PAD, width - PAD])
  const x = (date: Date | number) => time(+date)
  const active = input.events.find((e) => e.id === input.activeId) ?? null

  const labelWidth = Math.min(width - PAD * 2, 320)
  const headline = active ? wrapText(active.headline, labelWidth, TIMELINE_FONT, 2) : []
  const lines = active ? [formatLongDate(active.date), ...headline] : []
  const labelTop = PAD + TIMELINE_FONT
  const bandsTop = PAD + LINE * 3 + 10
  const axisY = height - AXIS
  const categories = [...input.categories].sort((a, b) => a.position - b.position)
  const rowsTop = bandsTop + BAND_LABEL
  const rowHeight = Math.max(12, (axisY - rowsTop) / Math.max(1, categories.length))

  const rows = categories.map((c, i) => ({
    id: c.id,
    label: c.label,
    y: rowsTop + i * rowHeight,
    height: rowHeight,
    color: categoryColor(c.id, c.position),
  }))

  const bands = [...input.chapters]
    .sort((a, b) => a.position - b.position)
    .map((c, i) => {
      const x0 = x(day(c.start_date))
      const x1 = x(day(c.end_date).getTime() + DAY)
      const w = Math.max(0, x1 - x0)
      const full = c.title
      const label = textWidth(full, 11) <= w - 6 ? full : String(c.position)
      return {
        id: c.id,
        x: x0,
        width: w,
        y: bandsTop,
        height: axisY - bandsTop,
        label,
        even: i % 2 === 0,
      }
    })

  // Small enough for three lanes of marks in a row, and for a year to fit the width.
  const r = Math.max(2, Math.min(6, (rowHeight - ROW_LABEL - 2) / 6, width / 100))
  const activeIndex = active ? input.events.indexOf(active) : -1
  const marks: TimelineMark[] = []
  for (const row of rows) {
    const inRow = input.events
      .map((e, index) => ({ e, index }))
      .filter(({ e }) => e.category === row.id)
      .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.index - b.index)
    const xs = inRow.map(({ e }) => x(day(e.date)))
    const cy = row.y + ROW_LABEL + (row.height - ROW_LABEL) / 2
    const offsets = dodge(xs, r, (row.height - ROW_LABEL) / 2)
    inRow.forEach(({ e, index }, i) => {
      const isActive = e.id === input.activeId
      marks.push({
        id: e.id,
        x: xs[i]!,
        y: cy + offsets[i]!,
        r: isActive ? r + 3 : r,
        color: row.color,
        category: e.category,
        active: isActive,
        past: activeIndex < 0 || index < activeIndex,
      })
    })
  }
  // Events whose category has no row still appear, on the last row.
  const lastRow = rows[rows.length - 1]
  for (const e of input.events) {
    if (lastRow && !rows.some((row) => row.id === e.category)) {
      marks.push({
        id: e.id,
        x: x(day(e.date)),
        y: lastRow.y + lastRow.height / 2,
        r: e.id === input.activeId ? r + 3 : r,
        color: lastRow.color,
        category: e.category,
        active: e.id === input.activeId,
        past: activeIndex < 0 || input.events.indexOf(e) < activeIndex,
      })
    }
  }

  const activeMark = marks.find((m) => m.active) ?? null
  let label: TimelineModel['label'] = null
  if (active && activeMark) {
    const w = Math.min(labelWidth, Math.max(...lines.map((l) => textWidth(l, TIMELINE_FONT))))
    const lx = Math.min(Math.max(PAD, activeMark.x - w / 2), width - PAD - w)
    label = {
      eventId: active.id,
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

  let cursor: TimelineModel['cursor'] = null
  if (activeMark && active) {
    const next = input.events[activeIndex + 1]
    const p = Math.min(1, Math.max(0, input.progress ?? 0))
    const cx = next ? activeMark.x + (x(day(next.date)) - activeMark.x) * p : activeMark.x
    cursor = { x: cx, y1: bandsTop, y2: axisY }
  }

  const every = width < 420 ? 3 : width < 700 ? 2 : 1
  const ticks = months(t0, t1, every).map((t, i) => ({
    x: x(t),
    label: monthName(t.getUTCMonth(), true),
    year: i === 0 || t.getUTCMonth() < every ? String(t.getUTCFullYear()) : null,
  }))

  const first = input.events[0]
  const last = input.events[input.events.length - 1]
  const overview =
    active || !first || !last
      ? null
      : `${input.events.length} events, ${formatMonthYear(first.date)} to ${formatMonthYear(last.date)}, by category`

  return { width, height, ticks, axisY, bands, rows, marks, label, cursor, overview }
}
