// How a step's words stay short however long the story grows: a cumulative scene (people, the
// government's figures) names every mark it draws while there are few; past LISTED_MARKS_MAX it
// names what the step lights and counts the rest, which the tables under the graphic list.
import { formatNumber } from '../../../../worker/shared/format'

/**
 * The most marks besides the lit ones a step's words name one by one. Above it the words name the
 * lit marks (with the axis, key and counts) and sum up the others in one phrase (see
 * `summarisedMarks`), so a step's words have a bound that does not grow with the story. The real
 * story draws at most 7 other marks on a step, so its words list every mark.
 */
export const LISTED_MARKS_MAX = 8

/** True when a step that draws `others` marks besides the lit ones names them by count only. */
export const summarises = (others: number): boolean => others > LISTED_MARKS_MAX

/**
 * The phrase that stands for marks a step draws but does not name, such as '37 earlier reports,
 * listed in the table “Reports of people freed or still held” under the graphic'. `noun` is the
 * plural of what each mark is ('reports', 'bars', 'squares'); `earlier` says they come from
 * events before the active one; `table` is the caption of the table that lists every one of them.
 * The words-vs-marks check reads this phrase and holds its count to the marks left unnamed.
 */
export function summarisedMarks(
  count: number,
  noun: string,
  table: string,
  earlier: boolean,
): string {
  return `${formatNumber(count)} ${earlier ? 'earlier ' : ''}${noun}, listed in the table “${table}” under the graphic`
}
