// The chapters as one list: its ETag (every chapter's id and version) and the write that changes
// several chapters at once (PATCH /api/v1/admin/chapters). The chapters partition the story's year,
// so moving a boundary, splitting or merging changes two or more chapters in one step: this write
// checks the whole list as it would be (no gap, no overlap, positions in date order, no chapter
// with events deleted), then writes it in one batch guarded by the list's ETag, with its
// statements ordered so that no two chapters ever share a position. The events a moved boundary
// crosses follow it in the same batch: each goes to the chapter its date now falls in, and the
// answer names them (`moved_events`), so a boundary can be moved across events.
import type { Context } from 'hono'
import { CREATE } from '../data/tables'
import {
  eventsOutside,
  findUsers,
  listChapterStates,
  listRows,
  type ChapterState,
  type Row,
} from '../db/admin'
import {
  CHAPTER_LIST_STATE,
  writeChapters,
  type ChapterWrite,
  type MovedEvent,
} from '../db/admin-writes'
import type { Db } from '../db/sql'
import { problem } from '../lib/problem'
import { sha256Hex } from '../lib/sha256'
import { parseBody, partitionErrors } from './checks'
import type { FieldError } from './problems'
import { invalid } from './respond'
import { refuseUnless } from './auth'
import type { AdminEnv } from './types'
import { writeErrorResponse } from './write-errors'

/** One entry of the write: a chapter's id and what changes (see ChapterChangeSchema). */
export interface ChapterChange {
  id: string
  position?: number
  title?: string
  dek?: string
  start_date?: string
  end_date?: string
  deleted?: boolean
}

/** The list's state as the guard compares it: every chapter's id and version, in id order. */
async function listState(db: Db): Promise<string> {
  const row = await db.prepare(`SELECT (${CHAPTER_LIST_STATE}) AS state`).first<{ state: string }>()
  return row?.state ?? ''
}

/** The list's ETag: a digest of every chapter's id and version. */
const etagOf = async (state: string) => `"chapters-${(await sha256Hex(state)).slice(0, 20)}"`

/** Every chapter (deleted ones too) with the list's ETag, as GET /api/v1/admin/chapters answers. */
export async function sendChapterList(
  c: Context<AdminEnv>,
  moved?: readonly MovedEvent[],
): Promise<Response> {
  const [state, data] = await Promise.all([listState(c.env.DB), listRows(c.env.DB, 'chapters')])
  c.header('ETag', await etagOf(state))
  return c.json(moved ? { data, moved_events: moved } : { data })
}

/**
 * The events the new chapters leave outside their own: each with the live chapter its date falls
 * in now (`moved`), or, when none holds its date, a field error at the date that leaves it out.
 */
async function eventsToMove(
  db: Db,
  changed: readonly ChapterState[],
  chapters: readonly ChapterState[],
): Promise<{ moved: MovedEvent[]; errors: FieldError[] }> {
  const live = chapters.filter((ch) => ch.deleted_at === null)
  const moved: MovedEvent[] = []
  const errors: FieldError[] = []
  for (const chapter of changed.filter((ch) => ch.deleted_at === null)) {
    for (const event of await eventsOutside(db, chapter.id, chapter.start_date, chapter.end_date)) {
      const home = live.find((ch) => ch.start_date <= event.date && event.date <= ch.end_date)
      if (home) {
        moved.push({ id: event.id, headline: event.headline, from: chapter.id, to: home.id })
        continue
      }
      errors.push({
        field: event.date < chapter.start_date ? 'start_date' : 'end_date',
        message: `No chapter would hold “${event.headline}” (${event.date}): the chapter “${chapter.title || chapter.id}” would run ${chapter.start_date} to ${chapter.end_date}, and no other covers that day. Keep the day inside a chapter.`,
      })
    }
  }
  return { moved, errors }
}

/**
 * The order to write the changes in: changes that keep their position first, then each move into
 * a position no other chapter holds at that moment. Null when the moves go round in a circle
 * (two chapters swapping positions), which one batch cannot do.
 */
function ordered(writes: ChapterWrite[], current: readonly ChapterState[]): ChapterWrite[] | null {
  const held = new Map(current.map((c) => [c.position, c.id]))
  const positionOf = new Map(current.map((c) => [c.id, c.position]))
  const moves = writes.filter(
    (w) =>
      w.create || (w.fields.position !== undefined && w.fields.position !== positionOf.get(w.id)),
  )
  const result = writes.filter((w) => !moves.includes(w))
  const pending = [...moves]
  while (pending.length) {
    const i = pending.findIndex((w) => {
      const holder = held.get(Number(w.fields.position))
      return holder === undefined || holder === w.id
    })
    if (i < 0) return null
    const [w] = pending.splice(i, 1)
    const from = positionOf.get(w!.id)
    if (from !== undefined) held.delete(from)
    held.set(Number(w!.fields.position), w!.id)
    result.push(w!)
  }
  return result
}

/** PATCH /api/v1/admin/chapters: several chapters in one write (see the file's header). */
export async function patchChapters(
  c: Context<AdminEnv>,
  changes: readonly ChapterChange[],
): Promise<Response> {
  // `deleted` true is a delete and false a restore, each gated as its own route is (admin/roles.ts).
  for (const [flag, action] of [
    [true, 'delete'],
    [false, 'restore'],
  ] as const) {
    const refused = changes.some((change) => change.deleted === flag) && refuseUnless(c, action)
    if (refused) return refused
  }
  const header = c.req.header('If-Match')
  if (!header) {
    return problem(
      c,
      'if-match-required',
      'Send the ETag of GET /api/v1/admin/chapters in If-Match, so no one else’s change to the chapters is overwritten.',
    )
  }
  const db = c.env.DB
  const [state, current] = await Promise.all([listState(db), listChapterStates(db)])
  const etag = await etagOf(state)
  if (header.trim() !== etag) {
    return problem(
      c,
      'stale-version',
      'The chapters changed after you read them (or If-Match is not the list’s ETag). Read GET /api/v1/admin/chapters again and redo your change.',
    )
  }

  const errors: FieldError[] = []
  const ids = changes.map((change) => change.id)
  const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]
  if (twice.length) {
    errors.push({ field: 'chapters', message: `A chapter is listed twice: ${twice.join(', ')}.` })
  }
  const now = new Date().toISOString()
  const byId = new Map(current.map((chapter) => [chapter.id, chapter]))
  const after = new Map(byId)
  const writes: ChapterWrite[] = []
  changes.forEach((change, i) => {
    const { id, deleted, ...fields } = change
    const existing = byId.get(id)
    const row: Row = { ...fields }
    if (deleted !== undefined) row.deleted_at = deleted ? (existing?.deleted_at ?? now) : null
    if (!existing) {
      if (deleted) {
        errors.push({
          field: `chapters.${i}.deleted`,
          message: `There is no chapter "${id}" to delete.`,
        })
        return
      }
      const parsed = parseBody(CREATE.chapters, { id, ...fields })
      errors.push(
        ...parsed.errors.map((e) => ({
          field: `chapters.${i}.${e.field}`,
          message: `A new chapter needs id, position, title, dek, start_date and end_date: ${e.message}`,
        })),
      )
      if (!parsed.data) return
      after.set(id, {
        version: 1,
        deleted_at: null,
        ...(parsed.data as Omit<ChapterState, 'version' | 'deleted_at'>),
      })
      writes.push({ id, create: true, fields: { ...parsed.data } })
      return
    }
    after.set(id, { ...existing, ...(row as Partial<ChapterState>) })
    writes.push({ id, create: false, fields: row })
  })
  if (errors.length) return invalid(c, errors)

  const chapters = [...after.values()]
  errors.push(...partitionErrors(chapters))
  if (errors.length) return invalid(c, errors)
  const crossed = await eventsToMove(
    db,
    changes.map((change) => after.get(change.id)!),
    chapters,
  )
  if (crossed.errors.length) return invalid(c, crossed.errors)
  for (const change of changes.filter(
    (ch) => ch.deleted === true && byId.get(ch.id)?.deleted_at === null,
  )) {
    const users = await findUsers(db, 'chapters', change.id)
    if (users.length) {
      return problem(
        c,
        'in-use',
        `The chapter "${change.id}" holds live events: ${users
          .map((u) => `${String(u.id)} (${u.title})`)
          .join('; ')}. Move them to another chapter first.`,
        { used_by: users },
      )
    }
  }
  const order = ordered(writes, current)
  if (!order) {
    return invalid(c, [
      {
        field: 'chapters',
        message:
          'The new positions go round in a circle (chapters swapping places), which one write cannot do without two chapters sharing a position: give one of them an unused position first.',
      },
    ])
  }
  try {
    // Above every position held now and every position the write gives, so a new chapter held
    // there for a moment never stands in the way of a chapter moving up.
    const spare =
      Math.max(
        0,
        ...current.map((ch) => ch.position),
        ...order.map((w) => Number(w.fields.position ?? 0)),
      ) + 1
    await writeChapters(db, state, order, c.get('editor'), {
      moved: crossed.moved,
      current,
      spare,
    })
  } catch (err) {
    const response = writeErrorResponse(c, err)
    if (!response) throw err
    if (response.status === 412) {
      return problem(
        c,
        'stale-version',
        'The chapters changed while you wrote. Read GET /api/v1/admin/chapters again and redo your change.',
      )
    }
    return response
  }
  return sendChapterList(c, crossed.moved)
}
