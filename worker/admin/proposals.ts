// The one rule of what a writer's token may write at once, and what it proposes instead. A writer
// creates and edits drafts freely; a change readers and partners would see at once is stored as a
// proposal (db/proposals.ts) for a publisher to apply or decline:
// - an event that is public now (its own fields and its links);
// - a figure, quote or note of an event that is public now (before or after the change);
// - a place, actor or outlet a public event uses (db/visibility.ts says which).
// A new place, actor or outlet is used by no public event yet, so it is written at once, as is
// anything of a draft. Chapters, categories and the story row have no draft at all: only a
// publisher writes them (roles.ts, the `structure` and `story` actions).
import type { Context } from 'hono'
import type { EditableTable } from '../data/tables'
import type { Row } from '../db/admin'
import {
  eventIsPublicNow,
  insertProposal,
  usedRowIsPublicNow,
  type Proposal,
} from '../db/proposals'
import type { Db } from '../db/sql'
import type { AdminEnv } from './types'

/** Where proposals live in the write API. */
export const PROPOSALS_PATH = '/api/v1/admin/proposals'

/**
 * Whether a write of `table` from `before` (null for a new row) to `after` changes what readers
 * see at once: the rule above. Reads the database (an event's or a row's public state now).
 */
export async function seenAtOnce(
  db: Db,
  table: EditableTable,
  before: Row | null,
  after: Row,
): Promise<boolean> {
  switch (table) {
    case 'events':
      return before !== null && (await eventIsPublicNow(db, String(before.id)))
    case 'figures':
    case 'quotes':
    case 'notes': {
      const events = new Set(
        [before?.event_id, after.event_id].filter((e): e is string => typeof e === 'string'),
      )
      for (const event of events) if (await eventIsPublicNow(db, event)) return true
      return false
    }
    case 'places':
    case 'actors':
    case 'outlets':
      return before !== null && (await usedRowIsPublicNow(db, table, String(before.id)))
    case 'chapters':
    case 'categories':
      return true
  }
}

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
): Promise<Response> {
  const proposal = await insertProposal(c.env.DB, {
    table_name: table,
    row_id: row ? String(row.id) : null,
    event_id: row?.eventId ?? eventId,
    base_version: row?.version ?? null,
    body,
    proposed_by: c.get('editor'),
    token_id: c.get('tokenId'),
  })
  c.header('Location', `${PROPOSALS_PATH}/${proposal.id}`)
  return c.json(
    {
      ...proposalBody(proposal),
      message:
        'Readers would see this change at once, so it is kept as a proposal: a publisher applies or declines it. Nothing is changed yet.',
    },
    202,
  )
}

/** The event a row of `table` belongs to (its own id for an event), or null. */
export function eventOf(table: EditableTable, row: Row): string | null {
  if (table === 'events') return typeof row.id === 'string' ? row.id : null
  return typeof row.event_id === 'string' ? row.event_id : null
}
