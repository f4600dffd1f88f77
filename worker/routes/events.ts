import { Hono } from 'hono'
import { getStoryMeta, listPublishedEvents } from '../db'
import type { AppEnv } from '../lib/types'

export const events = new Hono<AppEnv>()

events.get('/', async (c) => {
  const db = c.env.DB.withSession('first-unconstrained')
  const [data, story] = await Promise.all([listPublishedEvents(db), getStoryMeta(db)])
  return c.json({
    data,
    meta: {
      count: data.length,
      data_version: story?.data_version ?? null,
      generated_at: new Date().toISOString(),
      source: story
        ? { outlet: story.source_outlet, title: story.source_title, period: story.source_period }
        : null,
    },
  })
})
