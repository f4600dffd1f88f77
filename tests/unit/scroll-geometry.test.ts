// The story's scroll geometry (web/src/scroll/geometry.ts): how far through a step the reader is,
// which step is active, and where a change of width puts the reader's place back.
import { describe, expect, test } from 'vitest'
import { activeIndexAt, progressAt, scrollToKeepPlace } from '../../web/src/scroll/geometry'

const RANGE = 100_000

describe('scrollToKeepPlace', () => {
  test('puts the words the reader saw first back at the top of what they can see', () => {
    // Wide: nothing above the steps (inset 20 px), the trigger line at 400 px, and the top of
    // what the reader sees a third of the way into a 600 px step.
    const through = progressAt(-180, 600, 20)
    expect(through).toBeCloseTo(1 / 3)
    // Narrow: the graphic now sits above the steps (inset 320 px, trigger 500 px); the step has
    // rewrapped to 900 px and, at the same scrollY (4,000), starts at 1,600 px.
    const scroll = scrollToKeepPlace(1600, 900, through, 320, 500, 4000, RANGE)
    const top = 1600 - (scroll - 4000)
    expect(progressAt(top, 900, 320)).toBeCloseTo(through)
    expect(activeIndexAt([top, top + 900], 500)).toBe(0)
  })

  test('puts a step the reader was at the start of where a jump would: its headline seen', () => {
    const scroll = scrollToKeepPlace(1200, 500, 0, 320, 500, 0, RANGE)
    expect(1200 - scroll).toBe(320)
  })

  test('keeps the step active when the reader was near its end and it has grown shorter', () => {
    // 90% through at the inset line (20 px); now 200 px tall, the trigger 300 px below the inset.
    const scroll = scrollToKeepPlace(1000, 200, 0.9, 20, 320, 0, RANGE)
    const top = 1000 - scroll
    expect(activeIndexAt([top, top + 200], 320)).toBe(0)
  })

  test('keeps the step active when its next one starts exactly at its bottom', () => {
    const scroll = scrollToKeepPlace(1000, 400, 1, 300, 300, 0, RANGE)
    const top = 1000 - scroll
    expect(activeIndexAt([top - 400, top, top + 400], 300)).toBe(1)
  })

  test('stays within the page’s scroll range', () => {
    expect(scrollToKeepPlace(-5000, 400, 0, 20, 300, 100, 10_000)).toBe(0)
    expect(scrollToKeepPlace(50_000, 400, 0.5, 20, 300, 100, 10_000)).toBe(10_000)
  })

  test('takes a place outside 0-1 (a stale read) as the step’s nearer end', () => {
    expect(scrollToKeepPlace(500, 400, -2, 20, 300, 0, RANGE)).toBe(480)
    expect(scrollToKeepPlace(500, 400, 7, 20, 300, 0, RANGE)).toBe(
      scrollToKeepPlace(500, 400, 1, 20, 300, 0, RANGE),
    )
  })
})
