// The map scene: one frame for every map step, Cambodia among its neighbours, provinces by ISO
// code, places, the capital, complaint circles on one scale with a key, names clear of each other.
import { geoMercator } from 'd3-geo'
import type { MultiPolygon } from 'geojson'
import { describe, expect, test } from 'vitest'
import { buildMapData } from '../../../vite-plugin-map-data'
import { circleBox, overlapArea, type Box } from '../../../web/src/charts/labels'
import {
  mapModel,
  sizeKeyValues,
  type MapContent,
  type MapModel,
} from '../../../web/src/charts/scenes/map/model'
import {
  apply,
  fitRings,
  insideRings,
  pointsOnShapes,
} from '../../../web/src/charts/scenes/map/planar'
import { sceneFor, sceneRegistry } from '../../../web/src/charts/scenes'
import { linesWidth } from '../../../web/src/charts/text'
import { buildStory, byId } from '../fixtures/story'

const shapes = buildMapData()
const story = buildStory()
const content = (eventId: string) => {
  const event = byId(story, eventId)
  return sceneRegistry.contentFor(sceneFor(event, story), event, story) as MapContent
}
const model = (eventId: string, width = 640, height = 480): MapModel =>
  mapModel({ content: content(eventId), shapes, places: story.places, width, height })
const mapSteps = story.events.filter((e) => sceneFor(e, story).scene === 'map')

/** Grid units back to longitude and latitude (the inverse of toGrid). */
function fromGrid([gx, gy]: [number, number]): [number, number] {
  const x = shapes.grid.origin[0] + gx * shapes.grid.unit
  const y = shapes.grid.origin[1] + gy * shapes.grid.unit
  return [(x * 180) / Math.PI, ((2 * Math.atan(Math.exp(-y)) - Math.PI / 2) * 180) / Math.PI]
}

/** Bounding box of the numbers in an SVG path string. */
function pathBounds(d: string) {
  const n = (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number)
  const xs = n.filter((_, i) => i % 2 === 0)
  const ys = n.filter((_, i) => i % 2 === 1)
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) }
}

/** A label's box, measured as it is set (bold). */
const labelBox = (l: MapModel['labels'][number], font: number): Box => ({
  x0:
    l.anchor === 'start'
      ? l.x
      : l.anchor === 'end'
        ? l.x - linesWidth(l.lines, font, true)
        : l.x - linesWidth(l.lines, font, true) / 2,
  y0: l.y - font * 0.85,
  x1:
    (l.anchor === 'start'
      ? l.x
      : l.anchor === 'end'
        ? l.x - linesWidth(l.lines, font, true)
        : l.x - linesWidth(l.lines, font, true) / 2) + linesWidth(l.lines, font, true),
  y1: l.y - font * 0.85 + l.lines.length * l.lineHeight,
})

describe('mapModel', () => {
  test.each([
    [374, 252],
    [640, 480],
    [1280, 800],
  ])('Cambodia is fitted inside %i x %i, with room around it for its neighbours', (w, h) => {
    const m = model('2022-11-14', w, h)
    const b = pathBounds(m.outline.d)
    expect(b.x0).toBeGreaterThanOrEqual(8)
    expect(b.x1).toBeLessThanOrEqual(w - 8)
    expect(b.y0).toBeGreaterThanOrEqual(8)
    expect(b.y1).toBeLessThanOrEqual(h - 8)
    // It fills most of one of the two directions, the rest kept for the neighbours' names.
    expect(Math.max((b.x1 - b.x0) / (w - 16), (b.y1 - b.y0) / (h - 16))).toBeGreaterThan(0.5)
  })

  test.each([
    [374, 252],
    [760, 620],
  ])('one frame for every map step at %i x %i: the map never shifts', (w, h) => {
    const frames = mapSteps.map((e) => model(e.id, w, h))
    for (const m of frames) {
      expect(m.outline.d).toBe(frames[0]!.outline.d)
      expect(m.height).toBe(frames[0]!.height)
    }
  })

  test('24 province shapes keyed by ISO code, joined to the story’s provinces', () => {
    const m = model('2022-11-14')
    expect(m.provinces).toHaveLength(24)
    expect(m.provinces.find((p) => p.iso === 'KH-18')?.placeId).toBe('preah-sihanouk')
    expect(m.provinces.find((p) => p.iso === 'KH-3')?.placeId).toBeNull()
  })

  test('the neighbours’ land is drawn and named, the gulf and the country too, the capital marked', () => {
    const m = model('2022-11-14')
    expect(m.neighbours.map((n) => n.iso)).toEqual(['TH', 'LA', 'VN'])
    expect(m.neighbours.find((n) => n.iso === 'TH')!.placeId).toBe('thailand')
    const names = m.labels.map((l) => l.lines.join(' '))
    expect(names).toEqual(
      expect.arrayContaining(['THAILAND', 'LAOS', 'VIETNAM', 'Gulf of Thailand', 'CAMBODIA']),
    )
    expect(m.capital?.placeId).toBe('phnom-penh')
    expect(names).toContain('Phnom Penh')
  })

  test('places sit at their coordinates; the active event’s places are lit and labelled', () => {
    const m = model('2022-11-14')
    // d3's own Mercator, fitted to the same outline with the same margin, agrees within a pixel.
    const outline: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: shapes.outline.map((ring) => [ring.map((p) => fromGrid(p))]),
    }
    const b = pathBounds(m.outline.d)
    const projection = geoMercator().fitExtent(
      [
        [b.x0, b.y0],
        [b.x1, b.y1],
      ],
      outline,
    )
    const city = m.points.find((p) => p.id === 'sihanoukville')!
    const [x, y] = projection([103.52958, 10.60932])!
    expect(Math.abs(city.x - x)).toBeLessThan(1)
    expect(Math.abs(city.y - y)).toBeLessThan(1)
    expect(city.active).toBe(true)
    expect(m.points.find((p) => p.id === 'thansur-sokha-hotel')?.active).toBe(false)
    // Koh Kong is a province: its shape is lit and active; Sihanoukville's province is lit only.
    const lit = m.provinces.filter((p) => p.lit).map((p) => p.iso)
    expect(lit.sort()).toEqual(['KH-18', 'KH-9'])
    expect(m.provinces.filter((p) => p.active).map((p) => p.placeId)).toEqual(['koh-kong'])
    expect(m.labels.map((l) => l.lines.join(' '))).toEqual(
      expect.arrayContaining(['Sihanoukville', 'Koh Kong']),
    )
    expect(m.footer).toEqual([])
  })

  test('a site and its city at one spot share one label', () => {
    const m = model('2023-03-08')
    const spots = m.labels.filter((l) => l.kind === 'spot')
    expect(spots).toHaveLength(1)
    expect(spots[0]!.lines).toEqual(['Sihanoukville', 'Huang Le compound (Majestic 2 casino)'])
  })

  test('places abroad and places without a known spot are named under the map', () => {
    const abroad = model('2022-07-13')
    expect(abroad.outline.active).toBe(true)
    expect(abroad.footer).toHaveLength(1)
    expect(abroad.footer[0]!.prefix).toBe('Also named, outside the map: ')
    expect(abroad.footer[0]!.items.map((i) => i.placeId)).toEqual(['united-states'])
    // 29 December 2022: the Kaibo compound has no known spot: named under the map, not a dot.
    const kaibo = model('2022-12-29')
    expect(kaibo.points.some((p) => p.id === 'kaibo-compound' && p.active)).toBe(false)
    expect(kaibo.points.some((p) => p.id === 'kaibo-compound')).toBe(false)
    expect(kaibo.footer[0]!.prefix).toBe('Location not given: ')
    expect(kaibo.footer[0]!.y).toBeLessThanOrEqual(480)
  })

  test('complaint circles: area in proportion to the count, labels kept, total below', () => {
    const m = model('2022-09-19')
    expect(m.bubbles).toHaveLength(10)
    expect(m.bubbles.slice(0, 3).map((b) => b.placeId)).toEqual([
      'preah-sihanouk',
      'svay-rieng',
      'kandal',
    ])
    const [big, svay] = m.bubbles
    expect((big!.r / svay!.r) ** 2).toBeCloseTo(200 / 18, 6)
    expect(big!.text).toBe('more than 200')
    expect(big!.shape).toEqual({ end: 'open', range: false })
    const first = m.labels.find((l) => l.kind === 'bubble')!
    expect(first.lines.join(' ')).toBe('Preah Sihanouk more than 200')
    expect(m.footer[0]!.items.map((i) => i.text)).toEqual([
      '289 trafficking complaints in a month — VOD (Voice of Democracy)',
    ])
    expect(m.labels.filter((l) => l.kind === 'bubble')).toHaveLength(10)
  })

  test('one scale for every map step: “more than 12” at Bokor is sized against the 200', () => {
    const september = model('2022-09-19')
    const bokor = model('2023-02-07')
    const r200 = september.bubbles.find((b) => b.placeId === 'preah-sihanouk')!.r
    const r12 = bokor.bubbles[0]!.r
    expect((r12 / r200) ** 2).toBeCloseTo(12 / 200, 6)
    expect(bokor.sizeKey!.circles.map((c) => c.label)).toEqual(['10', '50', '200'])
    expect(bokor.sizeKey!.circles.at(-1)!.r).toBeCloseTo(r200, 9)
    expect(sizeKeyValues(212)).toEqual([10, 50, 200])
    expect(sizeKeyValues(7)).toEqual([1, 5])
  })

  test.each([
    [374, 252],
    [640, 480],
    [1280, 800],
  ])('at %i x %i circles do not overlap, nor run under the lines below the map', (w, h) => {
    for (const step of mapSteps) {
      const m = model(step.id, w, h)
      for (let i = 0; i < m.bubbles.length; i++)
        for (let j = i + 1; j < m.bubbles.length; j++) {
          const a = m.bubbles[i]!
          const b = m.bubbles[j]!
          expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r)
        }
      const footerTop = Math.min(m.height, ...m.footer.map((f) => f.y - m.fontSize))
      for (const b of m.bubbles) expect(b.y + b.r).toBeLessThan(footerTop)
      if (m.sizeKey && !m.sizeKey.nested) {
        for (const b of m.bubbles) expect(b.y + b.r).toBeLessThanOrEqual(m.sizeKey.box.y0)
      }
    }
  })

  test.each([
    [374, 252],
    [640, 480],
    [1280, 800],
  ])('at %i x %i names stay inside the frame and clear of each other and of circles', (w, h) => {
    for (const step of mapSteps) {
      const m = model(step.id, w, h)
      const boxes = m.labels.map((l) => labelBox(l, m.fontSize))
      for (const box of boxes) {
        expect(box.x0).toBeGreaterThanOrEqual(-0.5)
        expect(box.x1).toBeLessThanOrEqual(w + 0.5)
        expect(box.y0).toBeGreaterThanOrEqual(-0.5)
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(
            overlapArea(boxes[i]!, boxes[j]!),
            `${step.id}: “${m.labels[i]!.lines.join(' ')}” on “${m.labels[j]!.lines.join(' ')}”`,
          ).toBeLessThan(2)
      for (const [i, box] of boxes.entries())
        for (const b of m.bubbles)
          expect(
            overlapArea(box, circleBox(b.x, b.y, b.r * 0.7)),
            `${step.id}: “${m.labels[i]!.lines.join(' ')}” on the circle of ${b.name}`,
          ).toBe(0)
      expect(m.overlaps).toBe(0)
    }
  })

  test.each([
    [320, 240],
    [374, 252],
    [640, 480],
  ])(
    'at %i x %i every name is set at 12 px: a narrow frame grows taller, never smaller type',
    (w, h) => {
      for (const step of mapSteps) {
        const m = model(step.id, w, h)
        expect(m.fontSize, step.id).toBe(12)
        expect(m.height).toBeGreaterThanOrEqual(h)
      }
    },
  )

  test.each([
    [374, 252],
    [390, 300],
    [640, 480],
    [1280, 800],
  ])('at %i x %i equal counts give equal circles on every map step, area to scale', (w, h) => {
    const radii = new Map<number, number>()
    let unit: number | null = null
    for (const step of mapSteps) {
      for (const b of model(step.id, w, h).bubbles) {
        const amount = story.figures.find((f) => f.id === b.figureId)!.value
        const seen = radii.get(amount)
        if (seen === undefined) radii.set(amount, b.r)
        else expect(b.r, `${step.id}: ${b.name}`).toBeCloseTo(seen, 9)
        // Area per complaint is one constant across steps (circles of 1 keep a visible floor).
        if (b.r > 2.5) {
          const perUnit = b.r ** 2 / amount
          if (unit === null) unit = perUnit
          else expect(perUnit / unit, `${step.id}: ${b.name}`).toBeCloseTo(1, 6)
        }
      }
    }
    expect(radii.size).toBeGreaterThan(3)
  })

  test.each([
    [374, 252],
    [390, 300],
    [640, 480],
    [1280, 800],
  ])('at %i x %i the sea is named on the sea, never on land', (w, h) => {
    for (const step of mapSteps) {
      const m = model(step.id, w, h)
      const land = [m.outline.d, ...m.neighbours.map((n) => n.d)].flatMap(pathRings)
      const sea = m.labels.find((l) => l.lines.join(' ') === 'Gulf of Thailand')
      expect(sea, `${step.id}: the gulf is named`).toBeDefined()
      const box = labelBox(sea!, m.fontSize)
      for (const fx of [0, 0.25, 0.5, 0.75, 1])
        for (const fy of [0, 0.5, 1]) {
          const p: [number, number] = [
            box.x0 + (box.x1 - box.x0) * fx,
            box.y0 + (box.y1 - box.y0) * fy,
          ]
          expect(
            land.some((ring) => inRing(ring, p)),
            `${step.id}: the gulf's name at ${p.map(Math.round).join(',')} is on land`,
          ).toBe(false)
        }
    }
  })
})

describe('pointsOnShapes (the land test the sea name is placed by)', () => {
  test('answers as insideRings does for every shape, at every point of a grid and on the edges', () => {
    const land = [shapes.outline, ...shapes.neighbours.map((n) => n.rings)]
    for (const [width, height] of [
      [390, 520],
      [900, 560],
    ] as const) {
      const fit = fitRings(shapes.outline, { x0: 20, y0: 20, x1: width - 20, y1: height - 20 })
      const onLand = pointsOnShapes(land, fit)
      let landPoints = 0
      let seaPoints = 0
      // Every 2.5 px, and each ring's own vertices (where a row runs through a vertex).
      const points: [number, number][] = []
      for (let x = 0; x <= width; x += 2.5)
        for (let y = 0; y <= height; y += 2.5) points.push([x, y])
      for (const rings of land)
        for (const ring of rings) for (const p of ring) points.push(apply(fit, p))
      for (const point of points) {
        const expected = land.some((rings) => insideRings(rings, fit, point))
        if (onLand(point) !== expected) {
          expect.fail(
            `${width}x${height} at ${point.join(',')}: ${!expected} instead of ${expected}`,
          )
        }
        if (expected) landPoints++
        else seaPoints++
      }
      expect(landPoints).toBeGreaterThan(1000)
      expect(seaPoints).toBeGreaterThan(1000)
    }
  })
})

/** The rings of an SVG path of M, L and Z commands, in px. */
function pathRings(d: string): [number, number][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((ring) =>
      ring
        .replace(/Z/g, '')
        .split('L')
        .map((p) => p.split(',').map(Number) as [number, number]),
    )
}

/** Whether a point is inside a ring (ray casting; a written-out check, not the model's own). */
function inRing(ring: [number, number][], [x, y]: [number, number]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
