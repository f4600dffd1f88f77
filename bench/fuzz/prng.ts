// A small seeded generator (mulberry32), so a fuzz run can be repeated exactly from its seed.

export type Rng = () => number

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))

export const pick = <T>(rng: Rng, list: readonly T[]): T => {
  if (list.length === 0) throw new Error('pick from an empty list')
  return list[Math.floor(rng() * list.length)]!
}

export const chance = (rng: Rng, p: number) => rng() < p

/** The seed for case `index` of a run: each case has its own stream, so any one can be replayed. */
export const caseSeed = (runSeed: number, index: number) =>
  (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0
