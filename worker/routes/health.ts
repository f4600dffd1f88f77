// GET /api/v1/health: the worker runs and the database answers. Never cached.
import { createRoute, z } from '@hono/zod-openapi'
import { ping } from '../db'
import { createApi } from '../lib/api'
import { readSession } from '../lib/session'
import { errors } from '../schemas/common'
import { NoQuery } from '../schemas/query'

export const health = createApi()

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Meta'],
  summary: 'Health check',
  description: 'Whether the worker and its database answer. Never cached.',
  request: { query: NoQuery },
  responses: {
    200: {
      description: 'The worker runs and the database answers.',
      content: {
        'application/json': {
          schema: z
            .object({
              status: z.literal('ok'),
              events: z.number().int().openapi({
                description:
                  'How many events the public API lists (/api/v1/events): published ones only.',
              }),
            })
            .openapi('Health'),
        },
      },
    },
    ...errors(),
  },
})

health.openapi(route, async (c) => {
  const events = await ping(readSession(c))
  return c.json({ status: 'ok' as const, events }, 200, { 'Cache-Control': 'no-store' })
})
