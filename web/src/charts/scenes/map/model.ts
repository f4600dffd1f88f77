// Map model: Cambodia fitted to the given size, province shapes keyed by ISO 3166-2 code,
// places at their coordinates, the active event's places lit and, for complaints per place,
// circles whose area follows the count (square-root scale) with labels kept apart.
import type { Figure, Place } from '../../../../../worker/model'
import { inCambodia, provinceOf } from '../../figures'
import { maxAtLeast, sqrtScale } from '../../scales'
import { formatValue } from '../../../../../worker/shared/format'
import { toGrid, type MapShapes } from './shapes'
import { placeLabels, type Box, type PlacedLabel } from '../../labels'
import { apply, centroid, fitRings, ringsPath } from './planar'

type MapFigure = Pick<
  Figure,
  'id' | 'value' | 'value_max' | 'qualifier' | 'unit' | 'place_id' | 'display'
>

export interface MapInput {
  shapes: MapShapes
  places: Place[]
  activePlaceIds: string[]
  /** Figures to draw: counts for a province or a place in one become circles, others a total. */
  figures: MapFigure[]
  width: number
  height: number
}

export interface FooterItem {
  placeId: string | null
  figureId: number | null
  text: string
}

export interface MapModel {
  width: number
  height: number
  outline: { d: string; placeId: string | null; active: boolean }
  provinces: {
    iso: string
    name: string
    placeId: string | null
    d: string
    /** The province is itself one of the active places. */
    active: boolean
    /** Shaded: the province is active or holds an active place. */
    lit: boolean
  }[]
  points: { id: string; name: string; x: number; y: number; active: boolean }[]
  bubbles: {
    figureId: number
    placeId: string
    name: string
    x: number
    y: number
    r: number
    text: string
  }[]
  labels: PlacedLabel[]
  /** Lines under the map: totals, places without a known spot, places abroad. */
  footer: { prefix: string; y: number; items: FooterItem[] }[]
  regions: { text: string; x: number; y: number }[]
  /** How many labels could not avoid overlapping something. */
  overlaps: number
}

export const MAP_FONT = 12
const PAD = 10
const LINE = 16
/** Neighbours and sea, named around the outline for orientation. */
const REGIONS = [
  { text: 'THAILAND', lon: 102.75, lat: 14.75 },
  { text: 'LAOS', lon: 106.3, lat: 14.75 },
  { text: 'VIETNAM', lon: 107.3, lat: 11.1 },
  { text: 'Gulf of Thailand', lon: 102.9, lat: 10.25 },
] as const
const KIND_ORDER: Record<string, number> = { province: 0, city: 1, site: 2 }

export function mapModel(input: MapInput): MapModel {
  const { width, height, shapes } = input
  const byId = new Map(input.places.map((p) => [p.id, p]))
  const active = new Set(input.activePlaceIds)
  const country = input.places.find((p) => p.kind === 'country' && p.iso_code === 'KH') ?? null

  // A place has a spot on the map when it lies in a province and has coordinates (or is one).
  const mappable = (p: Place) => provinceOf(p.id, byId) !== null && inCambodia(p, byId)
  const local = input.figures.filter((f) => f.place_id && mappable(byId.get(f.place_id)!))
  const totals = input.figures.filter((f) => !local.includes(f))
  const activePlaces = input.activePlaceIds.map((id) => byId.get(id)).filter((p) => p !== undefined)
  const unmapped = activePlaces.filter(
    (p) => p.kind !== 'country' && inCambodia(p, byId) && !mappable(p),
  )
  const abroad = activePlaces.filter((p) => !inCambodia(p, byId))
  const footerLines = [
    {
      prefix: 'In all: ',
      items: totals.map((f) => ({ placeId: null, figureId: f.id, text: f.display })),
    },
    {
      prefix: 'Location not given: ',
      items: unmapped.map((p) => ({ placeId: p.id, figureId: null, text: p.name })),
    },
    {
      prefix: 'Also named: ',
      items: abroad.map((p) => ({ placeId: p.id, figureId: null, text: p.name })),
    },
  ].filter((l) => l.items.length)
  const foot = footerLines.length * LINE + (footerLines.length ? 4 : 0)
  const footer = footerLines.map((l, i) => ({ ...l, y: height - foot + LINE * (i + 1) - 2 }))

  const frame: Box = { x0: 0, y0: 0, x1: width, y1: height - foot }
  const fit = fitRings(shapes.outline, {
    x0: PAD,
    y0: PAD,
    x1: width - PAD,
    y1: height - PAD - foot,
  })
  const project = (lon: number, lat: number) => apply(fit, toGrid(shapes, lon, lat))

  const litIsos = new Set(
    [...active].map((id) => provinceOf(id, byId)?.iso_code).filter((iso) => iso !== undefined),
  )
  const provinceByIso = new Map(
    input.places.filter((p) => p.kind === 'province').map((p) => [p.iso_code!, p]),
  )
  const provinces = shapes.provinces.map((shape) => ({
    iso: shape.iso,
    name: shape.name,
    placeId: provinceByIso.get(shape.iso)?.id ?? null,
    d: ringsPath(shape.rings, fit),
    active: active.has(provinceByIso.get(shape.iso)?.id ?? ''),
    lit: litIsos.has(shape.iso),
  }))
  const middleOf = (iso: string | null | undefined): [number, number] | null => {
    const shape = shapes.provinces.find((s) => s.iso === iso)
    return shape ? centroid(shape.rings, fit) : null
  }
  /** Where a place sits: its coordinates, else the middle of its province's shape. */
  const locate = (place: Place): [number, number] => {
    if (place.latitude !== null && place.longitude !== null) {
      return project(place.longitude, place.latitude)
    }
    return middleOf(provinceOf(place.id, byId)?.iso_code) ?? [width / 2, (height - foot) / 2]
  }

  // Circles, biggest first so that their labels get the best spots.
  const maxRadius = Math.max(8, Math.min(width, height) * 0.11)
  /** A circle's area, not its radius, follows the count. */
  const radius = sqrtScale(
    maxAtLeast(local, (f) => f.value, 1),
    maxRadius,
  )
  const bubbles = [...local]
    .sort((a, b) => b.value - a.value)
    .map((f) => {
      const place = byId.get(f.place_id!)!
      const [x, y] = locate(place)
      return {
        figureId: f.id,
        placeId: place.id,
        name: place.name,
        x,
        y,
        r: Math.max(2.5, radius(f.value)),
        text: formatValue(f),
      }
    })

  // Points: every place with a spot that is not a whole province; lit ones share one label
  // per spot (a site and the city it is in are often given the same coordinates).
  const points = input.places
    .filter((p) => p.kind !== 'country' && p.kind !== 'province' && mappable(p))
    .map((p) => {
      const [x, y] = locate(p)
      return { id: p.id, name: p.name, x, y, active: active.has(p.id) }
    })
  const spots = new Map<string, { x: number; y: number; names: Place[] }>()
  if (!bubbles.length) {
    for (const p of activePlaces.filter((p) => mappable(p))) {
      // A lit province is named in its middle; cities and sites at their own spot.
      const middle = p.kind === 'province' ? middleOf(p.iso_code) : null
      const [x, y] = middle ?? locate(p)
      const key = `${Math.round(x / 4)},${Math.round(y / 4)}`
      const spot = spots.get(key) ?? { x, y, names: [] }
      spot.names.push(p)
      spots.set(key, spot)
    }
  }
  const circleBox = (x: number, y: number, r: number): Box => ({
    x0: x - r,
    y0: y - r,
    x1: x + r,
    y1: y + r,
  })
  const spotList = [...spots.values()]
  const labels = placeLabels(
    [
      ...bubbles.map((b) => ({
        x: b.x,
        y: b.y,
        gap: b.r,
        lines: [b.name, b.text],
        fontSize: MAP_FONT,
      })),
      ...spotList.map((s) => ({
        x: s.x,
        y: s.y,
        gap: 5,
        lines: [...s.names]
          .sort((a, b) => (KIND_ORDER[a.kind] ?? 3) - (KIND_ORDER[b.kind] ?? 3))
          .map((p) => p.name),
        fontSize: MAP_FONT,
      })),
    ],
    [
      ...bubbles.map((b) => circleBox(b.x, b.y, b.r)),
      ...spotList.map((s) => circleBox(s.x, s.y, 5)),
    ],
    frame,
  )

  const regions = REGIONS.map((r) => {
    const [x, y] = project(r.lon, r.lat)
    return { text: r.text, x, y }
  }).filter((r) => r.x > 30 && r.x < width - 30 && r.y > 8 && r.y < height - foot - 4)

  return {
    width,
    height,
    outline: {
      d: ringsPath(shapes.outline, fit),
      placeId: country?.id ?? null,
      active: country !== null && active.has(country.id),
    },
    provinces,
    points,
    bubbles,
    labels,
    footer,
    regions,
    overlaps: labels.filter((l) => l.overlaps).length,
  }
}
