// Proposals: a writer's change that readers would see at once (a published event, its rows, a
// place a published event uses) is kept for a publisher, who applies it (written with both names
// in the revisions) or declines it; drafts and new places are written at once; chapters and
// categories are a publisher's alone.
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { updateRow } from '../../worker/db/admin-writes'
import { isSeen, seenSql, unseen } from '../../worker/db/proposals'
import { adminCall, adminJson, etagOf, registerEditor, type Editor } from './admin-client'
import { expectProblem } from './api-client'

const EVENT = '2022-07-19-vod-white-shark-channel'

interface Proposal {
  id: number
  table_name: string
  row_id: string | null
  event_id: string | null
  base_version: number | null
  body: Record<string, unknown>
  proposed_by: string
  status: string
  decided_by: string | null
  reason: string | null
  url: string
  message?: string
}

let writer: Editor
let other: Editor
let publisher: Editor
beforeAll(async () => {
  writer = await registerEditor('Proposing writer', 'writer')
  other = await registerEditor('Another writer', 'writer')
  publisher = await registerEditor('Deciding publisher', 'publisher')
})

const publicHeadline = async (id: string) => {
  const res = await exports.default.fetch(`http://example.com/api/v1/events/${id}`, {
    headers: {
      'CF-Connecting-IP': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
  })
  return ((await res.json()) as { data: { headline: string } }).data.headline
}
const dataVersion = async () =>
  (await env.DB.prepare('SELECT data_version AS v FROM story').first<{ v: number }>())!.v

describe('a writer’s change to a published event', () => {
  let proposal: Proposal
  const headline = 'A headline a writer proposed'

  it('is kept as a proposal (202): nothing public moves', async () => {
    const before = await publicHeadline(EVENT)
    const version = await dataVersion()
    const res = await adminCall(writer, 'PATCH', `/api/v1/admin/events/${EVENT}`, {
      body: { headline },
      ifMatch: await etagOf(writer, 'events', EVENT),
    })
    expect(res.status).toBe(202)
    proposal = (await res.json()) as Proposal
    expect(res.headers.get('Location')).toBe(`/api/v1/admin/proposals/${proposal.id}`)
    expect(proposal).toMatchObject({
      table_name: 'events',
      row_id: EVENT,
      event_id: EVENT,
      body: { headline },
      proposed_by: 'Proposing writer',
      status: 'open',
    })
    expect(proposal.message).toMatch(/kept as a proposal: a publisher applies or declines it/)
    expect(await publicHeadline(EVENT)).toBe(before)
    expect(await dataVersion()).toBe(version)
    const { data } = await adminJson<{ data: Proposal[] }>(
      publisher,
      'GET',
      `/api/v1/admin/proposals?status=open&event=${EVENT}`,
      200,
    )
    expect(data.map((p) => p.id)).toContain(proposal.id)
  })

  it('a writer may not apply it; a publisher applies it, recorded with both names', async () => {
    const refused = await adminCall(writer, 'POST', `/api/v1/admin/proposals/${proposal.id}/apply`)
    await expectProblem(refused, 403, 'forbidden')
    const applied = await adminJson<Proposal>(
      publisher,
      'POST',
      `/api/v1/admin/proposals/${proposal.id}/apply`,
      200,
    )
    expect(applied).toMatchObject({ status: 'applied', decided_by: 'Deciding publisher' })
    expect(await publicHeadline(EVENT)).toBe(headline)
    const revision = await env.DB.prepare(
      "SELECT actor FROM revisions WHERE table_name = 'events' AND row_id = ? ORDER BY id DESC LIMIT 1",
    )
      .bind(EVENT)
      .first<{ actor: string }>()
    expect(revision!.actor).toBe('Deciding publisher (proposed by Proposing writer)')
    // Once applied, it is closed: a second apply writes nothing.
    const again = await adminCall(publisher, 'POST', `/api/v1/admin/proposals/${proposal.id}/apply`)
    const problem = await expectProblem(again, 409, 'conflict')
    expect(problem.detail).toMatch(/was applied by Deciding publisher/)
  })

  it('is refused at apply time when the row moved on, and stays open to be declined with a reason', async () => {
    const res = await adminCall(writer, 'PATCH', `/api/v1/admin/events/${EVENT}`, {
      body: { summary: 'A summary a writer proposed.' },
      ifMatch: await etagOf(writer, 'events', EVENT),
    })
    expect(res.status).toBe(202)
    const stale = (await res.json()) as Proposal
    await adminJson(publisher, 'PATCH', `/api/v1/admin/events/${EVENT}`, 200, {
      body: { headline: 'A publisher’s own headline' },
      ifMatch: await etagOf(publisher, 'events', EVENT),
    })
    const applied = await adminCall(publisher, 'POST', `/api/v1/admin/proposals/${stale.id}/apply`)
    const problem = await expectProblem(applied, 412, 'stale-version')
    expect(problem.detail).toMatch(/changed after Proposing writer proposed this/)
    const open = await adminJson<Proposal>(
      publisher,
      'GET',
      `/api/v1/admin/proposals/${stale.id}`,
      200,
    )
    expect(open.status).toBe('open')
    const declined = await adminJson<Proposal>(
      publisher,
      'POST',
      `/api/v1/admin/proposals/${stale.id}/decline`,
      200,
      { body: { reason: 'The headline changed meanwhile; propose again.' } },
    )
    expect(declined).toMatchObject({
      status: 'declined',
      reason: 'The headline changed meanwhile; propose again.',
    })
  })

  it('is withdrawn by its writer only (or a publisher)', async () => {
    const res = await adminCall(writer, 'PATCH', `/api/v1/admin/events/${EVENT}`, {
      body: { summary: 'Another summary.' },
      ifMatch: await etagOf(writer, 'events', EVENT),
    })
    const mine = (await res.json()) as Proposal
    await expectProblem(
      await adminCall(other, 'POST', `/api/v1/admin/proposals/${mine.id}/withdraw`),
      403,
      'forbidden',
    )
    const withdrawn = await adminJson<Proposal>(
      writer,
      'POST',
      `/api/v1/admin/proposals/${mine.id}/withdraw`,
      200,
    )
    expect(withdrawn.status).toBe('withdrawn')
  })
})

describe('what a writer writes at once, and what it proposes', () => {
  it('writes a draft, a new place and a figure of a draft at once; proposes a figure of a published event', async () => {
    const draft = '2022-10-22-proposals-draft'
    await adminJson(writer, 'POST', '/api/v1/admin/events', 201, {
      body: {
        id: draft,
        date: '2022-10-22',
        headline: 'A writer’s draft',
        summary: 'Drafts are the writer’s own.',
        category: 'enforcement',
        chapter: 'crackdown',
      },
    })
    await adminJson(writer, 'PATCH', `/api/v1/admin/events/${draft}`, 200, {
      body: { headline: 'A writer’s draft, retitled' },
      ifMatch: await etagOf(writer, 'events', draft),
    })
    await adminJson(writer, 'POST', '/api/v1/admin/places', 201, {
      body: { id: 'proposals-new-site', name: 'A new site', kind: 'site', parent_id: 'kandal' },
    })
    // No published event uses it yet: a writer's change to it is written at once too.
    await adminJson(writer, 'PATCH', '/api/v1/admin/places/proposals-new-site', 200, {
      body: { name: 'A new site, renamed' },
      ifMatch: await etagOf(writer, 'places', 'proposals-new-site'),
    })
    const figure = {
      value: 12,
      qualifier: 'about',
      unit: 'people',
      measure: 'rescued',
      display: 'about 12 people rescued',
    }
    await adminJson(writer, 'POST', '/api/v1/admin/figures', 201, {
      body: { event_id: draft, ...figure },
    })
    const proposed = await adminJson<Proposal>(writer, 'POST', '/api/v1/admin/figures', 202, {
      body: { event_id: EVENT, ...figure },
    })
    expect(proposed).toMatchObject({ table_name: 'figures', row_id: null, event_id: EVENT })
    const count = async () =>
      (await env.DB.prepare(
        'SELECT count(*) AS n FROM figures WHERE event_id = ? AND deleted_at IS NULL',
      )
        .bind(EVENT)
        .first<{ n: number }>())!.n
    const before = await count()
    await adminJson(publisher, 'POST', `/api/v1/admin/proposals/${proposed.id}/apply`, 200)
    expect(await count()).toBe(before + 1)
  })

  it('proposes a change to a place a published event uses', async () => {
    const res = await adminCall(writer, 'PATCH', '/api/v1/admin/places/kandal', {
      body: { name: 'Kandal province' },
      ifMatch: await etagOf(writer, 'places', 'kandal'),
    })
    expect(res.status).toBe(202)
    await res.arrayBuffer()
  })

  it('leaves chapters and categories to publishers', async () => {
    for (const [method, path, body] of [
      ['PATCH', '/api/v1/admin/chapters/crackdown', { title: 'A writer’s title' }],
      ['POST', '/api/v1/admin/categories', { id: 'a-writer-category', label: 'A', position: 60 }],
    ] as const) {
      const res = await adminCall(writer, method, path, {
        body,
        ...(method === 'PATCH' ? { ifMatch: await etagOf(writer, 'chapters', 'crackdown') } : {}),
      })
      const problem = await expectProblem(res, 403, 'forbidden')
      expect(problem.detail).toMatch(/may not create or change chapters and categories/)
    }
  })
})

describe('what the attack on proposals found, held', () => {
  it('holds the rule in the write itself: a write judged unseen fails if the event is published meanwhile', async () => {
    const draft = '2022-10-23-proposals-race'
    await adminJson(writer, 'POST', '/api/v1/admin/events', 201, {
      body: {
        id: draft,
        date: '2022-10-23',
        headline: 'A draft about to be published',
        summary: 'Published between a writer’s check and write.',
        category: 'enforcement',
        chapter: 'crackdown',
      },
    })
    const figure = await adminJson<{ id: number; version: number }>(
      writer,
      'POST',
      '/api/v1/admin/figures',
      201,
      {
        body: {
          event_id: draft,
          value: 3,
          qualifier: 'exactly',
          unit: 'people',
          measure: 'rescued',
          display: '3 people rescued',
        },
      },
    )
    const row = { id: figure.id, event_id: draft }
    const seen = seenSql('figures', row, row)
    // The check a writer's write makes first: unseen while the event is a draft.
    expect(await isSeen(env.DB, seen)).toBe(false)
    await env.DB.prepare("UPDATE events SET status = 'published' WHERE id = ?").bind(draft).run()
    await expect(
      updateRow(
        env.DB,
        'figures',
        figure.id,
        figure.version,
        { display: '4 people' },
        'w',
        {},
        {
          guard: unseen(seen),
        },
      ),
    ).rejects.toThrow(/stale_version/)
    // Through the API the same write is kept as a proposal.
    const res = await adminCall(writer, 'PATCH', `/api/v1/admin/figures/${figure.id}`, {
      body: { display: '4 people rescued' },
      ifMatch: await etagOf(writer, 'figures', figure.id),
    })
    expect(res.status).toBe(202)
    await res.arrayBuffer()
  })

  it('counts a deleted published event as published: a writer’s change is proposed, not kept for a restore', async () => {
    const event = '2022-08-16-taiwanese-police-stranded-estimate'
    await adminJson(publisher, 'DELETE', `/api/v1/admin/events/${event}`, 200, {
      ifMatch: await etagOf(publisher, 'events', event),
    })
    const res = await adminCall(writer, 'PATCH', `/api/v1/admin/events/${event}`, {
      body: { headline: 'A writer on a deleted event' },
      ifMatch: await etagOf(writer, 'events', event),
    })
    expect(res.status).toBe(202)
    await res.arrayBuffer()
    await adminJson(publisher, 'POST', `/api/v1/admin/events/${event}/restore`, 200, {
      ifMatch: await etagOf(publisher, 'events', event),
    })
    expect(await publicHeadline(event)).not.toBe('A writer on a deleted event')
  })

  it('does not propose a change that changes nothing, and replays a proposal for its Idempotency-Key', async () => {
    const current = await adminJson<{ headline: string }>(
      writer,
      'GET',
      `/api/v1/admin/events/${EVENT}`,
      200,
    )
    const same = await adminCall(writer, 'PATCH', `/api/v1/admin/events/${EVENT}`, {
      body: { headline: current.headline },
      ifMatch: current.__etag!,
    })
    expect(same.status).toBe(200)
    await same.arrayBuffer()
    const note = { event_id: EVENT, kind: 'context', text: 'A note sent twice with one key.' }
    const send = () =>
      adminCall(writer, 'POST', '/api/v1/admin/notes', {
        body: note,
        headers: { 'Idempotency-Key': `proposal-key-${crypto.randomUUID().slice(0, 8)}` },
      })
    const key = `proposal-key-${crypto.randomUUID()}`
    const again = () =>
      adminCall(writer, 'POST', '/api/v1/admin/notes', {
        body: note,
        headers: { 'Idempotency-Key': key },
      })
    const first = await again()
    const second = await again()
    expect([first.status, second.status]).toEqual([202, 202])
    expect(second.headers.get('Idempotent-Replayed')).toBe('true')
    const [a, b] = [(await first.json()) as Proposal, (await second.json()) as Proposal]
    expect(b.id).toBe(a.id)
    const other = await send()
    expect(((await other.json()) as Proposal).id).not.toBe(a.id)
  })

  it('addresses a proposal only by its whole-number id; a token of the same name cannot withdraw it', async () => {
    const res = await adminCall(writer, 'PATCH', `/api/v1/admin/events/${EVENT}`, {
      body: { summary: 'A summary to withdraw.' },
      ifMatch: await etagOf(writer, 'events', EVENT),
    })
    const p = (await res.json()) as Proposal
    for (const id of ['0x1', '1e0', `${p.id}.0`, ' 1']) {
      await expectProblem(
        await adminCall(publisher, 'GET', `/api/v1/admin/proposals/${encodeURIComponent(id)}`),
        404,
        'not-found',
      )
    }
    const twin = await registerEditor('Proposing writer', 'writer')
    await expectProblem(
      await adminCall(twin, 'POST', `/api/v1/admin/proposals/${p.id}/withdraw`),
      403,
      'forbidden',
    )
    const reason = await adminCall(publisher, 'POST', `/api/v1/admin/proposals/${p.id}/decline`, {
      body: { reason: 'Fine \u202E reversed' },
    })
    await expectProblem(reason, 422, 'invalid-body')
    await adminJson(writer, 'POST', `/api/v1/admin/proposals/${p.id}/withdraw`, 200, { body: {} })
  })
})
