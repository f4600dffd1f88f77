// The write API's rows: list, create, read, update (JSON merge patch), soft-delete and restore, for
// every editable table; publishing for events. Every write needs the row's version in If-Match.
import { Hono, type Context } from 'hono'
import { parseBody, checkRow } from '../admin/checks'
import { adminProblem } from '../admin/problems'
import { ifMatch, readJson, rowId, tableParam } from '../admin/request'
import { EVENT_LINKS, TABLES, type EditableTable } from '../admin/tables'
import type { AdminEnv } from '../admin/types'
import { writeErrorResponse } from '../admin/write-errors'
import { invalid, missing, readRow, sendRow } from '../admin/respond'
import { getRow, listAllEvents, listRows, type Row } from '../db/admin'
import { listEventRevisions, listRowRevisions } from '../db/revisions'
import { updateRow, type LinkLists } from '../db/admin-writes'
import { createRow } from './admin-create'

export const rows = new Hono<AdminEnv>()

rows.get('/:table', async (c) => {
  const table = tableParam(c)
  if (!table.ok) return table.response
  const data =
    table.value === 'events' ? await listAllEvents(c.env.DB) : await listRows(c.env.DB, table.value)
  return c.json({ data })
})

rows.post('/:table', async (c) => {
  const table = tableParam(c)
  if (!table.ok) return table.response
  return createRow(c, table.value)
})

rows.get('/:table/:id', async (c) => {
  const table = tableParam(c)
  if (!table.ok) return table.response
  const id = rowId(c, table.value)
  if (!id.ok) return id.response
  const row = await readRow(c, table.value, id.value)
  return row ? sendRow(c, row) : missing(c, table.value, id.value)
})

/** Apply a change to a row at the version the editor read, then answer with the row as it is now. */
export async function writeRow(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
  changes: Row,
  links: LinkLists = {},
) {
  const version = ifMatch(c)
  if (!version.ok) return version.response
  const current = await getRow(c.env.DB, table, id)
  if (!current) return missing(c, table, id)
  const errors = await checkRow(c.env.DB, table, { ...current, ...changes }, links)
  if (errors.length) return invalid(c, errors)
  try {
    await updateRow(c.env.DB, table, id, version.value, changes, c.get('editor'), links)
  } catch (err) {
    const response = writeErrorResponse(c, err)
    if (!response) throw err
    if (response.status === 412) {
      const now = await getRow(c.env.DB, table, id)
      return adminProblem(
        c,
        'stale-version',
        'Someone changed this row after you read it. Reload it and redo your change.',
        {
          current_version: now?.version ?? null,
        },
      )
    }
    return response
  }
  return sendRow(c, (await readRow(c, table, id))!)
}

rows.patch('/:table/:id', async (c) => {
  const table = tableParam(c)
  if (!table.ok) return table.response
  const id = rowId(c, table.value)
  if (!id.ok) return id.response
  const body = await readJson(c)
  if (!body.ok) return body.response
  const parsed = parseBody(TABLES[table.value].patch, body.value.body)
  if (!parsed.data) return invalid(c, parsed.errors)
  const changes: Row = { ...(parsed.data as Row) }
  const links: LinkLists = {}
  for (const link of EVENT_LINKS) {
    if (link in changes) {
      Object.assign(links, { [link]: changes[link] })
      delete changes[link]
    }
  }
  return writeRow(c, table.value, id.value, changes, links)
})

rows.delete('/:table/:id', async (c) => {
  const table = tableParam(c)
  if (!table.ok) return table.response
  const id = rowId(c, table.value)
  if (!id.ok) return id.response
  return writeRow(c, table.value, id.value, { deleted_at: new Date().toISOString() })
})

rows.post('/:table/:id/restore', async (c) => {
  const table = tableParam(c)
  if (!table.ok) return table.response
  const id = rowId(c, table.value)
  if (!id.ok) return id.response
  return writeRow(c, table.value, id.value, { deleted_at: null })
})

for (const [action, status] of [
  ['publish', 'published'],
  ['unpublish', 'draft'],
] as const) {
  rows.post(`/events/:id/${action}`, async (c) => {
    const id = rowId(c, 'events')
    if (!id.ok) return id.response
    return writeRow(c, 'events', id.value, { status })
  })
}

rows.get('/:table/:id/revisions', async (c) => {
  const table = tableParam(c)
  if (!table.ok) return table.response
  const id = rowId(c, table.value)
  if (!id.ok) return id.response
  const data =
    table.value === 'events'
      ? await listEventRevisions(c.env.DB, String(id.value))
      : await listRowRevisions(c.env.DB, table.value, String(id.value))
  if (data.length === 0 && !(await getRow(c.env.DB, table.value, id.value)))
    return missing(c, table.value, id.value)
  return c.json({ data })
})
