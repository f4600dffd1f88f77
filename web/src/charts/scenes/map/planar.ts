// Plane geometry for the map: fitting shapes to a box, SVG paths and centroids. The shapes come
// projected already (see map-shapes.ts), so all that is left is scaling and shifting.
import { bisectRight, extent } from 'd3-array'
import type { Ring } from './shapes'

export interface Fit {
  k: number
  tx: number
  ty: number
}

/** Scale and shift that fit the rings inside the box, centred, keeping their proportions. */
export function fitRings(
  rings: Ring[],
  box: { x0: number; y0: number; x1: number; y1: number },
): Fit {
  const points = rings.flat()
  const [minX = 0, maxX = 0] = extent(points, (p) => p[0])
  const [minY = 0, maxY = 0] = extent(points, (p) => p[1])
  const w = box.x1 - box.x0
  const h = box.y1 - box.y0
  const k = Math.min(w / Math.max(1e-9, maxX - minX), h / Math.max(1e-9, maxY - minY))
  return {
    k,
    tx: box.x0 + (w - k * (maxX - minX)) / 2 - k * minX,
    ty: box.y0 + (h - k * (maxY - minY)) / 2 - k * minY,
  }
}

/** The box the rings take once fitted. */
export function ringsBounds(
  rings: Ring[],
  fit: Fit,
): { x0: number; y0: number; x1: number; y1: number } {
  const points = rings.flat().map((p) => apply(fit, p))
  const [x0 = 0, x1 = 0] = extent(points, (p) => p[0])
  const [y0 = 0, y1 = 0] = extent(points, (p) => p[1])
  return { x0, y0, x1, y1 }
}

/** A point of the shapes' grid, fitted: in px. */
export const apply = (fit: Fit, [x, y]: [number, number]): [number, number] => [
  fit.tx + fit.k * x,
  fit.ty + fit.k * y,
]

const round = (n: number) => Math.round(n * 10) / 10

/** A fit as a key: two fits with equal numbers place every point alike. */
const fitKey = (fit: Fit): string => `${fit.k},${fit.tx},${fit.ty}`

/** What was made for each owner at the last fit it was asked at (see atFit). */
export type FitMemo<Owner extends object, Value> = WeakMap<Owner, { fit: string; value: Value }>

/**
 * The value `make` gives for `owner` at `fit`, made once per fit: every map step at one size has
 * the same fit, so what depends only on the build's shapes and the fit is made on the first map
 * step and read on the others; another fit (another size) makes it afresh. The owner is the
 * build's shapes, never changed, so it is a safe key.
 */
export function atFit<Owner extends object, Value>(
  memo: FitMemo<Owner, Value>,
  owner: Owner,
  fit: Fit,
  make: () => Value,
): Value {
  const key = fitKey(fit)
  const held = memo.get(owner)
  if (held?.fit === key) return held.value
  const value = make()
  memo.set(owner, { fit: key, value })
  return value
}

/** The last path drawn for each list of rings (a province's, a neighbour's, the outline). */
const lastPath: FitMemo<Ring[], string> = new WeakMap()

/**
 * One SVG path for all rings (draw with fill-rule evenodd so that holes stay holes), in px,
 * coordinates rounded to 0.1 px.
 */
export function ringsPath(rings: Ring[], fit: Fit): string {
  return atFit(lastPath, rings, fit, () => drawRings(rings, fit))
}

function drawRings(rings: Ring[], fit: Fit): string {
  return rings
    .filter((ring) => ring.length > 2)
    .map((ring) => {
      const points = ring.map((p) => apply(fit, p).map(round).join(','))
      return `M${points.join('L')}Z`
    })
    .join('')
}

/** Signed area and centroid of one ring (shoelace formula). */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0
  let cx = 0
  let cy = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!
    const [x1, y1] = ring[i]!
    const cross = x0 * y1 - x1 * y0
    area += cross
    cx += (x0 + x1) * cross
    cy += (y0 + y1) * cross
  }
  area /= 2
  return area === 0
    ? { area, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 }
    : { area, x: cx / (6 * area), y: cy / (6 * area) }
}

/** The centroid of the biggest ring, fitted to the box. */
export function centroid(rings: Ring[], fit: Fit): [number, number] {
  const biggest = rings
    .map(ringCentroid)
    .reduce((a, b) => (Math.abs(b.area) > Math.abs(a.area) ? b : a), { area: 0, x: 0, y: 0 })
  return apply(fit, [biggest.x, biggest.y])
}

/**
 * Whether a point (px) lies inside the rings once fitted (even-odd rule, as the paths are
 * filled, so a hole's point is outside). Used to keep the sea's name off the land.
 */
export function insideRings(rings: Ring[], fit: Fit, [px, py]: [number, number]): boolean {
  // The point back in grid units, so the rings need no fitting.
  const x = (px - fit.tx) / fit.k
  const y = (py - fit.ty) / fit.k
  let inside = false
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!
      const [xj, yj] = ring[j]!
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
  }
  return inside
}

/**
 * A test of many points against several shapes at one fit, for points that share rows (a grid
 * over a box): whether a point (px) lies inside any of the shapes, each filled by the even-odd
 * rule, with the answer `insideRings` gives for each shape. A row's crossings with every edge are
 * worked out once, sorted, and each point of the row is then a binary search, so a grid of r rows
 * and c columns costs r passes over the edges, not r x c.
 */
export function pointsOnShapes(shapes: Ring[][], fit: Fit): (point: [number, number]) => boolean {
  const rows = new Map<number, Float64Array[]>()
  const crossingsAt = (y: number): Float64Array[] =>
    shapes.map((rings) => {
      const xs: number[] = []
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i]!
          const [xj, yj] = ring[j]!
          if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi)
        }
      }
      return Float64Array.from(xs).sort()
    })
  return ([px, py]) => {
    // The point back in grid units, as insideRings does, so the answers agree exactly.
    const x = (px - fit.tx) / fit.k
    const y = (py - fit.ty) / fit.k
    let row = rows.get(y)
    if (!row) rows.set(y, (row = crossingsAt(y)))
    // Inside a shape: an odd number of its crossings lie beyond x on the row.
    return row.some((xs) => (xs.length - bisectRight(xs, x)) % 2 === 1)
  }
}
