// Where the editor is, kept in the URL's hash so the back button and reloads work:
// #/ (the list), #/events/<id>, #/new, #/preview. Tokens never go here.
export type Route =
  { view: 'list' } | { view: 'event'; id: string } | { view: 'new' } | { view: 'preview' }

const EVENT_ID = /^[a-z0-9][a-z0-9-]{2,79}$/

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  if (path === 'new') return { view: 'new' }
  if (path === 'preview') return { view: 'preview' }
  const match = path.match(/^events\/(.+)$/)
  if (match) {
    const id = decodeURIComponent(match[1]!)
    if (EVENT_ID.test(id)) return { view: 'event', id }
  }
  return { view: 'list' }
}

export function hrefFor(route: Route): string {
  switch (route.view) {
    case 'event':
      return `#/events/${encodeURIComponent(route.id)}`
    case 'new':
      return '#/new'
    case 'preview':
      return '#/preview'
    default:
      return '#/'
  }
}
