// GET /api/v1/actors: the people and organisations named in published events.
import { createRoute } from '@hono/zod-openapi'
import { getStoryMeta, listActors } from '../db'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { listBody } from '../lib/meta'
import { readSession } from '../lib/session'
import { ActorSchema } from '../schemas/actors'
import { errors, listOf, ok } from '../schemas/common'
import { NoQuery } from '../schemas/query'

export const actors = createApi()

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Reference'],
  summary: 'Actors named in published events',
  description:
    'People, agencies, governments and organisations linked to at least one published event, each with how many.',
  request: { query: NoQuery },
  responses: { ...ok(listOf(ActorSchema, 'ActorList'), 'Every actor, by name.'), ...errors() },
})

actors.openapi(route, (c) =>
  cachedResponse(c, async () => {
    const db = readSession(c)
    const [data, story] = await Promise.all([listActors(db), getStoryMeta(db)])
    return c.json(listBody(c, data, story), 200)
  }),
)
