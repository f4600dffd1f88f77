// TimelineJS eras: every chapter becomes an era that ends after it starts, whatever its dates.
// TimelineJS drops an era end equal to its start and then refuses the whole timeline ("All eras
// must have start and end dates"); a one-day chapter, which the write API accepts, did exactly that.
import { describe, expect, test } from 'vitest'
import { dayAfter, era } from '../../worker/exports/timeline'
import type { Chapter } from '../../worker/model'

const chapter = (start_date: string, end_date: string): Chapter => ({
  id: 'one-day',
  position: 1,
  title: 'One day',
  dek: 'A chapter of one day.',
  start_date,
  end_date,
})

const asDay = (d: { year: number; month?: number; day?: number }) =>
  Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1)

describe('TimelineJS eras', () => {
  test('a one-day chapter ends the next day, showing its own day', () => {
    const e = era(chapter('2022-08-31', '2022-08-31'))
    expect(e.start_date).toMatchObject({ year: 2022, month: 8, day: 31 })
    expect(e.end_date).toMatchObject({
      year: 2022,
      month: 9,
      day: 1,
      display_date: '31 August 2022',
    })
    expect(asDay(e.end_date)).toBeGreaterThan(asDay(e.start_date))
  })

  test('every era ends after it starts, across months, years and leap days', () => {
    for (const [start, end] of [
      ['2022-07-01', '2022-08-31'],
      ['2022-12-31', '2022-12-31'],
      ['2023-02-28', '2023-02-28'],
      ['2024-02-29', '2024-02-29'],
      ['2023-06-30', '2023-06-30'],
    ] as const) {
      const e = era(chapter(start, end))
      expect(asDay(e.end_date), `${start}..${end}`).toBeGreaterThan(asDay(e.start_date))
      expect(JSON.stringify(e.end_date)).not.toBe(JSON.stringify(e.start_date))
    }
  })

  test('dayAfter counts calendar days', () => {
    expect(dayAfter('2022-12-31')).toBe('2023-01-01')
    expect(dayAfter('2023-02-28')).toBe('2023-03-01')
    expect(dayAfter('2024-02-28')).toBe('2024-02-29')
    expect(dayAfter('2022-08-31')).toBe('2022-09-01')
  })
})
