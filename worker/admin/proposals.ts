// The one rule of what a writer's token may write at once, and what it proposes instead. A writer
// creates and edits drafts freely; a change readers and partners would see at once is stored as a
// proposal (db/proposals.ts) for a publisher to apply or decline:
// - an event that is published, deleted or not (a restore brings it back as it is): its own fields
//   and its links;
// - a figure, quote or note of a published event (before or after the change);
// - a place, actor or outlet a published event uses (db/visibility.ts's rule).
// The rule is SQL (db/proposals.ts, seenSql): read before the write to keep it as a proposal, and
// its negation guards the writer's write in the same transaction, so a publish in between cannot
// let the write through.
// A new place, actor or outlet is used by no public event yet, so it is written at once, as is
// anything of a draft. Chapters, categories and the story row have no draft at all: only a
// publisher writes them (roles.ts, the `structure` and `story` actions).
import type { Context } from 'hono'
import type { EditableTable } from '../data/tables'
import type { Row } from '../db/admin'
import type { IdempotencyRecord } from '../db/admin-writes'
import { insertProposal, type Proposal } from '../db/proposals'
import type { AdminEnv } from './types'

/** Where proposals live in the write API. */
export const PROPOSALS_PATH = '/api/v1/admin/proposals'

/** A proposal as the write API answers with it: the stored row and where it lives. */
export const proposalBody = (p: Proposal) => ({ ...p, url: `${PROPOSALS_PATH}/${p.id}` })

/**
 * Stores the writer's change as a proposal and answers 202 Accepted with it (Location: the
 * proposal). `body` is what the write would change: a JSON merge patch, or a new row's fields.
 */
export async function propose(
  c: Context<AdminEnv>,
  table: EditableTable,
  row: { id: string | number; version: number; eventId: string | null } | null,
  body: Row,
  eventId: string | null,
  idempotency?: IdempotencyRecord,
): Promise<Response> {
  const answer = (p: Proposal) =>
    JSON.stringify({
      ...proposalBody(p),
      message:
        'Readers would see this change at once, so it is kept as a proposal: a publisher applies or declines it. Nothing is changed yet.',
    })
  const proposal = await insertProposal(
    c.env.DB,
    {
      table_name: table,
      row_id: row ? String(row.id) : null,
      event_id: row?.eventId ?? eventId,
      base_version: row?.version ?? null,
      body,
      proposed_by: c.get('editor'),
      token_id: c.get('tokenId'),
    },
    idempotency,
    answer,
  )
  c.header('Location', `${PROPOSALS_PATH}/${proposal.id}`)
  return c.body(answer(proposal), 202, { 'Content-Type': 'application/json' })
}

/** The event a row of `table` belongs to (its own id for an event), or null. */
export function eventOf(table: EditableTable, row: Row): string | null {
  if (table === 'events') return typeof row.id === 'string' ? row.id : null
  return typeof row.event_id === 'string' ? row.event_id : null
}
