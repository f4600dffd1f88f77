// Caching for public reads. The hot path (a cache hit) reads nothing from D1 and calls no binding:
// the data version comes from the isolate's memo (http/freshness.ts, at most 1 s old), the ETag
// from that version and the request, and the body from the isolate's memory or the edge cache
// (lib/edge-cache.ts: the Cache API, a cache of its own, with the isolate's copy in front) keyed
// by the request and the data version, so an editor's change (which moves the version on) is
// served within a second, and at once by the isolate that wrote it.
// A miss spends the client's rate limit, reads the version again from D1 (with the sync watermark,
// `meta.generated_at`, before the data), builds the response and stores it under the version it was
// built from.
// Each representation has its own strong ETag: the identity body `"<version>-<hash>"`, the gzip body
// `"<version>-<hash>-gzip"` (this worker chooses the coding, and the runtime compresses), with
// `Vary: Accept-Encoding`. The hash covers the deployment, the origin (bodies carry absolute links)
// and the normalised request, never the body: a body may be a stream (the exports), sent as it is
// made, and a HEAD or a 304 never reads it. Since the hash is not the body's, a client can make
// up the tag of any request at the next version (a deleted event's, an unknown id's), so
// If-None-Match (a tag or `*`) is judged only once the representation is known to exist at this
// version: stored under this version's key (a hit: still no D1 read), or built with a 200. A
// request for something that does not exist gets the same answer with or without it (a 404, never
// a 304; RFC 9110, 13.1.2).
import type { Context } from 'hono'
import type { Freshness } from '../db'
import {
  chooseCoding,
  clientAcceptEncoding,
  etagMatches,
  normalisedRequest,
  representationEtag,
  setCoding,
  type Coding,
} from '../lib/cache'
import { EDGE_STORED, REVALIDATE } from '../lib/cache-control'
import { finishAfterResponse } from '../lib/after-response'
import { matchCached, putCached } from '../lib/edge-cache'
import { rateLimited, servedFromCache, spendRateLimit } from '../lib/rate-limit'
import { readSession } from '../lib/session'
import { sha256Hex } from '../lib/sha256'
import type { AppEnv } from '../lib/types'
import { changeGeneration, readFreshness, recentFreshness } from './freshness'
import { offerHit } from './response-memo'

/** The named edge cache of the API's responses. */
const API_CACHE = 'api-v1'

/**
 * The headers of a stored response: what describes the body, never CORS or security headers, nor
 * its Cache-Control (EDGE_STORED in the edge cache, REVALIDATE when sent: lib/cache-control.ts).
 */
const STORED_HEADERS = ['Content-Type', 'Content-Disposition', 'Link', 'ETag']

// The hash of each request recently answered (deployment, origin, request): a hit computes none.
const hashes = new Map<string, string>()
const MAX_HASHES = 1000

async function requestHash(text: string): Promise<string> {
  const known = hashes.get(text)
  if (known) return known
  const hash = (await sha256Hex(text)).slice(0, 24)
  if (hashes.size >= MAX_HASHES) hashes.clear()
  hashes.set(text, hash)
  return hash
}

/** What one request is, as the cache and the ETag see it, at one data version. */
interface Representation {
  /** The identity body's ETag without quotes: `<version>-<hash>`. */
  tag: string
  key: Request
}

function representation(
  url: URL,
  request: string,
  hash: string,
  version: number,
  deployment: string,
): Representation {
  const separator = request.includes('?') ? '&' : '?'
  const key = new Request(
    `${url.origin}${request}${separator}data_version=${version}&deployment=${encodeURIComponent(deployment)}`,
  )
  return { tag: `${version}-${hash}`, key }
}

function notModified(etag: string, coding: Coding): Response {
  const headers = new Headers({ ETag: etag, 'Cache-Control': REVALIDATE })
  setCoding(headers, coding)
  headers.delete('Content-Encoding')
  return new Response(null, { status: 304, headers })
}

/** The 200 to send from a stored or freshly built one: its representation for `coding`. */
function send(response: Response, tag: string, coding: Coding): Response {
  const etag = representationEtag(tag, coding)
  const out = new Response(response.body, { status: 200 })
  for (const name of STORED_HEADERS) {
    const value = response.headers.get(name)
    if (value !== null) out.headers.set(name, value)
  }
  out.headers.set('ETag', etag)
  out.headers.set('Cache-Control', REVALIDATE)
  setCoding(out.headers, coding)
  return out
}

/** How a cached route's body is sent. */
export interface CachedOptions {
  /**
   * False for a body that is already compressed (a zip): it is always sent as it is, with the
   * identity ETag, whatever Accept-Encoding says. Default true.
   */
  compressible?: boolean
}

/**
 * Answers a public GET from the edge cache, or with 304, or by building it. `build` runs only on
 * a miss, within the client's rate limit, with the data version and watermark just read from D1;
 * a 200 it returns gets the ETag, Cache-Control and Vary headers and goes into the cache, any
 * other answer (a 404 problem, a 503) is sent as it is, whatever If-None-Match says.
 * If-None-Match (a tag, a list, or `*`) is 304 only for a representation that exists at the
 * current data version: a hit, or a 200 just built (RFC 9110, 13.1.2); see the file's header.
 * Call it after the request has been validated, so only valid requests are cached.
 */
export async function cachedResponse(
  c: Context<AppEnv>,
  build: (fresh: Freshness) => Promise<Response>,
  options: CachedOptions = {},
): Promise<Response> {
  const db = readSession(c)
  const generation = changeGeneration()
  const known = await recentFreshness(db)
  const deployment = c.env.CF_VERSION_METADATA?.id ?? 'local'
  const url = new URL(c.req.url)
  const request = normalisedRequest(url)
  const hash = await requestHash(`${deployment} ${url.origin} ${request}`)
  const coding: Coding =
    options.compressible === false ? 'identity' : chooseCoding(clientAcceptEncoding(c.req.raw))
  const ifNoneMatch = c.req.header('If-None-Match')
  const current = representation(url, request, hash, known.dataVersion, deployment)
  const hit = await matchCached(API_CACHE, current.key)
  if (hit) {
    servedFromCache(c)
    // Only a 200 is stored, under a key naming this version: the representation exists.
    const etag = representationEtag(current.tag, coding)
    if (etagMatches(ifNoneMatch, etag)) {
      await hit.body?.cancel()
      return notModified(etag, coding)
    }
    // The isolate's memo of finished responses (response-memo.ts) answers the next ones.
    const offered = await offerHit(() => c.executionCtx, hit, known.dataVersion, generation)
    return send(offered, current.tag, coding)
  }

  if (!(await spendRateLimit(c))) return rateLimited(c)
  // Read first, before anything the response shows: the watermark then vouches for all of it.
  const fresh = await readFreshness(db)
  if (fresh.watermark) c.set('watermark', fresh.watermark)
  const response = await build(fresh)
  if (response.status !== 200) return response
  const built =
    fresh.dataVersion === known.dataVersion
      ? current
      : representation(url, request, hash, fresh.dataVersion, deployment)
  const etag = representationEtag(built.tag, coding)
  // Built with a 200 at this version: it exists, and If-None-Match can be judged.
  const matched = etagMatches(ifNoneMatch, etag)
  // A HEAD or a 304 sends no body: it is neither read (a streamed body is then never made) nor
  // stored (the next GET builds and stores it).
  const bodiless = c.req.method === 'HEAD' || matched
  if (bodiless) await response.body?.cancel()
  if (matched) return notModified(etag, coding)
  const stored = new Response(bodiless ? null : response.body, { status: 200 })
  for (const name of STORED_HEADERS) {
    const value = response.headers.get(name)
    if (value !== null) stored.headers.set(name, value)
  }
  stored.headers.set('ETag', representationEtag(built.tag, 'identity'))
  stored.headers.set('Cache-Control', EDGE_STORED)
  if (bodiless) return send(stored, built.tag, coding)
  finishAfterResponse(
    () => c.executionCtx,
    putCached(API_CACHE, built.key, stored.clone()),
    'edge cache write',
  )
  return send(stored, built.tag, coding)
}
