// The request in its one canonical form, settled before any route or cache sees it:
// - a trailing slash under /api/ (but the write API) or /share/ gets 308 to the path without it,
//   the query kept
//   (`GET /api/v1/events/` -> `/api/v1/events`), so a sync client never reads a 404 as a deletion;
// - malformed percent-encoding (bytes that are not UTF-8, such as `q=%FF`) is refused with 400
//   problem+json naming the parameter, instead of being read as U+FFFD and sharing a cache key with
//   `q=%EF%BF%BD`;
// - a query parameter with no name (`?chapter=exposure&=x`, `?=`) under the public API is refused
//   with 400 problem+json (`unknown-parameter`), as every other parameter a route does not take:
//   the router would drop it without a word;
// - the tracking parameters of TRACKING_PARAMS (lib/cache.ts) are dropped from GET and HEAD
//   requests of the exports, the story page and its share cards (ignoresTracking), so a
//   newsletter's or a social site's link works and shares the cache; the JSON API keeps refusing
//   them as unknown parameters (400).
// Also here: `Vary: Accept-Encoding` on every body the runtime or the edge may compress.
import type { MiddlewareHandler } from 'hono'
import { API_BASE, DOWNLOADS } from '../shared/downloads'
import { malformedEncoding, varyOnEncoding, withoutTracking } from './cache'
import { isPublicData, isShareCard } from './headers'
import { problem } from './problem'

/** The paths whose GET ignores tracking parameters, besides the share cards': the page, the exports. */
export const TRACKING_IGNORED: ReadonlySet<string> = new Set([
  '/',
  ...DOWNLOADS.flatMap((d) => ('route' in d ? [API_BASE + d.path] : [])),
])

/**
 * Whether a GET of `path` ignores tracking parameters: the story page, every export and every
 * share card (what people share and newsletters link), never the JSON API. The one rule.
 */
export const ignoresTracking = (path: string): boolean =>
  TRACKING_IGNORED.has(path) || isShareCard(path)

/**
 * Whether `path` gets a 308 to itself without its trailing slash: public paths under /api/ and
 * /share/. The write API is left out, so a request there without a token is refused (401) before
 * anything else is said about its path.
 */
const redirectsTrailingSlash = (path: string) =>
  path.length > 1 &&
  path.endsWith('/') &&
  (path.startsWith('/api/') || path.startsWith('/share/')) &&
  !path.startsWith('/api/v1/admin/')

export const canonicalRequest: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url)
  const malformed = malformedEncoding(url)
  if (malformed) {
    const where =
      malformed.in === 'path' ? 'The path' : `The query parameter ${JSON.stringify(malformed.name)}`
    return problem(
      c,
      'invalid-parameter',
      `${where} has percent-encoding that is not UTF-8 (such as %FF). Encode the text as UTF-8 before percent-encoding it (encodeURIComponent does).`,
      malformed.in === 'query' ? { parameter: malformed.name } : {},
    )
  }
  if (isPublicData(url.pathname) && url.searchParams.has('')) {
    const reason = `The query has a parameter with no name ("=${url.searchParams.get('')}"). Every query parameter is name=value: give it the name the route takes (its documentation at /api/docs lists them), or remove it.`
    return problem(c, 'unknown-parameter', reason, {
      parameter: '',
      invalid_params: [{ name: '', reason }],
    })
  }
  if (redirectsTrailingSlash(url.pathname)) {
    const path = url.pathname.replace(/\/+$/, '') || '/'
    return c.body(null, 308, { Location: path + url.search, 'Cache-Control': 'no-store' })
  }
  if ((c.req.method === 'GET' || c.req.method === 'HEAD') && ignoresTracking(url.pathname)) {
    const clean = withoutTracking(url)
    // The route reads its query from the request: hand it the request without them.
    if (clean) c.req.raw = new Request(clean, c.req.raw)
  }
  await next()
}

/** Content types the runtime and the edge compress: text, JSON, XML and their kin. */
const COMPRESSIBLE = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|geo\+json))/i

/** Adds `Vary: Accept-Encoding` to every response whose body may be compressed on the way out. */
export const varyOnCompressible: MiddlewareHandler = async (c, next) => {
  await next()
  const type = c.res.headers.get('Content-Type')
  if (c.res.body !== null && type && COMPRESSIBLE.test(type)) varyOnEncoding(c.res.headers)
}
