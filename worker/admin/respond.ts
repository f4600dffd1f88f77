// How the write API answers with a row: an event with everything linked, any other row as it is,
// always with its version as a strong ETag.
import type { Context } from 'hono'
import { getAdminEvent, getRow, type Row } from '../db/admin'
import { problem } from '../lib/problem'
import type { FieldError } from './problems'
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

/** 422 invalid-body: the change was refused, with one entry in `errors` per field. */
export const invalid = (c: Context, errors: FieldError[]) =>
  problem(
    c,
    'invalid-body',
    `The change was refused: ${errors.map((e) => `${e.field}: ${e.message}`).join(' ')}`,
    {
      errors,
    },
  )
