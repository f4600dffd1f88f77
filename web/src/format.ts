// Text helpers of the page's own. Dates, numbers and lists come from the formatter the page
// shares with the exports (worker/shared/format.ts); `formatDate` is re-exported here for the
// modules that import it from this file.
export { formatDate } from '../../worker/shared/format'

/** Plain text as paragraphs: blank lines separate them. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}
