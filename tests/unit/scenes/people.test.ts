// The people scene's model: reports by nationality, qualifiers kept, the estimate to scale.
import { describe, expect, test } from 'vitest'
import { eventsSoFar } from '../../../web/src/charts/figures'
import { peopleModel } from '../../../web/src/charts/scenes/people/model'
import { sceneFor } from '../../../web/src/charts/scenes'
import { buildStory, byId } from '../fixtures/story'

const story = buildStory()
function model(eventId: string, width = 640, height = 480) {
  const event = byId(story, eventId)
  return peopleModel({
    events: eventsSoFar(story, event.id),
    activeFigureIds: sceneFor(event, story).figureIds,
    width,
    height,
  })
}

describe('peopleModel', () => {
  test('reports accumulate: only those up to the active event', () => {
    expect(model('2022-08-01').bars.map((b) => b.label)).toEqual([
      '62 Indonesian nationals rescued (Aug 2022)',
    ])
    const later = model('2022-09-27')
    expect(later.bars).toHaveLength(3)
    expect(later.bars.map((b) => b.eventId)).not.toContain(byId(story, '2022-11-01').id)
  })

  test('labels keep the qualifier; the active report is lit', () => {
    const m = model('2022-09-27')
    const lit = m.bars.filter((b) => b.active)
    expect(lit).toHaveLength(1)
    expect(lit[0]!.label).toContain('more than 1,480')
    expect(m.bars.filter((b) => !b.active).every((b) => !b.label.includes('1,480'))).toBe(true)
  })

  test('grouped by nationality, in order of first report', () => {
    const m = model('2023-06-07', 1280, 800)
    expect(m.groups.map((g) => g.nationality)).toEqual([
      'Indonesian',
      'Taiwanese',
      'Nationality not given',
      'Cambodian',
    ])
    const order = m.bars.map((b) => b.nationality)
    // Each nationality's bars are next to each other.
    expect(order.filter((n, i) => n !== order[i - 1])).toEqual(m.groups.map((g) => g.nationality))
  })

  test('bar length follows the value; a range shows up to its maximum; stranded is held', () => {
    const m = model('2022-09-27')
    const [indonesians, taiwanese, released] = m.bars
    expect(released!.width / indonesians!.width).toBeCloseTo(1480 / 62, 6)
    expect(taiwanese!.rangeWidth / taiwanese!.width).toBeCloseTo(3000 / 2000, 6)
    expect(taiwanese!.held).toBe(true)
    expect(released!.held).toBe(false)
  })

  test('no scale before the estimate is reported', () => {
    expect(model('2022-09-27').scale).toBeNull()
  })

  test('the estimate is set against each report of people freed, area to scale', () => {
    const m = model('2022-11-01')
    expect(m.scale).not.toBeNull()
    const scale = m.scale!
    expect(scale.estimate.active).toBe(true)
    expect(scale.estimate.text).toBe('as many as 100,000 held captive (estimate)')
    // Not a bar: the estimate would flatten every other report.
    expect(m.bars.some((b) => b.figureId === scale.estimate.figureId)).toBe(false)
    // Freed reports only (the stranded Taiwanese are not freed).
    expect(scale.squares).toHaveLength(2)
    const released = scale.squares.find((s) => s.size > 10)!
    expect((released.size / scale.size) ** 2).toBeCloseTo(1480 / 100000, 6)
    for (const s of scale.squares) {
      expect(s.x).toBeGreaterThanOrEqual(scale.x)
      expect(s.x + s.size).toBeLessThanOrEqual(scale.x + scale.size)
      expect(s.y).toBeGreaterThanOrEqual(scale.y)
      expect(s.y + s.size).toBeLessThanOrEqual(scale.y + scale.size)
    }
    expect(scale.caption.join(' ')).toContain(
      'Largest: more than 1,480 foreign nationals released.',
    )
  })

  test.each([
    [360, 220],
    [360, 320],
    [390, 420],
    [640, 480],
    [1280, 800],
  ])('everything fits in %i x %i, rows apart', (width, height) => {
    const m = model('2023-06-07', width, height)
    for (const b of m.bars) {
      expect(b.x + b.width + b.rangeWidth).toBeLessThanOrEqual(width)
      expect(b.y + b.barHeight).toBeLessThanOrEqual(height)
      expect(b.textY).toBeGreaterThan(0)
    }
    // Each row (label and bar) ends before the next one starts.
    for (let i = 1; i < m.bars.length; i++) {
      const prev = m.bars[i - 1]!
      const next = m.bars[i]!
      const nextTop = next.textY - (m.compact ? 11 : 12) * 0.85
      expect(Math.max(prev.y + prev.barHeight, prev.textY)).toBeLessThanOrEqual(nextTop + 0.5)
      if (m.compact) expect(next.x).toBeGreaterThan(next.textX)
    }
    if (width >= 560) {
      // Side by side when wide.
      const s = m.scale!
      expect(s.x + s.size).toBeLessThanOrEqual(width)
      expect(s.captionY + (s.caption.length - 1) * 13).toBeLessThanOrEqual(height)
      expect(s.x).toBeGreaterThan(Math.max(...m.bars.map((b) => b.x + b.width + b.rangeWidth)))
      expect(m.note).toBeNull()
    } else {
      // Narrow: away from its own step the estimate is a note under the bars.
      expect(m.scale).toBeNull()
      expect(m.note!.lines.join(' ')).toContain('as many as 100,000 people held captive')
      expect(m.note!.y).toBeGreaterThan(Math.max(...m.bars.map((b) => b.y + b.barHeight)))
      expect(m.note!.y + (m.note!.lines.length - 1) * 14).toBeLessThanOrEqual(height)
    }
  })

  test('narrow screens draw the square on the estimate’s own step, under the bars', () => {
    const m = model('2022-11-01', 360, 320)
    expect(m.note).toBeNull()
    const s = m.scale!
    expect(s.estimate.active).toBe(true)
    expect(s.y).toBeGreaterThan(Math.max(...m.bars.map((b) => b.y + b.barHeight)))
    expect(s.captionY + (s.caption.length - 1) * 13).toBeLessThanOrEqual(320)
    // The box under the bars is wide and low: the caption sits beside the square.
    expect(s.captionX).toBeGreaterThanOrEqual(s.x + s.size)
    for (const line of s.caption)
      expect(s.captionX + line.length * 11 * 0.56).toBeLessThanOrEqual(360)
  })

  test('small screens switch to compact rows; roomy ones keep a heading per nationality', () => {
    expect(model('2023-06-07', 360, 220).compact).toBe(true)
    expect(model('2023-06-07', 360, 220).groups).toEqual([])
    const roomy = model('2022-09-27', 640, 480)
    expect(roomy.compact).toBe(false)
    expect(roomy.groups.map((g) => g.nationality)).toEqual([
      'Indonesian',
      'Taiwanese',
      'Nationality not given',
    ])
  })
})
