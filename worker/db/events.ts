// Events: the full list for the story, the filtered and paged list for partners, and one event.
import { publicColumns } from '../data/tables'
import { bodyToHtml } from '../lib/rich-text'
import type { EventRow, StoryEvent, Tombstone } from '../model'
import { selectList } from './columns'
import { LINKED_KINDS, loadLinked, type Linked, type LinkedKind } from './linked'
import {
  EVENT_CHANGED_AT,
  EVENT_SEARCH_TEXT,
  IS_PUBLIC,
  JSON_LIST,
  PLACE_TREE,
  rowsOf,
  type Db,
} from './sql'

/** An event row as the database holds it; body_html is made from body on the way out. */
type StoredEvent = Omit<EventRow, 'body_html'>
const withHtml = <T extends StoredEvent>(row: T): T & { body_html: string } => ({
  ...row,
  body_html: bodyToHtml(row.body),
})

/** The event's public columns (alias `e`). */
const EVENT_COLUMNS = selectList('events', 'e', publicColumns('events'))

/** Every published event, oldest first, with everything linked to it. */
export async function listPublishedEvents(db: Db): Promise<StoryEvent[]> {
  const [result, linked] = await Promise.all([
    db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE ${IS_PUBLIC} ORDER BY e.date, e.id`)
      .all(),
    loadLinked(db, 'public'),
  ])
  return rowsOf<StoredEvent>(result).map((event) => ({
    ...withHtml(event),
    ...(linked(event.id) as Linked),
  }))
}

/** One published event with everything linked to it, or null. */
export async function getEvent(db: Db, id: string): Promise<StoryEvent | null> {
  const [event, linked] = await Promise.all([
    db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ? AND ${IS_PUBLIC}`)
      .bind(id)
      .first<StoredEvent>(),
    loadLinked(db, [id]),
  ])
  return event ? { ...withHtml(event), ...(linked(id) as Linked) } : null
}

export interface EventFilters {
  from?: string
  to?: string
  category?: string[]
  place?: string[]
  actor?: string[]
  outlet?: string[]
  /** Lower-cased words that must all appear (ASCII letters folded, as SQLite's lower() does). */
  words?: string[]
  /** Canonical ISO 8601 UTC time: changed events and tombstones instead of the public list. */
  updated_since?: string
}

export type EventSort = 'date' | '-date'
export interface EventPage {
  sort: EventSort
  /** Keyset position: the last event of the previous page. */
  after?: { date: string; id: string }
  limit: number
  /** The linked kinds to load; the others are left out of the rows. */
  linked: readonly LinkedKind[]
}

export type EventItem = (Partial<StoryEvent> & { id: string }) | Tombstone
export interface EventsFound {
  items: EventItem[]
  /** The last row's keyset position when there is a next page. */
  next: { date: string; id: string } | null
}

/** Sort orders and keyset comparisons, by allowed sort name only. */
const ORDER: Record<EventSort, { by: string; after: string }> = {
  date: { by: 'e.date ASC, e.id ASC', after: '(e.date > ? OR (e.date = ? AND e.id > ?))' },
  '-date': { by: 'e.date DESC, e.id DESC', after: '(e.date < ? OR (e.date = ? AND e.id < ?))' },
}

interface FoundRow extends StoredEvent {
  is_public: number
  gone_at: string
}

function whereOf(filters: EventFilters): { where: string[]; binds: unknown[] } {
  const where: string[] = []
  const binds: unknown[] = []
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql)
    binds.push(...values)
  }
  if (filters.updated_since) {
    // Changed public events, and tombstones of events deleted or withdrawn since then. An event
    // created after that time cannot have been seen, so it never needs a tombstone.
    const since = filters.updated_since
    add(
      `((${IS_PUBLIC} AND ${EVENT_CHANGED_AT} > ?)
        OR (NOT (${IS_PUBLIC}) AND e.created_at <= ? AND coalesce(e.deleted_at, e.updated_at) > ?))`,
      since,
      since,
      since,
    )
  } else {
    add(IS_PUBLIC)
  }
  if (filters.from) add('e.date >= ?', filters.from)
  if (filters.to) add('e.date <= ?', filters.to)
  if (filters.category?.length)
    add(`e.category IN (${JSON_LIST})`, JSON.stringify(filters.category))
  if (filters.place?.length) {
    add(
      `EXISTS (SELECT 1 FROM event_places ep WHERE ep.event_id = e.id AND ep.place_id IN (${PLACE_TREE}))`,
      JSON.stringify(filters.place),
    )
  }
  if (filters.actor?.length) {
    add(
      `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor_id IN (${JSON_LIST}))`,
      JSON.stringify(filters.actor),
    )
  }
  if (filters.outlet?.length) {
    add(
      `EXISTS (SELECT 1 FROM event_outlets eo WHERE eo.event_id = e.id AND eo.outlet_id IN (${JSON_LIST}))`,
      JSON.stringify(filters.outlet),
    )
  }
  for (const word of filters.words ?? []) add('instr(s.text, ?) > 0', word)
  return { where, binds }
}

/** One page of events (and, with updated_since, tombstones) matching the filters. */
export async function findEvents(
  db: Db,
  filters: EventFilters,
  page: EventPage,
): Promise<EventsFound> {
  const { where, binds } = whereOf(filters)
  const order = ORDER[page.sort]
  if (page.after) {
    where.push(order.after)
    binds.push(page.after.date, page.after.date, page.after.id)
  }
  const search = filters.words?.length
    ? `JOIN (SELECT e.id, ${EVENT_SEARCH_TEXT} AS text FROM events e) s ON s.id = e.id`
    : ''
  const sql = `SELECT ${EVENT_COLUMNS}, (${IS_PUBLIC}) AS is_public,
      coalesce(e.deleted_at, e.updated_at) AS gone_at
    FROM events e ${search}
    WHERE ${where.join(' AND ')}
    ORDER BY ${order.by} LIMIT ?`
  const rows = rowsOf<FoundRow>(
    await db
      .prepare(sql)
      .bind(...binds, page.limit + 1)
      .all(),
  )
  const pageRows = rows.slice(0, page.limit)
  const last = pageRows.at(-1)
  const next = rows.length > page.limit && last ? { date: last.date, id: last.id } : null
  const publicIds = pageRows.filter((r) => r.is_public).map((r) => r.id)
  const linked = await loadLinked(db, publicIds, page.linked)
  const items = pageRows.map((row): EventItem => {
    if (!row.is_public) return { id: row.id, deleted: true, deleted_at: row.gone_at }
    const { is_public: _, gone_at: __, ...event } = row
    return { ...withHtml(event), ...linked(row.id) }
  })
  return { items, next }
}

export { LINKED_KINDS, type LinkedKind }
