// Text formats shared by the chart models: dates, numbers with their qualifiers, and a rough
// measure of text width (the models place labels without a DOM). Written out rather than left to
// Intl so that the server and every browser print exactly the same text.
import type { Figure } from '../../../worker/model'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** '2022-09-19' -> a Date at midnight UTC; throws on anything else. */
export function day(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null
  if (!date || date.toISOString().slice(0, 10) !== iso.slice(0, 10)) {
    throw new Error(`not a date: "${iso}" (expected YYYY-MM-DD)`)
  }
  return date
}

/** 0 -> 'January'; short: 'Jan' */
export const monthName = (month: number, short = false): string => {
  const name = MONTHS[month] ?? ''
  return short ? name.slice(0, 3) : name
}

/** '2022-09-19' -> '19 September 2022' */
export function formatLongDate(iso: string): string {
  const d = day(iso)
  return `${d.getUTCDate()} ${monthName(d.getUTCMonth())} ${d.getUTCFullYear()}`
}
/** '2022-09-19' -> '19 Sep 2022' */
export function formatShortDate(iso: string): string {
  const d = day(iso)
  return `${d.getUTCDate()} ${monthName(d.getUTCMonth(), true)} ${d.getUTCFullYear()}`
}
/** '2022-09-19' -> 'Sep 2022' */
export function formatMonth(iso: string): string {
  const d = day(iso)
  return `${monthName(d.getUTCMonth(), true)} ${d.getUTCFullYear()}`
}

/** 1480 -> '1,480'; 2.5 -> '2.5' (never rounded) */
export function formatNumber(n: number): string {
  const [whole = '', fraction] = String(Math.abs(n)).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

/**
 * A figure's number with its qualifier, as the source gave it: 'more than 1,480',
 * 'at least 2,000 (up to 5,000)', '62'. Never rounded.
 */
export function formatValue(figure: Pick<Figure, 'value' | 'value_max' | 'qualifier' | 'unit'>) {
  const prefix = figure.qualifier && figure.qualifier !== 'exactly' ? `${figure.qualifier} ` : ''
  const unit = figure.unit === 'percent' ? '%' : figure.unit === 'USD' ? ' USD' : ''
  const max = figure.value_max !== null && figure.value_max !== undefined
  const tail = max ? ` (up to ${formatNumber(figure.value_max!)}${unit})` : ''
  return `${prefix}${formatNumber(figure.value)}${unit}${tail}`
}

/**
 * Approximate width in px of a line of sans-serif text: the average glyph is about 0.56 em,
 * 0.62 em in bold.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.62 : 0.56)
}

/** Splits text into at most maxLines lines that fit maxWidth; the last one ends in '…' if cut. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const perLine = Math.max(4, Math.floor(maxWidth / (fontSize * 0.56)))
  const fit = (s: string) => (s.length <= perLine ? s : `${s.slice(0, perLine - 1).trimEnd()}…`)
  const words = text.split(/\s+/).filter(Boolean)
  if (maxLines <= 1) return [fit(words.join(' '))]
  const lines: string[] = []
  let line = ''
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const next = line ? `${line} ${word}` : word
    if (next.length <= perLine) {
      line = next
      continue
    }
    if (line) lines.push(line)
    line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word
    if (lines.length === maxLines - 1) {
      line = fit(words.slice(i).join(' '))
      break
    }
  }
  if (line) lines.push(line)
  return lines
}
