// What the write API does with a table's rows once a route has accepted the request: list, read,
// change and soft-delete (at the version the editor read; a row still in use is not deleted), and
// list a row's revisions. The routes are declared in
// admin-routes.ts and mounted in admin-tables.ts.
import type { Context } from 'hono'
import { checkRow, singular } from '../admin/checks'
import { eventOf, propose } from '../admin/proposals'
import { invalid, missing, readRow, sendRow } from '../admin/respond'
import { ifMatch } from '../admin/request'
import { EVENT_LINKS, type EditableTable } from '../data/tables'
import type { AdminEnv } from '../admin/types'
import { isStale, writeErrorResponse } from '../admin/write-errors'
import { findUsers, getRow, listAllEvents, listRows, type Row } from '../db/admin'
import {
  allOf,
  softDeleteRow,
  updateRow,
  type LinkLists,
  type WriteTerms,
} from '../db/admin-writes'
import { isSeen, seenSql, unseen } from '../db/proposals'
import { listEventRevisions, listRowRevisions } from '../db/revisions'
import { problem } from '../lib/problem'

/** Every row of `table`, drafts and deleted ones too (events as summaries). */
export async function listTable(c: Context<AdminEnv>, table: EditableTable) {
  const data = table === 'events' ? await listAllEvents(c.env.DB) : await listRows(c.env.DB, table)
  return c.json({ data })
}

/** One row with its ETag, or 404. */
export async function readOne(c: Context<AdminEnv>, table: EditableTable, id: string | number) {
  const row = await readRow(c, table, id)
  return row ? sendRow(c, row) : missing(c, table, id)
}

/**
 * Apply a change to a row at the version the editor read (If-Match), then answer with the row as
 * it is now; a writer's change that readers would see at once is stored as a proposal instead
 * (202: admin/proposals.ts).
 */
export async function writeRow(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
  changes: Row,
  links: LinkLists = {},
) {
  const version = ifMatch(c)
  if (!version.ok) return version.response
  return changeRow(c, table, id, version.value, changes, links, {
    actor: c.get('editor'),
    proposeIfSeen: c.get('role') === 'writer',
  })
}

/**
 * How a write is made: by whom (the revisions' actor), whether a change readers would see is kept
 * as a proposal instead (a writer's), and what else its transaction holds (applying a proposal).
 */
export interface WriteHow {
  actor: string
  proposeIfSeen: boolean
  terms?: WriteTerms
}

/**
 * Apply a change to a row if it is still at `version`, by `actor`; with `proposeIfSeen`, a change
 * readers would see at once is stored as a proposal instead. Answers with the row as it is now,
 * 202 with the proposal, or the problem (404, 412, 422, 409).
 */
export async function changeRow(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
  version: number,
  changes: Row,
  links: LinkLists,
  how: WriteHow,
) {
  const current = await readRow(c, table, id)
  if (!current) return missing(c, table, id)
  // What the write really changes: a field or list sent as it already is changes nothing, so a
  // write that changes nothing (publishing a published event) only checks the version.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  const changed: Row = Object.fromEntries(
    Object.entries(changes).filter(([column, value]) => !same(current[column], value)),
  )
  const relinked: LinkLists = Object.fromEntries(
    Object.entries(links).filter(
      ([field, list]: [string, { id: string; role?: string }[] | string[]]) =>
        !same(
          list,
          (current[field] as { id: string; role?: string }[]).map((link) =>
            typeof list[0] === 'string' ? link.id : { id: link.id, role: link.role },
          ),
        ),
    ),
  )
  const errors = await checkRow(
    c.env.DB,
    table,
    { ...current, ...changed },
    relinked,
    Object.keys(changed),
  )
  if (errors.length) return invalid(c, errors)
  // A write that changes nothing only checks the version: nothing to propose.
  const proposing =
    how.proposeIfSeen && Object.keys(changed).length + Object.keys(relinked).length > 0
  const seen = seenSql(table, current, { ...current, ...changed })
  const proposal = () =>
    // A stale base would only be refused when applied: refuse it now, as the write would be.
    Number(current.version) !== version
      ? refused(c, table, id, new Error('stale_version'))
      : propose(
          c,
          table,
          { id, version, eventId: eventOf(table, current) },
          { ...changed, ...relinked },
          null,
        )
  if (proposing && (await isSeen(c.env.DB, seen))) return proposal()
  try {
    await updateRow(c.env.DB, table, id, version, changed, how.actor, relinked, {
      ...how.terms,
      guard: allOf(how.terms?.guard, proposing ? unseen(seen) : undefined),
    })
  } catch (err) {
    // Published between the check and the write: kept as a proposal after all.
    if (proposing && isStale(err) && (await isSeen(c.env.DB, seen))) return proposal()
    return refused(c, table, id, err)
  }
  return sendRow(c, (await readRow(c, table, id))!)
}

/** The problem a failed write means (412 with the row's version now), or the error again. */
async function refused(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
  err: unknown,
): Promise<Response> {
  const response = writeErrorResponse(c, err)
  if (!response) throw err
  if (response.status === 412) {
    const now = await getRow(c.env.DB, table, id)
    return problem(
      c,
      'stale-version',
      'Someone changed this row after you read it. Reload it and redo your change.',
      { current_version: now?.version ?? null },
    )
  }
  return response
}

/**
 * Soft-delete a row at the version the editor read. A row that live rows use is refused with 409
 * in-use listing them (table, id, title, how it is used, whether the delete can detach it), unless
 * `detach` asks to remove their links and clear their references in the same write; references
 * that may not be empty (an event's chapter or category, a quote's speaker) are never cleared.
 */
export async function deleteRow(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
  detach: boolean,
) {
  const version = ifMatch(c)
  if (!version.ok) return version.response
  const current = await getRow(c.env.DB, table, id)
  if (!current) return missing(c, table, id)
  const users = await findUsers(c.env.DB, table, String(id))
  const blocking = detach ? users.filter((u) => !u.detachable) : users
  if (blocking.length) {
    const name = `${singular(table)} "${String(id)}"`
    const list = blocking
      .map((u) => `${singular(u.table)} ${String(u.id)} (${u.title}) through ${u.via}`)
      .join('; ')
    return problem(
      c,
      'in-use',
      detach
        ? `The ${name} cannot be detached from: ${list}. Those references may not be empty: move them to another ${singular(table)} first, then delete it.`
        : `The ${name} is used by: ${list}. Detach it first, or send DELETE ${new URL(c.req.url).pathname}?detach=true to remove its links and clear the references that may be empty in the same write${
            users.some((u) => !u.detachable)
              ? ' (those through a reference that may not be empty must be moved first)'
              : ''
          }.`,
      { used_by: blocking },
    )
  }
  if (table === 'chapters') {
    const errors = await checkRow(
      c.env.DB,
      table,
      { ...current, deleted_at: new Date().toISOString() },
      {},
      ['deleted_at'],
    )
    if (errors.length) return invalid(c, errors)
  }
  try {
    await softDeleteRow(c.env.DB, table, id, version.value, c.get('editor'), detach)
  } catch (err) {
    return refused(c, table, id, err)
  }
  return sendRow(c, (await readRow(c, table, id))!)
}

/** A PATCH body that passed the table's schema: its plain columns, and an event's link lists apart. */
export function patchRow(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
  body: Row,
) {
  const changes: Row = { ...body }
  const links: LinkLists = {}
  for (const link of EVENT_LINKS) {
    if (link in changes) {
      Object.assign(links, { [link]: changes[link] })
      delete changes[link]
    }
  }
  return writeRow(c, table, id, changes, links)
}

/** The row's revisions, newest first (for an event: everything tied to it), or 404. */
export async function rowRevisions(
  c: Context<AdminEnv>,
  table: EditableTable,
  id: string | number,
) {
  const data =
    table === 'events'
      ? await listEventRevisions(c.env.DB, String(id))
      : await listRowRevisions(c.env.DB, table, String(id))
  if (data.length === 0 && !(await getRow(c.env.DB, table, id))) return missing(c, table, id)
  return c.json({ data })
}
