// GET /api/v1/outlets: who reported or published the events.
import { createRoute } from '@hono/zod-openapi'
import { getStoryMeta, listOutlets } from '../db'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { listBody } from '../lib/meta'
import { readSession } from '../lib/session'
import { errors, listOf, ok } from '../schemas/common'
import { OutletSchema } from '../schemas/outlets'
import { NoQuery } from '../schemas/query'

export const outlets = createApi()

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Reference'],
  summary: 'Outlets linked to published events',
  description:
    'The media, channels and bodies that reported or published the events, each with how many.',
  request: { query: NoQuery },
  responses: { ...ok(listOf(OutletSchema, 'OutletList'), 'Every outlet, by name.'), ...errors() },
})

outlets.openapi(route, (c) =>
  cachedResponse(c, async () => {
    const db = readSession(c)
    const [data, story] = await Promise.all([listOutlets(db), getStoryMeta(db)])
    return c.json(listBody(c, data, story), 200)
  }),
)
