// Text formats for dates, numbers and lists, shared by the story page, its charts, its tables and
// the exports (TimelineJS), so that a date or a figure reads the same everywhere. A date has one
// form, day month year ('19 September 2022'), shortened only by what is not known ('September
// 2022', '2022'); dates written another way inside a text are rewritten to it (`normaliseDates`). Written out
// rather than left to Intl, whose output differs between runtimes and browser versions: the
// server and every browser print exactly the same text. Pure TypeScript, no platform types.

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

/**
 * '2022-09-19' (or a timestamp starting with one) -> that day at midnight UTC.
 * Throws an Error naming the value when it is not a real calendar date in YYYY-MM-DD form.
 */
export function day(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null
  if (!date || date.toISOString().slice(0, 10) !== iso.slice(0, 10)) {
    throw new Error(`not a date: "${iso}" (expected YYYY-MM-DD)`)
  }
  return date
}

/** A month's English name from its index (0 = January): 'January'; short: 'Jan'. '' if out of range. */
export function monthName(month: number, short = false): string {
  const name = MONTHS[month] ?? ''
  return short ? name.slice(0, 3) : name
}

/** '2022-09-19' -> '19 September 2022': the one form of a date, in text, charts, tables and exports. */
export function formatLongDate(iso: string): string {
  const d = day(iso)
  return `${d.getUTCDate()} ${monthName(d.getUTCMonth())} ${d.getUTCFullYear()}`
}

/** '2022-09-19' -> 'September 2022'. */
export function formatMonthYear(iso: string): string {
  const d = day(iso)
  return `${monthName(d.getUTCMonth())} ${d.getUTCFullYear()}`
}

/**
 * A date as precisely as it is known (an event's `date_precision`): 'day' -> '13 July 2022',
 * 'month' -> 'July 2022', 'year' -> '2022'. Any other precision reads as 'day'.
 * Throws (see `day`) on a value that is not a date.
 */
export function formatDate(iso: string, precision: string = 'day'): string {
  if (precision === 'year') return String(day(iso).getUTCFullYear())
  return precision === 'month' ? formatMonthYear(iso) : formatLongDate(iso)
}

const MONTH_DAY = new RegExp(`\\b(${MONTHS.join('|')}) (\\d{1,2})(?:, (\\d{4}))?\\b`, 'g')

/**
 * A text with its dates in the one form: 'the month before September 19, 2022' -> 'the month
 * before 19 September 2022'; 'August 18 to December 31, 2022' -> '18 August to 31 December
 * 2022'. Only month-name dates with a day are rewritten; everything else is left as it is.
 */
export function normaliseDates(text: string): string {
  return text.replace(MONTH_DAY, (_match, month: string, date: string, year?: string) =>
    year ? `${Number(date)} ${month} ${year}` : `${Number(date)} ${month}`,
  )
}

/**
 * A span of months in words: ('2022-07-01', '2022-09-30') -> 'July to September 2022'; across
 * years 'December 2022 to February 2023'; within one month 'July 2022'.
 */
export function formatPeriod(start: string, end: string): string {
  const [from, to] = [formatMonthYear(start), formatMonthYear(end)]
  if (from === to) return from
  const sameYear = start.slice(0, 4) === end.slice(0, 4)
  return `${sameYear ? monthName(day(start).getUTCMonth()) : from} to ${to}`
}

/**
 * The order of two ISO 8601 dates (`YYYY-MM-DD`, or date-times of one form) in time: by UTF-16
 * code units, which for ISO dates is time order. Never `localeCompare`: a locale's collation is
 * not time order by definition, and its first use on a page builds an ICU collator (about 30 ms
 * in Chromium with the CPU 4x slower, in the graphic's first task). Negative, 0 or positive, as
 * Array.prototype.sort expects.
 */
export const compareIsoDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** 1480 -> '1,480'; 2.5 -> '2.5'; -1200 -> '-1,200'. Groups thousands with commas, never rounds. */
export function formatNumber(n: number): string {
  const [whole = '', fraction] = String(Math.abs(n)).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

/** The parts of a figure its number is written from (any Figure row fits). */
export interface FigureNumber {
  value: number
  /** The upper end of a range ('at least 2,000, up to 5,000'), or null. */
  value_max?: number | null
  /** 'more than', 'at least', 'as many as', ...; 'exactly' (or none) prints no qualifier. */
  qualifier: string | null
  /** 'percent' prints '%', 'USD' prints ' USD'; other units print nothing after the number. */
  unit: string
}

/**
 * A figure's number with its qualifier, as the source gave it: 'more than 1,480',
 * 'at least 2,000 (up to 5,000)', '78%', '62'. Never rounded.
 */
export function formatValue(figure: FigureNumber): string {
  const prefix = figure.qualifier && figure.qualifier !== 'exactly' ? `${figure.qualifier} ` : ''
  const unit = figure.unit === 'percent' ? '%' : figure.unit === 'USD' ? ' USD' : ''
  const max = figure.value_max ?? null
  const tail = max !== null ? ` (up to ${formatNumber(max)}${unit})` : ''
  return `${prefix}${formatNumber(figure.value)}${unit}${tail}`
}

/**
 * Text that can reorder the text around it when shown inline: a letter of a right-to-left script
 * (Hebrew, Arabic, Syriac, Thaana, N'Ko and the other blocks Unicode gives right-to-left letters,
 * with their presentation forms), or any bidirectional control (the Bidi_Control property).
 */
const NEEDS_ISOLATION =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]|\p{Bidi_Control}/u

/**
 * A name (or any text from the data) ready to be set inline among other plain text: wrapped in
 * FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069), the plain-text form of
 * HTML's `<bdi>` (Unicode UAX #9, 2.7), when it could reorder its neighbours (see above; a name
 * written with raw SQL may still end in an override such as U+202E); otherwise unchanged. For
 * text the page composes into sentences, SVG labels and exports; in HTML, set names in `<bdi>`.
 */
export function isolate(text: string): string {
  return NEEDS_ISOLATION.test(text) ? `\u2068${text}\u2069` : text
}

/**
 * The separators of a list in running English, one before each item: ['', ', ', ' and '] for
 * three items. listOf joins them; the page sets each item in `<bdi>` between them.
 */
export function listSeparators(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? '' : i === count - 1 ? ' and ' : ', '))
}

/**
 * A list in running English: [] -> '', ['a'] -> 'a', ['a', 'b', 'c'] -> 'a, b and c'. Each item
 * is isolated (see isolate), so a right-to-left name cannot reorder the list around it.
 */
export function listOf(items: readonly string[]): string {
  const separators = listSeparators(items.length)
  return items.map((item, i) => `${separators[i]}${isolate(item)}`).join('')
}
