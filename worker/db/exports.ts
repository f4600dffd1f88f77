// The exports' reads: the public rows in pages (keyset pagination, a page at a time, so an export
// holds one page of rows and never the whole story), and the small things every export starts
// from (the story's row, chapters, categories, the count and span of the public events). What is
// public is decided in visibility.ts, as for every public read: drafts and deleted rows are never
// read here. D1 has no snapshot across queries: an editor's write while an export is read shows
// in the pages read after it, as in any paged read (an export is never cut short for it, since a
// partner's download must complete); dataVersion() tells whether one happened.
import type { Actor, Category, Chapter, Place, StoryEvent, StoryMeta } from '../model'
import { findEvents } from './events'
import { ACTORS_ORDER, ACTORS_WHERE } from './resources'
import { JSON_LIST, rowsOf, type Db } from './sql'
import { CATEGORIES, CHAPTERS, PLACES_ORDER, PLACES_WHERE, STORY_META } from './story'
import { IS_PUBLIC } from './visibility'

/** How many rows (events, places or actors) one page of an export reads: its memory bound. */
export const EXPORT_PAGE_ROWS = 200

/** An event as the exports read it: everything linked to it but its quotes (no export has them). */
export type ExportEvent = Omit<StoryEvent, 'quotes'>

/** What an event names at a place, for the GeoJSON's `events` of each place. */
export interface EventAtPlace {
  id: string
  date: string
  headline: string
}

/** The small part of the story every export starts from, read in one batch. */
export interface ExportStart {
  meta: StoryMeta
  chapters: Chapter[]
  categories: Category[]
  /** How many public events there are. */
  eventCount: number
  /** The first and last date of the public events (YYYY-MM-DD), or null when there are none. */
  dates: { first: string; last: string } | null
}

const EVENT_SPAN = `SELECT count(*) AS n, min(e.date) AS first, max(e.date) AS last
  FROM events e WHERE ${IS_PUBLIC}`
const VERSION = 'SELECT data_version FROM story WHERE id = 1'

/** The story's row, chapters, categories and the public events' count and span; null: no story. */
export async function readExportStart(db: Db): Promise<ExportStart | null> {
  const [meta, chapters, categories, span] = await db.batch([
    db.prepare(STORY_META),
    db.prepare(CHAPTERS),
    db.prepare(CATEGORIES),
    db.prepare(EVENT_SPAN),
  ])
  const story = rowsOf<StoryMeta>(meta)[0]
  if (!story) return null
  const count = rowsOf<{ n: number; first: string | null; last: string | null }>(span)[0]
  return {
    meta: story,
    chapters: rowsOf<Chapter>(chapters),
    categories: rowsOf<Category>(categories),
    eventCount: count?.n ?? 0,
    dates: count?.first && count.last ? { first: count.first, last: count.last } : null,
  }
}

/** The data version now (0 when there is no story): one indexed read of one row. */
export async function dataVersion(db: Db): Promise<number> {
  return (await db.prepare(VERSION).first<{ data_version: number }>())?.data_version ?? 0
}

/**
 * The public events in the story's order (date, then id), `pageRows` at a time, each with its
 * places, actors, outlets, figures and notes.
 */
export async function* eventPages(
  db: Db,
  pageRows = EXPORT_PAGE_ROWS,
): AsyncGenerator<ExportEvent[]> {
  let after: { date: string; id: string } | undefined
  for (;;) {
    const found = await findEvents(
      db,
      {},
      {
        sort: 'date',
        after,
        limit: pageRows,
        linked: ['places', 'actors', 'outlets', 'figures', 'notes'],
      },
    )
    // No updated_since: every item is a public event with the linked kinds asked for.
    const events = found.items as ExportEvent[]
    if (events.length) yield events
    if (!found.next) return
    after = found.next
  }
}

/** Rows of `where` (a query ending in its WHERE terms) after a keyset, in `order`, a page at a time. */
async function* keysetPages<T>(
  db: Db,
  pageRows: number,
  query: { where: string; order: string; keys: readonly (keyof T & string)[]; alias: string },
): AsyncGenerator<T[]> {
  const columns = query.keys.map((key) => `${query.alias}.${key}`).join(', ')
  const marks = query.keys.map(() => '?').join(', ')
  let after: unknown[] | null = null
  for (;;) {
    const sql: string = after
      ? `${query.where} AND (${columns}) > (${marks}) ${query.order} LIMIT ?`
      : `${query.where} ${query.order} LIMIT ?`
    const result: D1Result<T> = await db
      .prepare(sql)
      .bind(...(after ?? []), pageRows)
      .all<T>()
    const rows = result.results
    if (rows.length) yield rows
    const last = rows.at(-1)
    if (rows.length < pageRows || !last) return
    after = query.keys.map((key) => last[key])
  }
}

/** The public places in their order (kind, name, id), a page at a time (see eventPages). */
export const placePages = (db: Db, pageRows = EXPORT_PAGE_ROWS) =>
  keysetPages<Place>(db, pageRows, {
    where: PLACES_WHERE,
    order: PLACES_ORDER,
    keys: ['kind', 'name', 'id'],
    alias: 'p',
  })

/** The public actors in their order (name, id), a page at a time (see eventPages). */
export const actorPages = (db: Db, pageRows = EXPORT_PAGE_ROWS) =>
  keysetPages<Actor>(db, pageRows, {
    where: ACTORS_WHERE,
    order: ACTORS_ORDER,
    keys: ['name', 'id'],
    alias: 'a',
  })

/**
 * The public events at the place `placeId`, in the story's order (date, then id), `pageRows` at
 * a time (keyset pagination, as eventPages).
 */
export async function* eventsAtPlacePages(
  db: Db,
  placeId: string,
  pageRows = EXPORT_PAGE_ROWS,
): AsyncGenerator<EventAtPlace[]> {
  let after: EventAtPlace | null = null
  for (;;) {
    const keyset = after ? 'AND (e.date, e.id) > (?, ?)' : ''
    const rows: EventAtPlace[] = (
      await db
        .prepare(
          `SELECT e.id, e.date, e.headline FROM event_places ep JOIN events e ON e.id = ep.event_id
           WHERE ep.place_id = ? AND ${IS_PUBLIC} ${keyset} ORDER BY e.date, e.id LIMIT ?`,
        )
        .bind(placeId, ...(after ? [after.date, after.id] : []), pageRows)
        .all<EventAtPlace>()
    ).results
    if (rows.length) yield rows
    const last = rows.at(-1)
    if (rows.length < pageRows || !last) return
    after = last
  }
}

/**
 * The names of the places `ids` that are not deleted, by id (the places a public event's live
 * figures name, which are public: visibility.ts).
 */
export async function placeNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const rows = await db
    .prepare(`SELECT id, name FROM places WHERE deleted_at IS NULL AND id IN (${JSON_LIST})`)
    .bind(JSON.stringify(ids))
    .all<{ id: string; name: string }>()
  return new Map(rows.results.map((row) => [row.id, row.name]))
}
