// SQL for editors' writes. A write is one batch, so one transaction: who is writing and the version
// check first, then the change (its revision and the data-version bump come from the triggers),
// then the context is cleared. A stale version fails the `stale_version` CHECK and D1 rolls
// everything back. Identifiers come only from the table registry (data/tables.ts); every value
// is bound.
import { REGISTRY, TABLES, columnsOf as tableColumns, type EditableTable } from '../data/tables'
import { columnsOf, type Row } from './admin'
import type { Db } from './sql'

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`

function begin(
  db: Db,
  actor: string,
  guard?: { table: string; id: string | number; version: number },
) {
  if (!guard) {
    return db.prepare('UPDATE write_context SET actor = ?, guard = NULL WHERE id = 1').bind(actor)
  }
  return db
    .prepare(
      `UPDATE write_context SET actor = ?,
         guard = coalesce((SELECT version FROM ${guard.table} WHERE id = ?), 0) = ? WHERE id = 1`,
    )
    .bind(actor, guard.id, guard.version)
}

function end(db: Db) {
  return db.prepare('UPDATE write_context SET actor = NULL, guard = NULL WHERE id = 1')
}

export interface IdempotencyRecord {
  editor: string
  key: string
  method: string
  path: string
  request_hash: string
  status: number
}

/**
 * Insert a row; with an idempotency record, the key is stored in the same transaction, before the
 * row, so of two requests racing with one key the second always fails on the key (and is then
 * answered with the first one's response), whatever the table's id.
 */
export async function insertRow(
  db: Db,
  table: EditableTable,
  values: Row,
  actor: string,
  idempotency?: IdempotencyRecord,
): Promise<string | number> {
  const serial = TABLES[table].key === 'serial'
  const columns = Object.keys(values).filter((c) => columnsOf(table).includes(c))
  const insert = db
    .prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    )
    .bind(...columns.map((c) => values[c] ?? null))
  const statements = [begin(db, actor)]
  if (idempotency) {
    statements.push(
      db
        .prepare(
          `INSERT INTO idempotency_keys (editor, key, method, path, request_hash, status, resource)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          idempotency.editor,
          idempotency.key,
          idempotency.method,
          idempotency.path,
          idempotency.request_hash,
          idempotency.status,
          serial ? '' : String(values.id),
        ),
    )
  }
  const inserted = statements.push(insert) - 1
  if (idempotency && serial) {
    statements.push(
      db
        .prepare(
          'UPDATE idempotency_keys SET resource = CAST(last_insert_rowid() AS TEXT) WHERE editor = ? AND key = ?',
        )
        .bind(idempotency.editor, idempotency.key),
    )
  }
  statements.push(end(db))
  const results = await db.batch(statements)
  return serial ? Number(results[inserted]?.meta.last_row_id) : String(values.id)
}

export interface LinkLists {
  places?: string[]
  outlets?: { id: string; role: string }[]
  actors?: { id: string; role: string }[]
}

/** Update a row if it still has `version`; an event's link lists are replaced in the same batch. */
export async function updateRow(
  db: Db,
  table: EditableTable,
  id: string | number,
  version: number,
  changes: Row,
  actor: string,
  links: LinkLists = {},
): Promise<void> {
  const columns = Object.keys(changes).filter((c) => columnsOf(table).includes(c) && c !== 'id')
  const assignments = [
    ...columns.map((c) => `${c} = ?`),
    'version = version + 1',
    `updated_at = ${NOW}`,
  ]
  const statements = [
    begin(db, actor, { table, id, version }),
    db
      .prepare(`UPDATE ${table} SET ${assignments.join(', ')} WHERE id = ?`)
      .bind(...columns.map((c) => changes[c] ?? null), id),
  ]
  if (table === 'events') statements.push(...replaceLinks(db, String(id), links))
  statements.push(end(db))
  await db.batch(statements)
}

function replaceLinks(db: Db, eventId: string, links: LinkLists): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = []
  if (links.places) {
    statements.push(
      db.prepare('DELETE FROM event_places WHERE event_id = ?').bind(eventId),
      db
        .prepare(
          `INSERT INTO event_places (event_id, place_id, position)
           SELECT ?, value, key FROM json_each(?)`,
        )
        .bind(eventId, JSON.stringify(links.places)),
    )
  }
  for (const [table, column, list] of [
    ['event_outlets', 'outlet_id', links.outlets],
    ['event_actors', 'actor_id', links.actors],
  ] as const) {
    if (!list) continue
    statements.push(
      db.prepare(`DELETE FROM ${table} WHERE event_id = ?`).bind(eventId),
      db
        .prepare(
          `INSERT INTO ${table} (event_id, ${column}, role, position)
           SELECT ?, json_extract(value, '$.id'), json_extract(value, '$.role'), key FROM json_each(?)`,
        )
        .bind(eventId, JSON.stringify(list)),
    )
  }
  return statements
}

/**
 * Bring back a link row (of event_places, event_outlets or event_actors) as a revision holds it.
 * A column the revision does not hold (one added after it was recorded) keeps its current value,
 * or its default when the row is made again.
 */
export async function restoreLink(
  db: Db,
  table: string,
  row: Row,
  present: boolean,
  actor: string,
) {
  if (!isLinkTable(table)) throw new Error(`not a link table: ${table}`)
  const key: readonly string[] = REGISTRY[table].keyColumns
  const columns = tableColumns(table).filter((c) => c in row)
  const kept = columns.filter((c) => !key.includes(c))
  const statement = present
    ? db
        .prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
           ON CONFLICT DO ${kept.length ? `UPDATE SET ${kept.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'NOTHING'}`,
        )
        .bind(...columns.map((c) => row[c] ?? null))
    : db
        .prepare(`DELETE FROM ${table} WHERE ${key.map((c) => `${c} = ?`).join(' AND ')}`)
        .bind(...key.map((c) => row[c] ?? null))
  await db.batch([begin(db, actor), statement, end(db)])
}

const LINK_TABLES = ['event_places', 'event_outlets', 'event_actors'] as const
const isLinkTable = (table: string): table is (typeof LINK_TABLES)[number] =>
  (LINK_TABLES as readonly string[]).includes(table)

/** Update the story row if it still has `version`. */
export async function updateStory(
  db: Db,
  version: number,
  changes: Row,
  columns: string[],
  actor: string,
) {
  const names = Object.keys(changes).filter((c) => columns.includes(c))
  await db.batch([
    begin(db, actor, { table: 'story', id: 1, version }),
    db
      .prepare(`UPDATE story SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = 1`)
      .bind(...names.map((c) => changes[c] ?? null)),
    end(db),
  ])
}
