// Restoring a revision: the row is brought back to the state the revision recorded (its `after`,
// or its `before` when the revision is a delete; `?to=before` asks for the state it replaced, which
// undoes the first edit of a row loaded by a migration). The restore is a write like any other, so it is a
// revision too, and it needs the row's current version in If-Match. A column the revision does
// not hold (one added to the table after the revision was recorded) keeps its current value (or
// its default, when the row is made again), and the response names it in `Restore-Kept-Fields`.
import type { Context } from 'hono'
import { columnsOf as tableColumns, isStoryTable } from '../data/tables'
import { columnsOf, getRow, getStoryRow, type Row } from '../db/admin'
import { getRevision } from '../db/revisions'
import { insertRow, restoreLink, updateRow, updateStory } from '../db/admin-writes'
import { problem } from '../lib/problem'
import { ifMatch } from './request'
import { readRow, sendRow } from './respond'
import { STORY_COLUMNS, TABLES, isEditableTable } from '../data/tables'
import type { AdminEnv } from './types'
import { writeErrorResponse } from './write-errors'

const LINK_TABLES = ['event_places', 'event_outlets', 'event_actors']
const NOT_RESTORED = ['id', 'version', 'created_at', 'updated_at']

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
  const editor = c.get('editor')
  const table = revision.table_name
  if (isStoryTable(table)) {
    const kept = tableColumns(table).filter(
      (column) => !NOT_RESTORED.includes(column) && !(column in target),
    )
    if (kept.length) c.header('Restore-Kept-Fields', kept.join(', '))
  }

  try {
    if (LINK_TABLES.includes(table)) {
      await restoreLink(c.env.DB, table, target, true, editor)
      return c.json({ restored: revision.id, table, row: target })
    }
    if (table === 'story') {
      const version = ifMatch(c)
      if (!version.ok) return version.response
      await updateStory(c.env.DB, version.value, target, STORY_COLUMNS, editor)
      return sendRow(c, (await getStoryRow(c.env.DB))!)
    }
    if (!isEditableTable(table))
      return problem(c, 'not-found', `Rows of ${table} cannot be restored.`)
    const id = TABLES[table].key === 'serial' ? Number(revision.row_id) : revision.row_id
    const current = await getRow(c.env.DB, table, id)
    if (current) {
      const version = ifMatch(c)
      if (!version.ok) return version.response
      const changes: Row = {}
      for (const column of columnsOf(table)) {
        if (!NOT_RESTORED.includes(column) && column in target) changes[column] = target[column]
      }
      await updateRow(c.env.DB, table, id, version.value, changes, editor)
    } else {
      // The row was removed with raw SQL: it comes back whole, with its old id.
      const values: Row = {}
      for (const column of columnsOf(table)) {
        if (column !== 'version' && column !== 'updated_at' && column in target)
          values[column] = target[column]
      }
      await insertRow(c.env.DB, table, values, editor)
    }
    return sendRow(c, (await readRow(c, table, id))!)
  } catch (err) {
    const response = writeErrorResponse(c, err)
    if (response) return response
    throw err
  }
}
