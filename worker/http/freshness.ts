// The data version as the hot path knows it: remembered in the isolate for at most one second, so
// a cache hit needs no D1 read. A write through the write API forgets it at once in the isolate
// that wrote (dataChanged(), called by the write API's middleware), so that isolate serves the
// change on its next request; every other isolate, and a change made with raw SQL, is seen within
// MEMO_MS. A cache miss always reads the version again (see http/cache.ts): what is built and
// stored is keyed by the version it was built from.
import { getFreshness, type Freshness } from '../db'
import type { Db } from '../db/sql'

/** How long a data version read from D1 is trusted without reading it again, in milliseconds. */
export const MEMO_MS = 1000

interface Remembered {
  fresh: Freshness
  /** Date.now() just before the read that returned `fresh` began. */
  readAt: number
}

let remembered: Remembered | null = null
// Moved on by every dataChanged(): a read that began before a change never overwrites it.
let generation = 0

/**
 * Forgets the remembered version in this isolate: the next request reads it from D1. The write
 * API calls it after every write (successful or not: a spare read costs little).
 */
export function dataChanged(): void {
  generation += 1
  remembered = null
}

/**
 * Remembers a version read from D1 at `readAt` (ms) unless a change was signalled since the read
 * began (`since` is the generation then) or a newer version is already remembered.
 */
export function rememberFreshness(fresh: Freshness, readAt: number, since: number): void {
  if (since !== generation) return
  if (remembered && remembered.fresh.dataVersion > fresh.dataVersion) return
  remembered = { fresh, readAt }
}

/** This isolate's change generation, to pass back to rememberFreshness(). */
export const changeGeneration = (): number => generation

/**
 * The remembered data version and watermark when read less than MEMO_MS ago, else null: what a
 * memo of finished responses (http/response-memo.ts) may trust without any I/O.
 */
export function currentFreshness(): Freshness | null {
  return remembered && Date.now() - remembered.readAt < MEMO_MS ? remembered.fresh : null
}

/**
 * The data version and sync watermark as of at most MEMO_MS ago: the remembered one, or (when
 * there is none or it is older) one read from D1 in `db`, which is then remembered.
 */
export async function recentFreshness(db: Db): Promise<Freshness> {
  const now = Date.now()
  if (remembered && now - remembered.readAt < MEMO_MS) return remembered.fresh
  return readFreshness(db)
}

/** The data version and watermark read from D1 in `db` now (and remembered). */
export async function readFreshness(db: Db): Promise<Freshness> {
  const since = generation
  const readAt = Date.now()
  const fresh = await getFreshness(db)
  rememberFreshness(fresh, readAt, since)
  return fresh
}
