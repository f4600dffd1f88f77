// The story page, rendered on the server from D1 by the same Svelte components the browser
// hydrates, so every event, note and source is in the HTML before any script runs.
import type { Context } from 'hono'
import { getDataVersion, getStory } from '../db'
import { readSession } from '../lib/session'
import type { AppEnv } from '../lib/types'
import { BUILD_ID, renderPage } from './build/entry-server.js'
import { etagMatches } from '../lib/cache'
import { cachedPage, pageEtag, storePage, type PageKey } from './cache'

/** Event ids are slugs; anything else in ?event= cannot name one and is not part of the key. */
const EVENT_ID = /^[a-z0-9][a-z0-9-]{2,79}$/

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // Browsers revalidate every time (a cheap 304), so an editor's change shows on the next visit.
  'Cache-Control': 'public, max-age=0, must-revalidate',
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

export async function servePage(c: Context<AppEnv>): Promise<Response> {
  const url = new URL(c.req.url)
  const db = readSession(c)
  const dataVersion = await getDataVersion(db)
  if (dataVersion === 0) return unavailable()

  const requested = url.searchParams.get('event')
  const key: PageKey = {
    origin: url.origin,
    dataVersion,
    build: BUILD_ID,
    event: requested && EVENT_ID.test(requested) ? requested : null,
  }
  const etag = pageEtag(key)
  if (etagMatches(c.req.header('If-None-Match'), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, ...HTML_HEADERS } })
  }

  const hit = await cachedPage(key)
  if (hit) {
    return new Response(hit.body, {
      headers: { ...HTML_HEADERS, ETag: etag, 'X-Page-Cache': 'hit' },
    })
  }

  const story = await getStory(db)
  if (!story) return unavailable()
  const { html, eventId } = renderPage(story, {
    origin: url.origin,
    search: key.event ? `?event=${key.event}` : '',
  })
  const response = new Response(html, {
    headers: { ...HTML_HEADERS, ETag: etag, 'X-Page-Cache': 'miss' },
  })
  // Cache only what the key describes: the same data version, and a real event (or none).
  if (story.story.data_version === key.dataVersion && eventId === key.event) {
    c.executionCtx.waitUntil(storePage(key, response.clone()))
  }
  return response
}
