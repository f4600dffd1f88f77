// How the write API answers with a row: an event with everything linked, any other row as it is,
// always with its version as a strong ETag.
import type { Context } from 'hono'
import { getAdminEvent, getRow, type Row } from '../db/admin'
import { problem } from '../lib/problem'
import { rowKey } from './formats'
import { isLabelledTable, labelled, refusalDetail, rowTitle, type FieldError } from './problems'
import type { LabelledTable } from '../data/labels'
import type { EditableTable } from '../data/tables'
import type { AdminEnv } from './types'

/** A row's version as a strong ETag, such as "3". */
export const etagOf = (version: unknown) => `"${String(version)}"`

/** The row as an editor reads it (an event with everything linked), or null when there is none. */
export async function readRow(c: Context<AdminEnv>, table: EditableTable, id: string | number) {
  return table === 'events' ? getAdminEvent(c.env.DB, String(id)) : getRow(c.env.DB, table, id)
}

/** A row as the answer, its version as a strong ETag. */
export function sendRow(c: Context<AdminEnv>, row: Row, status: 200 | 201 = 200) {
  c.header('ETag', etagOf(row.version))
  return c.json(row, status)
}

/** 404: no row of `table` has this id. */
export const missing = (c: Context, table: string, id: string | number) =>
  problem(
    c,
    'not-found',
    `There is no ${table} row "${String(id)}". GET /api/v1/admin/${table} lists them.`,
  )

/** What a refusal is about: the table (else the one the write API's path names) and the row. */
export interface Refused {
  table?: LabelledTable
  /** The row as the write would leave it (or the body of a create), for its title. */
  row?: Row | null
}

/** The table a write-API path names (/api/v1/admin/<table>/...), if it names one with labels. */
function tableOfPath(c: Context): { table: LabelledTable | null; id: string | null } {
  const [, table, id] =
    /^\/api\/v1\/admin\/([a-z_]+)(?:\/([^/]+))?/.exec(new URL(c.req.url).pathname) ?? []
  return table && isLabelledTable(table)
    ? { table, id: id ? decodeURIComponent(id) : null }
    : { table: null, id: null }
}

/**
 * 422 invalid-body, in editors' words: the one way the write API answers a refused write. Each
 * entry of `errors` gets its field's label (data/labels.ts); the detail names the row by its
 * title (from `about.row`, else the stored row the path names, else its id) and lists every error
 * led by its label.
 */
export async function invalid(
  c: Context<AdminEnv>,
  errors: FieldError[],
  about: Refused = {},
): Promise<Response> {
  const path = tableOfPath(c)
  const table = about.table ?? path.table
  let title = table ? rowTitle(table, about.row) : null
  if (table && title === null && about.row === undefined && path.table === table && path.id) {
    const key = table === 'story' ? null : rowKey(table, path.id)
    const stored = key === null ? null : await getRow(c.env.DB, table as EditableTable, key)
    title = rowTitle(table, stored) ?? (key === null ? null : path.id)
  }
  const named = table ? labelled(table, errors) : errors
  return problem(c, 'invalid-body', refusalDetail(table, title, named), { errors: named })
}
