// Formatting shared by the page's components (and the server renderer: no DOM here).
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** '2022-07-13' -> '13 July 2022'; with precision 'month' -> 'July 2022'; 'year' -> '2022'. */
export function formatDate(isoDate: string, precision = 'day'): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  if (precision === 'year') return isoDate.slice(0, 4)
  return (precision === 'month' ? monthFormat : dayFormat).format(date)
}

/** '2022-07-01', '2022-09-30' -> 'July to September 2022' (or across years, 'December 2022 to February 2023'). */
export function formatPeriod(start: string, end: string): string {
  const [from, to] = [
    monthFormat.format(new Date(`${start}T00:00:00Z`)),
    monthFormat.format(new Date(`${end}T00:00:00Z`)),
  ]
  if (from === to) return from
  const sameYear = start.slice(0, 4) === end.slice(0, 4)
  return `${sameYear ? from.replace(/ \d{4}$/, '') : from} to ${to}`
}

/** ['a', 'b', 'c'] -> 'a, b and c' */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** Plain text as paragraphs: blank lines separate them. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}
