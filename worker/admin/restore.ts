// Restoring a revision: the row is brought back to the state the revision recorded (its `after`,
// or its `before` when the revision is a delete). `?to=before` of a change undoes that change: only
// the fields it changed go back, and only while each still holds what the change wrote; a field
// changed since is named in a 409 and nothing is written, so an undo never takes later edits with
// it. (`?to=before` of the first edit of a row loaded by a migration undoes it the same way.) A
// restore is a write like any other, so it
// is a revision too, and it always needs If-Match:
// - a row that exists: its current ETag;
// - a link between an event and a place, actor or outlet: the event's ETag (links are part of the
//   event, and a change to them moves its version);
// - a row deleted with SQL: the version it had when deleted (`before.version` of its delete).
// A restore changes content only: publication (`status`, `deleted_at`) changes only through
// publish, unpublish, delete, and the restore of a delete (POST .../restore, or a row deleted with
// SQL coming back). An event deleted with SQL comes back in one batch with what was deleted with it
// (its links, figures, quotes and notes, from the delete revisions of the same moment); if any of
// those can no longer come back (it names a row deleted since), the event comes back as a draft
// with the others, and the answer's `message` says which. A column the revision does not hold (one
// added to the table after it was recorded) keeps its current value, or its default when the row
// is made again, and the response names it in `Restore-Kept-Fields`.
import type { Context } from 'hono'
import { REFERENCES, isLinkTable, type LinkTable } from '../data/references'
import {
  STORY_COLUMNS,
  TABLES,
  columnsOf as tableColumns,
  isEditableTable,
  isStoryTable,
  type EditableTable,
  type TableName,
} from '../data/tables'
import { columnsOf, deletedWith, getRow, getStoryRow, idStates, type Row } from '../db/admin'
import {
  absentGuard,
  restoreLink,
  restoreRows,
  updateRow,
  updateStory,
  type RowBack,
} from '../db/admin-writes'
import { getRevision, listRowRevisions, type Revision } from '../db/revisions'
import { fieldLabel } from '../data/labels'
import { problem } from '../lib/problem'
import { checkRow, singular } from './checks'
import { ifMatch } from './request'
import { invalid, readRow, sendRow } from './respond'
import type { AdminEnv } from './types'
import { writeErrorResponse } from './write-errors'

/** Columns a restore never writes: the key and the bookkeeping that every write moves on. */
const NOT_RESTORED = ['id', 'version', 'created_at', 'updated_at']
/** Publication: changed by publish, unpublish, delete and the restore of a delete only. */
const PUBLICATION = ['status', 'deleted_at']

/** Restores revision `revisionId` (see the file's header) and answers with the row and a message. */
export async function restoreRevision(
  c: Context<AdminEnv>,
  revisionId: number,
  to: 'after' | 'before' = 'after',
): Promise<Response> {
  const revision = await getRevision(c.env.DB, revisionId)
  if (!revision) {
    return problem(
      c,
      'not-found',
      `There is no revision ${revisionId}. GET /api/v1/admin/<table>/<id>/revisions lists a row's revisions.`,
    )
  }
  const target = to === 'before' || revision.action === 'delete' ? revision.before : revision.after
  if (!target) {
    return problem(
      c,
      'not-found',
      to === 'before'
        ? 'This revision created the row: there is no earlier state. Delete the row instead.'
        : 'This revision holds no state to restore.',
    )
  }
  const version = ifMatch(c)
  if (!version.ok) return version.response
  const table = revision.table_name
  if (to === 'before' && revision.action === 'update' && !isLinkTable(table)) {
    return undoChange(c, revision, version.value)
  }
  if (isStoryTable(table)) {
    const kept = tableColumns(table).filter(
      (column) =>
        !NOT_RESTORED.includes(column) && !PUBLICATION.includes(column) && !(column in target),
    )
    if (kept.length) c.header('Restore-Kept-Fields', kept.join(', '))
  }
  try {
    if (isLinkTable(table)) return await restoreLinkRow(c, revision, table, target, version.value)
    if (table === 'story') {
      await updateStory(c.env.DB, version.value, target, STORY_COLUMNS, c.get('editor'))
      return sendRow(c, (await getStoryRow(c.env.DB))!)
    }
    if (!isEditableTable(table)) {
      return problem(c, 'not-found', `Rows of ${table} cannot be restored.`)
    }
    const id = TABLES[table].key === 'serial' ? Number(revision.row_id) : revision.row_id
    const current = await getRow(c.env.DB, table, id)
    if (current) return await restoreContent(c, table, id, current, target, version.value)
    return await restoreDeleted(c, table, id, revision, target, version.value)
  } catch (err) {
    const response = writeErrorResponse(c, err)
    if (response) return response
    throw err
  }
}

/** The content columns a change wrote: those whose value differs between its before and after. */
export function changedColumns(revision: Pick<Revision, 'before' | 'after'>): string[] {
  const before = revision.before ?? {}
  const after = revision.after ?? {}
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (column) =>
      !NOT_RESTORED.includes(column) &&
      !PUBLICATION.includes(column) &&
      JSON.stringify(before[column]) !== JSON.stringify(after[column]),
  )
}

/**
 * Undoes one change (`?to=before` of an update): the fields it changed take their values from
 * before it, and nothing else moves. A field edited since (its value is no longer the change's
 * `after`) would lose that later edit, so the undo is refused with 409, naming those fields by
 * their labels; the editor restores a whole version instead (`?to=after` of a revision) or edits
 * the row. The write itself is guarded by If-Match like any other.
 */
async function undoChange(c: Context<AdminEnv>, revision: Revision, version: number) {
  const table = revision.table_name
  const story = table === 'story'
  if (!story && !isEditableTable(table)) {
    return problem(c, 'not-found', `Rows of ${table} cannot be restored.`)
  }
  const id = story ? 1 : TABLES[table].key === 'serial' ? Number(revision.row_id) : revision.row_id
  const current = story ? await getStoryRow(c.env.DB) : await getRow(c.env.DB, table, id!)
  if (!current) {
    return problem(
      c,
      'not-found',
      `The ${singular(table)} "${revision.row_id}" no longer exists: bring it back first (restore its delete), then undo this change.`,
    )
  }
  const after = revision.after ?? {}
  const columns = changedColumns(revision).filter((column) => column in current)
  const since = columns.filter(
    (column) => JSON.stringify(current[column]) !== JSON.stringify(after[column]),
  )
  if (since.length) {
    const names = since.map((column) => fieldLabel(table, column) ?? column)
    return problem(
      c,
      'conflict',
      `This change cannot be undone on its own: ${names.join(', ')} ${names.length > 1 ? 'were' : 'was'} changed again since, and undoing it would lose that later edit. Open the ${singular(table)} and edit ${names.length > 1 ? 'them' : 'it'}, or restore a whole version from its revisions.`,
      { fields: since },
    )
  }
  const before = revision.before ?? {}
  // Publication is never written by a restore; the state's is passed along so the answer says
  // when it stayed as it is (see restoreContent).
  const target: Row = Object.fromEntries(
    [...columns, ...PUBLICATION.filter((column) => column in before)].map((column) => [
      column,
      before[column],
    ]),
  )
  try {
    if (story) {
      await updateStory(c.env.DB, version, target, STORY_COLUMNS, c.get('editor'))
      return sendRow(c, (await getStoryRow(c.env.DB))!)
    }
    return await restoreContent(c, table as EditableTable, id!, current, target, version)
  } catch (err) {
    const response = writeErrorResponse(c, err)
    if (response) return response
    throw err
  }
}

/** The row as it is now, with what the restore did in `message`. */
async function answer(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
  message: string,
) {
  const row = (await readRow(c, table, id))!
  return sendRow(c, { ...row, message })
}

/** A row that exists takes the content of the state; its publication stays as it is. */
async function restoreContent(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
  current: Row,
  target: Row,
  version: number,
) {
  const changes: Row = {}
  for (const column of columnsOf(table)) {
    if (NOT_RESTORED.includes(column) || PUBLICATION.includes(column)) continue
    if (column in target) changes[column] = target[column]
  }
  const errors = await checkRow(
    c.env.DB,
    table,
    { ...current, ...changes },
    {},
    Object.keys(changes),
  )
  if (errors.length) return invalid(c, errors)
  await updateRow(c.env.DB, table, id, version, changes, c.get('editor'))
  const kept = PUBLICATION.filter(
    (column) => column in current && column in target && current[column] !== target[column],
  )
  return answer(
    c,
    table,
    id,
    kept.length
      ? `Restored the content of the ${singular(table)}. Its ${kept.join(' and ')} stayed as they are: a restore changes content only; publish, unpublish, delete or restore it for that.`
      : `Restored the content of the ${singular(table)}.`,
  )
}

/**
 * A link between an event and a place, actor or outlet comes back, guarded by the event's version.
 * The event must exist, and the row it links to must not be deleted.
 */
async function restoreLinkRow(
  c: Context<AdminEnv>,
  revision: Revision,
  table: LinkTable,
  target: Row,
  version: number,
) {
  const eventId = String(target.event_id ?? revision.event_id)
  if (!(await getRow(c.env.DB, 'events', eventId))) {
    return problem(
      c,
      'not-found',
      `The event "${eventId}" this link belongs to does not exist: restore the event first.`,
    )
  }
  const [column, linked] = linkTarget(table)
  const state = (await idStates(c.env.DB, linked, [String(target[column])])).get(
    String(target[column]),
  )
  if (!state || state.deleted) {
    return invalid(c, [
      {
        field: column,
        message: `The ${singular(linked)} "${String(target[column])}" is ${state ? 'deleted' : 'gone'}: restore it first.`,
      },
    ])
  }
  await restoreLink(c.env.DB, table, target, version, c.get('editor'))
  // The answer's ETag is the event's new version: that is what the next write names.
  const event = (await readRow(c, 'events', eventId))!
  return sendRow(c, {
    restored: revision.id,
    table,
    row: target,
    version: event.version,
    message: `Restored the ${singular(linked)} link of event ${eventId}.`,
  })
}

/** The column of a link table that names the linked row, and that row's table (the registry's). */
function linkTarget(table: LinkTable): [string, TableName] {
  const use = REFERENCES.find((r) => r.table === table && !r.owner)!
  return [use.column, use.target]
}

/**
 * A row deleted with SQL comes back whole with its old id, and its version moves past the one it
 * had, which If-Match must name. An event brings back what was deleted with it.
 */
async function restoreDeleted(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
  revision: Revision,
  target: Row,
  version: number,
) {
  // The row's last state: the `before` of its newest revision, a delete.
  const [newest] = await listRowRevisions(c.env.DB, table, String(id))
  const last = newest?.action === 'delete' ? newest.before : null
  if (!newest || !last) {
    return problem(c, 'not-found', `There is no ${table} row "${String(id)}" to restore into.`)
  }
  const lastVersion = Number(last.version)
  if (version !== lastVersion) {
    return problem(
      c,
      'stale-version',
      `The ${singular(table)} was deleted at version ${lastVersion}: send If-Match: "${lastVersion}" to bring it back.`,
      { current_version: lastVersion },
    )
  }
  const values: Row = {}
  for (const column of columnsOf(table)) {
    if (column === 'version' || column === 'updated_at') continue
    // Publication comes back as it was when the row was deleted: this is the restore of a delete.
    const from = PUBLICATION.includes(column) || column === 'id' ? last : target
    if (column in from) values[column] = from[column]
  }
  values.version = lastVersion + 1
  const errors = await checkRow(c.env.DB, table, values)
  if (errors.length) return invalid(c, errors)

  const rows: RowBack[] = [{ table, values }]
  const left: string[] = []
  let message = `Brought the ${singular(table)} back as it was.`
  if (table === 'events') {
    const withIt = await deletedWith(c.env.DB, String(id), newest.at)
    for (const row of withIt) {
      const why = await cannotComeBack(c, row.table_name, row.before)
      if (why)
        left.push(`${singular(row.table_name.replace(/^event_/, ''))} ${row.row_id} (${why})`)
      else
        rows.push({
          table: row.table_name as EditableTable | LinkTable,
          values: comeBack(row.table_name, row.before),
        })
    }
    const brought = rows.length - 1
    if (left.length) {
      values.status = 'draft'
      message = `Brought the event back as a draft, with ${brought} of the rows deleted with it; these could not come back: ${left.join(', ')}. Fix or recreate them, then publish it.`
    } else {
      message = `Brought the event back as it was (${String(values.status)}), with the ${brought} rows deleted with it: its links, figures, quotes and notes.`
    }
  }
  await restoreRows(c.env.DB, absentGuard(table, id), rows, c.get('editor'))
  return answer(c, table, id, message)
}

/** Why a row deleted with an event cannot come back now (it names a row deleted since), or null. */
async function cannotComeBack(
  c: Context<AdminEnv>,
  table: string,
  row: Row,
): Promise<string | null> {
  // A row that was itself deleted comes back deleted: it uses nothing.
  if (row.deleted_at !== null && row.deleted_at !== undefined) return null
  const references = isLinkTable(table)
    ? [linkTarget(table)]
    : isEditableTable(table)
      ? Object.entries(TABLES[table].references).filter(([column]) => column !== 'event_id')
      : []
  for (const [column, target] of references) {
    const value = row[column]
    if (value === null || value === undefined) continue
    const state = (await idStates(c.env.DB, target, [String(value)])).get(String(value))
    if (!state) return `the ${singular(target)} "${String(value)}" no longer exists`
    if (state.deleted) return `the ${singular(target)} "${String(value)}" is deleted`
  }
  return null
}

/** A row's values as it comes back: its old id and content, its version moved on. */
function comeBack(table: string, row: Row): Row {
  if (isLinkTable(table)) return row
  const values: Row = { ...row }
  delete values.updated_at
  values.version = Number(row.version ?? 0) + 1
  return values
}
