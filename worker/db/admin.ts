// SQL for editors' reads: tokens, every row (drafts and deleted ones too), form options and the
// preview. Table and column names come only from the table registry (data/tables.ts); every
// value is bound.
import { softDeletes, usesOf } from '../data/references'
import {
  EVENT_SUMMARY_COLUMNS,
  REGISTRY,
  adminColumns,
  publicColumns,
  type AnyTableDef,
  type EditableTable,
  type TableName,
} from '../data/tables'
import { bodyToHtml } from '../lib/rich-text'
import { tokenInsertSql } from './token-sql'
import type { EventRow, EventSummary, Story, StoryEvent } from '../model'
import { selectList } from './columns'
import { loadLinked, type Linked } from './linked'
import { rowsOf, type Db } from './sql'
import { getStory } from './story'
import { liveRow } from './visibility'

export type Row = Record<string, unknown>

export interface Editor {
  id: number
  name: string
  /** The token's role as stored ('writer' or 'publisher'; the database's CHECK allows no other). */
  role: string
}

/** One event in the editor's list of every event (drafts and deleted ones too). */
export type AdminEventSummary = EventSummary

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`

/** Every column of a row an editor sees, in the schema's order. */
export function columnsOf(table: EditableTable): string[] {
  return adminColumns(table)
}

export async function findEditor(db: Db, tokenHash: string): Promise<Editor | null> {
  return db
    .prepare('SELECT id, name, role FROM editor_tokens WHERE token_hash = ? AND revoked_at IS NULL')
    .bind(tokenHash)
    .first<Editor>()
}

export async function touchEditor(db: Db, id: number): Promise<void> {
  await db.prepare(`UPDATE editor_tokens SET last_used_at = ${NOW} WHERE id = ?`).bind(id).run()
}

/** An editor token as listed: never the token, only who, which role and when. */
export interface TokenRow {
  id: number
  name: string
  role: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

const TOKEN_COLUMNS = 'id, name, role, created_at, last_used_at, revoked_at'

/** Every editor token, oldest first. */
export async function listTokens(db: Db): Promise<TokenRow[]> {
  const { results } = await db
    .prepare(`SELECT ${TOKEN_COLUMNS} FROM editor_tokens ORDER BY id`)
    .all<TokenRow>()
  return results
}

/**
 * Stores a new token's hash with its name and role; the row as listed, or null when a token that
 * is not revoked already has the name (see tokenInsertSql).
 */
export async function insertToken(
  db: Db,
  name: string,
  role: string,
  tokenHash: string,
): Promise<TokenRow | null> {
  return db
    .prepare(tokenInsertSql(['?1', '?2', '?3'], TOKEN_COLUMNS))
    .bind(name, role, tokenHash)
    .first<TokenRow>()
}

/** Revokes token `id` (a revoked one stays as it was); the row, or null when there is none. */
export async function revokeToken(db: Db, id: number): Promise<TokenRow | null> {
  await db
    .prepare(`UPDATE editor_tokens SET revoked_at = ${NOW} WHERE id = ? AND revoked_at IS NULL`)
    .bind(id)
    .run()
  return db.prepare(`SELECT ${TOKEN_COLUMNS} FROM editor_tokens WHERE id = ?`).bind(id).first()
}

/** A share-preview link as stored (migrations/0014): the signed URL is made from id and expiry. */
export interface SharePreviewRow {
  id: string
  event_id: string | null
  created_by: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}

const PREVIEW_COLUMNS = 'id, event_id, created_by, created_at, expires_at, revoked_at'

/** Stores a new share-preview link. */
export async function insertSharePreview(
  db: Db,
  row: Pick<SharePreviewRow, 'id' | 'event_id' | 'created_by' | 'expires_at'> & {
    /** The token that makes the link: revoking it revokes the link (migration 0016). */
    token_id: number
  },
): Promise<SharePreviewRow> {
  return (await db
    .prepare(
      `INSERT INTO share_previews (id, event_id, created_by, expires_at, token_id)
       VALUES (?, ?, ?, ?, ?) RETURNING ${PREVIEW_COLUMNS}`,
    )
    .bind(row.id, row.event_id, row.created_by, row.expires_at, row.token_id)
    .first<SharePreviewRow>())!
}

/** The links that have not expired at `now` (ISO 8601), revoked ones too, newest first. */
export async function listSharePreviews(db: Db, now: string): Promise<SharePreviewRow[]> {
  const { results } = await db
    .prepare(
      `SELECT ${PREVIEW_COLUMNS} FROM share_previews WHERE expires_at > ? ORDER BY created_at DESC, id`,
    )
    .bind(now)
    .all<SharePreviewRow>()
  return results
}

/** One link by id, or null. */
export async function getSharePreview(db: Db, id: string): Promise<SharePreviewRow | null> {
  return db.prepare(`SELECT ${PREVIEW_COLUMNS} FROM share_previews WHERE id = ?`).bind(id).first()
}

/** Revokes link `id` (a revoked one keeps its first revoked_at); the row, or null. */
export async function revokeSharePreview(db: Db, id: string): Promise<SharePreviewRow | null> {
  await db
    .prepare(`UPDATE share_previews SET revoked_at = ${NOW} WHERE id = ? AND revoked_at IS NULL`)
    .bind(id)
    .run()
  return getSharePreview(db, id)
}

export async function listAllEvents(db: Db): Promise<AdminEventSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT ${selectList('events', null, EVENT_SUMMARY_COLUMNS)} FROM events ORDER BY date, id`,
    )
    .all<AdminEventSummary>()
  return results
}

export async function getRow(
  db: Db,
  table: EditableTable,
  id: string | number,
): Promise<Row | null> {
  return db
    .prepare(`SELECT ${columnsOf(table).join(', ')} FROM ${table} WHERE id = ?`)
    .bind(id)
    .first<Row>()
}

/** One event as an editor sees it: every field, its links, and its figures, quotes and notes. */
export async function getAdminEvent(db: Db, id: string): Promise<Row | null> {
  const [event, places, outlets, actors, figures, quotes, notes] = await db.batch([
    db.prepare(`SELECT ${columnsOf('events').join(', ')} FROM events WHERE id = ?`).bind(id),
    db
      .prepare(
        `SELECT ${choiceList('places', 'p')} FROM event_places ep JOIN places p ON p.id = ep.place_id
         WHERE ep.event_id = ? ORDER BY ep.position, p.id`,
      )
      .bind(id),
    db
      .prepare(
        `SELECT o.id, o.name, ${selectList('event_outlets', 'eo', publicColumns('event_outlets'))}
         FROM event_outlets eo JOIN outlets o ON o.id = eo.outlet_id
         WHERE eo.event_id = ? ORDER BY eo.position, o.id`,
      )
      .bind(id),
    db
      .prepare(
        `SELECT a.id, a.name, ${selectList('event_actors', 'ea', publicColumns('event_actors'))}
         FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
         WHERE ea.event_id = ? ORDER BY ea.position, a.id`,
      )
      .bind(id),
    ...(['figures', 'quotes', 'notes'] as const).map((table) =>
      db
        .prepare(
          `SELECT ${columnsOf(table).join(', ')} FROM ${table}
           WHERE event_id = ? AND deleted_at IS NULL ORDER BY position, id`,
        )
        .bind(id),
    ),
  ])
  const row = rowsOf<Row>(event)[0]
  if (!row) return null
  return {
    ...row,
    places: rowsOf(places),
    outlets: rowsOf(outlets),
    actors: rowsOf(actors),
    figures: rowsOf(figures),
    quotes: rowsOf(quotes),
    notes: rowsOf(notes),
  }
}

/**
 * The stored events among `ids` (deleted ones too), each with its columns and its place ids in
 * order (`place_ids`), by id: what the bulk import compares its rows with. One query whatever
 * the number of ids.
 */
export async function eventsForImport(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Row & { place_ids: string[] }>> {
  if (ids.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT ${columnsOf('events')
        .map((c) => `e.${c}`)
        .join(', ')},
        (SELECT coalesce(json_group_array(place_id), '[]')
           FROM (SELECT place_id FROM event_places WHERE event_id = e.id ORDER BY position, place_id)
        ) AS place_ids_json
       FROM events e WHERE e.id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(ids))
    .all<Row & { place_ids_json: string }>()
  return new Map(
    results.map(({ place_ids_json, ...row }) => [
      String(row.id),
      { ...row, place_ids: JSON.parse(place_ids_json) as string[] },
    ]),
  )
}

export async function listRows(db: Db, table: EditableTable): Promise<Row[]> {
  const order =
    table === 'chapters' || table === 'categories'
      ? 'position'
      : table === 'figures' || table === 'quotes' || table === 'notes'
        ? 'event_id, position, id'
        : 'name'
  const { results } = await db
    .prepare(`SELECT ${columnsOf(table).join(', ')} FROM ${table} ORDER BY ${order}`)
    .all<Row>()
  return results
}

/** `id, <label> AS name, <choice columns>`: a row as a form offers it (alias `a`, or none). */
function choiceList(
  table: 'categories' | 'chapters' | 'places' | 'actors' | 'outlets',
  alias?: string,
) {
  const def = REGISTRY[table]
  const at = (column: string) => (alias ? `${alias}.${column}` : column)
  return [at('id'), `${at(def.label ?? 'id')} AS name`, ...def.choice.map(at)].join(', ')
}

/** Ids and names (and what else a form shows) of every row a form can pick, deleted ones left out. */
export async function listOptions(db: Db) {
  const [categories, chapters, places, actors, outlets] = await db.batch(
    (['categories', 'chapters', 'places', 'actors', 'outlets'] as const).map((table) =>
      db.prepare(
        `SELECT ${choiceList(table)} FROM ${table} WHERE deleted_at IS NULL
         ORDER BY ${table === 'categories' || table === 'chapters' ? 'position' : 'name'}`,
      ),
    ),
  )
  return {
    categories: rowsOf<Row>(categories),
    chapters: rowsOf<Row>(chapters),
    places: rowsOf<Row>(places),
    actors: rowsOf<Row>(actors),
    outlets: rowsOf<Row>(outlets),
  }
}

/**
 * The places `id` lies in, nearest first (its parent, its parent's parent, ...), deleted ones too,
 * at most 64 deep; a chain that already loops stops where it meets itself.
 */
export async function placeAncestors(db: Db, id: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `WITH RECURSIVE up(id, depth, seen) AS (
         SELECT parent_id, 1, ',' || ? || ',' FROM places WHERE id = ? AND parent_id IS NOT NULL
         UNION ALL
         SELECT p.parent_id, up.depth + 1, up.seen || up.id || ','
           FROM up JOIN places p ON p.id = up.id
          WHERE p.parent_id IS NOT NULL AND up.depth < 64 AND instr(up.seen, ',' || up.id || ',') = 0
       )
       SELECT id FROM up ORDER BY depth`,
    )
    .bind(id, id)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Which of `ids` exist in `table` (for reference checks before a write). */
export async function existingIds(db: Db, table: TableName, ids: string[]): Promise<Set<string>> {
  return new Set((await idStates(db, table, ids)).keys())
}

/**
 * Which of `ids` exist in `table`, each with whether it is soft-deleted (for reference checks
 * before a write: a new reference to a deleted row is refused).
 */
export async function idStates(
  db: Db,
  table: TableName,
  ids: string[],
): Promise<Map<string, { deleted: boolean }>> {
  if (ids.length === 0) return new Map()
  const deleted = softDeletes(table) ? 'deleted_at IS NOT NULL' : '0'
  const { results } = await db
    .prepare(
      `SELECT id, ${deleted} AS deleted FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(ids))
    .all<{ id: string | number; deleted: number }>()
  return new Map(results.map((r) => [String(r.id), { deleted: r.deleted === 1 }]))
}

/** The tables whose rows hold a position of their own: among all rows, or among an event's. */
export type PositionedTable = 'categories' | 'figures' | 'quotes' | 'notes'

/** The row that holds a position (see positionHolder). */
export interface PositionHolder {
  id: string
  /** The row's label column (a category's label, a figure's display, a quote's or note's text). */
  label: string
  deleted: boolean
}

/**
 * The row of `table` at `position`, or null. Categories hold their positions among all rows,
 * deleted ones too (the column is UNIQUE); an event's figures, quotes and notes among the event's
 * live rows (`eventId`; migration 0018's unique indexes).
 */
export async function positionHolder(
  db: Db,
  table: PositionedTable,
  position: number,
  eventId: string | null,
): Promise<PositionHolder | null> {
  const label = REGISTRY[table].label ?? 'id'
  const row =
    table === 'categories'
      ? await db
          .prepare(
            `SELECT id, ${label} AS label, deleted_at IS NOT NULL AS deleted FROM categories WHERE position = ?`,
          )
          .bind(position)
          .first<{ id: string | number; label: string; deleted: number }>()
      : await db
          .prepare(
            `SELECT id, ${label} AS label, 0 AS deleted FROM ${table}
              WHERE event_id = ? AND position = ? AND deleted_at IS NULL`,
          )
          .bind(eventId, position)
          .first<{ id: string | number; label: string; deleted: number }>()
  return row ? { id: String(row.id), label: row.label, deleted: row.deleted === 1 } : null
}

/** One chapter as the partition checks see it (deleted ones too). */
export interface ChapterState {
  id: string
  version: number
  position: number
  title: string
  dek: string
  start_date: string
  end_date: string
  deleted_at: string | null
}

/** Every chapter, deleted ones too, by id. */
export async function listChapterStates(db: Db): Promise<ChapterState[]> {
  const { results } = await db
    .prepare(
      `SELECT id, version, position, title, dek, start_date, end_date, deleted_at FROM chapters ORDER BY id`,
    )
    .all<ChapterState>()
  return results
}

/** The live events of a chapter dated outside `start`..`end`, oldest first. */
export async function eventsOutside(db: Db, chapter: string, start: string, end: string) {
  const { results } = await db
    .prepare(
      `SELECT id, date, headline FROM events WHERE chapter = ? AND deleted_at IS NULL
       AND (date < ? OR date > ?) ORDER BY date, id`,
    )
    .bind(chapter, start, end)
    .all<{ id: string; date: string; headline: string }>()
  return results
}

/** A live row that uses another one (see findUsers). */
export interface RowUser {
  /** The table of the row that uses it; for a link, the event's table. */
  table: TableName
  id: string | number
  /** The row's name: an event's headline, a figure's display, a place's name, ... */
  title: string
  /** For a figure or quote, its event. */
  event_id: string | null
  /** How it uses the row: the table and column that hold its id, such as "event_places.place_id". */
  via: string
  /** Whether a delete can detach it: a link is removed, a column that may be empty is cleared. */
  detachable: boolean
}

/**
 * The live rows that use row `id` of `table` (data/references.ts): live events that link to it or
 * are in it, live figures and quotes of live events that name it, live places inside it.
 */
export async function findUsers(db: Db, table: TableName, id: string): Promise<RowUser[]> {
  const uses = usesOf(table)
  if (uses.length === 0) return []
  const statements = uses.map((use) => {
    const def: AnyTableDef = REGISTRY[use.table]
    const via = `${use.table}.${use.column}`
    const link = def.key === 'composite' && def.eventColumn !== null
    if (link) {
      return db
        .prepare(
          `SELECT 'events' AS "table", e.id AS id, e.headline AS title, NULL AS event_id,
             '${via}' AS via, 1 AS detachable
           FROM ${use.table} x JOIN events e ON e.id = x.${def.eventColumn}
           WHERE x.${use.column} = ? AND ${liveRow(def, 'x')} ORDER BY e.date, e.id`,
        )
        .bind(id)
    }
    const key = def.keyColumns[0]!
    return db
      .prepare(
        `SELECT '${use.table}' AS "table", x.${key} AS id, x.${def.label ?? key} AS title,
           ${def.eventColumn && use.table !== 'events' ? `x.${def.eventColumn}` : 'NULL'} AS event_id,
           '${via}' AS via, ${use.nullable ? 1 : 0} AS detachable
         FROM ${use.table} x WHERE x.${use.column} = ? AND ${liveRow(def, 'x')} ORDER BY x.${key}`,
      )
      .bind(id)
  })
  const results = await db.batch(statements)
  return results.flatMap((result) =>
    rowsOf<Omit<RowUser, 'detachable'> & { detachable: number }>(result).map((row) => ({
      ...row,
      detachable: row.detachable === 1,
    })),
  )
}

/** The rows deleted together with event `id` by one raw DELETE: the delete revisions of that moment. */
export async function deletedWith(db: Db, id: string, at: string) {
  const { results } = await db
    .prepare(
      `SELECT id, table_name, row_id, before FROM revisions
       WHERE event_id = ? AND action = 'delete' AND at = ? AND table_name <> 'events' ORDER BY id`,
    )
    .bind(id, at)
    .all<{ id: number; table_name: TableName; row_id: string; before: string }>()
  return results.map((r) => ({ ...r, before: JSON.parse(r.before) as Row }))
}

/** The story as it would be if every draft were published: what an editor previews. */
export async function getPreviewStory(db: Db): Promise<Story | null> {
  const [story, drafts] = await Promise.all([
    getStory(db),
    db
      .prepare(
        `SELECT ${selectList('events', null, publicColumns('events'))} FROM events
         WHERE status = 'draft' AND deleted_at IS NULL`,
      )
      .all<Omit<EventRow, 'body_html'>>(),
  ])
  if (!story) return null
  const linked = await loadLinked(
    db,
    drafts.results.map((e) => e.id),
  )
  const events: (StoryEvent & { status: string })[] = [
    ...story.events.map((e) => ({ ...e, status: 'published' })),
    ...drafts.results.map((e) => ({
      ...e,
      body_html: bodyToHtml(e.body),
      ...(linked(e.id) as Linked),
      status: 'draft',
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
  return {
    ...story,
    events,
    figures: events.flatMap((e) => e.figures.map((f) => ({ ...f, event_id: e.id }))),
  }
}

export async function getStoryRow(db: Db): Promise<Row | null> {
  return db
    .prepare(`SELECT ${selectList('story', null, adminColumns('story'))} FROM story WHERE id = 1`)
    .first<Row>()
}
