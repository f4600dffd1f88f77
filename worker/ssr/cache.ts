// The rendered page in the Workers Cache API, keyed by everything that changes it: the data
// version, the build (the page's own, which changes with every rebuild, also in local
// development), the origin and the event a link opens at. An edit moves data_version on,
// so the next request renders afresh; old entries are never read again and expire.
const PAGE_TTL = 60 * 60 * 24

export interface PageKey {
  origin: string
  dataVersion: number
  build: string
  event: string | null
}

export function pageEtag({ dataVersion, build, event }: PageKey): string {
  return `"page-${dataVersion}-${build}-${event ?? 'start'}"`
}

function cacheRequest(key: PageKey): Request {
  const url = new URL('/__page-cache', key.origin)
  url.searchParams.set('v', String(key.dataVersion))
  url.searchParams.set('b', key.build)
  if (key.event) url.searchParams.set('event', key.event)
  return new Request(url)
}

// A named cache of its own, apart from the API's responses in the default one.
const pages = () => caches.open('story-page')

export async function cachedPage(key: PageKey): Promise<Response | undefined> {
  return (await pages()).match(cacheRequest(key))
}

export async function storePage(key: PageKey, response: Response): Promise<void> {
  const stored = new Response(response.body, response)
  stored.headers.set('Cache-Control', `public, max-age=${PAGE_TTL}`)
  await (await pages()).put(cacheRequest(key), stored)
}
