// The charts' scales: the arithmetic every scene sizes its marks with.
import { describe, expect, test } from 'vitest'
import { linearScale, maxAtLeast, sqrtScale } from '../../web/src/charts/scales'

describe('linearScale', () => {
  test('maps the domain onto the range, and extends beyond it', () => {
    const x = linearScale([10, 20], [100, 200])
    expect(x(10)).toBe(100)
    expect(x(15)).toBe(150)
    expect(x(20)).toBe(200)
    expect(x(30)).toBe(300)
    expect(linearScale([0, 4], [0, 100])(1)).toBe(25)
  })
  test('a domain of zero width maps everything to the range’s start', () => {
    expect(linearScale([5, 5], [8, 632])(5)).toBe(8)
  })
})

describe('sqrtScale', () => {
  test('areas drawn with it follow the values', () => {
    const r = sqrtScale(200, 40)
    expect(r(200)).toBe(40)
    expect(r(0)).toBe(0)
    expect((r(18) / r(200)) ** 2).toBeCloseTo(18 / 200, 12)
    expect(r(-5)).toBe(0)
  })
  test('an empty domain draws nothing', () => {
    expect(sqrtScale(0, 40)(10)).toBe(0)
  })
})

describe('maxAtLeast', () => {
  test('the largest value, never below the floor', () => {
    expect(maxAtLeast([{ v: 3 }, { v: 9 }, { v: 4 }], (d) => d.v, 1)).toBe(9)
    expect(maxAtLeast([{ v: 0.2 }], (d) => d.v, 1)).toBe(1)
    expect(maxAtLeast([], (d: { v: number }) => d.v, 1)).toBe(1)
  })
})
