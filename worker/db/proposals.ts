// SQL for proposals (migrations/0019_proposals.sql): a writer's change to what readers see, kept
// for a publisher to apply or decline. Every value is bound; identifiers come from the registry.
import { type EditableTable } from '../data/tables'
import type { Row } from './admin'
import type { Guard, IdempotencyRecord } from './admin-writes'
import { JSON_LIST, type Db } from './sql'
import { publicIdsOf } from './visibility'
import type { ProposalStatus } from '../data/values'
import type { Proposal } from '../model'

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`

export { PROPOSAL_STATUSES, type ProposalStatus } from '../data/values'
export type { Proposal } from '../model'

const COLUMNS = `id, table_name, row_id, event_id, base_version, body, proposed_by, token_id,
  proposed_at, status, decided_by, decided_at, reason`

type Stored = Omit<Proposal, 'body'> & { body: string }
const parsed = (row: Stored): Proposal => ({
  ...row,
  body: JSON.parse(row.body) as Proposal['body'],
})

/**
 * Stores a writer's proposal; the stored row. With an idempotency record (a create sent with an
 * Idempotency-Key), the key is stored first in the same transaction, so of two requests racing
 * with one key the second fails on the key; `answer` (the response to replay) is stored with it.
 */
export async function insertProposal(
  db: Db,
  p: Pick<
    Proposal,
    'table_name' | 'row_id' | 'event_id' | 'base_version' | 'body' | 'proposed_by'
  > & {
    token_id: number
  },
  idempotency?: IdempotencyRecord,
  answer?: (proposal: Proposal) => string,
): Promise<Proposal> {
  const insert = db
    .prepare(
      `INSERT INTO proposals (table_name, row_id, event_id, base_version, body, proposed_by, token_id)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    )
    .bind(
      p.table_name,
      p.row_id,
      p.event_id,
      p.base_version,
      JSON.stringify(p.body),
      p.proposed_by,
      p.token_id,
    )
  if (!idempotency) return parsed((await insert.first<Stored>())!)
  const [, inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO idempotency_keys (editor, key, method, path, request_hash, status, resource)
         VALUES (?, ?, ?, ?, ?, 202, '')`,
      )
      .bind(
        idempotency.editor,
        idempotency.key,
        idempotency.method,
        idempotency.path,
        idempotency.request_hash,
      ),
    insert,
    db
      .prepare(
        `UPDATE idempotency_keys SET resource = 'proposals/' || last_insert_rowid()
          WHERE editor = ? AND key = ?`,
      )
      .bind(idempotency.editor, idempotency.key),
  ])
  const proposal = parsed(inserted!.results[0] as Stored)
  if (answer) {
    await db
      .prepare('UPDATE idempotency_keys SET response = ? WHERE editor = ? AND key = ?')
      .bind(answer(proposal), idempotency.editor, idempotency.key)
      .run()
  }
  return proposal
}

/** One proposal, or null. */
export async function getProposal(db: Db, id: number): Promise<Proposal | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM proposals WHERE id = ?`)
    .bind(id)
    .first<Stored>()
  return row ? parsed(row) : null
}

/** Proposals, newest first, by status and event (either may be left out); at most `limit`. */
export async function listProposals(
  db: Db,
  filter: { status?: ProposalStatus; event?: string },
  limit: number,
): Promise<Proposal[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM proposals
        WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR event_id = ?2)
        ORDER BY id DESC LIMIT ?3`,
    )
    .bind(filter.status ?? null, filter.event ?? null, limit)
    .all<Stored>()
  return results.map(parsed)
}

/**
 * Closes an open proposal as `status` by `editor` (with the publisher's `reason` for a decline);
 * false when it was not open any more (someone else closed it first).
 */
export async function closeProposal(
  db: Db,
  id: number,
  status: Exclude<ProposalStatus, 'open'>,
  editor: string,
  reason: string | null,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE proposals SET status = ?, decided_by = ?, decided_at = ${NOW}, reason = ?
        WHERE id = ? AND status = 'open'`,
    )
    .bind(status, editor, reason, id)
    .run()
  return result.meta.changes === 1
}

/**
 * The events a change to which readers see, now or on a restore: every published event, deleted
 * or not (restoring a deleted event brings it back as it is, with whatever was written meanwhile).
 */
const PUBLISHED_EVENT_IDS = `SELECT se.id FROM events se WHERE se.status = 'published'`

/**
 * SQL that is 1 when a write of `table` from `before` (null for a new row) to `after` changes what
 * readers see (now, or on a restore), with its binds; the one rule admin/proposals.ts states:
 * - an event: it is published (a new event is always a draft);
 * - a figure, quote or note: its event, before or after the change, is published;
 * - a place, actor or outlet: a published event uses it (visibility.ts's rule, with published
 *   events deleted or not); a new one is used by none;
 * - a chapter or category: always (they have no draft).
 * Read before a writer's write (to keep it as a proposal), and its negation guards the write
 * itself, in the same transaction, so a publish between the two cannot let it through.
 */
export function seenSql(table: EditableTable, before: Row | null, after: Row): Guard {
  switch (table) {
    case 'events':
      return before === null
        ? { sql: '0', binds: [] }
        : { sql: `? IN (${PUBLISHED_EVENT_IDS})`, binds: [String(before.id)] }
    case 'figures':
    case 'quotes':
    case 'notes': {
      const events = [
        ...new Set(
          [before?.event_id, after.event_id].filter((e): e is string => typeof e === 'string'),
        ),
      ]
      return {
        sql: `EXISTS (SELECT 1 FROM events se WHERE se.status = 'published' AND se.id IN (${JSON_LIST}))`,
        binds: [JSON.stringify(events)],
      }
    }
    case 'places':
    case 'actors':
    case 'outlets':
      return before === null
        ? { sql: '0', binds: [] }
        : {
            sql: `? IN (${publicIdsOf(table, PUBLISHED_EVENT_IDS)})`,
            binds: [String(before.id)],
          }
    case 'chapters':
    case 'categories':
      return { sql: '1', binds: [] }
  }
}

/** Whether the write seenSql describes changes what readers see, read now. */
export async function isSeen(db: Db, seen: Guard): Promise<boolean> {
  const row = await db
    .prepare(`SELECT (${seen.sql}) AS seen`)
    .bind(...seen.binds)
    .first<{ seen: number }>()
  return row?.seen === 1
}

/** The guard of a writer's write judged unseen: still unseen when it is written. */
export const unseen = (seen: Guard): Guard => ({ sql: `NOT (${seen.sql})`, binds: seen.binds })

/** The guard of applying proposal `id`: it is still open (two publishers cannot apply it twice). */
export const stillOpen = (id: number): Guard => ({
  sql: `(SELECT status FROM proposals WHERE id = ?) = 'open'`,
  binds: [id],
})

/** The statement that closes proposal `id` as applied by `editor`, in the write that applies it. */
export function appliedBy(db: Db, id: number, editor: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE proposals SET status = 'applied', decided_by = ?, decided_at = ${NOW} WHERE id = ?`,
    )
    .bind(editor, id)
}
