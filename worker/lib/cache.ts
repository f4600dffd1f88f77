// The pieces of HTTP caching that need no database: the request as the cache sees it, content
// coding and per-representation ETags, If-None-Match matching, the check for malformed
// percent-encoding and the tracking parameters some routes ignore. The cached response itself is
// in http/cache.ts, the Cache-Control rule in lib/cache-control.ts.

/** Sent with every body that may be compressed: caches keep one copy per content coding. */
export const VARY = 'Accept-Encoding'

const byKeyThenValue = ([ak, av]: [string, string], [bk, bv]: [string, string]) =>
  ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0

/** The request as the cache sees it: its path and its query parameters in a fixed order. */
export function normalisedRequest(url: URL): string {
  const query = new URLSearchParams([...url.searchParams].sort(byKeyThenValue)).toString()
  return query ? `${url.pathname}?${query}` : url.pathname
}

/**
 * Whether If-None-Match `header` matches `etag`, the tag of a representation known to exist at
 * the current data version (RFC 9110, 13.1.2: the condition is false when there is none, so call
 * this only once it is found or built, never from a tag that can be made up). The weak comparison:
 * W/ prefixes are ignored; a list matches when one of its tags does; `*` matches.
 */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque)
}

/** The content codings this worker compresses bodies with itself. */
export type Coding = 'gzip' | 'identity'

/**
 * The coding of the body sent for `acceptEncoding` (RFC 9110, 12.5.3): gzip when the client
 * accepts it (by name, x-gzip, or `*`) with a q above 0, else the identity.
 */
export function chooseCoding(acceptEncoding: string | undefined): Coding {
  if (!acceptEncoding) return 'identity'
  let gzip: number | undefined
  let any: number | undefined
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    const weight = Number.isFinite(q) ? q : 0
    if (name === 'gzip' || name === 'x-gzip') gzip = weight
    else if (name === '*') any = weight
  }
  return (gzip ?? any ?? 0) > 0 ? 'gzip' : 'identity'
}

/**
 * The client's own Accept-Encoding. Cloudflare's runtime (and wrangler dev) replaces the request's
 * `Accept-Encoding` header with what the runtime itself accepts (`br, gzip`) and keeps the
 * client's value in `request.cf.clientAcceptEncoding`; choosing a coding from the header would
 * send gzip (and its ETag) to a client that refused it. Outside the runtime (no `cf`), the header.
 */
export function clientAcceptEncoding(request: Request): string | undefined {
  const cf = request.cf as { clientAcceptEncoding?: string } | undefined
  return cf?.clientAcceptEncoding ?? request.headers.get('Accept-Encoding') ?? undefined
}

/**
 * The ETag of one representation: `"<tag>"` for the identity body and `"<tag>-gzip"` for the
 * gzip one, so different bytes never share a strong ETag (RFC 9110, 8.8.3).
 */
export const representationEtag = (tag: string, coding: Coding): string =>
  coding === 'gzip' ? `"${tag}-gzip"` : `"${tag}"`

/** Adds Accept-Encoding to the Vary header, once. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('Vary')
  if (!vary) headers.set('Vary', VARY)
  else if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) headers.set('Vary', `${vary}, ${VARY}`)
}

/**
 * Sets the headers of the representation chosen for `coding` on `headers`: Vary always, and
 * Content-Encoding for gzip (the runtime then compresses the body as it is sent).
 */
export function setCoding(headers: Headers, coding: Coding): void {
  varyOnEncoding(headers)
  if (coding === 'gzip') headers.set('Content-Encoding', 'gzip')
  else headers.delete('Content-Encoding')
}

/**
 * The first part of a URL whose percent-encoding does not decode to UTF-8 (RFC 3986, 2.1 and
 * RFC 3629), such as `q=%FF`: `{ in: 'query', name }` naming the parameter (its raw name when the
 * name itself is malformed), `{ in: 'path' }`, or null when every part decodes. URLSearchParams
 * would turn such bytes into U+FFFD silently, and search for something else.
 */
export function malformedEncoding(url: URL): { in: 'path' | 'query'; name: string } | null {
  const decodes = (text: string) => {
    try {
      decodeURIComponent(text)
      return true
    } catch {
      return false
    }
  }
  if (!decodes(url.pathname)) return { in: 'path', name: url.pathname }
  for (const pair of url.search.slice(1).split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const rawName = eq < 0 ? pair : pair.slice(0, eq)
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1)
    const nameOk = decodes(rawName.replaceAll('+', ' '))
    if (!nameOk || !decodes(rawValue.replaceAll('+', ' '))) {
      return {
        in: 'query',
        name: nameOk ? decodeURIComponent(rawName.replaceAll('+', ' ')) : rawName,
      }
    }
  }
  return null
}

/**
 * The tracking parameters that newsletters and social sites add to links, ignored (and left out
 * of the cache key) by the exports and the story page, never by the JSON API: `utm_*` (Google
 * Analytics' campaign parameters), `fbclid` (Facebook) and `gclid` (Google Ads).
 */
export const TRACKING_PARAMS = ['utm_*', 'fbclid', 'gclid'] as const

/** Whether a query parameter is one of TRACKING_PARAMS. */
export const isTrackingParam = (name: string): boolean =>
  name.startsWith('utm_') || name === 'fbclid' || name === 'gclid'

/** `url` without its tracking parameters, or null when it has none. */
export function withoutTracking(url: URL): URL | null {
  const names = [...url.searchParams.keys()]
  if (!names.some(isTrackingParam)) return null
  const clean = new URL(url)
  for (const name of names) if (isTrackingParam(name)) clean.searchParams.delete(name)
  return clean
}
