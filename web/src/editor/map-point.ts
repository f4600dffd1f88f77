// Coordinates picked on the editor's map of Cambodia: the map draws the shapes the story page
// ships (virtual:cambodia-map, already projected with Mercator onto a grid), so a point clicked
// or tapped on it is turned back into longitude and latitude here, and typed coordinates are read
// and checked the same way the write API checks them.
import type { MapShapes } from '../charts/scenes/map/shapes'

/** Decimal places kept for a picked coordinate: 5 is about a metre, finer than any click. */
export const COORDINATE_DECIMALS = 5

/**
 * A point of the shapes' grid -> [longitude, latitude] in degrees: the inverse of `toGrid`
 * (shapes.ts), whose y is -ln(tan(pi/4 + latitude/2)), so latitude = 2 atan(e^-y) - pi/2.
 */
export function fromGrid(
  shapes: Pick<MapShapes, 'grid'>,
  [x, y]: [number, number],
): [number, number] {
  const { origin, unit } = shapes.grid
  const lon = origin[0] + unit * x
  const mercatorY = origin[1] + unit * y
  const lat = 2 * Math.atan(Math.exp(-mercatorY)) - Math.PI / 2
  return [(lon * 180) / Math.PI, (lat * 180) / Math.PI]
}

/** A coordinate rounded to COORDINATE_DECIMALS places, as the form shows it ("10.60932"). */
export function coordinateText(degrees: number): string {
  return String(Number(degrees.toFixed(COORDINATE_DECIMALS)))
}

/** A typed coordinate as a number of degrees, or null when blank or not a number. */
export function readCoordinate(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : null
}

/**
 * What is wrong with typed coordinates, by field, in editors' words (none when both are blank or
 * both are numbers in range). The write API checks the same ranges (data/tables.ts); a place is
 * drawn on a map only with both, so one without the other is pointed out here.
 */
export function coordinateErrors(
  latitude: string,
  longitude: string,
  labels: { latitude: string; longitude: string },
): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const check = (field: 'latitude' | 'longitude', text: string, limit: number) => {
    if (text.trim() === '') return
    const n = readCoordinate(text)
    if (n === null)
      errors[field] = [
        `${labels[field]} must be a number of degrees, such as ${field === 'latitude' ? '10.60932' : '103.52958'}.`,
      ]
    else if (Math.abs(n) > limit)
      errors[field] = [`${labels[field]} must lie between -${limit} and ${limit}.`]
  }
  check('latitude', latitude, 90)
  check('longitude', longitude, 180)
  const blank = [latitude, longitude].map((t) => t.trim() === '')
  if (blank[0] !== blank[1]) {
    const missing = blank[0] ? 'latitude' : 'longitude'
    errors[missing] ??= [
      `Give the ${labels[missing].toLowerCase()} too (or pick the place on the map), or clear both.`,
    ]
  }
  return errors
}
