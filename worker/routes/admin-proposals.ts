// The write API's proposals (admin/proposals.ts has the rule of which writes are kept): list and
// read them, and decide. Applying writes the change through the same path as any write (checks,
// If-Match at the version the writer read, revisions by the triggers), as the publisher's write
// with the writer's name beside it; declining and withdrawing write nothing.
import type { Context } from 'hono'
import { SERIAL_ID, rowKey } from '../admin/formats'
import { proposalBody } from '../admin/proposals'
import { may } from '../admin/roles'
import type { AdminEnv } from '../admin/types'
import { EVENT_LINKS } from '../data/tables'
import type { Row } from '../db/admin'
import type { LinkLists } from '../db/admin-writes'
import {
  appliedBy,
  closeProposal,
  getProposal,
  listProposals,
  stillOpen,
  type Proposal,
} from '../db/proposals'
import { problem } from '../lib/problem'
import { validOf } from './admin-api'
import { insertChecked } from './admin-create'
import { ProposalsQuery } from './admin-routes'
import { ProposalDeclineSchema } from './admin-schemas'
import { changeRow, type WriteHow } from './admin-rows'

/** The proposal the path names, or null (an id that is not a whole number names none). */
async function proposalOf(c: Context<AdminEnv>): Promise<Proposal | null> {
  const id = c.req.param('id') ?? ''
  return SERIAL_ID.test(id) ? getProposal(c.env.DB, Number(id)) : null
}

const notFound = (c: Context<AdminEnv>) =>
  problem(
    c,
    'not-found',
    `There is no proposal ${c.req.param('id') ?? ''}; GET /api/v1/admin/proposals lists them.`,
  )

/** The 409 for a proposal that is not open any more. */
const closed = (c: Context<AdminEnv>, p: Proposal) =>
  problem(
    c,
    'conflict',
    `This proposal was ${p.status} by ${p.decided_by ?? 'someone'} at ${p.decided_at ?? 'an earlier moment'}: nothing was written now.`,
  )

/** GET /proposals. */
export async function sendProposals(c: Context<AdminEnv>) {
  const query = validOf(c, 'query', ProposalsQuery)
  const data = await listProposals(c.env.DB, query, 200)
  return c.json({ data: data.map(proposalBody) })
}

/** GET /proposals/{id}. */
export async function sendProposal(c: Context<AdminEnv>) {
  const p = await proposalOf(c)
  return p ? c.json(proposalBody(p)) : notFound(c)
}

/**
 * POST /proposals/{id}/apply: writes the change through the same path as any write, at the version
 * the writer read, and closes the proposal in the same transaction, guarded by its being open: of
 * two publishers applying it at once, one writes and the other gets 409; a refused write (412 when
 * the row changed since, 422 when a rule refuses it now) leaves it open.
 */
export async function applyProposal(c: Context<AdminEnv>) {
  const db = c.env.DB
  const p = await proposalOf(c)
  if (!p) return notFound(c)
  if (p.status !== 'open') return closed(c, p)
  const publisher = c.get('editor')
  const how: WriteHow = {
    actor: `${publisher} (proposed by ${p.proposed_by})`,
    proposeIfSeen: false,
    terms: { guard: stillOpen(p.id), after: [appliedBy(db, p.id, publisher)] },
  }
  let res: Response
  if (p.row_id === null || p.base_version === null) {
    res = await insertChecked(c, p.table_name, p.body as Row, how)
  } else {
    const changes: Row = { ...p.body }
    const links: LinkLists = {}
    for (const link of EVENT_LINKS) {
      if (link in changes) {
        Object.assign(links, { [link]: changes[link] })
        delete changes[link]
      }
    }
    const id = rowKey(p.table_name, p.row_id)
    if (id === null) return notFound(c)
    res = await changeRow(c, p.table_name, id, p.base_version, changes, links, how)
  }
  if (res.status >= 300) {
    const now = (await getProposal(db, p.id))!
    // The guard that failed was the proposal's: someone closed it meanwhile.
    if (now.status !== 'open') return closed(c, now)
    if (res.status === 412) {
      return problem(
        c,
        'stale-version',
        `The ${p.table_name} row changed after ${p.proposed_by} proposed this, so it was not applied: decline it, and ${p.proposed_by} can propose again on the row as it is now.`,
      )
    }
    return res
  }
  // The write's own headers (the row's ETag and Location) are not this answer's.
  c.header('ETag', undefined)
  c.header('Location', undefined)
  return c.json(proposalBody((await getProposal(db, p.id))!))
}

/** POST /proposals/{id}/decline (a publisher) and /withdraw (its writer, or a publisher). */
export async function closeWithout(c: Context<AdminEnv>, status: 'declined' | 'withdrawn') {
  const db = c.env.DB
  const p = await proposalOf(c)
  if (!p) return notFound(c)
  // The token that proposed it (names may repeat), or a publisher.
  const own = p.token_id === c.get('tokenId')
  if (status === 'withdrawn' && !own && !may(c.get('role'), 'decide')) {
    return problem(
      c,
      'forbidden',
      `Only ${p.proposed_by}, who proposed it, or a publisher may withdraw this proposal.`,
    )
  }
  const reason =
    status === 'declined' ? (validOf(c, 'json', ProposalDeclineSchema)?.reason ?? null) : null
  if (!(await closeProposal(db, p.id, status, c.get('editor'), reason || null))) {
    return closed(c, (await getProposal(db, p.id))!)
  }
  return c.json(proposalBody((await getProposal(db, p.id))!))
}
