// The pieces of HTTP caching that need no database: the public Cache-Control, the request as the
// cache sees it, and If-None-Match matching. The cached response itself is in http/cache.ts.

/** The Cache-Control of every cacheable public API response. */
export const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600'

const byKeyThenValue = ([ak, av]: [string, string], [bk, bv]: [string, string]) =>
  ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0

/** The request as the cache sees it: its path and its query parameters in a fixed order. */
export function normalisedRequest(url: URL): string {
  const query = new URLSearchParams([...url.searchParams].sort(byKeyThenValue)).toString()
  return query ? `${url.pathname}?${query}` : url.pathname
}

/** If-None-Match uses the weak comparison (RFC 9110, 13.1.2): W/ prefixes are ignored. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
