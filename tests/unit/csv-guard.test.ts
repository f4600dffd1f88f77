// The CSV writer's formula guard can always be undone: whatever a text cell holds, the documented
// rule (drop one leading ' when the next character is a formula start or another ') gives it back,
// and no cell a spreadsheet would run as a formula is ever written.
import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { FORMULA_STARTS, GUARD, writeCsv } from '../../worker/exports/csv'

/** The undo rule as the zip's README and the OpenAPI document give it to partners. */
const undo = (cell: string) =>
  cell.length > 1 && cell[0] === GUARD && [...FORMULA_STARTS, GUARD].includes(cell[1] as never)
    ? cell.slice(1)
    : cell

const TEXTS = [
  '=SUM(A1)',
  '-40% of complaints',
  '+855',
  '@mention',
  '\tindented',
  '\rreturn',
  '＝full width',
  "'",
  "''",
  "'=already guarded by hand",
  "'-dash",
  "'plain",
  "it's fine",
  'Jürgen Stock, "quoted", ភ្នំពេញ',
  '',
  'line\r\nbreak',
]

describe('the formula guard', () => {
  test.each(TEXTS)('undoes exactly for %j', (text) => {
    const csv = writeCsv(['text', 'number'], [{ text, number: -40 }])
    const [row] = parse(csv, { columns: true }) as Record<string, string>[]
    expect(undo(row!.text!)).toBe(text)
    // Numbers are never guarded.
    expect(row!.number).toBe('-40')
    // Nothing is written that a spreadsheet would run.
    expect(FORMULA_STARTS.some((start) => row!.text!.startsWith(start))).toBe(false)
  })
})
