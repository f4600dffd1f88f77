// The rendered page in the Workers Cache API, keyed by everything that changes it: the data
// version, the build (the page's own, which changes with every rebuild, also in local
// development), the origin and the event the page opens at (the one actually rendered: an id
// that names no event renders, and is cached as, the plain story). An edit moves data_version on,
// so the next request renders afresh; old entries are never read again and expire.
// The ids of the story's events are remembered per data version in the isolate, so a request for
// an unknown id finds the plain story's entry without reading D1.
import type { Coding } from '../lib/cache'
import { EDGE_STORED } from '../lib/cache-control'
import { matchCached, putCached } from '../lib/edge-cache'
import { sha256Hex } from '../lib/sha256'

/** What a rendered page depends on. */
export interface PageKey {
  origin: string
  dataVersion: number
  build: string
  /** The event the page opens at, or null for the start of the story. */
  event: string | null
}

const originHashes = new Map<string, string>()

/** A short hash of an origin: the page carries absolute links, so each host has its own bytes. */
export async function originHash(origin: string): Promise<string> {
  let hash = originHashes.get(origin)
  if (!hash) {
    hash = (await sha256Hex(origin)).slice(0, 8)
    if (originHashes.size >= 100) originHashes.clear()
    originHashes.set(origin, hash)
  }
  return hash
}

/**
 * The page's strong ETag for one representation: `"page-<version>-<build>-<origin hash>-<event or
 * start>"`, with `-gzip` for the gzip body.
 */
export async function pageEtag(key: PageKey, coding: Coding): Promise<string> {
  const { dataVersion, build, event, origin } = key
  const tag = `page-${dataVersion}-${build}-${await originHash(origin)}-${event ?? 'start'}`
  return coding === 'gzip' ? `"${tag}-gzip"` : `"${tag}"`
}

function cacheRequest(key: PageKey): Request {
  const url = new URL('/__page-cache', key.origin)
  url.searchParams.set('v', String(key.dataVersion))
  url.searchParams.set('b', key.build)
  if (key.event) url.searchParams.set('event', key.event)
  return new Request(url)
}

// A named cache of its own, apart from the API's responses.
const PAGE_CACHE = 'story-page'

/** The stored page for `key`, if any: from the isolate's memory or the edge cache. */
export async function cachedPage(key: PageKey): Promise<Response | undefined> {
  return matchCached(PAGE_CACHE, cacheRequest(key))
}

/** Stores a rendered page (its body and Content-Type) under `key`. */
export async function storePage(key: PageKey, response: Response): Promise<void> {
  const stored = new Response(response.body, {
    headers: {
      'Content-Type': response.headers.get('Content-Type') ?? 'text/html; charset=utf-8',
      'Cache-Control': EDGE_STORED,
    },
  })
  await putCached(PAGE_CACHE, cacheRequest(key), stored)
}

let knownEvents: { dataVersion: number; ids: ReadonlySet<string> } | null = null

/** Remembers the ids of the events a render at `dataVersion` showed. */
export function rememberEvents(dataVersion: number, ids: Iterable<string>): void {
  if (knownEvents && knownEvents.dataVersion > dataVersion) return
  knownEvents = { dataVersion, ids: new Set(ids) }
}

/**
 * The event a page for `requested` opens at, as far as this isolate knows at `dataVersion`: the id
 * when it names an event, null when it names none, or the id itself when the events of that
 * version are not known yet (the render then says which it was). Only a key to look the page up
 * under: a page is stored under the event it shows, so an id that names none finds nothing, and
 * its tag is never answered with before a page is found or rendered (ssr/page.ts).
 */
export function eventToRender(requested: string | null, dataVersion: number): string | null {
  if (!requested) return null
  if (knownEvents?.dataVersion !== dataVersion) return requested
  return knownEvents.ids.has(requested) ? requested : null
}
