// The people scene: reports by nationality, qualifiers kept in words and in the bars' ends, one
// axis for every step, and the estimate to scale beside (never around) each report of people freed.
import { describe, expect, test } from 'vitest'
import { overlapArea } from '../../../web/src/charts/labels'
import { peopleModel, type PeopleContent } from '../../../web/src/charts/scenes/people/model'
import { sceneFor, sceneRegistry } from '../../../web/src/charts/scenes'
import { textWidth } from '../../../web/src/charts/text'
import { buildStory, byId } from '../fixtures/story'

const story = buildStory()
const content = (eventId: string) => {
  const event = byId(story, eventId)
  return sceneRegistry.contentFor(sceneFor(event, story), event, story) as PeopleContent
}
const model = (eventId: string, width = 640, height = 480) =>
  peopleModel({ content: content(eventId), width, height })
const peopleSteps = story.events.filter((e) => sceneFor(e, story).scene === 'people')

describe('peopleContent', () => {
  test('reports accumulate: only those up to the active event, each naming its source', () => {
    expect(content('2022-08-01').reports.map((r) => r.label)).toEqual([
      '62 Indonesian nationals rescued — VOD',
    ])
    const later = content('2022-09-27')
    expect(later.reports).toHaveLength(3)
    expect(later.reports.map((r) => r.eventId)).not.toContain(byId(story, '2022-11-01').id)
  })

  test('labels keep the qualifier; the active report is lit', () => {
    const c = content('2022-09-27')
    const lit = c.reports.filter((r) => r.active)
    expect(lit).toHaveLength(1)
    expect(lit[0]!.label).toContain('more than 1,480')
    expect(c.reports.filter((r) => !r.active).every((r) => !r.label.includes('1,480'))).toBe(true)
  })

  test('grouped by nationality, in order of first report', () => {
    const order = content('2023-03-01').reports.map((r) => r.nationality)
    expect(order.filter((n, i) => n !== order[i - 1])).toEqual([
      'Indonesian',
      'Taiwanese',
      'Nationality not given',
      'Cambodian',
    ])
  })

  test('one axis for the whole story: from the largest report, whatever the step', () => {
    // 62 Indonesians, the first report, are drawn against 8,000, not against themselves.
    expect(content('2022-08-01').axis).toEqual(content('2023-03-01').axis)
    expect(content('2022-08-01').axis.max).toBe(8000)
  })

  test('qualifiers give their shapes, and the key names those drawn', () => {
    const c = content('2023-03-01')
    const shape = (value: number) => c.reports.find((r) => r.amount === value)!.shape
    expect(shape(62)).toEqual({ end: 'exact', range: false })
    expect(shape(1480)).toEqual({ end: 'open', range: false })
    expect(shape(8000)).toEqual({ end: 'soft', range: false })
    expect(shape(2000)).toEqual({ end: 'open', range: true })
    expect(c.key.map((e) => e.shape)).toEqual(['held', 'open', 'soft', 'range'])
    expect(c.key.map((e) => e.text)).toContain('more than, over, at least')
    expect(content('2022-08-01').key).toEqual([])
  })

  test('the estimate is not a bar; after its step a line names it', () => {
    const c = content('2023-03-01')
    expect(c.reports.some((r) => r.amount === 100000)).toBe(false)
    expect(c.note).toBe(
      'Estimate, drawn to scale on 1 November 2022: as many as 100,000 people held captive — VOD',
    )
    expect(content('2022-09-27').note).toBeNull()
  })
})

describe('peopleModel', () => {
  test('bar length follows the value; a range shows up to its maximum; stranded is held', () => {
    const m = model('2022-09-27')
    const [indonesians, taiwanese, released] = m.bars
    expect(released!.width / indonesians!.width).toBeCloseTo(1480 / 62, 6)
    expect(taiwanese!.rangeWidth / taiwanese!.width).toBeCloseTo(3000 / 2000, 6)
    expect(taiwanese!.held).toBe(true)
    expect(released!.held).toBe(false)
  })

  test.each([
    [390, 252],
    [640, 480],
    [1280, 800],
  ])('at %i x %i, equal values give equal bars on every step', (width, height) => {
    const widths = new Map<number, number>()
    for (const step of peopleSteps) {
      const m = peopleModel({ content: content(step.id), width, height })
      for (const bar of m.bars) {
        const seen = widths.get(bar.figureId)
        if (seen === undefined) widths.set(bar.figureId, bar.width)
        else expect(bar.width).toBeCloseTo(seen, 9)
      }
    }
    // Different figures with the same value get the same length, too.
    const ones = [...widths.entries()].map(([id, w]) => ({
      value: story.figures.find((f) => f.id === id)!.value,
      w,
    }))
    for (const a of ones) for (const b of ones) if (a.value === b.value) expect(a.w).toBe(b.w)
  })

  test('qualifiers are drawn in the bars: an open end, a frayed end, a range with both ends', () => {
    const bars = model('2023-03-01').bars
    const parts = (value: number) =>
      bars
        .find((b) => story.figures.find((f) => f.id === b.figureId)!.value === value)!
        .paths.map((p) => p.part)
    expect(parts(62)).toEqual(['fill'])
    expect(parts(1480)).toEqual(['fill', 'edge'])
    expect(parts(8000)).toEqual(['fill', 'fill'])
    expect(parts(2000)).toEqual(['fill', 'dash', 'limit', 'limit'])
  })

  test('no square before the estimate is reported', () => {
    expect(model('2022-09-27').scale).toBeNull()
  })

  test('the estimate’s step: squares of people freed beside it, not inside, area to scale', () => {
    const m = model('2022-11-01')
    const scale = m.scale!
    expect(scale.estimate.active).toBe(true)
    expect(scale.estimate.lines.join(' ')).toBe('as many as 100,000 people held captive — VOD')
    expect(m.bars).toEqual([])
    // Freed reports only (the stranded Taiwanese are not freed).
    expect(scale.squares).toHaveLength(2)
    const released = scale.squares.find((s) => s.size > 10)!
    expect((released.size / scale.estimate.size) ** 2).toBeCloseTo(1480 / 100000, 6)
    const estimate = {
      x0: scale.estimate.x,
      y0: scale.estimate.y,
      x1: scale.estimate.x + scale.estimate.size,
      y1: scale.estimate.y + scale.estimate.size,
    }
    for (const s of scale.squares) {
      const box = { x0: s.x, y0: s.y, x1: s.x + s.size, y1: s.y + s.size }
      expect(overlapArea(box, estimate)).toBe(0)
    }
  })

  test.each([
    [344, 213],
    [374, 252],
    [640, 480],
    [1280, 800],
  ])('at %i x %i every label and bar stays in the frame, apart from the others', (w, h) => {
    for (const step of peopleSteps) {
      const m = peopleModel({ content: content(step.id), width: w, height: h })
      const boxes = m.bars.flatMap((b) => [
        {
          x0: b.textX,
          y0: b.textY - m.fontSize * 0.85,
          x1: b.textX + Math.max(...b.lines.map((l) => textWidth(l, m.fontSize, b.active))),
          y1: b.textY - m.fontSize * 0.85 + b.lines.length * m.lineHeight,
        },
        { x0: b.x, y0: b.y, x1: b.x + b.width + b.rangeWidth, y1: b.y + b.barHeight },
      ])
      for (const box of boxes) {
        expect(box.x0).toBeGreaterThanOrEqual(0)
        expect(box.x1).toBeLessThanOrEqual(w + 0.5)
        expect(box.y1).toBeLessThanOrEqual(m.height)
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlapArea(boxes[i]!, boxes[j]!), `${step.id}: ${i} and ${j}`).toBeLessThan(1)
      // Never cut: every word of every label is drawn.
      for (const b of m.bars) {
        const report = content(step.id).reports.find((r) => r.figureId === b.figureId)!
        expect(b.lines.join(' ')).toBe(report.label)
      }
    }
  })

  test('the frame is sized for the story’s last step, so it does not change between steps', () => {
    const first = model('2022-08-01', 640, 480)
    const last = model('2023-03-01', 640, 480)
    expect(first.height).toBe(last.height)
    expect(first.fontSize).toBe(last.fontSize)
    expect(first.axis).toEqual({ ...last.axis!, bottom: first.axis!.bottom })
  })

  test.each([
    [374, 252],
    [640, 480],
    [700, 650],
  ])(
    'at %i x %i every report keeps its row on every step; rows to come are empty slots',
    (w, h) => {
      const rows = new Map<number, { y: number; textY: number }>()
      let bottom: number | null = null
      for (const step of peopleSteps) {
        const c = content(step.id)
        if (c.mode === 'scale') continue
        const m = peopleModel({ content: c, width: w, height: h })
        for (const bar of m.bars) {
          const seen = rows.get(bar.figureId)
          if (seen) expect(bar.y, `${step.id}: bar ${bar.figureId}`).toBeCloseTo(seen.y, 9)
          else rows.set(bar.figureId, { y: bar.y, textY: bar.textY })
        }
        // Slots for the reports of the story not yet drawn (one band for rows that follow each
        // other), clear of every bar drawn.
        expect(m.slots.length > 0).toBe(c.frame.length > c.reports.length)
        expect(m.slots.length).toBeLessThanOrEqual(c.frame.length - c.reports.length)
        for (const slot of m.slots)
          for (const bar of m.bars)
            expect(
              overlapArea(
                { x0: slot.x, y0: slot.y, x1: slot.x + slot.width, y1: slot.y + slot.height },
                { x0: bar.x, y0: bar.y, x1: bar.x + bar.width, y1: bar.y + bar.barHeight },
              ),
            ).toBe(0)
        // The grid runs over every row of the story on every step, and the key sits under it.
        bottom ??= m.axis!.bottom
        expect(m.axis!.bottom).toBe(bottom)
        for (const k of m.key) expect(k.y).toBeGreaterThan(bottom)
      }
    },
  )

  test('on a tall desktop frame even the first step fills it: the story’s rows, axis and key', () => {
    for (const step of peopleSteps) {
      const c = content(step.id)
      if (c.mode === 'scale') continue
      const m = peopleModel({ content: c, width: 700, height: 650 })
      expect(m.height).toBe(650)
      // The grid spans the story's rows on every step, one bar or ten: over half the frame.
      expect(m.axis!.bottom, step.id).toBeGreaterThan(650 * 0.5)
    }
  })

  test.each([280, 320, 374, 390, 640, 760, 1280])(
    'at %i px wide the axis labels keep apart, and the axis keeps its ends',
    (width) => {
      for (const step of peopleSteps) {
        const m = peopleModel({ content: content(step.id), width, height: 400 })
        if (!m.axis) continue
        const ticks = m.axis.ticks
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
    },
  )
})
