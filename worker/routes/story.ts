// GET /api/v1/story: everything the page needs, in one response; ?chapter=<id>: one chapter's part.
import { createRoute } from '@hono/zod-openapi'
import { getStory } from '../db'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { metaOf } from '../lib/meta'
import { apiProblem } from '../lib/problem'
import { readSession } from '../lib/session'
import { errors, ok } from '../schemas/common'
import { StoryQuery, StoryResponseSchema } from '../schemas/story'

export const story = createApi()

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Story'],
  summary:
    'The whole story, or one chapter’s part: meta, chapters, categories, events, figures and places',
  description:
    'What the page loads: one request for everything. With `chapter`, one chapter’s part: the same story row, chapters, categories and places, and only that chapter’s events and their figures. The parts of the chapters listed at /api/v1/chapters together hold every event and figure of the whole story, each once, so a client can fetch the story a chapter at a time as it grows.',
  request: { query: StoryQuery },
  responses: { ...ok(StoryResponseSchema, 'The story.'), ...errors('no-story', 'not-found') },
})

story.openapi(route, (c) => {
  const { chapter } = c.req.valid('query')
  return cachedResponse(c, async () => {
    const data = await getStory(readSession(c), chapter)
    if (!data) {
      return apiProblem(
        c,
        'no-story',
        'The database has no story yet. Apply the migrations (npm run db:migrate) and try again.',
      )
    }
    if (chapter !== undefined && !data.chapters.some((ch) => ch.id === chapter)) {
      return apiProblem(
        c,
        'not-found',
        `No chapter has the id "${chapter}". The chapters and their ids are listed at /api/v1/chapters; leave out chapter for the whole story.`,
        { parameter: 'chapter' },
      )
    }
    return c.json({ data, meta: metaOf(data.story, c.get('watermark')) }, 200)
  })
})
