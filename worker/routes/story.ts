import { Hono } from 'hono'
import { getStory } from '../db'
import { problem } from '../lib/problem'
import type { AppEnv } from '../lib/types'

export const story = new Hono<AppEnv>()

story.get('/', async (c) => {
  const data = await getStory(c.env.DB.withSession('first-unconstrained'))
  if (!data) {
    return problem(
      c,
      503,
      'no-story',
      'Story Not Loaded',
      'The database has no story yet. Apply the migrations (npm run db:migrate) and try again.',
    )
  }
  return c.json({
    data,
    meta: {
      data_version: data.story.data_version,
      generated_at: new Date().toISOString(),
      source: {
        outlet: data.story.source_outlet,
        title: data.story.source_title,
        period: data.story.source_period,
      },
    },
  })
})
