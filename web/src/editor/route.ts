// Where the editor is, kept in the URL's hash so the back button and reloads work. Tokens never
// go here. The views:
//   #/ (the event list), #/events/<id>, #/new (a new event), #/preview,
//   #/changes (every change across tables), #/proposals (writers' proposed changes),
//   #/import (a CSV into drafts),
//   #/places, #/places/<id>, #/new/places (and the same for actors, outlets and categories),
//   #/chapters, #/story (the story's title, dek, credit and the rest).
// A new row is #/new/<table>, never #/<table>/new: "new" is itself a valid id. Any other hash
// ("#main", the skip link's) is a place in the page, not a view.

/** The tables whose rows have a list, a form and a new-row form of their own. */
export const ROW_TABLES = ['places', 'actors', 'outlets', 'categories'] as const

/** One of {@link ROW_TABLES}. */
export type RowTable = (typeof ROW_TABLES)[number]

export type Route =
  | { view: 'list' }
  | { view: 'event'; id: string }
  | { view: 'new' }
  | { view: 'preview' }
  | { view: 'changes' }
  | { view: 'proposals' }
  | { view: 'import' }
  | { view: 'rows'; table: RowTable }
  | { view: 'row'; table: RowTable; id: string }
  | { view: 'new-row'; table: RowTable }
  | { view: 'chapters' }
  | { view: 'story' }

const EVENT_ID = /^[a-z0-9][a-z0-9-]{2,79}$/
/** A place's, actor's, outlet's or category's id (ID_PATTERN in worker/data/values.ts). */
const ROW_ID = /^[a-z0-9][a-z0-9-]{0,79}$/

const isRowTable = (name: string): name is RowTable =>
  (ROW_TABLES as readonly string[]).includes(name)

/**
 * Whether a hash names a view ("", "#" or "#/..."), rather than a place in the page such as the
 * skip link's "#main": following a place in the page leaves the view as it is.
 */
export const isViewHash = (hash: string): boolean =>
  hash === '' || hash === '#' || hash.startsWith('#/')

/** The view a hash names; anything it does not know is the event list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  switch (path) {
    case 'new':
      return { view: 'new' }
    case 'preview':
      return { view: 'preview' }
    case 'changes':
      return { view: 'changes' }
    case 'proposals':
      return { view: 'proposals' }
    case 'import':
      return { view: 'import' }
    case 'chapters':
      return { view: 'chapters' }
    case 'story':
      return { view: 'story' }
  }
  if (isRowTable(path)) return { view: 'rows', table: path }
  const added = path.match(/^new\/([a-z]+)$/)
  if (added && isRowTable(added[1]!)) return { view: 'new-row', table: added[1] }
  const row = path.match(/^([a-z]+)\/(.+)$/)
  if (row) {
    const [, table, raw] = row as unknown as [string, string, string]
    let id: string
    try {
      id = decodeURIComponent(raw)
    } catch {
      return { view: 'list' }
    }
    if (table === 'events' && EVENT_ID.test(id)) return { view: 'event', id }
    if (isRowTable(table) && ROW_ID.test(id)) return { view: 'row', table, id }
  }
  return { view: 'list' }
}

/** The hash of a view. */
export function hrefFor(route: Route): string {
  switch (route.view) {
    case 'event':
      return `#/events/${encodeURIComponent(route.id)}`
    case 'new':
      return '#/new'
    case 'preview':
      return '#/preview'
    case 'changes':
      return '#/changes'
    case 'proposals':
      return '#/proposals'
    case 'import':
      return '#/import'
    case 'chapters':
      return '#/chapters'
    case 'story':
      return '#/story'
    case 'rows':
      return `#/${route.table}`
    case 'row':
      return `#/${route.table}/${encodeURIComponent(route.id)}`
    case 'new-row':
      return `#/new/${route.table}`
    default:
      return '#/'
  }
}
