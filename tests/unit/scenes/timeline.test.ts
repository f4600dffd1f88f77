// The timeline scene: its model (marks, rows, bands, ticks, label, cursor) and what it lights.
import { describe, expect, test } from 'vitest'
import { buildMapData } from '../../../vite-plugin-map-data'
import { sceneRegistry } from '../../../web/src/charts/scenes'
import {
  dodge,
  timelineContent,
  timelineModel,
  type TimelineContentInput,
  type TimelineInput,
} from '../../../web/src/charts/scenes/timeline/model'
import { timelineScene } from '../../../web/src/charts/scenes/timeline/scene'
import { textWidth } from '../../../web/src/charts/text'
import { buildStory } from '../fixtures/story'

const story = buildStory()
const data = (activeId: string | null): TimelineContentInput => ({
  events: story.events,
  categories: story.categories,
  chapters: story.chapters,
  activeId,
})
const input = (activeId: string | null, width: number, height = 420): TimelineInput => ({
  content: timelineContent(data(activeId)),
  width,
  height,
})
const first = story.events[0]!.id
const last = story.events[story.events.length - 1]!.id

describe('timelineModel', () => {
  test('one mark per event, one row per category in order, July 2022 to June 2023', () => {
    const m = timelineModel(input(null, 1280))
    expect(m.marks.map((x) => x.id).sort()).toEqual(story.events.map((e) => e.id).sort())
    expect(m.rows.map((r) => r.id)).toEqual(story.categories.map((c) => c.id))
    expect(m.ticks[0]!.label).toBe('Jul')
    expect(m.ticks[0]!.year).toBe('2022')
    expect(m.ticks[m.ticks.length - 1]!.label).toBe('Jun')
    expect(m.ticks).toHaveLength(12)
    // Every mark in its category's row.
    for (const mark of m.marks) {
      const row = m.rows.find((r) => r.id === mark.category)!
      expect(mark.y).toBeGreaterThan(row.y)
      expect(mark.y).toBeLessThan(row.y + row.height)
    }
  })

  test('in the overview nothing is lit or labelled and every mark is past', () => {
    const m = timelineModel(input(null, 640))
    expect(m.marks.some((x) => x.active)).toBe(false)
    expect(m.marks.every((x) => x.past)).toBe(true)
    expect(m.label).toBeNull()
    expect(m.cursor).toBeNull()
    expect(m.overview).toBe('16 events, July 2022 to June 2023, by category')
    expect(timelineModel(input(first, 640)).overview).toBeNull()
  })

  test('chapters are contiguous bands covering the axis', () => {
    const m = timelineModel(input(null, 640))
    expect(m.bands.map((b) => b.id)).toEqual(story.chapters.map((c) => c.id))
    for (let i = 1; i < m.bands.length; i++) {
      const prev = m.bands[i - 1]!
      expect(m.bands[i]!.x).toBeCloseTo(prev.x + prev.width, 6)
    }
    expect(m.bands[0]!.x).toBeCloseTo(8, 6)
    const lastBand = m.bands[m.bands.length - 1]!
    expect(lastBand.x + lastBand.width).toBeCloseTo(632, 6)
  })

  test('the active event is lit, bigger, and labelled with its date and headline', () => {
    const id = '2022-09-19-sar-kheng-289-complaints'
    const m = timelineModel(input(id, 640))
    const lit = m.marks.filter((x) => x.active)
    expect(lit.map((x) => x.id)).toEqual([id])
    const other = m.marks.find((x) => !x.active)!
    expect(lit[0]!.r).toBeGreaterThan(other.r)
    expect(m.label?.eventId).toBe(id)
    expect(m.label?.lines[0]).toBe('19 September 2022')
    expect(m.label?.lines.join(' ')).toContain('Headline for sar kheng 289')
    // Events before it are past, after it are not.
    const index = story.events.findIndex((e) => e.id === id)
    for (const mark of m.marks.filter((x) => !x.active)) {
      const i = story.events.findIndex((e) => e.id === mark.id)
      expect(mark.past).toBe(i < index)
    }
  })

  test.each([360, 640, 1280])('labels stay inside %i px for the first and last events', (w) => {
    for (const id of [first, last]) {
      const m = timelineModel(input(id, w))
      expect(m.label!.x).toBeGreaterThanOrEqual(0)
      expect(m.label!.x + m.label!.width).toBeLessThanOrEqual(w)
      for (const mark of m.marks) {
        expect(mark.x).toBeGreaterThanOrEqual(0)
        expect(mark.x).toBeLessThanOrEqual(w)
      }
    }
  })

  test('narrow screens get fewer ticks, and chapter names that do not fit become numbers', () => {
    const narrow = timelineModel(input(null, 360))
    expect(narrow.ticks.length).toBeLessThanOrEqual(4)
    const wide = timelineModel(input(null, 1280))
    // Numbered, so that a step's words can name the band whether its title fits or not.
    expect(wide.bands.map((b) => b.label)).toEqual(
      story.chapters.map((c) => `${c.position} ${c.title}`),
    )
    const tiny = timelineModel(input(null, 300))
    expect(tiny.bands.some((b) => /^\d$/.test(b.label))).toBe(true)
  })

  test.each([360, 374, 760, 1280])(
    'at %i px no line runs through a chapter’s name: the leader steps it aside, the cursor starts below',
    (width) => {
      for (const event of story.events) {
        const m = timelineModel(input(event.id, width))
        for (const band of m.bands) {
          const x0 = band.labelX - 1
          const x1 = band.labelX + textWidth(band.label, 11, band.active) + 1
          expect(band.labelX).toBeGreaterThanOrEqual(band.x)
          const crosses = (x: number, y1: number, y2: number) =>
            x > x0 && x < x1 && Math.min(y1, y2) < band.y + 14 && Math.max(y1, y2) > band.y
          const { leader } = m.label!
          expect(
            crosses(leader.x, leader.y1, leader.y2),
            `${event.id}: leader on ${band.label}`,
          ).toBe(false)
          expect(
            crosses(m.cursor!.x, m.cursor!.y1, m.cursor!.y2),
            `${event.id}: cursor on ${band.label}`,
          ).toBe(false)
        }
      }
    },
  )

  test('a row is laid out the same whatever order its events come in', () => {
    const dates = ['2022-10-01', '2022-10-01', '2022-10-02', '2022-10-04', '2022-10-03']
    const events = dates.map((date, i) => ({
      id: `e${i}`,
      date,
      headline: 'x',
      category: 'enforcement',
      chapter: 'crackdown',
    }))
    const at = (list: typeof events) => {
      const m = timelineModel({
        content: timelineContent({ ...data(null), events: list }),
        width: 360,
        height: 420,
      })
      return Object.fromEntries(m.marks.map((mark) => [mark.id, [mark.x, mark.y]]))
    }
    const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date))
    // Same-day events keep their story order; the others land where their date puts them.
    const shuffled = [events[3]!, events[0]!, events[4]!, events[1]!, events[2]!]
    expect(at(shuffled)).toEqual(at(sorted))
  })

  test('marks of the same row and close dates do not overlap', () => {
    const crowded = timelineContent({
      ...data(null),
      events: ['2022-10-01', '2022-10-02', '2022-10-03'].map((date, i) => ({
        id: `e${i}`,
        date,
        headline: 'x',
        category: 'enforcement',
        chapter: 'crackdown',
      })),
    })
    const m = timelineModel({ content: crowded, width: 360, height: 420 })
    for (let i = 0; i < m.marks.length; i++)
      for (let j = i + 1; j < m.marks.length; j++) {
        const a = m.marks[i]!
        const b = m.marks[j]!
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r)
      }
  })

  test.each([
    [374, 252],
    [776, 629],
  ])('at %i x %i no dot reaches a row’s name, and no name is cut', (width, height) => {
    for (const e of story.events) {
      const m = timelineModel(input(e.id, width, height))
      for (const row of m.rows) {
        expect(row.lines.join(' ')).toBe(story.categories.find((c) => c.id === row.id)!.label)
        const top = row.labelY - m.rowFont
        const bottom = row.labelY + (row.lines.length - 1) * m.rowLine + 3
        const right = row.labelX + Math.max(...row.lines.map((l) => textWidth(l, m.rowFont, true)))
        for (const mark of m.marks) {
          const reach = mark.r
          const apart =
            mark.x + reach < row.labelX ||
            mark.x - reach > right ||
            mark.y + reach < top ||
            mark.y - reach > bottom
          expect(apart, `${mark.id} on the name of ${row.id}`).toBe(true)
        }
      }
    }
  })

  test('the rows keep their place whatever the step (the label’s room is the longest’s)', () => {
    const rows = (id: string | null) => timelineModel(input(id, 374, 252)).rows.map((r) => r.y)
    for (const e of story.events) expect(rows(e.id)).toEqual(rows(null))
  })

  test('progress moves the cursor from the active event towards the next one', () => {
    const id = story.events[2]!.id
    const at0 = timelineModel({ ...input(id, 640), progress: 0 })
    const at1 = timelineModel({ ...input(id, 640), progress: 1 })
    const nextMark = at0.marks.find((m) => m.id === story.events[3]!.id)!
    const active = at0.marks.find((m) => m.active)!
    expect(at0.cursor!.x).toBeCloseTo(active.x, 6)
    expect(at1.cursor!.x).toBeCloseTo(nextMark.x, 6)
  })

  test('a change of progress alone moves only the cursor: the rest is the same layout', () => {
    const id = story.events[2]!.id
    const content = timelineContent(data(id))
    const before = timelineModel({ content, width: 640, height: 420, progress: 0.25 })
    const after = timelineModel({ content, width: 640, height: 420, progress: 0.75 })
    // The same layout, not laid out again.
    expect(after.marks).toBe(before.marks)
    expect(after.bands).toBe(before.bands)
    // And the same model as a layout made afresh at that progress (another content object).
    const fresh = timelineModel({ ...input(id, 640), progress: 0.75 })
    expect(after).toEqual(fresh)
    expect(after.cursor!.x).toBeGreaterThan(before.cursor!.x)
    // Another size is laid out again.
    const wider = timelineModel({ content, width: 900, height: 420, progress: 0.75 })
    expect(wider.marks).not.toBe(after.marks)
    expect(wider).toEqual(timelineModel({ ...input(id, 900), progress: 0.75 }))
  })
})

describe('the timeline scene', () => {
  const assets = { mapShapes: buildMapData() }
  const steps = story.events.filter((e) => sceneRegistry.sceneFor(e, story).scene === 'timeline')

  test('some steps of the fixture story show it', () => {
    expect(steps.length).toBeGreaterThan(0)
  })

  describe.each([
    [390, 360],
    [640, 560],
  ])('at %i x %i', (width, height) => {
    test.each(steps.map((e) => e.id))('%s lights exactly its own event', (id) => {
      const event = story.events.find((e) => e.id === id)!
      const spec = sceneRegistry.sceneFor(event, story)
      const content = timelineScene.content({
        story,
        event,
        spec,
        places: new Map(story.places.map((p) => [p.id, p])),
        steps: [],
      })
      const model = timelineScene.model({
        story,
        event,
        spec,
        content,
        width,
        height,
        progress: 0,
        assets,
      })
      expect(timelineScene.lit(model).eventIds).toEqual([id])
    })
  })
})

/**
 * The rule `dodge` states, checked against every mark placed before (not one per lane): each
 * mark, left to right, takes the first lane (0, -step, +step, -2 step, ...) where no placed mark
 * is within a step of it; failing that, the lane whose nearest placed mark is farthest away.
 */
function dodgeByTheRule(xs: number[], r: number, half: number): number[] {
  const step = r * 2 + 1
  const lanes = [0]
  for (let k = 1; k * step <= half - r + 0.5; k++) lanes.push(-k * step, k * step)
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b)
  const placed: { x: number; y: number }[] = []
  const out = new Array<number>(xs.length)
  for (const i of order) {
    const x = xs[i]!
    const gap = (y: number) =>
      Math.min(Infinity, ...placed.map((p) => Math.hypot(x - p.x, y - p.y)))
    let pick = lanes.findIndex((y) => gap(y) >= step)
    if (pick < 0) {
      pick = 0
      for (let l = 1; l < lanes.length; l++) if (gap(lanes[l]!) > gap(lanes[pick]!)) pick = l
    }
    placed.push({ x, y: lanes[pick]! })
    out[i] = lanes[pick]!
  }
  return out
}

describe('dodge (the timeline row layout)', () => {
  // A fixed pseudo-random sequence (a linear congruential generator), so a failure repeats.
  const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31

  test('places marks exactly as the rule over every placed mark does: sparse, crowded, tied', () => {
    const next = random(7)
    for (const [count, width, r, half] of [
      [12, 600, 4, 40],
      [200, 300, 3.5, 24],
      [400, 60, 4, 30],
      [50, 0, 5, 11],
    ] as const) {
      // Whole pixels make ties (the same date) common; one mark in five is a fraction off.
      const xs = Array.from({ length: count }, () => {
        const x = Math.round(next() * width)
        return next() < 0.2 ? x + next() : x
      })
      expect(dodge(xs, r, half), `${count} marks over ${width} px`).toEqual(
        dodgeByTheRule(xs, r, half),
      )
    }
  })

  test('a row with no room for a second lane stacks nothing, and every mark gets a lane', () => {
    expect(dodge([5, 5, 5], 4, 3)).toEqual([0, 0, 0])
    expect(dodge([], 4, 30)).toEqual([])
  })
})
