import { Hono } from 'hono'
import { ping } from '../db'
import type { AppEnv } from '../lib/types'

export const health = new Hono<AppEnv>()

health.get('/', async (c) => {
  const events = await ping(c.env.DB)
  return c.json({ status: 'ok', events }, 200, { 'Cache-Control': 'no-store' })
})
