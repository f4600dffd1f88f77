// GET /api/v1/chapters: the story's eras, in order.
import { createRoute } from '@hono/zod-openapi'
import { getStoryMeta, listChapters } from '../db'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { listBody } from '../lib/meta'
import { readSession } from '../lib/session'
import { ChapterSummarySchema } from '../schemas/chapters'
import { errors, listOf, ok } from '../schemas/common'
import { NoQuery } from '../schemas/query'

export const chapters = createApi()

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Reference'],
  summary: 'Chapters (eras), in order, with event counts',
  description:
    'The story’s chapters, which together cover July 2022 to June 2023, each with its dates and published events.',
  request: { query: NoQuery },
  responses: { ...ok(listOf(ChapterSummarySchema, 'ChapterList'), 'Every chapter.'), ...errors() },
})

chapters.openapi(route, (c) =>
  cachedResponse(c, async () => {
    const db = readSession(c)
    const [data, story] = await Promise.all([listChapters(db), getStoryMeta(db)])
    return c.json(listBody(c, data, story), 200)
  }),
)
