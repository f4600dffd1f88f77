// The map's build-time data (vite-plugin-map-data.ts): Cambodia and its neighbours' land around
// it, projected and small.
import { geoMercator } from 'd3-geo'
import { describe, expect, test } from 'vitest'
import { buildMapData, simplifyLine } from '../../../vite-plugin-map-data'
import { PROVINCE_CODES } from '../../../web/src/charts/scenes/map/data/province-codes'
import { toGrid } from '../../../web/src/charts/scenes/map/shapes'

describe('build-time map data', () => {
  const data = buildMapData()

  test('ships Cambodia and the land around it, projected and small', () => {
    expect(JSON.stringify(data).length).toBeLessThan(20_000)
    // The grid starts at the outline's north-west corner: Cambodia spans about 5.5 degrees of
    // longitude (0.096 radians) and 4.3 of latitude (0.077 in Mercator units).
    const points = data.outline.flat()
    const xs = points.map((p) => p[0])
    const ys = points.map((p) => p[1])
    expect(Math.min(...xs)).toBe(0)
    expect(Math.min(...ys)).toBe(0)
    expect(Math.max(...xs) * data.grid.unit).toBeGreaterThan(0.09)
    expect(Math.max(...xs) * data.grid.unit).toBeLessThan(0.1)
    expect(Math.max(...ys) * data.grid.unit).toBeGreaterThan(0.07)
    expect(Math.max(...ys) * data.grid.unit).toBeLessThan(0.085)
  })

  test('toGrid projects longitude and latitude as d3’s Mercator does', () => {
    const mercator = geoMercator().scale(1).translate([0, 0])
    for (const [lon, lat] of [
      [103.52958, 10.60932],
      [104.9282, 11.5564],
      [107.6, 14.7],
    ] as const) {
      const [mx, my] = mercator([lon, lat])!
      const [gx, gy] = toGrid(data, lon, lat)
      expect(data.grid.origin[0] + gx * data.grid.unit).toBeCloseTo(mx, 12)
      expect(data.grid.origin[1] + gy * data.grid.unit).toBeCloseTo(my, 12)
    }
    // Phnom Penh lies inside the grid's span.
    const [x, y] = toGrid(data, 104.9282, 11.5564)
    const xs = data.outline.flat().map((p) => p[0])
    expect(x).toBeGreaterThan(0)
    expect(x).toBeLessThan(Math.max(...xs))
    expect(y).toBeGreaterThan(0)
  })

  test('24 province shapes keyed by ISO 3166-2 code; Tboung Khmum (KH-25) has none', () => {
    const isos = data.provinces.map((p) => p.iso)
    expect(isos).toHaveLength(24)
    expect(new Set(isos).size).toBe(24)
    for (const n of Array.from({ length: 24 }, (_, i) => i + 1)) expect(isos).toContain(`KH-${n}`)
    expect(isos).not.toContain('KH-25')
    expect(data.provinces.find((p) => p.iso === 'KH-18')?.name).toBe('Preah Sihanouk')
    expect(Object.keys(PROVINCE_CODES)).toHaveLength(24)
    for (const p of data.provinces) expect(p.rings.every((r) => r.length >= 3)).toBe(true)
  })

  test('Thailand, Laos and Vietnam, clipped to the box around Cambodia the map can show', () => {
    expect(data.neighbours.map((n) => [n.iso, n.name])).toEqual([
      ['TH', 'Thailand'],
      ['LA', 'Laos'],
      ['VN', 'Vietnam'],
    ])
    const [west, north] = toGrid(data, 99.5, 17)
    const [east, south] = toGrid(data, 110.5, 8)
    for (const n of data.neighbours) {
      expect(n.rings.length).toBeGreaterThan(0)
      for (const [x, y] of n.rings.flat()) {
        expect(x).toBeGreaterThanOrEqual(Math.floor(west))
        expect(x).toBeLessThanOrEqual(Math.ceil(east))
        expect(y).toBeGreaterThanOrEqual(Math.floor(north))
        expect(y).toBeLessThanOrEqual(Math.ceil(south))
      }
    }
  })

  test('names its sources', () => {
    expect(data.sources.outline).toMatch(/Natural Earth/)
    expect(data.sources.provinces).toMatch(/MIT/)
    expect(data.sources.provinces).toMatch(/Tboung Khmum/)
  })
})

describe('simplifyLine', () => {
  test('drops points within the tolerance and keeps both ends', () => {
    const line = [
      [0, 0],
      [1, 0.001],
      [2, -0.001],
      [3, 1],
      [4, 0],
    ]
    expect(simplifyLine(line, 0.01)).toEqual([
      [0, 0],
      [2, -0.001],
      [3, 1],
      [4, 0],
    ])
    expect(simplifyLine(line, 10)).toEqual([
      [0, 0],
      [4, 0],
    ])
  })
})
