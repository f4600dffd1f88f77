// The CSV writer's cells read back exactly. The formula guard can always be undone: whatever a
// text cell holds, the documented rule (drop one leading ' when the next character is a formula
// start or another ') gives it back, and no cell a spreadsheet would run as a formula is ever
// written. A list cell (events.csv's places, actors, notes...) splits back into exactly its items,
// whatever they hold, ";" and "; " included (the real notes have some).
import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import {
  FORMULA_STARTS,
  GUARD,
  listCell,
  splitListCell,
  unguardCell,
  writeCsv,
} from '../../worker/exports/csv'

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
    // The import reads our own CSV back with the same rule.
    expect(unguardCell(row!.text!)).toBe(text)
    // Numbers are never guarded.
    expect(row!.number).toBe('-40')
    // Nothing is written that a spreadsheet would run.
    expect(FORMULA_STARTS.some((start) => row!.text!.startsWith(start))).toBe(false)
  })
})

/** Lists whose items hold the separator, doubled semicolons, spaces and formula starts. */
const LISTS: string[][] = [
  [],
  ['Phnom Penh'],
  ['Phnom Penh', 'Kandal'],
  ['Koh Kong; Botum Sakor', 'Kampot'],
  ['ends with;', 'next'],
  [';', '; ', ' ;', ';;', ';; ;'],
  ['=HYPERLINK("x")', "'quoted", '-5'],
  ['Correction: the source said "200"; we record 212.'],
  [' leading space', 'trailing space '],
]

describe('list cells', () => {
  test.each(LISTS.map((items) => [items]))('%j splits back exactly, through the CSV', (items) => {
    const csv = writeCsv(['list'], [{ list: listCell(items) }])
    const [row] = parse(csv, { columns: true }) as Record<string, string>[]
    expect(splitListCell(undo(row!.list!))).toEqual(items)
  })

  test('any list of short texts over ";", " " and "a" splits back exactly (exhaustive to 3 items of 3 characters)', () => {
    const alphabet = [';', ' ', 'a']
    const texts = ['']
    for (let length = 1; length <= 3; length++) {
      for (const text of texts.filter((t) => t.length === length - 1)) {
        for (const c of alphabet) texts.push(text + c)
      }
    }
    const items = texts.filter((t) => t !== '') // items are never empty
    let checked = 0
    for (const a of items) {
      expect(splitListCell(listCell([a]))).toEqual([a])
      for (const b of items) {
        expect(splitListCell(listCell([a, b]))).toEqual([a, b])
        for (const c of items.slice(0, 12)) {
          expect(splitListCell(listCell([a, b, c]))).toEqual([a, b, c])
          checked++
        }
      }
    }
    expect(checked).toBe(items.length * items.length * 12)
  })

  test('a list of ids (which never hold ";") is the plain "; " join', () => {
    expect(listCell(['phnom-penh', 'kandal'])).toBe('phnom-penh; kandal')
  })
})
