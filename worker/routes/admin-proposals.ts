// The write API's proposals (admin/proposals.ts has the rule of which writes are kept): list and
// read them, and decide. Applying writes the change through the same path as any write (checks,
// If-Match at the version the writer read, revisions by the triggers), as the publisher's write
// with the writer's name beside it; declining and withdrawing write nothing.
import type { Context } from 'hono'
import { rowKey } from '../admin/formats'
import { proposalBody } from '../admin/proposals'
import { may } from '../admin/roles'
import type { AdminEnv } from '../admin/types'
import { EVENT_LINKS } from '../data/tables'
import type { Row } from '../db/admin'
import type { LinkLists } from '../db/admin-writes'
import {
  closeProposal,
  getProposal,
  listProposals,
  reopenProposal,
  type Proposal,
} from '../db/proposals'
import { problem } from '../lib/problem'
import { validOf } from './admin-api'
import { insertChecked } from './admin-create'
import { ProposalsQuery } from './admin-routes'
import { ProposalDeclineSchema } from './admin-schemas'
import { changeRow } from './admin-rows'

const idOf = (c: Context<AdminEnv>) => Number(c.req.param('id'))

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
  const p = await getProposal(c.env.DB, idOf(c))
  return p ? c.json(proposalBody(p)) : notFound(c)
}

/**
 * POST /proposals/{id}/apply: claims the open proposal (so two publishers cannot apply it twice),
 * writes it, and reopens it when the write is refused (412 when the row changed since it was
 * proposed, 422 when a rule refuses it now).
 */
export async function applyProposal(c: Context<AdminEnv>) {
  const db = c.env.DB
  const p = await getProposal(db, idOf(c))
  if (!p) return notFound(c)
  const publisher = c.get('editor')
  if (!(await closeProposal(db, p.id, 'applied', publisher, null))) {
    return closed(c, (await getProposal(db, p.id))!)
  }
  const how = { actor: `${publisher} (proposed by ${p.proposed_by})`, proposeIfSeen: false }
  let res: Response
  try {
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
      if (id === null) throw new Error(`proposal ${p.id} names no row`)
      res = await changeRow(c, p.table_name, id, p.base_version, changes, links, how)
    }
  } catch (err) {
    await reopenProposal(db, p.id)
    throw err
  }
  if (res.status >= 300) {
    await reopenProposal(db, p.id)
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
  const p = await getProposal(db, idOf(c))
  if (!p) return notFound(c)
  if (
    status === 'withdrawn' &&
    p.proposed_by !== c.get('editor') &&
    !may(c.get('role'), 'decide')
  ) {
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
