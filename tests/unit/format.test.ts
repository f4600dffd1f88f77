// The formatter the page, its charts and the exports share, and the charts' text measure.
import { describe, expect, test } from 'vitest'
import { linesWidth, textWidth, wrapRuns, wrapText } from '../../web/src/charts/text'
import {
  day,
  formatDate,
  formatLongDate,
  formatMonthYear,
  formatNumber,
  formatPeriod,
  formatValue,
  isolate,
  listOf,
  listSeparators,
  monthName,
  normaliseDates,
} from '../../worker/shared/format'
import type { Figure } from '../../worker/model'
import * as format from '../../worker/shared/format'

type Value = Pick<Figure, 'value' | 'value_max' | 'qualifier' | 'unit'>

describe('formatValue keeps the qualifier and never rounds', () => {
  test.each<[Value, string]>([
    [{ value: 1480, value_max: null, qualifier: 'more than', unit: 'people' }, 'more than 1,480'],
    [{ value: 62, value_max: null, qualifier: 'exactly', unit: 'people' }, '62'],
    [
      { value: 100000, value_max: null, qualifier: 'as many as', unit: 'people' },
      'as many as 100,000',
    ],
    [
      { value: 2000, value_max: 5000, qualifier: 'at least', unit: 'people' },
      'at least 2,000 (up to 5,000)',
    ],
    [{ value: 78, value_max: null, qualifier: 'exactly', unit: 'percent' }, '78%'],
    [{ value: 2500000, value_max: null, qualifier: 'exactly', unit: 'USD' }, '2,500,000 USD'],
    [{ value: 2.5, value_max: null, qualifier: 'about', unit: 'years' }, 'about 2.5'],
  ])('%o -> %s', (figure, expected) => {
    expect(formatValue(figure)).toBe(expected)
  })
})

describe('dates', () => {
  test('parse and format in UTC', () => {
    expect(day('2022-09-19').toISOString()).toBe('2022-09-19T00:00:00.000Z')
    expect(formatLongDate('2022-09-19')).toBe('19 September 2022')
    // One form of a date everywhere: no short forms to mix in ('16 Jun 2023', 'Sep 2022').
    expect(Object.keys(format)).not.toContain('formatShortDate')
    expect(Object.keys(format)).not.toContain('formatMonth')
  })
  test('a bad date is a clear error', () => {
    expect(() => day('19/09/2022')).toThrow(/expected YYYY-MM-DD/)
    expect(() => day('2023-02-30')).toThrow('not a date: "2023-02-30"')
  })
  test('every form, as precise as the date is known', () => {
    expect(formatDate('2022-07-13')).toBe('13 July 2022')
    expect(formatDate('2022-07-13', 'day')).toBe('13 July 2022')
    expect(formatDate('2022-07-01', 'month')).toBe('July 2022')
    expect(formatDate('2022-07-01', 'year')).toBe('2022')
    expect(formatDate('2023-06-30T12:00:00.000Z')).toBe('30 June 2023')
    expect(formatMonthYear('2022-09-19')).toBe('September 2022')
    expect(monthName(0)).toBe('January')
    expect(monthName(11, true)).toBe('Dec')
    expect(monthName(12)).toBe('')
  })
  test('dates inside a text are rewritten to the one form', () => {
    expect(normaliseDates('the month before September 19, 2022')).toBe(
      'the month before 19 September 2022',
    )
    expect(normaliseDates('August 18 to December 31, 2022')).toBe('18 August to 31 December 2022')
    expect(normaliseDates('First quarter of 2022')).toBe('First quarter of 2022')
    expect(normaliseDates('since November 2021')).toBe('since November 2021')
    expect(normaliseDates('March 1, 2023 and May 09, 2023')).toBe('1 March 2023 and 9 May 2023')
  })
  test('periods name their months once per year', () => {
    expect(formatPeriod('2022-07-01', '2022-09-30')).toBe('July to September 2022')
    expect(formatPeriod('2022-12-01', '2023-02-28')).toBe('December 2022 to February 2023')
    expect(formatPeriod('2022-07-01', '2022-07-31')).toBe('July 2022')
  })
  test('every date of the year reads the same as the browser’s en-GB long form', () => {
    // The page used Intl before; the written-out form must not change a single date.
    const intl = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    for (let t = Date.UTC(2022, 0, 1); t < Date.UTC(2024, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10)
      expect(formatLongDate(iso)).toBe(intl.format(new Date(t)))
    }
  })
})

describe('numbers and lists', () => {
  test('formatNumber groups thousands and never rounds', () => {
    expect(formatNumber(1480)).toBe('1,480')
    expect(formatNumber(100000)).toBe('100,000')
    expect(formatNumber(2.5)).toBe('2.5')
    expect(formatNumber(78.8)).toBe('78.8')
    expect(formatNumber(-1200)).toBe('-1,200')
    expect(formatNumber(0)).toBe('0')
  })
  test('listOf', () => {
    expect(listOf([])).toBe('')
    expect(listOf(['a'])).toBe('a')
    expect(listOf(['a', 'b'])).toBe('a and b')
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c')
  })
})

describe('the charts’ text measure', () => {
  test('widths are DejaVu Sans’s advance widths, bold wider than regular', () => {
    // 'M' is 862/1000 em in DejaVu Sans, '1' 636/1000; bold 'M' 995/1000.
    expect(textWidth('M', 10)).toBeCloseTo(8.62, 6)
    expect(textWidth('1,480', 12)).toBeCloseTo((636 * 4 + 317) * 0.012, 6)
    expect(textWidth('Kandal', 12, true)).toBeGreaterThan(textWidth('Kandal', 12))
    // Characters outside the table count as wide as a capital M, to be safe.
    expect(textWidth('é', 10)).toBeCloseTo(8.62, 6)
  })
})

describe('wrapText', () => {
  const headline =
    'Interior Minister Sar Kheng says the ministry received 289 trafficking complaints'
  test('fits every line in the width, breaking between words only: nothing is cut', () => {
    const lines = wrapText(headline, 150, 12)
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(150)
    expect(lines.join(' ')).toBe(headline)
    expect(lines.some((l) => l.includes('…'))).toBe(false)
  })
  test('keeps short text whole', () => {
    expect(wrapText('Tier 3 again', 300, 12)).toEqual(['Tier 3 again'])
  })
  test('a word wider than the width gets a line of its own, whole', () => {
    const lines = wrapText('possibly as many as 5,000', 30, 12)
    expect(lines).toEqual(['possibly', 'as', 'many', 'as', '5,000'])
    expect(linesWidth(lines, 12)).toBeGreaterThan(30)
  })
  test('keeps every word when there is room', () => {
    expect(wrapText(headline, 400, 12).join(' ')).toBe(headline)
  })
  test('runs keep their words together with what they name', () => {
    const lines = wrapRuns(
      [
        { text: 'Also named: ', key: null },
        { text: 'United States', key: 'us' },
        { text: ', ', key: null },
        { text: 'Thailand', key: 'th' },
      ],
      120,
      12,
    )
    expect(lines.map((l) => l.map((r) => r.text).join(''))).toEqual([
      'Also named: United',
      'States, Thailand',
    ])
    expect(lines[1]![0]).toEqual({ text: 'States', key: 'us' })
    expect(lines[1]!.at(-1)).toEqual({ text: 'Thailand', key: 'th' })
  })
})

describe('isolate and listOf with names that could reorder their neighbours', () => {
  test('wraps a right-to-left name, or one holding a bidi control, in FSI ... PDI', () => {
    expect(isolate('Kandal')).toBe('Kandal')
    expect(isolate('ភ្នំពេញ')).toBe('ភ្នំពេញ')
    expect(isolate('سيهانوكفيل')).toBe('\u2068سيهانوكفيل\u2069')
    expect(isolate('Kandal\u202E')).toBe('\u2068Kandal\u202E\u2069')
    expect(isolate('a\u200Fb')).toBe('\u2068a\u200Fb\u2069')
    expect(isolate('עברית')).toBe('\u2068עברית\u2069')
  })

  test('lists names in running English, isolating only the ones that need it', () => {
    expect(listSeparators(3)).toEqual(['', ', ', ' and '])
    expect(listOf(['Kandal', 'Kampot\u202E', 'Takeo'])).toBe(
      'Kandal, \u2068Kampot\u202E\u2069 and Takeo',
    )
    expect(listOf(['Kandal', 'Takeo'])).toBe('Kandal and Takeo')
  })
})
