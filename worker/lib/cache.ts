// Caching for public reads: a strong ETag from the data version and the request, 304 for a
// matching If-None-Match, and the edge cache (Cache API, a cache of its own) keyed by the request and the data
// version, so an editor's change (which moves the version on) is served at once.
import type { Context } from 'hono'
import { getDataVersion } from '../db'
import { readSession } from './session'
import { sha256Hex } from './sha256'
import type { AppEnv } from './types'

export const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600'

const byKeyThenValue = ([ak, av]: [string, string], [bk, bv]: [string, string]) =>
  ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0

/** The request as the cache sees it: its path and its query parameters in a fixed order. */
export function normalisedRequest(url: URL): string {
  const query = new URLSearchParams([...url.searchParams].sort(byKeyThenValue)).toString()
  return query ? `${url.pathname}?${query}` : url.pathname
}

/** If-None-Match uses the weak comparison (RFC 9110, 13.1.2): W/ prefixes are ignored. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

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
 * on a miss; a 200 it returns gets the ETag and Cache-Control headers and goes into the cache.
 * Call it after the request has been validated, so only valid requests are cached.
 */
export async function cachedResponse(
  c: Context<AppEnv>,
  build: () => Promise<Response>,
): Promise<Response> {
  const version = await getDataVersion(readSession(c))
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
  const response = await build()
  if (response.status !== 200) return response
  response.headers.set('ETag', etag)
  response.headers.set('Cache-Control', CACHE_CONTROL)
  waitUntil(c, cache.put(key, response.clone()))
  return response
}
