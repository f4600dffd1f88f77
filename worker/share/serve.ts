// GET /share/<event-id>.png and /share/story.png: the share cards, drawn on the first request
// for each data version and then served from the edge cache (Cache API) until the data changes.
// The page links them as /share/<name>.png?v=<data version>.<design> (worker/shared/share-card.ts):
// that URL always shows the same picture, so it is IMMUTABLE; without ?v=, or with an old one, the
// current card is sent with REVALIDATE, like all that changes with the data
// (lib/cache-control.ts).
// Like every cached read (lib/rate-limit.ts, isCachedRead), a card answered from the edge cache, or
// with 304 once the edge cache shows it exists, reads nothing from D1 (the data version comes from
// http/freshness.ts) and spends no rate limit; a miss spends it before looking the event up. The
// ETag names the card, so a client can make it up: If-None-Match (a tag or `*`) is judged only
// once the card is known to exist (stored at this version, or a public event), never before, so a
// made-up tag for a draft or an unknown id gets 404, not 304 (RFC 9110, 13.1.2).
// Tracking parameters (utm_*, fbclid, gclid) are dropped before this runs (lib/canonical.ts,
// ignoresTracking), as on the page and the exports.
import type { Context } from 'hono'
import { getEvent, getStory } from '../db'
import { readFreshness, recentFreshness } from '../http/freshness'
import { etagMatches } from '../lib/cache'
import { EDGE_STORED, IMMUTABLE, REVALIDATE } from '../lib/cache-control'
import { finishAfterResponse } from '../lib/after-response'
import { matchCached, putCached } from '../lib/edge-cache'
import { problem } from '../lib/problem'
import { rateLimited, servedFromCache, spendRateLimit } from '../lib/rate-limit'
import { readSession } from '../lib/session'
import type { AppEnv } from '../lib/types'
import { CARD_DESIGN, STORY_CARD, eventCard, storyCard, type CardText } from '../shared/share-card'
import { cardPng } from './render'

/** Event ids are slugs (see worker/data/values.ts); the story's card has its own name. */
const CARD_FILE = /^([a-z0-9][a-z0-9-]{2,79})\.png$/

/** The named edge cache of drawn cards (lib/edge-cache.ts: with the isolate's copy in front). */
const CARD_CACHE = 'share-cards'

/** The card's words for `name` at the current data, or null when no public event has that id. */
async function cardFor(c: Context<AppEnv>, name: string): Promise<CardText | null> {
  const db = readSession(c)
  if (name === STORY_CARD) {
    const story = await getStory(db)
    return story && storyCard(story.story, story.events.length)
  }
  const [story, event] = await Promise.all([getStory(db), getEvent(db, name)])
  return story && event ? eventCard(event, story.story) : null
}

/** Serves one share card (see the file's header): 200 PNG, 304, 400, 404 or 503 problem+json. */
export async function serveCard(c: Context<AppEnv>): Promise<Response> {
  const file = c.req.param('file') ?? ''
  const name = CARD_FILE.exec(file)?.[1]
  if (!name) {
    return problem(
      c,
      'not-found',
      `There is no share card at /share/${file}. Cards are /share/<event-id>.png (an id from /api/v1/events) or /share/${STORY_CARD}.png.`,
    )
  }
  const url = new URL(c.req.url)
  const unknown = [...url.searchParams.keys()].filter((key) => key !== 'v')
  if (unknown.length > 0) {
    return problem(
      c,
      'unknown-parameter',
      `A share card takes only ?v= (the version the page links); remove ${unknown.map((k) => `"${k}"`).join(', ')}.`,
      { parameters: unknown },
    )
  }

  const { dataVersion } = await recentFreshness(readSession(c))
  if (dataVersion === 0) {
    return problem(c, 'no-story', 'The database has no story yet, so there is no card to draw.')
  }
  const current = `${dataVersion}.${CARD_DESIGN}`
  const headers = {
    'Content-Type': 'image/png',
    'Cache-Control': url.searchParams.get('v') === current ? IMMUTABLE : REVALIDATE,
    ETag: `"card-${current}-${name}"`,
    'X-Content-Type-Options': 'nosniff',
  }
  const ifNoneMatch = c.req.header('If-None-Match')
  const notModified = () => new Response(null, { status: 304, headers })

  const deployment = c.env.CF_VERSION_METADATA?.id ?? 'local'
  const key = new Request(
    `${url.origin}/__share-card?name=${name}&v=${current}&deployment=${encodeURIComponent(deployment)}`,
  )
  const hit = await matchCached(CARD_CACHE, key)
  if (hit) {
    servedFromCache(c)
    // Stored under a key that names this card at this version: it exists.
    if (etagMatches(ifNoneMatch, headers.ETag)) {
      await hit.body?.cancel()
      return notModified()
    }
    return new Response(hit.body, { headers: { ...headers, 'X-Card-Cache': 'hit' } })
  }

  if (!(await spendRateLimit(c))) return rateLimited(c)
  const card = await cardFor(c, name)
  if (!card) {
    return problem(
      c,
      'not-found',
      `No published event has the id "${name}", so it has no share card. Event ids are listed at /api/v1/events; the story's own card is /share/${STORY_CARD}.png.`,
    )
  }
  // A public event (or the story): the card exists, and a matching validator needs no drawing.
  if (etagMatches(ifNoneMatch, headers.ETag)) return notModified()
  const png = await cardPng(card)
  // Store only what the key names: a card drawn from the data version the key carries.
  if ((await readFreshness(readSession(c))).dataVersion === dataVersion) {
    const stored = new Response(png, { headers: { ...headers, 'Cache-Control': EDGE_STORED } })
    finishAfterResponse(
      () => c.executionCtx,
      putCached(CARD_CACHE, key, stored),
      'share card cache write',
    )
  }
  return new Response(png, { headers: { ...headers, 'X-Card-Cache': 'miss' } })
}
