// GET /api/v1/story: everything the page needs, in one response.
import { createRoute } from '@hono/zod-openapi'
import { getStory } from '../db'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { metaOf } from '../lib/meta'
import { apiProblem } from '../lib/problem'
import { readSession } from '../lib/session'
import { errors, ok } from '../schemas/common'
import { NoQuery } from '../schemas/query'
import { StoryResponseSchema } from '../schemas/story'

export const story = createApi()

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Story'],
  summary: 'The whole story: meta, chapters, categories, events, figures and places',
  description: 'What the page loads: one request for everything.',
  request: { query: NoQuery },
  responses: { ...ok(StoryResponseSchema, 'The story.'), ...errors('no-story') },
})

story.openapi(route, (c) =>
  cachedResponse(c, async () => {
    const data = await getStory(readSession(c))
    if (!data) {
      return apiProblem(
        c,
        'no-story',
        'The database has no story yet. Apply the migrations (npm run db:migrate) and try again.',
      )
    }
    return c.json({ data, meta: metaOf(data.story, c.get('watermark')) }, 200)
  }),
)
