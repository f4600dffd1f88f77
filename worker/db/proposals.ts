// SQL for proposals (migrations/0019_proposals.sql): a writer's change to what readers see, kept
// for a publisher to apply or decline. Every value is bound; identifiers come from the registry.
import { type EditableTable } from '../data/tables'
import type { Db } from './sql'
import { PUBLIC_EVENT_IDS, publicIdsOf, type UsedTable } from './visibility'

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`

/** What becomes of a proposal. */
export const PROPOSAL_STATUSES = ['open', 'applied', 'declined', 'withdrawn'] as const
/** One of {@link PROPOSAL_STATUSES}. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

/** A proposal as stored (`body` parsed). */
export interface Proposal {
  id: number
  table_name: EditableTable
  /** The row the change is for, or null for a proposed new row. */
  row_id: string | null
  event_id: string | null
  /** The row's version the writer read; null for a new row. */
  base_version: number | null
  /** A JSON merge patch (RFC 7396) of the row, or a new row's fields, as the write API took it. */
  body: Record<string, unknown>
  proposed_by: string
  proposed_at: string
  status: ProposalStatus
  decided_by: string | null
  decided_at: string | null
  reason: string | null
}

const COLUMNS = `id, table_name, row_id, event_id, base_version, body, proposed_by, proposed_at,
  status, decided_by, decided_at, reason`

type Stored = Omit<Proposal, 'body'> & { body: string }
const parsed = (row: Stored): Proposal => ({
  ...row,
  body: JSON.parse(row.body) as Proposal['body'],
})

/** Stores a writer's proposal; the stored row. */
export async function insertProposal(
  db: Db,
  p: Pick<
    Proposal,
    'table_name' | 'row_id' | 'event_id' | 'base_version' | 'body' | 'proposed_by'
  > & {
    token_id: number
  },
): Promise<Proposal> {
  const row = await db
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
    .first<Stored>()
  return parsed(row!)
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

/** Whether event `id` is public now (published, not deleted, its chapter and category live). */
export async function eventIsPublicNow(db: Db, id: string): Promise<boolean> {
  const row = await db
    .prepare(`SELECT 1 AS yes WHERE ? IN (${PUBLIC_EVENT_IDS})`)
    .bind(id)
    .first<{ yes: number }>()
  return row !== null
}

/** Whether a place, actor or outlet is public now (a public event uses it: visibility.ts). */
export async function usedRowIsPublicNow(db: Db, table: UsedTable, id: string): Promise<boolean> {
  const row = await db
    .prepare(`SELECT 1 AS yes WHERE ? IN (${publicIdsOf(table)})`)
    .bind(id)
    .first<{ yes: number }>()
  return row !== null
}

/** Opens again a proposal whose apply was refused (the claim undone). */
export async function reopenProposal(db: Db, id: number): Promise<void> {
  await db
    .prepare(
      `UPDATE proposals SET status = 'open', decided_by = NULL, decided_at = NULL WHERE id = ?`,
    )
    .bind(id)
    .run()
}
