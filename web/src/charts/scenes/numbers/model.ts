// Numbers model: the government's own tallies (cases, requests, complaints, reports) as bars,
// one panel per kind, each bar labelled with the period it covers, oldest period first within a
// report, so that a before/after pair (cases 2021 vs 2022, requests in the first quarter of 2022
// vs 2023) reads as one.
import type { Figure, Place, StoryEvent } from '../../../../../worker/model'
import { GOVERNMENT_UNITS, nationalTallies } from '../../figures'
import { formatShortDate, formatValue } from '../../../../../worker/shared/format'
import { linearScale, maxAtLeast } from '../../scales'
import { textWidth, wrapText } from '../../text'

export interface NumbersInput {
  /** Events so far, oldest first (the active one last). */
  events: Pick<StoryEvent, 'id' | 'date' | 'figures'>[]
  places: Map<string, Place>
  activeFigureIds: number[]
  width: number
  height: number
}

export interface NumbersBar {
  figureId: number
  eventId: string
  period: string
  text: string
  x: number
  y: number
  width: number
  barHeight: number
  /** Baseline of the line above the bar: the period, then the value. */
  periodY: number
  active: boolean
}

export interface NumbersPanel {
  unit: string
  title: string
  y: number
  /** The title, then a change the source itself stated ('78% decline, as stated'), if any. */
  lines: string[]
  bars: NumbersBar[]
  active: boolean
}

export interface NumbersModel {
  width: number
  height: number
  panels: NumbersPanel[]
}

export const NUMBERS_FONT = 12
const PAD = 8
const TITLE = 20
const NOTE_LINE = 15

/** The period a figure covers, in words: its own label, else when it was reported. */
export function periodLabel(figure: Pick<Figure, 'period'>, reported: string): string {
  return figure.period ?? `to ${formatShortDate(reported)}`
}

export function numbersModel(input: NumbersInput): NumbersModel {
  const { width, height } = input
  const activeIds = new Set(input.activeFigureIds)
  const entries = input.events.flatMap((event) =>
    nationalTallies(event, input.places)
      .map((figure, index) => ({ figure, event, index }))
      .sort(
        (a, b) =>
          (a.figure.period_start ?? '').localeCompare(b.figure.period_start ?? '') ||
          a.index - b.index,
      ),
  )
  const units = Object.keys(GOVERNMENT_UNITS).filter((u) =>
    entries.some((e) => e.figure.unit === u),
  )
  const headings = units.length * TITLE + NOTE_LINE
  const rowHeight = Math.max(
    NUMBERS_FONT + 8,
    Math.min(40, (height - PAD * 2 - headings) / Math.max(1, entries.length)),
  )
  const barHeight = Math.max(4, Math.min(14, rowHeight - NUMBERS_FONT - 7))
  const barSpace = width - PAD * 2

  let y = PAD
  const panels = units.map((unit) => {
    const mine = entries.filter((e) => e.figure.unit === unit)
    const max = maxAtLeast(mine, (e) => e.figure.value_max ?? e.figure.value, 1)
    const x = linearScale([0, max], [0, barSpace])
    const stated = input.events
      .filter((e) => mine.some((m) => m.event.id === e.id))
      .flatMap((e) => e.figures)
      .find((f) => f.unit === 'percent' && f.measure === 'decline')
    const title = GOVERNMENT_UNITS[unit]!
    const note = stated ? `${formatValue(stated)} decline, as stated` : null
    const joined = note ? `${title}: ${note}` : title
    const lines =
      note && textWidth(joined, NUMBERS_FONT) > width - PAD * 2 ? [title, note] : [joined]
    const top = y
    y += TITLE + (lines.length - 1) * NOTE_LINE
    const bars = mine.map(({ figure, event }) => {
      const text = formatValue(figure)
      const room = barSpace - textWidth(`: ${text}`, NUMBERS_FONT)
      const bar = {
        figureId: figure.id,
        eventId: event.id,
        period: wrapText(periodLabel(figure, event.date), room, NUMBERS_FONT, 1)[0]!,
        text,
        x: PAD,
        y: y + NUMBERS_FONT + 4,
        width: Math.max(1, x(figure.value)),
        barHeight,
        periodY: y + NUMBERS_FONT,
        active: activeIds.has(figure.id),
      }
      y += rowHeight
      return bar
    })
    return { unit, title, y: top, lines, bars, active: bars.some((b) => b.active) }
  })
  return { width, height, panels }
}
