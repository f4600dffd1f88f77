// The charts' scales: a value's position or size in pixels, for every scene. Two small maps
// written here rather than taken from d3-scale, which would add 3.3 kB gzip to the story page
// today (measured) and about 10 kB once d3-transition, which shares its interpolators, is gone,
// for two lines of arithmetic; d3-array supplies the extremes (and has ticks() for an axis).
// They follow d3's scaleLinear and scaleSqrt without clamping or interpolators, so either can
// take their place where a chart needs more.
import { max } from 'd3-array'

/** A scale: a value in the domain's units to pixels. */
export type Scale = (value: number) => number

/**
 * Maps [d0, d1] linearly onto [r0, r1] (values outside extend the line). A domain of zero width
 * maps everything to r0, as d3 does.
 */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const span = d1 - d0
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0))
}

/**
 * Maps [0, d1] onto [0, r1] by square root, so that an area drawn with the result as its side or
 * radius is in proportion to the value (negative values count as 0).
 */
export function sqrtScale(d1: number, r1: number): Scale {
  return (value) => (d1 > 0 ? r1 * Math.sqrt(Math.max(0, value) / d1) : 0)
}

/** The largest value of `values` by `of`, and at least `floor` (for a domain's top end). */
export function maxAtLeast<T>(
  values: Iterable<T>,
  of: (value: T) => number,
  floor: number,
): number {
  return Math.max(floor, max(values, of) ?? floor)
}
