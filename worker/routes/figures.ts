// GET /api/v1/figures: every number of the published events, filterable.
import { createRoute } from '@hono/zod-openapi'
import { getStoryMeta, listFigures } from '../db'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { listBody } from '../lib/meta'
import { readSession } from '../lib/session'
import { errors, listOf, ok } from '../schemas/common'
import { FiguresQuery, FigureWithEventSchema } from '../schemas/figures'

export const figures = createApi()

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Figures'],
  summary: 'Figures of published events, in the events’ order',
  description:
    'Each figure keeps the exact qualifier the source used ("more than", "about", ...), its unit and what it measures. Filters combine; repeating one matches any of its values.',
  request: { query: FiguresQuery },
  responses: { ...ok(listOf(FigureWithEventSchema, 'FigureList'), 'The figures.'), ...errors() },
})

figures.openapi(route, (c) => {
  const filters = c.req.valid('query')
  return cachedResponse(c, async () => {
    const db = readSession(c)
    const [data, story] = await Promise.all([listFigures(db, filters), getStoryMeta(db)])
    return c.json(listBody(c, data, story), 200)
  })
})
