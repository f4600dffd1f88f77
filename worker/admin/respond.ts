// How the write API answers with a row: an event with everything linked, any other row as it is,
// always with its version as a strong ETag.
import type { Context } from 'hono'
import { getAdminEvent, getRow, type Row } from '../db/admin'
import { adminProblem, type FieldError } from './problems'
import { etagOf } from './request'
import type { EditableTable } from './tables'
import type { AdminEnv } from './types'

export async function readRow(c: Context<AdminEnv>, table: EditableTable, id: string | number) {
  return table === 'events' ? getAdminEvent(c.env.DB, String(id)) : getRow(c.env.DB, table, id)
}

export function sendRow(c: Context<AdminEnv>, row: Row, status: 200 | 201 = 200) {
  c.header('ETag', etagOf(row.version))
  return c.json(row, status)
}

export const missing = (c: Context, table: string, id: string | number) =>
  adminProblem(
    c,
    'not-found',
    `There is no ${table} row "${String(id)}". GET /api/v1/admin/${table} lists them.`,
  )

export const invalid = (c: Context, errors: FieldError[]) =>
  adminProblem(
    c,
    'invalid-body',
    `The change was refused: ${errors.map((e) => `${e.field}: ${e.message}`).join(' ')}`,
    {
      errors,
    },
  )
