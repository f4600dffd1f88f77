// The one CSV writer of every CSV export (events, figures, places, actors; what each holds is in
// exports/tables.ts). RFC 4180: a header row, then one row per record, CRLF line ends, a cell
// quoted only when it holds a quote, a comma or a line break. The formula guard: a text cell that
// starts with = + - @ (or their full-width forms, a tab or a carriage return) gets a leading ' so
// a spreadsheet never runs it, and so does a text cell that already starts with ', so that the
// guard can always be undone (drop the first ' of a cell whose next character is one of those or
// '); numbers are written as numbers and never guarded. `bom` starts the
// file with a UTF-8 byte-order mark, which Excel needs to read the file as UTF-8. A list in one
// cell (events.csv's places, actors, notes...) is written by listCell and read back by
// splitListCell: items between "; ", a ";" inside an item doubled, so any item reads back exactly.
import { stringify } from 'csv-stringify/sync'

/** A cell as the writer takes it: text, a number, or null for an empty cell. */
export type CsvCell = string | number | null

/** One record: a cell for each column, by the column's name. */
export type CsvRecord = Record<string, CsvCell>

/** How a CSV export is written: `bom` puts a UTF-8 byte-order mark first (for Excel). */
export interface CsvOptions {
  bom?: boolean
}

/** The UTF-8 byte-order mark (U+FEFF) that `bom: true` puts before the header. */
export const BOM = '\uFEFF'

/**
 * The first characters that make a text cell a formula in a spreadsheet; such a cell is written
 * with a leading `'` (csv-stringify's `escape_formulas`, after OWASP's "CSV Injection").
 */
export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'] as const

/** The guard's own mark: a text cell starting with it gets one more, so undoing never guesses. */
export const GUARD = "'"

// A text cell that starts with the guard's mark is marked again (`'=x` is written `''=x`, `'` as
// `''`); csv-stringify then guards the formula starts itself.
function markGuarded(record: CsvRecord): CsvRecord {
  let out: CsvRecord | null = null
  for (const [column, cell] of Object.entries(record)) {
    if (typeof cell === 'string' && cell.startsWith(GUARD)) {
      out ??= { ...record }
      out[column] = GUARD + cell
    }
  }
  return out ?? record
}

/**
 * `records` as RFC 4180 CSV with a header row of `columns`, in their order, CRLF line ends and
 * the formula guard (see the file's header). A column a record lacks is an empty cell.
 */
export function writeCsv(
  columns: readonly string[],
  records: readonly CsvRecord[],
  options: CsvOptions = {},
): string {
  return stringify(records.map(markGuarded), {
    ...writerOptions(columns),
    header: true,
    bom: options.bom ?? false,
  })
}

// The options every piece of a CSV is written with (see the file's header).
const writerOptions = (columns: readonly string[]) => ({
  columns: [...columns],
  record_delimiter: 'windows' as const,
  quoted_match: /[",\r\n]/,
  // A cell that starts with = + - @ would run as a formula in a spreadsheet: it gets a leading '.
  escape_formulas: true,
})

/**
 * The first piece of a CSV written a part at a time: the byte-order mark when `bom`, then the
 * header row of `columns`. Followed by csvRecords() of each part, it is the text writeCsv() gives.
 */
export function csvHeader(columns: readonly string[], options: CsvOptions = {}): string {
  return stringify([], { ...writerOptions(columns), header: true, bom: options.bom ?? false })
}

/** Some records of a CSV written a part at a time (see csvHeader): each row with its CRLF. */
export function csvRecords(columns: readonly string[], records: readonly CsvRecord[]): string {
  return stringify(records.map(markGuarded), { ...writerOptions(columns), header: false })
}

/**
 * A text cell of our CSV with the formula guard undone: one leading `'` dropped when the next
 * character is a formula start or another `'` (the rule the zip's README gives partners).
 */
export function unguardCell(cell: string): string {
  return cell.length > 1 &&
    cell[0] === GUARD &&
    [...FORMULA_STARTS, GUARD].includes(cell[1] as never)
    ? cell.slice(1)
    : cell
}

/** What separates the items of a list cell: a semicolon and a space. */
export const LIST_SEPARATOR = '; '

/**
 * A list of texts as one cell: the items joined by `"; "`, with every `;` inside an item written
 * twice (`;;`), as RFC 4180 writes a quote inside a quoted cell twice. So an item may hold any
 * text, `; ` included (a note such as "the first; the second"), and the cell still reads back
 * into exactly the items it was made of ({@link splitListCell}). An empty list is an empty cell.
 * Items are never empty (every listed name, figure and note has text).
 */
export function listCell(items: readonly string[]): string {
  return items.map((item) => item.replaceAll(';', ';;')).join(LIST_SEPARATOR)
}

/**
 * A list cell read back into its items: the inverse of {@link listCell}, and the recipe the
 * exports' README gives partners. Read from the left: `;;` is one `;` of the item, `; ` ends the
 * item. An empty cell is an empty list. (Undo the formula guard first, on the whole cell.)
 */
export function splitListCell(cell: string): string[] {
  if (cell === '') return []
  const items: string[] = []
  let item = ''
  for (let i = 0; i < cell.length;) {
    if (cell.startsWith(';;', i)) {
      item += ';'
      i += 2
    } else if (cell.startsWith(LIST_SEPARATOR, i)) {
      items.push(item)
      item = ''
      i += LIST_SEPARATOR.length
    } else {
      item += cell[i]
      i += 1
    }
  }
  items.push(item)
  return items
}
