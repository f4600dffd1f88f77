// Rate limiting per client with the Workers rate-limit binding (wrangler.toml [[ratelimits]]).
import type { MiddlewareHandler } from 'hono'
import { apiProblem } from './problem'
import type { AppEnv } from './types'

/** The binding's period in seconds: a client that is refused may try again within this. */
export const RATE_LIMIT_PERIOD = 60

export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const client = c.req.header('CF-Connecting-IP') ?? 'unknown-client'
  const { success } = await c.env.API_RATE_LIMITER.limit({ key: client })
  if (!success) {
    c.header('Retry-After', String(RATE_LIMIT_PERIOD))
    return apiProblem(
      c,
      'rate-limited',
      `Too many requests from this client in the last minute. Wait ${RATE_LIMIT_PERIOD} seconds (Retry-After) and try again; conditional requests with If-None-Match and updated_since keep a sync to a few requests.`,
    )
  }
  await next()
}
