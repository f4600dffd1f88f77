// Creating a row, safely retried: with an Idempotency-Key, a retry of the same request gets the
// first response back and never creates a second row; the key is stored in the same transaction
// as the row it created.
import type { Context } from 'hono'
import { sha256Hex } from '../admin/auth'
import { checkRow, parseBody } from '../admin/checks'
import { adminProblem } from '../admin/problems'
import { readJson } from '../admin/request'
import { invalid, readRow, sendRow } from '../admin/respond'
import { TABLES, type EditableTable } from '../admin/tables'
import type { AdminEnv } from '../admin/types'
import { writeErrorResponse } from '../admin/write-errors'
import { type Row } from '../db/admin'
import { findIdempotencyKey, saveIdempotentResponse } from '../db/revisions'
import { insertRow } from '../db/admin-writes'

const KEY = /^[\x21-\x7e]{1,200}$/

export async function createRow(c: Context<AdminEnv>, table: EditableTable): Promise<Response> {
  const body = await readJson(c)
  if (!body.ok) return body.response
  const editor = c.get('editor')
  const path = new URL(c.req.url).pathname
  const key = c.req.header('Idempotency-Key')
  if (key !== undefined && !KEY.test(key)) {
    return adminProblem(
      c,
      'invalid-body',
      'Idempotency-Key must be 1 to 200 visible ASCII characters, such as a UUID.',
    )
  }
  const requestHash = await sha256Hex(`POST ${path}\n${body.value.text}`)
  if (key) {
    const replay = await replayed(c, table, editor, key, requestHash)
    if (replay) return replay
  }

  const parsed = parseBody(TABLES[table].create, body.value.body)
  if (!parsed.data) return invalid(c, parsed.errors)
  const values: Row = {
    ...(parsed.data as Row),
    ...(table === 'events' ? { status: 'draft' } : {}),
  }
  const errors = await checkRow(c.env.DB, table, values)
  if (errors.length) return invalid(c, errors)

  let id: string | number
  try {
    id = await insertRow(
      c.env.DB,
      table,
      values,
      editor,
      key
        ? { editor, key, method: 'POST', path, request_hash: requestHash, status: 201 }
        : undefined,
    )
  } catch (err) {
    // Two retries racing: the other one stored the key first, and this one rolled back whole.
    if (
      key &&
      /idempotency_keys/.test(
        String(err instanceof Error ? `${err.message} ${String(err.cause)}` : err),
      )
    ) {
      const replay = await replayed(c, table, editor, key, requestHash)
      if (replay) return replay
    }
    const response = writeErrorResponse(c, err)
    if (response) return response
    throw err
  }
  const row = (await readRow(c, table, id))!
  if (key) await saveIdempotentResponse(c.env.DB, editor, key, JSON.stringify(row))
  c.header('Location', `/api/v1/admin/${table}/${String(id)}`)
  return sendRow(c, row, 201)
}

/** The first response to this key, or a refusal when the key was used for another request. */
async function replayed(
  c: Context<AdminEnv>,
  table: EditableTable,
  editor: string,
  key: string,
  requestHash: string,
): Promise<Response | null> {
  const earlier = await findIdempotencyKey(c.env.DB, editor, key)
  if (!earlier) return null
  if (earlier.request_hash !== requestHash) {
    return adminProblem(
      c,
      'idempotency-key-reused',
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    )
  }
  const row = earlier.response
    ? (JSON.parse(earlier.response) as Row)
    : await readRow(
        c,
        table,
        TABLES[table].key === 'serial' ? Number(earlier.resource) : earlier.resource,
      )
  if (!row) return null
  c.header('Idempotent-Replayed', 'true')
  c.header('Location', `/api/v1/admin/${table}/${earlier.resource}`)
  return sendRow(c, row, 201)
}
