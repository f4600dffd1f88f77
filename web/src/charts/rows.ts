// Rows of labelled bars, laid out without a DOM (the people and numbers scenes share it): each
// bar's label goes after the bar's end when it fits on that line, else above the bar, wrapped
// at word boundaries (never cut); and a key that flows its entries along lines. Sizes come from
// the charts' text measure (./text.ts).
import type { KeyEntry } from './qualifiers'
import { textWidth, wrapText } from './text'

/** Line height in px for a font size (tighter for the smallest sizes, set on small screens). */
export const lineHeightOf = (font: number): number => Math.round(font * (font <= 10 ? 1.2 : 1.25))

/** One labelled bar to lay out. */
export interface RowRequest {
  label: string
  /** How far the bar's marks reach from its start, in px (its end, range and open end). */
  reach: number
  /** Set in bold (the lit one): measured so. */
  bold: boolean
}

/** Where a row's label and bar go, relative to the row's top. */
export interface RowPlace {
  lines: string[]
  /** True when the label sits after the bar's end, on the bar's line. */
  inline: boolean
  /** The label's x, and its first baseline from the row's top. */
  textX: number
  textDy: number
  /** The bar's top from the row's top. */
  barDy: number
  /** The row's height. */
  height: number
}

/** Sizes a row is laid out with. */
export interface RowMetrics {
  /** The bars' start (px). */
  x0: number
  /** The room from x0 to the right edge (px). */
  width: number
  font: number
  bar: number
}

/** How many lines a label after a bar's end may take before it goes above the bar instead. */
const INLINE_LINES = 2
/** The least room, in px, a label after a bar's end may be wrapped into. */
const INLINE_MIN = 90

/**
 * Lays one row out: the label after the bar's end, on one line or wrapped to two (at word
 * boundaries) when that leaves it room enough; else above the bar, wrapped to the full width.
 */
export function placeRow(row: RowRequest, m: RowMetrics): RowPlace {
  const lh = lineHeightOf(m.font)
  const after = row.reach + 6
  const room = m.width - after
  const inline =
    room >= INLINE_MIN || textWidth(row.label, m.font, row.bold) <= room
      ? wrapText(row.label, room, m.font, row.bold)
      : null
  if (
    inline &&
    inline.length <= INLINE_LINES &&
    inline.every((l) => textWidth(l, m.font, row.bold) <= room)
  ) {
    const height = Math.max(inline.length * lh, m.bar)
    return {
      lines: inline,
      inline: true,
      textX: m.x0 + after,
      textDy: (height - inline.length * lh) / 2 + lh / 2 + m.font * 0.35,
      barDy: (height - m.bar) / 2,
      height,
    }
  }
  const lines = wrapText(row.label, m.width, m.font, row.bold)
  return {
    lines,
    inline: false,
    textX: m.x0,
    textDy: m.font * 0.85,
    barDy: lines.length * lh + 2,
    height: lines.length * lh + 2 + m.bar,
  }
}

/** The share of a frame's width the bars' scale spans: less on narrow frames, for the labels. */
export function barShare(width: number): number {
  return width < 560 ? 0.55 : 1
}

/** A key entry placed: its sample's top-left corner and its words' lines. */
export interface PlacedKey {
  entry: KeyEntry
  x: number
  y: number
  lines: string[]
}

/** Room a key sample takes before its words. */
export const KEY_SAMPLE = 28

/**
 * Flows key entries along lines from (x, y) within `width`: side by side while they fit, each
 * wrapped at word boundaries when it does not fit a line alone. Returns the entries and the
 * height they take.
 */
export function flowKey(
  entries: readonly KeyEntry[],
  x: number,
  y: number,
  width: number,
  font: number,
): { placed: PlacedKey[]; height: number } {
  const lh = lineHeightOf(font)
  const placed: PlacedKey[] = []
  let cx = x
  let top = y
  let lineH = 0
  for (const entry of entries) {
    const w = KEY_SAMPLE + textWidth(entry.text, font) + 14
    if (cx > x && cx + w > x + width) {
      cx = x
      top += lineH + 2
      lineH = 0
    }
    const lines =
      cx === x && w > width ? wrapText(entry.text, width - KEY_SAMPLE, font) : [entry.text]
    placed.push({ entry, x: cx, y: top, lines })
    lineH = Math.max(lineH, lines.length * lh)
    cx += w
  }
  return { placed, height: placed.length ? top - y + lineH : 0 }
}
