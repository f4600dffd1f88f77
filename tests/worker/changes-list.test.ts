// The changes list (GET /api/v1/admin/revisions): every change across tables, newest first,
// whoever made it (two editors and raw SQL here), filtered by actor, table, event and time, a
// page at a time; a bad filter is a 422 naming the parameter, and each entry can be undone.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  adminCall,
  adminJson,
  etagOf,
  momentAfterNow,
  registerEditor,
  sql,
  type Editor,
} from './admin-client'

interface Revision {
  id: number
  table_name: string
  row_id: string
  event_id: string | null
  action: string
  actor: string
  at: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}
interface Page {
  data: Revision[]
  links: { next: string | null }
}

const EVENT = '2022-07-19-vod-white-shark-channel'
let first: Editor
let second: Editor
let start: string

beforeAll(async () => {
  first = await registerEditor('Changes Alpha')
  second = await registerEditor('Changes Beta')
  start = await momentAfterNow()
  await adminJson(first, 'PATCH', `/api/v1/admin/events/${EVENT}`, 200, {
    body: { headline: 'Changes list: first headline' },
    ifMatch: await etagOf(first, 'events', EVENT),
  })
  await adminJson(second, 'POST', '/api/v1/admin/places', 201, {
    body: {
      id: 'changes-list-town',
      name: 'Changes List Town',
      kind: 'city',
      latitude: 11.5,
      longitude: 104.9,
    },
  })
  await sql("UPDATE places SET name = 'Changes List Town (SQL)' WHERE id = 'changes-list-town'")
})

const list = (editor: Editor, query = '') =>
  adminJson<Page>(editor, 'GET', `/api/v1/admin/revisions${query}`, 200)

describe('GET /api/v1/admin/revisions', () => {
  it('lists every change across tables, newest first, with who made it', async () => {
    const { data } = await list(first, `?since=${start}`)
    const mine = data.map((r) => [r.table_name, r.row_id, r.actor])
    expect(mine).toEqual([
      ['places', 'changes-list-town', 'sql'],
      ['places', 'changes-list-town', 'Changes Beta'],
      ['events', EVENT, 'Changes Alpha'],
    ])
    expect(data[0]!.before).toMatchObject({ name: 'Changes List Town' })
    expect(data[0]!.after).toMatchObject({ name: 'Changes List Town (SQL)' })
    const ids = data.map((r) => r.id)
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)
  })

  it('filters by actor, table, event and time, combined', async () => {
    const byActor = await list(first, `?since=${start}&actor=${encodeURIComponent('Changes Beta')}`)
    expect(byActor.data.map((r) => r.actor)).toEqual(['Changes Beta'])
    const byTable = await list(first, `?since=${start}&table=events`)
    expect(byTable.data.map((r) => r.row_id)).toEqual([EVENT])
    const byEvent = await list(first, `?event=${EVENT}&since=${start}`)
    expect(byEvent.data.every((r) => r.event_id === EVENT)).toBe(true)
    expect(byEvent.data).toHaveLength(1)
    const bySql = await list(first, `?since=${start}&actor=sql`)
    expect(bySql.data.map((r) => r.row_id)).toEqual(['changes-list-town'])
    // An instant without milliseconds means its whole second's start, as stored text sorts
    // (…:57.473Z is after …:57Z): the list is the same as with the milliseconds written out.
    const second = start.replace(/\.\d{3}Z$/, 'Z')
    const whole = await list(first, `?since=${second}`)
    const exact = await list(first, `?since=${second.replace('Z', '.000Z')}`)
    expect(whole.data.map((r) => r.id)).toEqual(exact.data.map((r) => r.id))
    expect(whole.data.length).toBeGreaterThanOrEqual(3)
    const before = await list(first, `?until=${start}&table=events&limit=5`)
    expect(before.data.every((r) => r.at < start)).toBe(true)
  })

  it('pages with links.next, each page newest first, no entry twice', async () => {
    const seen: number[] = []
    let url: string | null = `?since=${start}&limit=1`
    while (url) {
      const page: Page = await list(first, url)
      expect(page.data.length).toBeLessThanOrEqual(1)
      seen.push(...page.data.map((r) => r.id))
      url = page.links.next ? new URL(page.links.next).search : null
    }
    expect(seen).toHaveLength(3)
    expect(new Set(seen).size).toBe(3)
    expect([...seen].sort((a, b) => b - a)).toEqual(seen)
  })

  it('refuses a bad filter with 422 naming it, and needs a token', async () => {
    for (const [query, field] of [
      ['?table=users', 'table'],
      ['?since=yesterday', 'since'],
      ['?limit=0', 'limit'],
      ['?limit=500', 'limit'],
      ['?before=-1', 'before'],
      ['?event=Not%20An%20Id', 'event'],
      ['?since=2026-13-45', 'since'],
      ['?until=2026-02-30', 'until'],
      ['?since=2026-12-01&until=2026-11-01', 'until'],
      // Unknown, blank and repeated parameters are refused too, never ignored.
      ['?bogus=1', 'bogus'],
      ['?actor=%20', 'actor'],
      ['?table=events&table=figures', 'table'],
    ] as const) {
      const res = await adminCall(first, 'GET', `/api/v1/admin/revisions${query}`)
      const body = (await res.json()) as { errors?: { field: string }[] }
      expect(res.status, query).toBe(422)
      expect(
        body.errors?.map((e) => e.field),
        query,
      ).toContain(field)
    }
    const anonymous = await adminCall(
      { token: 'yir_nobody', name: 'x' },
      'GET',
      '/api/v1/admin/revisions',
    )
    expect(anonymous.status).toBe(401)
  })

  it('an entry of the list can be undone by its id', async () => {
    const { data } = await list(first, `?since=${start}&actor=sql`)
    const res = await adminCall(
      first,
      'POST',
      `/api/v1/admin/revisions/${data[0]!.id}/restore?to=before`,
      {
        ifMatch: await etagOf(first, 'places', 'changes-list-town'),
      },
    )
    expect(res.status, await res.clone().text()).toBe(200)
    expect(((await res.json()) as { name: string }).name).toBe('Changes List Town')
  })
})
