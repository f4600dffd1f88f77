// Caching for public reads: a strong ETag from the data version and the request, 304 for a
// matching If-None-Match, and the edge cache (Cache API, a cache of its own) keyed by the request
// and the data version, so an editor's change (which moves the version on) is served at once. The
// first read of a request also takes its sync watermark (`meta.generated_at`), before the data.
import type { Context } from 'hono'
import { getFreshness, type Freshness } from '../db'
import { CACHE_CONTROL, etagMatches, normalisedRequest } from '../lib/cache'
import { readSession } from '../lib/session'
import { sha256Hex } from '../lib/sha256'
import type { AppEnv } from '../lib/types'

function waitUntil(c: Context, promise: Promise<unknown>): void {
  const settled = promise.catch((err: unknown) => console.error('edge cache write failed', err))
  try {
    c.executionCtx.waitUntil(settled)
  } catch {
    // No execution context (called outside a fetch event): let the write finish on its own.
  }
}

/**
 * Answers a public GET from the edge cache, or with 304, or by building it. `build` runs only
 * on a miss, with the data version and watermark read first; a 200 it returns gets the ETag and
 * Cache-Control headers and goes into the cache.
 * Call it after the request has been validated, so only valid requests are cached.
 */
export async function cachedResponse(
  c: Context<AppEnv>,
  build: (fresh: Freshness) => Promise<Response>,
): Promise<Response> {
  // Read first, before anything the response shows: the watermark then vouches for all of it.
  const fresh = await getFreshness(readSession(c))
  const { dataVersion: version, watermark } = fresh
  if (watermark) c.set('watermark', watermark)
  const deployment = c.env.CF_VERSION_METADATA?.id ?? 'local'
  const url = new URL(c.req.url)
  const request = normalisedRequest(url)
  const etag = `"${version}-${(await sha256Hex(`${deployment} ${request}`)).slice(0, 24)}"`
  if (etagMatches(c.req.header('If-None-Match'), etag)) {
    return c.body(null, 304, { ETag: etag, 'Cache-Control': CACHE_CONTROL })
  }
  const separator = request.includes('?') ? '&' : '?'
  const key = new Request(
    `${url.origin}${request}${separator}data_version=${version}&deployment=${encodeURIComponent(deployment)}`,
  )
  const cache = await caches.open('api-v1')
  const hit = await cache.match(key)
  if (hit) return new Response(hit.body, hit)
  const response = await build(fresh)
  if (response.status !== 200) return response
  response.headers.set('ETag', etag)
  response.headers.set('Cache-Control', CACHE_CONTROL)
  waitUntil(c, cache.put(key, response.clone()))
  return response
}
