// Rate limiting per client with the Workers rate-limit binding (wrangler.toml [[ratelimits]]),
// spent only on work: a response served from a cache (the edge cache, or a 304 for what it holds)
// makes no call to the binding. Routes that answer from a cache (http/cache.ts, the story page)
// spend the limit themselves on a miss, before building; every other request under the
// middleware spends it before its handler runs, or, for GET requests of the public data, once its
// (cheap) answer is known.
import type { Context, MiddlewareHandler } from 'hono'
import { isPublicData, isShareCard } from './headers'
import { apiProblem } from './problem'
import type { AppEnv } from './types'

/** The binding's period in seconds: a client that is refused may try again within this. */
export const RATE_LIMIT_PERIOD = 60

/** The client a request counts against: its address as Cloudflare saw it. */
const clientOf = (c: Context) => c.req.header('CF-Connecting-IP') ?? 'unknown-client'

/**
 * Counts this request against its client's limit, once per request: false when the client has
 * had too many in the period. A second call in the same request answers as the first did.
 */
export async function spendRateLimit(c: Context<AppEnv>): Promise<boolean> {
  const spent = c.get('rateLimit')
  if (spent !== undefined) return spent
  const { success } = await c.env.API_RATE_LIMITER.limit({ key: clientOf(c) })
  c.set('rateLimit', success)
  return success
}

/** The 429 problem+json a refused client gets, with Retry-After. */
export function rateLimited(c: Context<AppEnv>): Response {
  c.header('Retry-After', String(RATE_LIMIT_PERIOD))
  return apiProblem(
    c,
    'rate-limited',
    `Too many requests from this client in the last minute. Wait ${RATE_LIMIT_PERIOD} seconds (Retry-After) and try again; conditional requests with If-None-Match and updated_since keep a sync to a few requests.`,
  )
}

/** Records that this request's answer came from a cache: no rate limit is spent on it. */
export function servedFromCache(c: Context<AppEnv>): void {
  c.set('cacheHit', true)
}

// Headers of the answer that a refusal must not carry over.
const NOT_CARRIED = [
  'ETag',
  'Link',
  'Allow',
  'Content-Disposition',
  'Content-Encoding',
  'Content-Length',
  'Vary',
]

/**
 * Whether a request is a read its route answers from a cache, spending the limit only on a miss:
 * a GET or HEAD of the public data or of a share card. The one rule the rate limit follows.
 */
export const isCachedRead = (method: string, path: string): boolean =>
  (method === 'GET' || method === 'HEAD') && (isPublicData(path) || isShareCard(path))

/**
 * The rate limit for /api/* and /share/*. Cached reads (isCachedRead: the public data and the
 * share cards) are left to their route, which spends the limit only on a cache miss; what such a
 * read answers without the cache (a 404, a 400) is counted once it is known and replaced by 429
 * when over the limit. Everything else is counted before its handler runs.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const read = isCachedRead(c.req.method, c.req.path)
  if (!read) {
    if (!(await spendRateLimit(c))) return rateLimited(c)
    return next()
  }
  await next()
  // Served from a cache, or the route spent the limit itself (and answered 429 if refused).
  if (c.get('cacheHit') || c.get('rateLimit') !== undefined) return
  if (await spendRateLimit(c)) return
  const refused = rateLimited(c)
  // Assigning keeps the headers already set on the answer (CORS among them); drop the answer's own.
  c.res = refused
  for (const name of NOT_CARRIED) c.res.headers.delete(name)
  c.res.headers.set('Retry-After', String(RATE_LIMIT_PERIOD))
  c.res.headers.set('Cache-Control', 'no-store')
}
