// SQL for the audit trail and idempotency keys.
import type { Revision } from '../model'
import type { Row } from './admin'

export type { Revision }
import type { Db } from './sql'

const REVISION =
  'SELECT id, table_name, row_id, event_id, action, actor, at, before, after FROM revisions'

function parseRevision(row: Row): Revision {
  return {
    ...(row as unknown as Revision),
    before: row.before ? (JSON.parse(String(row.before)) as Row) : null,
    after: row.after ? (JSON.parse(String(row.after)) as Row) : null,
  }
}

/** Revisions of an event and of everything tied to it, newest first. */
export async function listEventRevisions(db: Db, eventId: string): Promise<Revision[]> {
  const { results } = await db
    .prepare(`${REVISION} WHERE event_id = ? ORDER BY id DESC`)
    .bind(eventId)
    .all<Row>()
  return results.map(parseRevision)
}

export async function listRowRevisions(db: Db, table: string, rowId: string): Promise<Revision[]> {
  const { results } = await db
    .prepare(`${REVISION} WHERE table_name = ? AND row_id = ? ORDER BY id DESC`)
    .bind(table, rowId)
    .all<Row>()
  return results.map(parseRevision)
}

/** What the changes list is narrowed to; every member optional, all of them combined. */
export interface RevisionFilter {
  /** Who made the change: an editor's name, or "sql". */
  actor?: string
  table?: string
  /** The event the change belongs to (its own row and everything tied to it). */
  event?: string
  /** ISO 8601 UTC instants: changes at or after `since`, before `until`. */
  since?: string
  until?: string
  /** Only revisions older than this id (the next page of a walk, newest first). */
  before?: number
}

/**
 * Revisions across every table, newest first, narrowed by `filter`, at most `limit` (plus one, so
 * the caller knows whether there is a next page). Every value is bound.
 */
export async function listRevisions(
  db: Db,
  filter: RevisionFilter,
  limit: number,
): Promise<Revision[]> {
  const where: string[] = []
  const binds: unknown[] = []
  const add = (sql: string, value: unknown) => {
    where.push(sql)
    binds.push(value)
  }
  if (filter.actor !== undefined) add('actor = ?', filter.actor)
  if (filter.table !== undefined) add('table_name = ?', filter.table)
  if (filter.event !== undefined) add('event_id = ?', filter.event)
  if (filter.since !== undefined) add('at >= ?', filter.since)
  if (filter.until !== undefined) add('at < ?', filter.until)
  if (filter.before !== undefined) add('id < ?', filter.before)
  const { results } = await db
    .prepare(
      `${REVISION}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .bind(...binds, limit + 1)
    .all<Row>()
  return results.map(parseRevision)
}

export async function getRevision(db: Db, id: number): Promise<Revision | null> {
  const row = await db.prepare(`${REVISION} WHERE id = ?`).bind(id).first<Row>()
  return row ? parseRevision(row) : null
}

export async function findIdempotencyKey(db: Db, editor: string, key: string) {
  return db
    .prepare(
      `SELECT method, path, request_hash, status, resource, response FROM idempotency_keys
       WHERE editor = ? AND key = ?`,
    )
    .bind(editor, key)
    .first<{
      method: string
      path: string
      request_hash: string
      status: number
      resource: string
      response: string | null
    }>()
}

export async function saveIdempotentResponse(
  db: Db,
  editor: string,
  key: string,
  response: string,
) {
  await db
    .prepare(
      'UPDATE idempotency_keys SET response = ? WHERE editor = ? AND key = ? AND response IS NULL',
    )
    .bind(response, editor, key)
    .run()
}

/** Ids and names for the editor's form selects. */
