// The map scene's model: the fit, provinces by ISO code, places, complaint circles and labels.
import { geoMercator } from 'd3-geo'
import type { MultiPolygon } from 'geojson'
import { describe, expect, test } from 'vitest'
import { buildMapData } from '../../../vite-plugin-map-data'
import { overlapArea } from '../../../web/src/charts/labels'
import { mapModel, type MapInput } from '../../../web/src/charts/scenes/map/model'
import { sceneFor } from '../../../web/src/charts/scenes'
import { buildStory, byId } from '../fixtures/story'

const shapes = buildMapData()
const story = buildStory()

function input(eventId: string, width = 640, height = 480): MapInput {
  const spec = sceneFor(byId(story, eventId), story)
  return {
    shapes,
    places: story.places,
    activePlaceIds: spec.placeIds,
    figures: story.figures.filter((f) => spec.figureIds.includes(f.id)),
    width,
    height,
  }
}

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

describe('mapModel', () => {
  test.each([
    [360, 300],
    [640, 480],
    [1280, 800],
  ])('Cambodia is fitted inside %i x %i', (width, height) => {
    const m = mapModel(input('2022-11-14', width, height))
    const b = pathBounds(m.outline.d)
    expect(b.x0).toBeGreaterThanOrEqual(9.5)
    expect(b.x1).toBeLessThanOrEqual(width - 9.5)
    expect(b.y0).toBeGreaterThanOrEqual(9.5)
    expect(b.y1).toBeLessThanOrEqual(height - 9.5)
    // It fills one of the two directions.
    expect(Math.max((b.x1 - b.x0) / (width - 20), (b.y1 - b.y0) / (height - 20))).toBeGreaterThan(
      0.95,
    )
  })

  test('24 province shapes keyed by ISO code, joined to the story’s provinces', () => {
    const m = mapModel(input('2022-11-14'))
    expect(m.provinces).toHaveLength(24)
    expect(m.provinces.find((p) => p.iso === 'KH-18')?.placeId).toBe('preah-sihanouk')
    expect(m.provinces.find((p) => p.iso === 'KH-3')?.placeId).toBeNull()
  })

  test('places sit at their coordinates; the active event’s places are lit and labelled', () => {
    const m = mapModel(input('2022-11-14'))
    // d3's own Mercator, fitted to the same outline, puts the city within a pixel of ours.
    const outline: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: shapes.outline.map((ring) => [ring.map((p) => fromGrid(p))]),
    }
    const projection = geoMercator().fitExtent(
      [
        [10, 10],
        [630, 470],
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
    const m = mapModel(input('2023-03-08'))
    expect(m.labels).toHaveLength(1)
    expect(m.labels[0]!.lines).toEqual(['Sihanoukville', 'Huang Le compound (Majestic 2 casino)'])
  })

  test('places abroad and places without a known spot are named under the map', () => {
    const abroad = mapModel(input('2022-07-13'))
    expect(abroad.outline.active).toBe(true)
    expect(abroad.footer).toHaveLength(1)
    expect(abroad.footer[0]!.prefix).toBe('Also named: ')
    expect(abroad.footer[0]!.items.map((i) => i.placeId)).toEqual(['united-states'])
    const kaibo = mapModel({ ...input('2022-11-14'), activePlaceIds: ['kaibo-compound'] })
    expect(kaibo.points.some((p) => p.id === 'kaibo-compound')).toBe(false)
    expect(kaibo.footer[0]!.prefix).toBe('Location not given: ')
    expect(kaibo.footer[0]!.y).toBeLessThanOrEqual(480)
  })

  test('complaint circles: area in proportion to the count, labels kept, total below', () => {
    const m = mapModel(input('2022-09-19'))
    expect(m.bubbles).toHaveLength(10)
    expect(m.bubbles.slice(0, 3).map((b) => b.placeId)).toEqual([
      'preah-sihanouk',
      'svay-rieng',
      'kandal',
    ])
    const [big, svay] = m.bubbles
    expect((big!.r / svay!.r) ** 2).toBeCloseTo(200 / 18, 6)
    expect(big!.text).toBe('more than 200')
    expect(m.labels[0]!.lines).toEqual(['Preah Sihanouk', 'more than 200'])
    expect(m.footer[0]!.items.map((i) => i.text)).toEqual(['289 trafficking complaints in a month'])
    // Points are not labelled on this view.
    expect(m.labels).toHaveLength(10)
  })

  test.each([
    [360, 300],
    [640, 480],
  ])('complaint labels stay inside %i x %i and barely overlap', (width, height) => {
    const m = mapModel(input('2022-09-19', width, height))
    for (const l of m.labels) {
      expect(l.box.x0).toBeGreaterThanOrEqual(0)
      expect(l.box.x1).toBeLessThanOrEqual(width)
      expect(l.box.y0).toBeGreaterThanOrEqual(0)
    }
    let overlap = 0
    for (let i = 0; i < m.labels.length; i++)
      for (let j = i + 1; j < m.labels.length; j++)
        overlap += overlapArea(m.labels[i]!.box, m.labels[j]!.box)
    expect(overlap).toBe(0)
    expect(m.overlaps).toBeLessThanOrEqual(1)
  })

  test('regions are named only where they fall inside the frame', () => {
    const m = mapModel(input('2022-11-14'))
    for (const r of m.regions) {
      expect(r.x).toBeGreaterThan(0)
      expect(r.x).toBeLessThan(640)
    }
  })
})
