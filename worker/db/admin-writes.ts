// SQL for editors' writes. A write is one batch, so one transaction: who is writing and the guard
// first (the version the editor read, or another precondition), then the change (its revisions and
// the data-version bump come from the triggers), then the context is cleared. A failed guard
// fails the `stale_version` CHECK and D1 rolls everything back. Identifiers come only from the
// table registry (data/tables.ts) and its references; every value is bound.
import { isLinkTable, usesOf, type LinkTable } from '../data/references'
import {
  REGISTRY,
  TABLES,
  columnsOf as tableColumns,
  type AnyTableDef,
  type EditableTable,
  type TableName,
} from '../data/tables'
import { columnsOf, type ChapterState, type Row } from './admin'
import type { Db } from './sql'
import { liveRow } from './visibility'

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`

/** A precondition of a write: SQL that is 1 when it holds, with its binds. */
export interface Guard {
  sql: string
  binds: unknown[]
}

/** The row `id` of `table` still has `version` (what If-Match named). */
export const versionGuard = (table: string, id: string | number, version: number): Guard => ({
  sql: `coalesce((SELECT version FROM ${table} WHERE id = ?), 0) = ?`,
  binds: [id, version],
})

/** No row `id` of `table` exists (a row deleted with SQL has not been brought back meanwhile). */
export const absentGuard = (table: EditableTable, id: string | number): Guard => ({
  sql: `NOT EXISTS (SELECT 1 FROM ${table} WHERE id = ?)`,
  binds: [id],
})

/** Every chapter's id and version, in id order: the state a list ETag names. */
export const CHAPTER_LIST_STATE = `SELECT coalesce(group_concat(id || ':' || version, ','), '')
  FROM (SELECT id, version FROM chapters ORDER BY id)`

/** The chapters are still as `state` (from CHAPTER_LIST_STATE) says. */
export const chapterListGuard = (state: string): Guard => ({
  sql: `(${CHAPTER_LIST_STATE}) = ?`,
  binds: [state],
})

/** Guards that must all hold, as one (undefined when there is none). */
export function allOf(...guards: (Guard | undefined)[]): Guard | undefined {
  const all = guards.filter((g): g is Guard => g !== undefined)
  if (all.length === 0) return undefined
  return { sql: all.map((g) => `(${g.sql})`).join(' AND '), binds: all.flatMap((g) => g.binds) }
}

/**
 * What a write may add to its transaction: a precondition of its own (besides the row's version),
 * and statements after the change (closing the proposal it applies). A failed precondition fails
 * the whole write as a stale version does.
 */
export interface WriteTerms {
  guard?: Guard
  after?: D1PreparedStatement[]
}

function begin(db: Db, actor: string, guard?: Guard) {
  if (!guard) {
    return db.prepare('UPDATE write_context SET actor = ?, guard = NULL WHERE id = 1').bind(actor)
  }
  return db
    .prepare(`UPDATE write_context SET actor = ?, guard = (${guard.sql}) WHERE id = 1`)
    .bind(actor, ...guard.binds)
}

function end(db: Db) {
  return db.prepare('UPDATE write_context SET actor = NULL, guard = NULL WHERE id = 1')
}

/** Runs `statements` as one guarded write by `actor`. */
async function write(
  db: Db,
  actor: string,
  guard: Guard | undefined,
  statements: D1PreparedStatement[],
) {
  return db.batch([begin(db, actor, guard), ...statements, end(db)])
}

export interface IdempotencyRecord {
  editor: string
  key: string
  method: string
  path: string
  request_hash: string
  status: number
}

/** An INSERT of `values` (the table's columns only) into `table`. */
function insertOf(db: Db, table: TableName, values: Row, columns: readonly string[]) {
  const names = Object.keys(values).filter((c) => columns.includes(c))
  return db
    .prepare(
      `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    )
    .bind(...names.map((c) => values[c] ?? null))
}

/** The tables whose rows hold a position among their event's live rows (migration 0018). */
const POSITIONED = new Set<EditableTable>(['figures', 'quotes', 'notes'])

/**
 * An INSERT of an event's figure, quote or note sent without a position: it takes the position
 * after the event's last live row, worked out in the INSERT itself, so two creates at once each
 * get their own (D1 runs one write at a time).
 */
function insertLast(db: Db, table: EditableTable, values: Row) {
  const names = Object.keys(values).filter((c) => columnsOf(table).includes(c) && c !== 'position')
  return db
    .prepare(
      `INSERT INTO ${table} (${[...names, 'position'].join(', ')})
       VALUES (${names.map(() => '?').join(', ')}${names.length ? ', ' : ''}
         (SELECT COALESCE(MAX(position) + 1, 0) FROM ${table} WHERE event_id = ? AND deleted_at IS NULL))`,
    )
    .bind(...names.map((c) => values[c] ?? null), values.event_id ?? null)
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
  terms: WriteTerms = {},
): Promise<string | number> {
  const serial = TABLES[table].key === 'serial'
  const statements: D1PreparedStatement[] = []
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
  const inserted = statements.push(
    POSITIONED.has(table) && values.position === undefined
      ? insertLast(db, table, values)
      : insertOf(db, table, values, columnsOf(table)),
  )
  if (idempotency && serial) {
    statements.push(
      db
        .prepare(
          'UPDATE idempotency_keys SET resource = CAST(last_insert_rowid() AS TEXT) WHERE editor = ? AND key = ?',
        )
        .bind(idempotency.editor, idempotency.key),
    )
  }
  statements.push(...(terms.after ?? []))
  // write() puts the context's statement first, so the INSERT's result is at `inserted`.
  const results = await write(db, actor, terms.guard, statements)
  return serial ? Number(results[inserted]?.meta.last_row_id) : String(values.id)
}

/** The lists of an event's links a PATCH replaces whole. */
export interface LinkLists {
  places?: string[]
  outlets?: { id: string; role: string }[]
  actors?: { id: string; role: string }[]
}

/** The UPDATE of a row's columns, its version moved on; null when there is nothing to change. */
function updateOf(db: Db, table: EditableTable, id: string | number, changes: Row) {
  const columns = Object.keys(changes).filter((c) => columnsOf(table).includes(c) && c !== 'id')
  if (columns.length === 0) return null
  const assignments = [
    ...columns.map((c) => `${c} = ?`),
    'version = version + 1',
    `updated_at = ${NOW}`,
  ]
  return db
    .prepare(`UPDATE ${table} SET ${assignments.join(', ')} WHERE id = ?`)
    .bind(...columns.map((c) => changes[c] ?? null), id)
}

/**
 * Update a row if it still has `version`; an event's link lists are replaced in the same batch.
 * A change with nothing in it only checks the version.
 */
export async function updateRow(
  db: Db,
  table: EditableTable,
  id: string | number,
  version: number,
  changes: Row,
  actor: string,
  links: LinkLists = {},
  terms: WriteTerms = {},
): Promise<void> {
  const update = updateOf(db, table, id, changes)
  const statements = update ? [update] : []
  if (table === 'events') statements.push(...replaceLinks(db, String(id), links))
  statements.push(...(terms.after ?? []))
  await write(db, actor, allOf(versionGuard(table, id, version), terms.guard), statements)
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
 * Soft-delete row `id` of `table` if it still has `version`. With `detach`, in the same batch:
 * every live link to it is removed and every live reference to it that may be empty is cleared
 * (the references come from the registry); references that may not be empty are left, and the
 * triggers refuse the delete if any remains.
 */
export async function softDeleteRow(
  db: Db,
  table: EditableTable,
  id: string | number,
  version: number,
  actor: string,
  detach: boolean,
): Promise<void> {
  const statements: D1PreparedStatement[] = []
  if (detach) {
    for (const use of usesOf(table)) {
      const def: AnyTableDef = REGISTRY[use.table]
      if (def.key === 'composite' && def.eventColumn) {
        statements.push(
          db
            .prepare(
              `DELETE FROM ${use.table} WHERE ${use.column} = ?
               AND ${def.eventColumn} IN (SELECT id FROM events WHERE deleted_at IS NULL)`,
            )
            .bind(id),
        )
      } else if (use.nullable) {
        const key = def.keyColumns[0]!
        statements.push(
          db
            .prepare(
              `UPDATE ${use.table} SET ${use.column} = NULL WHERE ${key} IN
               (SELECT x.${key} FROM ${use.table} x WHERE x.${use.column} = ? AND ${liveRow(def, 'x')})`,
            )
            .bind(id),
        )
      }
    }
  }
  statements.push(updateOf(db, table, id, { deleted_at: new Date().toISOString() })!)
  await write(db, actor, versionGuard(table, id, version), statements)
}

/** One chapter's change in a write of several: its new fields, or a new chapter's whole row. */
export interface ChapterWrite {
  id: string
  /** Whether the chapter is new (inserted) rather than changed. */
  create: boolean
  fields: Row
}

/** An event a chapter write moves to the chapter its date now falls in. */
export interface MovedEvent {
  id: string
  headline: string
  /** The chapter it was in, and the one it is in now (ids). */
  from: string
  to: string
}

/**
 * Change several chapters in one batch, if the chapters are still as `state` says (the list ETag
 * the editor read). The writes run in the order given (the caller orders them so no two chapters
 * hold one position at any moment). With `moved` events (each a change of the event like any
 * other: its version moves and its revision names `actor`), the batch runs in three steps, so the
 * database's rules (an event inside its chapter's dates, a chapter never leaving its events
 * outside) hold after every statement: first each changed chapter takes the union of its old and
 * new dates, and a new chapter is made with its dates at a free position (`spare`, above every
 * position in use); then the events go to their new chapters; then the chapters take their final
 * dates and positions.
 */
export async function writeChapters(
  db: Db,
  state: string,
  writes: ChapterWrite[],
  actor: string,
  moves: { moved: readonly MovedEvent[]; current: readonly ChapterState[]; spare: number } = {
    moved: [],
    current: [],
    spare: 0,
  },
): Promise<void> {
  const { moved, current, spare } = moves
  const first: D1PreparedStatement[] = []
  if (moved.length) {
    const byId = new Map(current.map((c) => [c.id, c]))
    writes
      .filter((w) => w.create)
      .forEach((w, i) => {
        first.push(
          insertOf(
            db,
            'chapters',
            { id: w.id, ...w.fields, position: spare + i },
            columnsOf('chapters'),
          ),
        )
      })
    for (const w of writes.filter((w) => !w.create)) {
      const was = byId.get(w.id)
      if (!was || was.deleted_at !== null) continue
      const start = String(w.fields.start_date ?? was.start_date)
      const end = String(w.fields.end_date ?? was.end_date)
      const union = {
        start_date: start < was.start_date ? start : was.start_date,
        end_date: end > was.end_date ? end : was.end_date,
      }
      if (union.start_date === was.start_date && union.end_date === was.end_date) continue
      first.push(updateOf(db, 'chapters', w.id, union)!)
    }
  }
  const events = moved.map((event) =>
    db
      .prepare(
        `UPDATE events SET chapter = ?, version = version + 1, updated_at = ${NOW}
         WHERE id = ? AND chapter = ?`,
      )
      .bind(event.to, event.id, event.from),
  )
  const last = writes.flatMap((w) => {
    if (w.create && !moved.length)
      return [insertOf(db, 'chapters', { id: w.id, ...w.fields }, columnsOf('chapters'))]
    const update = updateOf(db, 'chapters', w.id, w.fields)
    return update ? [update] : []
  })
  await write(db, actor, chapterListGuard(state), [...first, ...events, ...last])
}

/**
 * Bring back a link row (of event_places, event_outlets or event_actors) as a revision holds it,
 * if its event still has `version`. A column the revision does not hold (one added after it was
 * recorded) keeps its current value, or its default when the row is made again.
 */
export async function restoreLink(
  db: Db,
  table: LinkTable,
  row: Row,
  eventVersion: number,
  actor: string,
) {
  const key: readonly string[] = REGISTRY[table].keyColumns
  const columns = tableColumns(table).filter((c) => c in row)
  const kept = columns.filter((c) => !key.includes(c))
  const statement = db
    .prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT DO ${kept.length ? `UPDATE SET ${kept.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'NOTHING'}`,
    )
    .bind(...columns.map((c) => row[c] ?? null))
  const eventColumn = REGISTRY[table].eventColumn!
  await write(db, actor, versionGuard('events', String(row[eventColumn]), eventVersion), [
    statement,
  ])
}

/** One row to bring back whole (it was deleted with SQL): its table and its values. */
export interface RowBack {
  table: EditableTable | LinkTable
  values: Row
}

/**
 * Bring back rows deleted with SQL, in one batch, if `guard` holds (the first row is still
 * absent). Each row takes the values given (its old id among them).
 */
export async function restoreRows(db: Db, guard: Guard, rows: RowBack[], actor: string) {
  const statements = rows.map(({ table, values }) =>
    insertOf(
      db,
      table,
      values,
      isLinkTable(table) ? tableColumns(table) : columnsOf(table as EditableTable),
    ),
  )
  await write(db, actor, guard, statements)
}

/** Update the story row if it still has `version`; a change with nothing in it only checks it. */
export async function updateStory(
  db: Db,
  version: number,
  changes: Row,
  columns: string[],
  actor: string,
) {
  const names = Object.keys(changes).filter((c) => columns.includes(c))
  const statements = names.length
    ? [
        db
          .prepare(`UPDATE story SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = 1`)
          .bind(...names.map((c) => changes[c] ?? null)),
      ]
    : []
  await write(db, actor, versionGuard('story', 1, version), statements)
}

/** One event the bulk import creates: its columns (a draft) and its places, in order. */
export interface ImportedEvent {
  values: Row
  places: string[]
}

/** One draft event the bulk import changes: the version it read, the changed columns, its places. */
export interface ImportedChange {
  id: string
  version: number
  changes: Row
  places?: string[]
}

/**
 * The bulk import's write: every create and every change of a checked import in one batch, so
 * one transaction, all or nothing. Each change is guarded by the version the check read (any
 * event changed meanwhile fails the whole batch, as a stale If-Match fails a PATCH), and no
 * created id may exist by then. The triggers record each row as a revision by `actor`.
 */
export async function importEvents(
  db: Db,
  actor: string,
  creates: readonly ImportedEvent[],
  changes: readonly ImportedChange[],
): Promise<void> {
  // Two binds whatever the import's size (D1 takes at most 100 per statement).
  const guard: Guard = {
    sql: `NOT EXISTS (SELECT 1 FROM events WHERE id IN (SELECT value FROM json_each(?)))
      AND (SELECT count(*) FROM events e JOIN json_each(?) j
           ON e.id = json_extract(j.value, '$.id') AND e.version = json_extract(j.value, '$.version'))
        = ${changes.length}`,
    binds: [
      JSON.stringify(creates.map((c) => String(c.values.id))),
      JSON.stringify(changes.map((c) => ({ id: c.id, version: c.version }))),
    ],
  }
  const statements: D1PreparedStatement[] = []
  for (const create of creates) {
    statements.push(insertOf(db, 'events', create.values, columnsOf('events')))
    statements.push(...replaceLinks(db, String(create.values.id), { places: create.places }))
  }
  for (const change of changes) {
    const update = updateOf(db, 'events', change.id, change.changes)
    if (update) statements.push(update)
    if (change.places) statements.push(...replaceLinks(db, change.id, { places: change.places }))
  }
  if (statements.length) await write(db, actor, guard, statements)
}
