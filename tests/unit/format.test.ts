import { describe, expect, test } from 'vitest'
import {
  day,
  formatLongDate,
  formatShortDate,
  formatValue,
  textWidth,
  wrapText,
} from '../../web/src/charts/format'
import type { Figure } from '../../worker/model'

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
    expect(formatShortDate('2023-06-16')).toBe('16 Jun 2023')
  })
  test('a bad date is a clear error', () => {
    expect(() => day('19/09/2022')).toThrow(/expected YYYY-MM-DD/)
  })
})

describe('wrapText', () => {
  const headline =
    'Interior Minister Sar Kheng says the ministry received 289 trafficking complaints'
  test('fits every line in the width and cuts with an ellipsis', () => {
    const lines = wrapText(headline, 150, 12, 2)
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(150)
    expect(lines[1]!.endsWith('…')).toBe(true)
  })
  test('keeps short text whole', () => {
    expect(wrapText('Tier 3 again', 300, 12, 2)).toEqual(['Tier 3 again'])
  })
  test('one line only', () => {
    const [line, ...rest] = wrapText(headline, 100, 12, 1)
    expect(rest).toEqual([])
    expect(textWidth(line!, 12)).toBeLessThanOrEqual(100)
    expect(line!.endsWith('…')).toBe(true)
  })
  test('keeps every word when there is room', () => {
    expect(wrapText(headline, 400, 12, 3).join(' ')).toBe(headline)
  })
})
