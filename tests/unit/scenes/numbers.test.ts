// The numbers scene's model: national tallies only, periods in order, bars in proportion.
import { describe, expect, test } from 'vitest'
import { eventsSoFar, placeIndex } from '../../../web/src/charts/figures'
import { numbersModel, periodLabel } from '../../../web/src/charts/scenes/numbers/model'
import { sceneFor } from '../../../web/src/charts/scenes'
import { buildStory, byId } from '../fixtures/story'

const story = buildStory()
function model(eventId: string, width = 640, height = 480) {
  const event = byId(story, eventId)
  return numbersModel({
    events: eventsSoFar(story, event.id),
    places: placeIndex(story),
    activeFigureIds: sceneFor(event, story).figureIds,
    width,
    height,
  })
}

describe('numbersModel', () => {
  test('national tallies only: per-province complaints belong to the map', () => {
    const m = model('2022-10-28')
    expect(m.panels.map((p) => p.unit)).toEqual(['complaints'])
    expect(m.panels[0]!.bars.map((b) => b.text)).toEqual(['289', 'more than 600'])
    expect(m.panels[0]!.bars.map((b) => b.period)).toEqual([
      'the month before September 19, 2022',
      'to 28 Oct 2022',
    ])
    expect(m.panels[0]!.bars[1]!.active).toBe(true)
    expect(m.panels[0]!.bars[0]!.active).toBe(false)
  })

  test('cases: 2021 before 2022, both lit, lengths in proportion', () => {
    const panel = model('2023-03-23').panels.find((p) => p.unit === 'cases')!
    expect(panel.bars.map((b) => [b.period, b.text])).toEqual([
      ['2021', '359'],
      ['2022', '166'],
    ])
    expect(panel.bars.every((b) => b.active)).toBe(true)
    expect(panel.bars[1]!.width / panel.bars[0]!.width).toBeCloseTo(166 / 359, 6)
    expect(panel.active).toBe(true)
  })

  test('requests: the first quarter of 2022 before 2023, with the decline the source stated', () => {
    const m = model('2023-05-18')
    const panel = m.panels.find((p) => p.unit === 'requests')!
    expect(panel.bars.map((b) => b.text)).toEqual(['605', '128'])
    expect(panel.lines.join(' ')).toContain('78% decline, as stated')
    expect(m.panels.find((p) => p.unit === 'cases')!.active).toBe(false)
  })

  test.each([
    [360, 300],
    [640, 480],
  ])('fits in %i x %i', (width, height) => {
    const m = model('2023-06-07', width, height)
    for (const panel of m.panels)
      for (const bar of panel.bars) {
        expect(bar.x + bar.width).toBeLessThanOrEqual(width)
        expect(bar.y + bar.barHeight).toBeLessThanOrEqual(height)
      }
  })

  test('periodLabel', () => {
    expect(periodLabel({ period: '2021' }, '2023-03-23')).toBe('2021')
    expect(periodLabel({ period: null }, '2022-10-28')).toBe('to 28 Oct 2022')
  })
})
