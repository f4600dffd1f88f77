// The story page, rendered on the server from D1 by the same Svelte components the browser
// hydrates, so every event, note and source is in the HTML before any script runs.
// Its hot path is that of the API (http/cache.ts): the data version from the isolate's memo, the
// page from the page cache, no D1 read and no binding call. A miss spends the client's rate limit,
// reads the version again and renders; the page is stored under the event it actually shows.
// The page's ETag can be made up (it names the version, build, origin and event), so
// If-None-Match (a tag or `*`) is judged only against a page known to exist at this version: one
// found in the page cache (stored under the event it shows), or the one just rendered. A made-up
// tag for a draft, deleted or unknown ?event= then gets what the request gets without it: the
// plain story with its own ETag, or 304 only for that page's real tag (RFC 9110, 13.1.2).
import type { Context } from 'hono'
import { getStory } from '../db'
import { readFreshness, recentFreshness } from '../http/freshness'
import {
  chooseCoding,
  clientAcceptEncoding,
  etagMatches,
  setCoding,
  type Coding,
} from '../lib/cache'
import { REVALIDATE } from '../lib/cache-control'
import { finishAfterResponse } from '../lib/after-response'
import { RATE_LIMIT_PERIOD, servedFromCache, spendRateLimit } from '../lib/rate-limit'
import { readSession } from '../lib/session'
import type { AppEnv } from '../lib/types'
import { BUILD_ID, renderPage } from './build/entry-server.js'
import {
  cachedPage,
  eventToRender,
  pageEtag,
  rememberEvents,
  storePage,
  type PageKey,
} from './cache'

/** Event ids are slugs; anything else in ?event= cannot name one and is not part of the key. */
const EVENT_ID = /^[a-z0-9][a-z0-9-]{2,79}$/

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // Browsers revalidate every time (a cheap 304), so an editor's change shows on the next visit.
  'Cache-Control': REVALIDATE,
  'X-Content-Type-Options': 'nosniff',
}

function unavailable(): Response {
  const html =
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Story not loaded</title>' +
    '<p>The story’s data is not in the database yet. Apply the migrations ' +
    '(<code>npm run db:migrate</code>) and reload.</p></html>'
  return new Response(html, {
    status: 503,
    headers: { ...HTML_HEADERS, 'Cache-Control': 'no-store', 'Retry-After': '60' },
  })
}

function tooManyRequests(): Response {
  const html =
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Too many requests</title>' +
    `<h1>Too many requests</h1><p>This address asked for the story too often in the last minute. ` +
    `Please wait ${RATE_LIMIT_PERIOD} seconds and reload.</p></html>`
  return new Response(html, {
    status: 429,
    headers: {
      ...HTML_HEADERS,
      'Cache-Control': 'no-store',
      'Retry-After': String(RATE_LIMIT_PERIOD),
    },
  })
}

function notModified(etag: string, coding: Coding): Response {
  const headers = new Headers({ ...HTML_HEADERS, ETag: etag })
  headers.delete('Content-Type')
  setCoding(headers, coding)
  headers.delete('Content-Encoding')
  return new Response(null, { status: 304, headers })
}

function pageResponse(body: BodyInit | null, etag: string, coding: Coding, from: string) {
  const headers = new Headers({ ...HTML_HEADERS, ETag: etag, 'X-Page-Cache': from })
  setCoding(headers, coding)
  return new Response(body, { headers })
}

/**
 * GET /: the story page, from the page cache or rendered (see the file's header): 200 HTML, 304,
 * 429 or 503.
 */
export async function servePage(c: Context<AppEnv>): Promise<Response> {
  const url = new URL(c.req.url)
  const db = readSession(c)
  const known = await recentFreshness(db)
  const requestedParam = url.searchParams.get('event')
  const requested = requestedParam && EVENT_ID.test(requestedParam) ? requestedParam : null
  const coding = chooseCoding(clientAcceptEncoding(c.req.raw))
  const ifNoneMatch = c.req.header('If-None-Match')

  if (known.dataVersion !== 0) {
    const key: PageKey = {
      origin: url.origin,
      dataVersion: known.dataVersion,
      build: BUILD_ID,
      event: eventToRender(requested, known.dataVersion),
    }
    const hit = await cachedPage(key)
    if (hit) {
      servedFromCache(c)
      // Stored under the event it shows at this version: this page exists.
      const etag = await pageEtag(key, coding)
      if (etagMatches(ifNoneMatch, etag)) {
        await hit.body?.cancel()
        return notModified(etag, coding)
      }
      return pageResponse(hit.body, etag, coding, 'hit')
    }
  }

  if (!(await spendRateLimit(c))) return tooManyRequests()
  const fresh = await readFreshness(db)
  if (fresh.dataVersion === 0) return unavailable()
  const story = await getStory(db)
  if (!story) return unavailable()
  const { html, eventId } = renderPage(story, {
    origin: url.origin,
    search: requested ? `?event=${requested}` : '',
  })
  rememberEvents(
    story.story.data_version,
    story.events.map((e) => e.id),
  )
  const key: PageKey = {
    origin: url.origin,
    dataVersion: story.story.data_version,
    build: BUILD_ID,
    event: eventId,
  }
  const etag = await pageEtag(key, coding)
  // Cache only what the key describes: the version read before the story is the story's own.
  if (story.story.data_version === fresh.dataVersion) {
    finishAfterResponse(
      () => c.executionCtx,
      storePage(key, new Response(html, { headers: HTML_HEADERS })),
      'page cache write',
    )
  }
  // The page just rendered, for the event it shows: If-None-Match is judged against its tag.
  if (etagMatches(ifNoneMatch, etag)) return notModified(etag, coding)
  return pageResponse(html, etag, coding, 'miss')
}
