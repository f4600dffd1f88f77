// The worker: the API under /api, and the built page (web/dist) as static assets.
import { Hono } from 'hono'
import { problem } from './lib/problem'
import type { AppEnv } from './lib/types'
import { events } from './routes/events'
import { health } from './routes/health'
import { story } from './routes/story'

const app = new Hono<AppEnv>()

app.route('/api/v1/events', events)
app.route('/api/v1/health', health)
app.route('/api/v1/story', story)

app.notFound((c) => {
  const path = new URL(c.req.url).pathname
  if (path === '/api' || path.startsWith('/api/')) {
    return problem(
      c,
      404,
      'not-found',
      'Not Found',
      `There is no resource at ${path}. The API lives under /api/v1; start with /api/v1/events.`,
    )
  }
  return c.env.ASSETS.fetch(c.req.raw)
})

app.onError((err, c) => {
  console.error('unhandled error', err)
  return problem(
    c,
    500,
    'internal',
    'Internal Server Error',
    'Something went wrong on our side. Nothing was changed; please try again later.',
  )
})

export default app
