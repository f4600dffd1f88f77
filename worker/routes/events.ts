// GET /api/v1/events (filtered, sorted, paged, syncable) and GET /api/v1/events/{id}.
import { createRoute, z } from '@hono/zod-openapi'
import { findEvents, getEvent, getStoryMeta } from '../db'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { chooseListing, filtersOf, linkedKindsOf, nextLink, project } from '../http/event-listing'
import { searchEvents } from '../http/search'
import { metaOf, oneBody } from '../lib/meta'
import { apiProblem } from '../lib/problem'
import { readSession } from '../lib/session'
import { errors, LinksSchema, ListMetaSchema, ok, oneOf } from '../schemas/common'
import { EventIdParams, EventListItemSchema, EventSchema, EventsQuery } from '../schemas/events'
import { NoQuery } from '../schemas/query'

export const events = createApi()

const EventListSchema = z
  .object({ data: z.array(EventListItemSchema), links: LinksSchema, meta: ListMetaSchema })
  .openapi('EventList')

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Events'],
  summary: 'Published events, filtered, sorted and paged',
  description: `Every filter narrows the list; repeating a parameter matches any of its values.
Pages are keyset-paged: follow \`links.next\` (also sent as a \`Link\` header) until it is null.
For sync, pass \`updated_since\` with the \`meta.generated_at\` of your last complete sync (every
page of one walk reports the same value, the walk's watermark): you get every public event changed
at or after it (its row, its links, figures, quotes and notes, or the places, actors, outlets,
chapter or category it embeds), and a tombstone (\`{ id, deleted: true, deleted_at }\`) for each event
that was public at or after it and is not now (unpublished, deleted, or removed with SQL). Tombstones
are sent whatever the other filters say; an event that was never public never gets one.`,
  request: { query: EventsQuery },
  responses: {
    ...ok(EventListSchema, 'A page of events (and, with updated_since, tombstones).'),
    ...errors('invalid-cursor', 'cursor-mismatch'),
  },
})

events.openapi(listRoute, async (c) => {
  const query = c.req.valid('query')
  const listing = await chooseListing(c, query)
  if (listing instanceof Response) return listing
  // A later page of a walk reads a state at least as new as its first page read.
  if (listing.bookmark) c.set('db', c.env.DB.withSession(listing.bookmark))
  return cachedResponse(c, async ({ dataVersion }) => {
    const db = readSession(c)
    const { filters, sort, q } = filtersOf(listing.params)
    const watermark = listing.watermark ?? c.get('watermark') ?? new Date().toISOString()
    if (q) filters.ids = await searchEvents(db, dataVersion, q)
    const [found, story] = await Promise.all([
      findEvents(db, filters, {
        sort,
        after: listing.after,
        limit: query.limit ?? 100,
        linked: linkedKindsOf(query.fields),
      }),
      getStoryMeta(db),
    ])
    const url = new URL(c.req.url)
    const walk = { watermark, bookmark: listing.bookmark ?? db.getBookmark?.() ?? null }
    const next = found.next ? await nextLink(url, listing.params, found.next, walk) : null
    const data = project(found.items, query.fields)
    const response = c.json(
      {
        data,
        links: { self: url.href, next },
        meta: { ...metaOf(story, watermark), count: data.length },
      },
      200,
    )
    if (next) response.headers.set('Link', `<${next}>; rel="next"`)
    return response
  })
})

const oneRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Events'],
  summary: 'One published event with everything linked to it',
  request: { params: EventIdParams, query: NoQuery },
  responses: {
    ...ok(oneOf(EventSchema, 'EventResponse'), 'The event.'),
    ...errors('not-found'),
  },
})

events.openapi(oneRoute, async (c) => {
  const { id } = c.req.valid('param')
  return cachedResponse(c, async () => {
    const db = readSession(c)
    const [event, story] = await Promise.all([getEvent(db, id), getStoryMeta(db)])
    if (!event) {
      return apiProblem(
        c,
        'not-found',
        `No published event has the id "${id}". Event ids never change once published; list them at /api/v1/events?fields=id,date,headline.`,
        { parameter: 'id' },
      )
    }
    return c.json(oneBody(c, event, story), 200)
  })
})
