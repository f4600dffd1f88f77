// Creating a row, safely retried: with an Idempotency-Key, a retry of the same request gets the
// first response back and never creates a second row, whatever the table's id (a slug or a
// number); the key is stored in the same transaction as the row it created, before it. The key is
// looked at (idempotencyGate) before the body's schema runs, so a retry is answered as the first
// request was, and again after any failed write, so a retry that raced the first one is too.
import type { Context, MiddlewareHandler } from 'hono'
import { sha256Hex } from '../admin/auth'
import { checkRow } from '../admin/checks'
import { eventOf, propose } from '../admin/proposals'
import { invalid, readRow, sendRow } from '../admin/respond'
import { TABLES, type EditableTable } from '../data/tables'
import type { AdminEnv } from '../admin/types'
import { isStale, writeErrorResponse } from '../admin/write-errors'
import { type Row } from '../db/admin'
import { allOf } from '../db/admin-writes'
import { isSeen, seenSql, unseen } from '../db/proposals'
import type { WriteHow } from './admin-rows'
import { insertRow } from '../db/admin-writes'
import { findIdempotencyKey, saveIdempotentResponse } from '../db/revisions'
import { problem } from '../lib/problem'

const KEY = /^[\x21-\x7e]{1,200}$/

/**
 * Route middleware of a create, after the JSON gate: refuses a malformed Idempotency-Key (422),
 * answers a retry with the first response (201, Idempotent-Replayed: true) or refuses a key used
 * for another request (422); otherwise keeps the key and the request's hash for the create.
 */
export function idempotencyGate(table: EditableTable): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const key = c.req.header('Idempotency-Key')
    if (key === undefined) return next()
    if (!KEY.test(key)) {
      return problem(
        c,
        'invalid-body',
        'Idempotency-Key must be 1 to 200 visible ASCII characters, such as a UUID.',
      )
    }
    const path = new URL(c.req.url).pathname
    const requestHash = await sha256Hex(`POST ${path}\n${c.get('bodyText') ?? ''}`)
    const replay = await replayed(c, table, key, requestHash)
    if (replay) return replay
    c.set('idempotency', { key, requestHash })
    await next()
  }
}

/**
 * Creates a row of `table` from a body that passed its schema; events start as drafts. A writer's
 * new row that readers would see at once (a figure of a published event) is stored as a proposal
 * instead (202: admin/proposals.ts).
 */
export function createRow(c: Context<AdminEnv>, table: EditableTable, fields: Row) {
  return insertChecked(c, table, fields, {
    actor: c.get('editor'),
    proposeIfSeen: c.get('role') === 'writer',
  })
}

/**
 * Checks and inserts a new row by `actor` (with the request's Idempotency-Key, if any); with
 * `proposeIfSeen`, a row readers would see at once is stored as a proposal instead. Answers 201
 * with the row, 202 with the proposal, or the problem.
 */
export async function insertChecked(
  c: Context<AdminEnv>,
  table: EditableTable,
  fields: Row,
  how: WriteHow,
): Promise<Response> {
  // The revisions' actor is `how.actor`; an Idempotency-Key belongs to whoever sent the request.
  const editor = c.get('editor')
  const path = new URL(c.req.url).pathname
  const values: Row = { ...fields, ...(table === 'events' ? { status: 'draft' } : {}) }
  // An event's figure, quote or note sent without a position comes after the event's last one
  // (worked out in the INSERT itself: db/admin-writes.ts).
  const errors = await checkRow(c.env.DB, table, values)
  if (errors.length) return invalid(c, errors)
  const seen = seenSql(table, null, values)
  const idempotency = c.get('idempotency')
  const proposal = async () => {
    try {
      return await propose(
        c,
        table,
        null,
        fields,
        eventOf(table, values),
        idempotency && {
          editor,
          key: idempotency.key,
          method: 'POST',
          path,
          request_hash: idempotency.requestHash,
          status: 202,
        },
      )
    } catch (err) {
      // A retry racing the first with one key fails on the key: the first answer is the answer.
      const replay =
        idempotency && (await replayed(c, table, idempotency.key, idempotency.requestHash))
      if (replay) return replay
      throw err
    }
  }
  if (how.proposeIfSeen && (await isSeen(c.env.DB, seen))) return proposal()

  let id: string | number
  try {
    id = await insertRow(
      c.env.DB,
      table,
      values,
      how.actor,
      idempotency
        ? {
            editor,
            key: idempotency.key,
            method: 'POST',
            path,
            request_hash: idempotency.requestHash,
            status: 201,
          }
        : undefined,
      {
        ...how.terms,
        guard: allOf(how.terms?.guard, how.proposeIfSeen ? unseen(seen) : undefined),
      },
    )
  } catch (err) {
    // Published between the check and the write: kept as a proposal after all.
    if (how.proposeIfSeen && isStale(err) && (await isSeen(c.env.DB, seen))) return proposal()
    // Retries racing with one key: the key is the batch's first insert, so every one but the
    // first rolls back whole on it. Whatever a write with a key failed on, the first request's
    // answer (if there is one by now) is the answer.
    if (idempotency) {
      const replay = await replayed(c, table, idempotency.key, idempotency.requestHash)
      if (replay) return replay
    }
    const response = writeErrorResponse(c, err)
    if (response) return response
    throw err
  }
  const row = (await readRow(c, table, id))!
  if (idempotency) {
    await saveIdempotentResponse(c.env.DB, editor, idempotency.key, JSON.stringify(row))
  }
  c.header('Location', `/api/v1/admin/${table}/${String(id)}`)
  return sendRow(c, row, 201)
}

/** The first response to this key, or a refusal when the key was used for another request. */
async function replayed(
  c: Context<AdminEnv>,
  table: EditableTable,
  key: string,
  requestHash: string,
): Promise<Response | null> {
  const editor = c.get('editor')
  const earlier = await findIdempotencyKey(c.env.DB, editor, key)
  if (!earlier) return null
  if (earlier.request_hash !== requestHash) {
    return problem(
      c,
      'idempotency-key-reused',
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    )
  }
  // The first request was kept as a proposal: its answer again.
  if (earlier.status === 202) {
    if (!earlier.response) return null
    c.header('Idempotent-Replayed', 'true')
    c.header('Location', `/api/v1/admin/${earlier.resource}`)
    return c.body(earlier.response, 202, { 'Content-Type': 'application/json' })
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
