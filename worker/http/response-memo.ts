// The isolate's memo of finished public responses: the hot path of a cached API read. It sits in
// front of the whole worker (index.ts), before routing, middleware, validation and the edge cache,
// and answers a GET or HEAD it has seen with the exact status, headers and bytes the worker sent
// for it last time, so a hit costs one Map lookup and one Response: no D1 read, no binding call,
// no hashing, no URL parsing, no cache lookup.
//
// What an answer may depend on, and how the memo keeps to it:
// - the request's URL, exactly as received (the key; what canonicalisation, validation and
//   routing do with it is the same every time, and only 200s the cached routes built are kept,
//   so a bad query still gets its problem+json, a trailing slash its 308, from the worker);
// - the content coding chosen for the client's Accept-Encoding (lib/cache.ts chooseCoding: part of
//   the key, as it picks the ETag and Content-Encoding);
// - the data version: an entry holds the version it was served at and answers only while the
//   isolate's remembered version (http/freshness.ts, at most MEMO_MS old, forgotten at once by a
//   write in this isolate) is that version; otherwise the request goes through the worker, which
//   reads the version again. Entries of an older version are dropped as soon as a newer one is
//   kept, and all of them when this isolate writes;
// - If-None-Match: a tag matching the entry's ETag, or `*`, gets 304 with the entry's headers
//   minus those that describe a body, as http/cache.ts answers it;
// - the deployment: module state lives and dies with the deployed code.
// Entries are offered by http/cache.ts when it answers a hit with a body it holds in full; the
// response the worker then sends (after every middleware) gives the headers. Memory is bounded:
// bodies up to MEMO_ENTRY_BYTES, MEMO_BYTES in all, least recently used dropped first.
import { chooseCoding, clientAcceptEncoding, etagMatches } from '../lib/cache'
import { readUpTo } from '../lib/stream'
import { changeGeneration, currentFreshness } from './freshness'

/** The most body bytes the memo holds across all entries. */
export const MEMO_BYTES = 8 * 1024 * 1024

/** The largest body the memo holds; a larger one is always answered by the worker. */
export const MEMO_ENTRY_BYTES = 1024 * 1024

/** Headers that describe a body: sent with a 200, never with its 304 (as http/cache.ts does). */
const BODY_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-disposition',
  'link',
])

interface Entry {
  /** The data version the response was served at. */
  version: number
  body: ArrayBuffer
  /** Every header of the 200, in the order the worker sent them. */
  headers: [string, string][]
  /** The headers of its 304. */
  notModified: [string, string][]
  etag: string
}

/** What a cached route offers to the memo during one request (see offerToMemo). */
interface Offer {
  version: number
  generation: number
  body: ArrayBuffer
}

// Insertion order is recency: a hit moves its entry to the end, eviction takes from the start.
const entries = new Map<string, Entry>()
let entriesVersion = -Infinity
let entriesGeneration = changeGeneration()
let memoBytes = 0
// One offer per request, keyed by the request's execution context (one object per request).
const offers = new WeakMap<object, Offer>()

function clear(): void {
  entries.clear()
  memoBytes = 0
}

/** The memo's key of a request: the coding it would be sent and the URL as received. */
const keyOf = (request: Request): string =>
  `${chooseCoding(clientAcceptEncoding(request))} ${request.url}`

/**
 * The answer to `request` from the memo, or undefined when the worker must answer it: a method
 * other than GET or HEAD, no entry, or an entry of another data version than the one this isolate
 * remembers (or none remembered within MEMO_MS). Does no I/O.
 */
export function answerFromMemo(request: Request): Response | undefined {
  const method = request.method
  if (method !== 'GET' && method !== 'HEAD') return undefined
  if (entriesGeneration !== changeGeneration()) {
    entriesGeneration = changeGeneration()
    clear()
    return undefined
  }
  const fresh = currentFreshness()
  if (!fresh) return undefined
  const key = keyOf(request)
  const entry = entries.get(key)
  if (!entry || entry.version !== fresh.dataVersion) return undefined
  entries.delete(key)
  entries.set(key, entry)
  const ifNoneMatch = request.headers.get('If-None-Match')
  if (ifNoneMatch !== null && etagMatches(ifNoneMatch, entry.etag)) {
    return new Response(null, { status: 304, headers: entry.notModified })
  }
  return new Response(method === 'HEAD' ? null : entry.body, {
    status: 200,
    headers: entry.headers,
  })
}

/**
 * Offers the body of a 200 about to be sent for the request whose execution context is `ctx`,
 * served at data version `version` while this isolate's change generation was `generation`
 * (freshness.ts changeGeneration(), read before the version was). Bodies larger than
 * MEMO_ENTRY_BYTES are not taken. keepInMemo() stores it once the finished response is known.
 */
export function offerToMemo(
  ctx: object | undefined,
  version: number,
  generation: number,
  body: ArrayBuffer,
): void {
  if (!ctx || body.byteLength > MEMO_ENTRY_BYTES) return
  offers.set(ctx, { version, generation, body })
}

/**
 * A cached route's hit, offered to the memo: `hit` itself when its body is larger than
 * MEMO_ENTRY_BYTES (by its Content-Length, or, for a streamed body without one, once that much
 * has been read; the bytes read are sent on first) or there is no execution context (as outside a
 * fetch event: `ctx` throws); else the same response with its body read into memory and offered
 * (offerToMemo).
 */
export async function offerHit(
  ctx: () => object,
  hit: Response,
  version: number,
  generation: number,
): Promise<Response> {
  let context: object
  try {
    context = ctx()
  } catch {
    return hit
  }
  const header = hit.headers.get('Content-Length')
  if (header !== null && !(Number(header) <= MEMO_ENTRY_BYTES)) return hit
  // A streamed body (an export) has no length: read at most MEMO_ENTRY_BYTES of it to find out.
  const read = await readUpTo(hit.body, MEMO_ENTRY_BYTES)
  if (read.body === null) return new Response(read.stream, hit)
  offerToMemo(context, version, generation, read.body)
  return new Response(read.body, hit)
}

/**
 * Keeps the finished `response` to `request` in the memo when its route offered the body
 * (offerToMemo) and it is a 200 with an ETag, of a data version no older than the memo's and no
 * write in this isolate since. Reads only the response's headers: its body is sent untouched.
 */
export function keepInMemo(request: Request, ctx: object | undefined, response: Response): void {
  if (!ctx) return
  const offer = offers.get(ctx)
  if (!offer) return
  offers.delete(ctx)
  const etag = response.headers.get('ETag')
  if (response.status !== 200 || etag === null) return
  if (offer.generation !== changeGeneration() || offer.version < entriesVersion) return
  if (entriesGeneration !== changeGeneration() || offer.version > entriesVersion) {
    entriesGeneration = changeGeneration()
    entriesVersion = offer.version
    clear()
  }
  const headers = [...response.headers]
  const entry: Entry = {
    version: offer.version,
    body: offer.body,
    headers,
    notModified: headers.filter(([name]) => !BODY_HEADERS.has(name.toLowerCase())),
    etag,
  }
  const key = keyOf(request)
  const old = entries.get(key)
  if (old) {
    entries.delete(key)
    memoBytes -= old.body.byteLength
  }
  const size = entry.body.byteLength
  for (const [oldest, gone] of entries) {
    if (memoBytes + size <= MEMO_BYTES) break
    entries.delete(oldest)
    memoBytes -= gone.body.byteLength
  }
  entries.set(key, entry)
  memoBytes += size
}

/** How many entries and body bytes the memo holds now: for tests and diagnostics. */
export function memoInIsolate(): { entries: number; bytes: number; version: number } {
  return { entries: entries.size, bytes: memoBytes, version: entriesVersion }
}
