// Events: the full list for the story, the filtered and paged list for partners (and its change
// feed), and one event. What is public is decided in visibility.ts; what changed in changes.ts.
import { publicColumns } from '../data/tables'
import { bodyToHtml } from '../lib/rich-text'
import type { EventRow, StoryEvent, Tombstone } from '../model'
import { TOMBSTONE_COLUMNS, changedSince, tombstonesSince } from './changes'
import { selectList } from './columns'
import { LINKED_KINDS, loadLinked, type Linked, type LinkedKind } from './linked'
import { JSON_LIST, rowsOf, type Db } from './sql'
import { EVENT_FILTERS, IS_PUBLIC } from './visibility'

/** An event row as the database holds it; body_html is made from body on the way out. */
type StoredEvent = Omit<EventRow, 'body_html'>
const withHtml = <T extends StoredEvent>(row: T): T & { body_html: string } => ({
  ...row,
  body_html: bodyToHtml(row.body),
})

/** The event's public columns (alias `e`). */
const EVENT_COLUMNS = selectList('events', 'e', publicColumns('events'))

/**
 * Every public event, oldest first, with everything linked to it; with `chapter` (a chapter's
 * id), only that chapter's public events (none for an id no chapter has).
 */
export async function listPublishedEvents(db: Db, chapter?: string): Promise<StoryEvent[]> {
  if (chapter === undefined) {
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
  // The chapter's events first, then what is linked to just those (one JSON list of their ids).
  const rows = rowsOf<StoredEvent>(
    await db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.chapter = ? AND ${IS_PUBLIC} ORDER BY e.date, e.id`,
      )
      .bind(chapter)
      .all(),
  )
  const linked = await loadLinked(
    db,
    rows.map((e) => e.id),
  )
  return rows.map((event) => ({ ...withHtml(event), ...(linked(event.id) as Linked) }))
}

/** One public event with everything linked to it, or null. */
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

/** The public listing's filters, each already validated. */
export interface EventFilters {
  from?: string
  to?: string
  category?: string[]
  place?: string[]
  actor?: string[]
  outlet?: string[]
  /** The events a search (`q`) matched, from the search index (http/search.ts). */
  ids?: string[]
  /**
   * Canonical ISO 8601 UTC time: the events changed at or after it, and tombstones of the events
   * that were public at or after it and are not now, instead of the public list. Tombstones are
   * sent whatever the other filters say (they only name events that were public).
   */
  updated_since?: string
}

/** The listing's sort orders, by date then id. */
export type EventSort = 'date' | '-date'
/** Which page of the listing to read. */
export interface EventPage {
  sort: EventSort
  /** Keyset position: the last item of the previous page. */
  after?: { date: string; id: string }
  limit: number
  /** The linked kinds to load; the others are left out of the rows. */
  linked: readonly LinkedKind[]
}

/** One item of the listing: an event (possibly with only some fields), or a tombstone. */
export type EventItem = (Partial<StoryEvent> & { id: string }) | Tombstone
/** One page of the listing. */
export interface EventsFound {
  items: EventItem[]
  /** The last row's keyset position when there is a next page. */
  next: { date: string; id: string } | null
}

/** Sort orders and keyset comparisons over a row `a` (an alias), by allowed sort name only. */
const ORDER: Record<EventSort, { by: string; after: (a: string) => string }> = {
  date: {
    by: 'date ASC, id ASC',
    after: (a) => `(${a}.date > ? OR (${a}.date = ? AND ${a}.id > ?))`,
  },
  '-date': {
    by: 'date DESC, id DESC',
    after: (a) => `(${a}.date < ? OR (${a}.date = ? AND ${a}.id < ?))`,
  },
}

interface FoundRow extends StoredEvent {
  is_public: number
  gone_at: string | null
}

/** The public events the filters choose, as WHERE terms over `e` and their binds, in order. */
function whereOf(filters: EventFilters): { where: string[]; binds: unknown[] } {
  const where: string[] = [IS_PUBLIC]
  const binds: unknown[] = []
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql)
    binds.push(...values)
  }
  if (filters.updated_since) {
    const changed = changedSince('e')
    add(changed.sql, ...Array<string>(changed.binds).fill(filters.updated_since))
  }
  if (filters.from) add('e.date >= ?', filters.from)
  if (filters.to) add('e.date <= ?', filters.to)
  for (const name of ['category', 'place', 'actor', 'outlet'] as const) {
    const values = filters[name]
    if (values?.length) add(EVENT_FILTERS[name], JSON.stringify(values))
  }
  if (filters.ids) add(`e.id IN (${JSON_LIST})`, JSON.stringify(filters.ids))
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
  const keyset = page.after ? [page.after.date, page.after.date, page.after.id] : []
  if (page.after) where.push(order.after('e'))
  binds.push(...keyset)
  let sql = `SELECT ${EVENT_COLUMNS}, 1 AS is_public, NULL AS gone_at
    FROM events e WHERE ${where.join(' AND ')}`
  if (filters.updated_since) {
    const tombstones = tombstonesSince()
    sql += `
    UNION ALL
    SELECT ${TOMBSTONE_COLUMNS}, 0 AS is_public, t.gone_at
    FROM (${tombstones.sql}) t${page.after ? ` WHERE ${order.after('t')}` : ''}`
    binds.push(...Array<string>(tombstones.binds).fill(filters.updated_since), ...keyset)
  }
  sql += `\n    ORDER BY ${order.by} LIMIT ?`
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
    if (!row.is_public) return { id: row.id, deleted: true, deleted_at: row.gone_at! }
    const { is_public: _, gone_at: __, ...event } = row
    return { ...withHtml(event), ...linked(row.id) }
  })
  return { items, next }
}

export { LINKED_KINDS, type LinkedKind }
