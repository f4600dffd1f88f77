// The charts' scales: a value's position or size in pixels, for every scene. Two small maps
// written here rather than taken from d3-scale, which would add about 10 kB gzip to the story
// page (with the interpolators it brings; measured), for two lines of arithmetic; d3-array supplies the extremes and an axis's round numbers.
// fitTicks thins an axis's ticks on a narrow frame so that their labels never run together.
// A scene's scale is made once from every figure the scene can ever show (not the figures so
// far), so that equal numbers get equal marks on every step.
// They follow d3's scaleLinear and scaleSqrt without clamping or interpolators, so either can
// take their place where a chart needs more.
import { max, nice, ticks } from 'd3-array'
import { textWidth } from './text'

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

/** A value axis from 0: its top end (a round number at or above the data) and its ticks. */
export interface ValueAxis {
  max: number
  ticks: number[]
}

/**
 * The axis for values from 0 to `top`: rounded up to a round number (d3-array's nice), with
 * about `count` ticks at round numbers. A top of 0 or less gives the axis 0 to 1.
 */
export function valueAxis(top: number, count = 4): ValueAxis {
  const [, end] = nice(0, top > 0 ? top : 1, count)
  return { max: end, ticks: ticks(0, end, count) }
}

/** A tick of an axis as drawn: where (px) and its label. */
export interface PlacedTick {
  x: number
  label: string
}

/**
 * A value axis as a bar scene draws it, in px of its drawing: the labels' baseline `y`, the grid
 * lines from `top` to `bottom`, and the ticks that fit (see fitTicks).
 */
export interface DrawnAxis {
  y: number
  top: number
  bottom: number
  ticks: PlacedTick[]
}

/**
 * The ticks whose labels fit side by side at `fontSize` px, set as the scenes set them (the
 * first starting at its x, the last ending at it, the others centred) with at least `gap` px
 * between neighbours: all of them if they fit, else every second, third... from the first,
 * always keeping the first and the last (the axis's ends). Measured with `textWidth`.
 */
export function fitTicks<T extends PlacedTick>(all: readonly T[], fontSize: number, gap = 8): T[] {
  const box = (t: T, i: number, n: number) => {
    const w = textWidth(t.label, fontSize)
    const x0 = i === 0 ? t.x : i === n - 1 ? t.x - w : t.x - w / 2
    return [x0, x0 + w] as const
  }
  const fits = (ticks: T[]) =>
    ticks.every((t, i) => {
      if (i === 0) return true
      return box(ticks[i - 1]!, i - 1, ticks.length)[1] + gap <= box(t, i, ticks.length)[0]
    })
  for (let step = 1; step < all.length; step++) {
    const kept = all.filter((_, i) => i % step === 0 || i === all.length - 1)
    if (fits(kept)) return kept
  }
  return all.length > 1 ? [all[0]!, all[all.length - 1]!] : [...all]
}
