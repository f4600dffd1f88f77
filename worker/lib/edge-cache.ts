// The edge cache (the Workers Cache API) with the isolate's memory in front of it. Every entry the
// worker stores is keyed by everything its bytes depend on (the data version, the deployment or
// build, the origin, the normalised request), so an entry never goes stale: an edit moves the
// data version on and later requests ask for other keys. That makes a copy held in the isolate
// exactly as good as the edge's, and reading it costs no subrequest: a hit answered from memory
// does no I/O at all (see http/cache.ts and ssr/page.ts for the hot path it serves).
// Memory is bounded: bodies up to ENTRY_BYTES are held, ISOLATE_BYTES in all, the least recently
// used dropped first; larger bodies, and bodies of unknown length, are always read from the edge. A Workers isolate has 128 MB
// (https://developers.cloudflare.com/workers/platform/limits/#memory), of which this takes at
// most an eighth.
import { readUpTo } from './stream'

/** The most body bytes held in the isolate's memory across all entries. */
export const ISOLATE_BYTES = 16 * 1024 * 1024

/** The largest body held in memory; larger ones are read from the edge cache each time. */
export const ENTRY_BYTES = 1024 * 1024

interface Held {
  body: ArrayBuffer
  headers: [string, string][]
}

// Insertion order is recency: a read moves its entry to the end, eviction takes from the start.
const held = new Map<string, Held>()
let heldBytes = 0

function remember(id: string, entry: Held): void {
  const size = entry.body.byteLength
  if (size > ENTRY_BYTES) return
  forget(id)
  for (const [oldest, old] of held) {
    if (heldBytes + size <= ISOLATE_BYTES) break
    held.delete(oldest)
    heldBytes -= old.body.byteLength
  }
  held.set(id, entry)
  heldBytes += size
}

function forget(id: string): void {
  const old = held.get(id)
  if (!old) return
  held.delete(id)
  heldBytes -= old.body.byteLength
}

const idOf = (cacheName: string, key: Request) => `${cacheName} ${key.url}`

// The body is copied into the new response (Fetch: a BufferSource body is extracted as a copy).
const fromHeld = (entry: Held) => new Response(entry.body, { headers: entry.headers })

/**
 * The response stored under `key` in the named cache: from the isolate's memory when held there,
 * else from the edge cache (and then held, when its Content-Length is at most ENTRY_BYTES).
 * Undefined when neither has it. The response's body is the caller's to read once.
 */
export async function matchCached(cacheName: string, key: Request): Promise<Response | undefined> {
  const id = idOf(cacheName, key)
  const entry = held.get(id)
  if (entry) {
    held.delete(id)
    held.set(id, entry)
    return fromHeld(entry)
  }
  const hit = await (await caches.open(cacheName)).match(key)
  if (!hit) return undefined
  const header = hit.headers.get('Content-Length')
  if (header !== null && !(Number(header) <= ENTRY_BYTES)) return hit
  // A streamed body is stored without a length: read at most ENTRY_BYTES of it to find out.
  const read = await readUpTo(hit.body, ENTRY_BYTES)
  if (read.body === null) return new Response(read.stream, hit)
  const stored: Held = { body: read.body, headers: [...hit.headers] }
  remember(id, stored)
  return fromHeld(stored)
}

/**
 * Stores `response` under `key` in the named cache (the edge's copy; the isolate holds it from
 * its first read back). Resolves when the edge has it; rejects as `Cache.put` does.
 */
export async function putCached(
  cacheName: string,
  key: Request,
  response: Response,
): Promise<void> {
  await (await caches.open(cacheName)).put(key, response)
}

/** How many entries and body bytes the isolate holds now: for tests and diagnostics. */
export function heldInIsolate(): { entries: number; bytes: number } {
  return { entries: held.size, bytes: heldBytes }
}
