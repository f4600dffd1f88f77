// GET /api/v1/categories: what kind of thing happened, in the story's order.
import { createRoute } from '@hono/zod-openapi'
import { getStoryMeta, listCategories } from '../db'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { listBody } from '../lib/meta'
import { readSession } from '../lib/session'
import { CategorySummarySchema } from '../schemas/categories'
import { errors, listOf, ok } from '../schemas/common'
import { NoQuery } from '../schemas/query'

export const categories = createApi()

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Reference'],
  summary: 'Categories, in order, with event counts',
  description:
    'What kind of thing happened: each category with its label, description and published events.',
  request: { query: NoQuery },
  responses: {
    ...ok(listOf(CategorySummarySchema, 'CategoryList'), 'Every category.'),
    ...errors(),
  },
})

categories.openapi(route, (c) =>
  cachedResponse(c, async () => {
    const db = readSession(c)
    const [data, story] = await Promise.all([listCategories(db), getStoryMeta(db)])
    return c.json(listBody(c, data, story), 200)
  }),
)
