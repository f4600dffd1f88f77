// Which event a URL points at, and the URL and link for an event. The address bar carries
// ?event=<id>, the form the server sees (so a shared link opens at its event, with its own share
// card); the older #event-<id> form still opens its event and is rewritten to ?event=.
const HASH_PREFIX = '#event-'

/** The event a URL names, if it is one of `ids`: #event-<id> (the older form) or ?event=<id>. */
export function eventIdFromUrl(url: URL, ids: ReadonlySet<string>): string | null {
  const fromHash = eventIdFromHash(url.hash, ids)
  return fromHash ?? eventIdFromQuery(url.searchParams, ids)
}

/** The event an older #event-<id> link names, if it is one of `ids`. */
export function eventIdFromHash(hash: string, ids: ReadonlySet<string>): string | null {
  if (!hash.startsWith(HASH_PREFIX)) return null
  let id: string
  try {
    id = decodeURIComponent(hash.slice(HASH_PREFIX.length))
  } catch {
    return null
  }
  return ids.has(id) ? id : null
}

/** The event named by `?event=<id>` (the form a server sees), if it is one of `ids`. */
export function eventIdFromQuery(params: URLSearchParams, ids: ReadonlySet<string>): string | null {
  const id = params.get('event')
  return id && ids.has(id) ? id : null
}

/**
 * The address for the reader's place in the story: `url` with ?event=<id> (or without it when no
 * event is active), other query parameters kept, and no fragment (the fragment only ever held an
 * in-page target, which a reload must not jump back to). Returns path + query.
 */
export function urlForEvent(url: URL, id: string | null): string {
  const next = new URL(url)
  if (id) next.searchParams.set('event', id)
  else next.searchParams.delete('event')
  next.hash = ''
  return `${next.pathname}${next.search}`
}

/** The link to an event: the story page opened at it (works without script, and can be shared). */
export function eventHref(id: string): string {
  return `/?event=${encodeURIComponent(id)}`
}

/** The id of an event's step element on the page (also the older #event-<id> fragment). */
export function stepElementId(id: string): string {
  return `event-${id}`
}

/** The id of an event's heading link: the step's focus target for keyboard and screen readers. */
export function stepLinkId(id: string): string {
  return `event-${id}-link`
}
