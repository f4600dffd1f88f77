// The numbers scene: national tallies only, one panel per measure on its own axis that stays the
// same on every step (unlike measures never share a bar scale), one series per report and period
// length (a month's complaints from a website and a hotline's running total are two
// series, not one rising line), periods in order, bars in proportion.
import { describe, expect, test } from 'vitest'
import { textWidth } from '../../../web/src/charts/text'
import { placeIndex } from '../../../web/src/charts/figures'
import {
  numbersContent,
  numbersModel,
  periodKind,
  periodLabel,
  type NumbersContent,
} from '../../../web/src/charts/scenes/numbers/model'
import { sceneFor, sceneRegistry } from '../../../web/src/charts/scenes'
import { buildStory, byId, event, figure } from '../fixtures/story'

const story = buildStory()
const content = (eventId: string) => {
  const event = byId(story, eventId)
  return sceneRegistry.contentFor(sceneFor(event, story), event, story) as NumbersContent
}
const model = (eventId: string, width = 640, height = 480) =>
  numbersModel({ content: content(eventId), width, height })
const numbersSteps = story.events.filter((e) => sceneFor(e, story).scene === 'numbers')

describe('numbersContent', () => {
  test('national tallies only: per-province complaints belong to the map', () => {
    const c = content('2022-10-28')
    expect(c.series.map((s) => s.unit)).toEqual(['complaints', 'complaints'])
    expect(c.series.flatMap((s) => s.bars.map((b) => b.label))).toEqual([
      'Complaints received — VOD, the month before 19 September 2022: 289',
      'Complaints received — VOD, to 28 October 2022: more than 600',
    ])
    expect(c.series[1]!.bars[0]!.active).toBe(true)
    expect(c.series[0]!.bars[0]!.active).toBe(false)
  })

  test('289 complaints in a month and more than 600 to date are two series, not one', () => {
    const [month, toDate] = content('2022-10-28').series
    expect(month!.key).not.toBe(toDate!.key)
    expect(month!.bars).toHaveLength(1)
    expect(toDate!.bars).toHaveLength(1)
  })

  test('cases: 2021 before 2022 in one series, both lit', () => {
    const cases = content('2023-03-23').series.find((s) => s.unit === 'cases')!
    expect(cases.bars.map((b) => b.label)).toEqual(['2021: 359', '2022: 166'])
    expect(cases.bars.every((b) => b.active)).toBe(true)
    expect(cases.title).toBe('Trafficking cases — VOD')
  })

  test('requests: the first quarter of 2022 before 2023, with the decline the source stated', () => {
    const c = content('2023-05-18')
    const requests = c.series.find((s) => s.unit === 'requests')!
    expect(requests.bars.map((b) => b.label)).toEqual([
      'First quarter of 2022: 605',
      'January to March 2023: 128',
    ])
    expect(requests.note).toBe('78% decline, as stated')
    // Only the step's own measure is drawn: trafficking cases are not requests.
    expect(c.panels.map((p) => p.unit)).toEqual(['requests'])
    expect(c.series.find((s) => s.unit === 'cases')).toBeUndefined()
  })

  test('one axis per measure, from that measure’s largest tally, the same on every step', () => {
    const axes = numbersSteps.map((step) => content(step.id).axes)
    for (const a of axes) expect(a).toEqual(axes[0])
    const c = content('2022-10-28')
    expect(c.axes.complaints!.max).toBe(600)
    expect(c.axes.cases!.max).toBe(400)
    expect(c.axes.requests!.max).toBe(800)
    for (const step of numbersSteps)
      for (const panel of content(step.id).panels) {
        expect(panel.axis).toEqual(c.axes[panel.unit])
        expect(panel.series.every((s) => s.unit === panel.unit)).toBe(true)
      }
  })

  test('periodLabel: the period’s own words, dates in the one form; else to the day reported', () => {
    expect(periodLabel({ period: '2021' }, '2023-03-23')).toBe('2021')
    expect(periodLabel({ period: null }, '2022-10-28')).toBe('to 28 October 2022')
    expect(periodLabel({ period: 'August 18 to December 31, 2022' }, '2022-12-31')).toBe(
      '18 August to 31 December 2022',
    )
  })

  test('periodKind: years, quarters and months by their dates; words alone; running totals', () => {
    const kind = (period_start: string | null, period_end: string | null, period = 'x') =>
      periodKind({ period, period_start, period_end })
    expect(kind('2021-01-01', '2021-12-31')).toBe('year')
    expect(kind('2022-01-01', '2022-03-31')).toBe('quarter')
    expect(kind('2022-09-01', '2022-09-30')).toBe('month')
    expect(kind('2022-08-18', '2022-12-31')).toBe('136 days')
    expect(kind(null, null)).toBe('stated')
    expect(kind(null, null, '')).toBe('to date')
  })
})

describe('numbersModel', () => {
  test('lengths in proportion within a measure; each measure on its own labelled axis', () => {
    const bars = ['2023-03-23', '2023-05-18', '2022-10-28'].flatMap((id) =>
      model(id).series.flatMap((s) => s.bars),
    )
    const width = (value: number) =>
      bars.find((b) => story.figures.find((f) => f.id === b.figureId)!.value === value)!.width
    expect(width(166) / width(359)).toBeCloseTo(166 / 359, 6)
    expect(width(128) / width(605)).toBeCloseTo(128 / 605, 6)
    // Complaints and cases are scaled to their own axes' ends, not to one another.
    expect(width(289) / width(600)).toBeCloseTo(289 / 600, 6)
    expect(width(359) / width(166)).toBeCloseTo(359 / 166, 6)
    for (const id of ['2023-03-23', '2023-05-18', '2022-10-28']) {
      const m = model(id)
      expect(m.axes.length).toBe(content(id).panels.length)
      for (const axis of m.axes) {
        const last = axis.ticks.at(-1)!
        expect(last.label).toBe(
          `${content(id).axes[axis.unit]!.max} ${axis.unit}`.replace(/^(\d)(\d{3}) /, '$1,$2 '),
        )
      }
    }
  })

  test.each([
    [374, 252],
    [640, 480],
  ])('at %i x %i equal values give equal bars on every step', (width, height) => {
    const seen = new Map<number, number>()
    for (const step of numbersSteps) {
      for (const series of numbersModel({ content: content(step.id), width, height }).series)
        for (const bar of series.bars) {
          const before = seen.get(bar.figureId)
          if (before === undefined) seen.set(bar.figureId, bar.width)
          else expect(bar.width).toBeCloseTo(before, 9)
        }
    }
  })

  test('a series of more than one figure is headed and joined; a lone figure is not', () => {
    const cases = model('2023-03-23').series.find((s) => s.unit === 'cases')!
    expect(cases.title?.lines.join(' ')).toBe('Trafficking cases — VOD')
    expect(cases.spine).not.toBeNull()
    const complaints = model('2022-10-28').series.filter((s) => s.unit === 'complaints')
    expect(complaints.map((s) => [s.title, s.spine])).toEqual([
      [null, null],
      [null, null],
    ])
  })

  test.each([
    [360, 300],
    [640, 480],
  ])('fits in %i x %i', (width, height) => {
    const last = numbersContent({
      story,
      places: placeIndex(story),
      activeId: story.events.at(-1)!.id,
      activeFigureIds: [],
    })
    const m = numbersModel({ content: last, width, height })
    expect(m.series).toHaveLength(4)
    for (const series of m.series)
      for (const bar of series.bars) {
        expect(bar.x + bar.width).toBeLessThanOrEqual(width)
        expect(bar.y + bar.barHeight).toBeLessThanOrEqual(m.height)
      }
  })

  test.each([280, 320, 374, 390, 640, 760, 1280])(
    'at %i px wide the axis labels keep apart, and the axis keeps its ends',
    (width) => {
      for (const step of numbersSteps) {
        const m = numbersModel({ content: content(step.id), width, height: 400 })
        for (const axis of m.axes) {
          const ticks = axis.ticks
          const boxes = ticks.map((t, i) => {
            const w = textWidth(t.label, m.fontSize)
            const x0 = i === 0 ? t.x : i === ticks.length - 1 ? t.x - w : t.x - w / 2
            return [x0, x0 + w]
          })
          for (let i = 1; i < boxes.length; i++)
            expect(
              boxes[i]![0]! - boxes[i - 1]![1]!,
              `${step.id}: ${ticks[i]!.label}`,
            ).toBeGreaterThan(4)
          expect(ticks[0]!.label).toBe('0')
          expect(ticks.length).toBeGreaterThanOrEqual(2)
        }
      }
    },
  )
})

// The fixture with the requests the source gives on 31 December 2022 (more than 600, from 18
// August): a figure of a measure drawn on two steps, and a step with rows still to come.
const full = (() => {
  const s = buildStory()
  const requests = event(
    '2022-12-31-sar-kheng-600-requests',
    'government-statement',
    ['cambodia'],
    [
      figure({
        value: 600,
        qualifier: 'more than',
        unit: 'requests',
        measure: 'requests',
        place_id: 'cambodia',
        period: 'August 18 to December 31, 2022',
        period_start: '2022-08-18',
        period_end: '2022-12-31',
        display: 'more than 600 requests answered',
      }),
    ],
  )
  const events = [...s.events, requests].sort((a, b) => a.date.localeCompare(b.date))
  return {
    ...s,
    events,
    figures: events.flatMap((e) => e.figures.map((f) => ({ ...f, event_id: e.id }))),
  }
})()
const fullContent = (eventId: string) => {
  const e = byId(full, eventId)
  return sceneRegistry.contentFor(sceneFor(e, full), e, full) as NumbersContent
}
const fullModel = (eventId: string, width: number, height: number) =>
  numbersModel({ content: fullContent(eventId), width, height })
const fullSteps = full.events.filter((e) => sceneFor(e, full).scene === 'numbers')

describe('numbersModel: one frame for the scene', () => {
  const sizes = [
    [374, 300],
    [390, 420],
    [640, 480],
    [700, 650],
  ] as const
  const models = (width: number, height: number) =>
    fullSteps.map((step) => ({
      step,
      content: fullContent(step.id),
      model: numbersModel({ content: fullContent(step.id), width, height }),
    }))

  test.each(sizes)(
    'at %i x %i a figure’s bar keeps its row, length and thickness on every step that draws it',
    (width, height) => {
      const seen = new Map<number, { y: number; width: number; barHeight: number; at: string }>()
      let again = 0
      for (const { step, model: m } of models(width, height))
        for (const series of m.series)
          for (const bar of series.bars) {
            const before = seen.get(bar.figureId)
            if (!before) {
              seen.set(bar.figureId, { ...bar, at: step.id })
              continue
            }
            again++
            const where = `figure ${bar.figureId} at ${step.id} and ${before.at}`
            expect(bar.y, where).toBeCloseTo(before.y, 9)
            expect(bar.width, where).toBeCloseTo(before.width, 9)
            expect(bar.barHeight, where).toBe(before.barHeight)
          }
      // The requests' "more than 600" is drawn on two steps: the test compares something.
      expect(again).toBeGreaterThan(0)
    },
  )

  test.each(sizes)(
    'at %i x %i the type, the axis labels, the grid’s foot and the key stay put on every step',
    (width, height) => {
      const all = models(width, height)
      const first = all[0]!.model
      for (const { step, model: m } of all) {
        expect(m.height, step.id).toBe(first.height)
        expect(m.fontSize, step.id).toBe(first.fontSize)
        expect(m.axes[0]!.y, step.id).toBe(first.axes[0]!.y)
        expect(m.axes[0]!.top, step.id).toBe(first.axes[0]!.top)
        expect(m.axes.at(-1)!.bottom, step.id).toBe(first.axes.at(-1)!.bottom)
      }
      const keyTops = all
        .flatMap(({ model: m }) => m.key.map((k) => k.y))
        .filter((y, i, a) => a.indexOf(y) === i)
      expect(keyTops.length).toBeLessThanOrEqual(1)
      for (const { model: m } of all)
        for (const k of m.key) expect(k.y).toBeGreaterThan(m.axes.at(-1)!.bottom)
    },
  )

  test.each(sizes)(
    'at %i x %i every step fills its frame: its grid spans most of it',
    (width, height) => {
      for (const { step, model: m } of models(width, height)) {
        expect(m.height, step.id).toBe(height)
        const span = m.axes.at(-1)!.bottom - m.axes[0]!.top
        expect(span, step.id).toBeGreaterThan(height * 0.6)
        // The bars are spread over it: the last row drawn sits in its lower half.
        const lowest = Math.max(...m.series.flatMap((s) => s.bars.map((b) => b.y + b.barHeight)))
        const band = m.slots.reduce((low, s) => Math.max(low, s.y + s.height), lowest)
        expect(band - m.axes[0]!.top, step.id).toBeGreaterThan(span * 0.5)
      }
    },
  )

  test('rows still to come are captioned pale bands, clear of the bars; the last step has none', () => {
    // 31 December 2022: more than 600 requests; the first quarters of 2022 and 2023 come later.
    const early = fullModel('2022-12-31', 390, 420)
    expect(fullContent('2022-12-31').panels.map((p) => p.toCome)).toEqual([1])
    expect(early.slots).toHaveLength(1)
    expect(early.slots[0]!.caption.text).toBe('Still to come in the story')
    for (const slot of early.slots) {
      expect(slot.caption.y).toBeGreaterThan(slot.y)
      expect(slot.caption.y).toBeLessThan(slot.y + slot.height)
      for (const series of early.series)
        for (const bar of series.bars)
          expect(bar.y + bar.barHeight <= slot.y || bar.y >= slot.y + slot.height).toBe(true)
    }
    expect(fullModel('2023-05-18', 390, 420).slots).toEqual([])
    expect(fullContent('2023-05-18').panels.map((p) => p.toCome)).toEqual([0])
  })

  test('qualifiers keep their shapes whatever the bars’ thickness: more than 600 ends open', () => {
    for (const [width, height] of sizes)
      for (const { step, model: m } of models(width, height))
        for (const series of m.series)
          for (const bar of series.bars) {
            const figure = full.figures.find((f) => f.id === bar.figureId)!
            const parts = bar.paths.map((p) => p.part)
            if (figure.qualifier === 'more than') expect(parts, step.id).toContain('edge')
            else expect(parts, step.id).not.toContain('edge')
          }
  })
})

test.each([
  [390, 420],
  [760, 700],
])('at %i x %i every bar’s end, open ends included, stays inside the frame', (width, height) => {
  for (const step of fullSteps) {
    const m = numbersModel({ content: fullContent(step.id), width, height })
    for (const series of m.series)
      for (const bar of series.bars) {
        const right = Math.max(
          ...bar.paths.flatMap((p) =>
            [...p.d.matchAll(/[ML](-?[\d.]+),/g)].map((x) => Number(x[1])),
          ),
          bar.x + bar.width,
        )
        expect(right, `${step.id}: figure ${bar.figureId}`).toBeLessThanOrEqual(width - 8)
      }
  }
})
