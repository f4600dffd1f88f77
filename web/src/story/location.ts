// Which event a URL points at (#event-<id> or ?event=<id>), and the URL for an event.
const HASH_PREFIX = '#event-'

/** The event a URL names, if it is one of `ids`. The hash wins over the query. */
export function eventIdFromUrl(url: URL, ids: ReadonlySet<string>): string | null {
  const fromHash = url.hash.startsWith(HASH_PREFIX)
    ? decodeURIComponent(url.hash.slice(HASH_PREFIX.length))
    : null
  if (fromHash && ids.has(fromHash)) return fromHash
  return eventIdFromQuery(url.searchParams, ids)
}

/** The event named by `?event=<id>` (the form a server sees), if it is one of `ids`. */
export function eventIdFromQuery(params: URLSearchParams, ids: ReadonlySet<string>): string | null {
  const id = params.get('event')
  return id && ids.has(id) ? id : null
}

/** The URL for an event: the hash carries it; a stale ?event= is dropped. */
export function urlForEvent(url: URL, id: string | null): string {
  const next = new URL(url)
  next.searchParams.delete('event')
  next.hash = id ? `${HASH_PREFIX}${id}` : ''
  return `${next.pathname}${next.search}${next.hash}`
}

export function stepElementId(id: string): string {
  return `event-${id}`
}
