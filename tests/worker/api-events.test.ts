// GET /api/v1/events and /api/v1/events/{id} on the real dataset: filters, sort, sparse
// fieldsets, keyset paging with cursors that carry the filters, and text search.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Story, StoryEvent } from '../../worker/model'
import { encodeCursor } from '../../worker/lib/cursor'
import { expectProblem, get, getJson, pathOf, type ListBody } from './api-client'

const listOf = (query = '') => getJson<ListBody<StoryEvent>>(`/api/v1/events${query}`)
const idsOf = (body: ListBody<{ id: string }>) => body.data.map((e) => e.id)
const story = async () => (await getJson<{ data: Story }>('/api/v1/story')).data

/** The published events, counted straight from the database. */
let published = 0
beforeAll(async () => {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM events WHERE status = 'published' AND deleted_at IS NULL",
  ).first<{ n: number }>()
  published = row!.n
  expect(published).toBeGreaterThanOrEqual(41)
})

describe('GET /api/v1/events', () => {
  it('lists every published event, oldest first, as { data, links, meta }', async () => {
    const body = await listOf()
    expect(body.data).toHaveLength(published)
    const keys = body.data.map((e) => `${e.date} ${e.id}`)
    expect(keys).toEqual([...keys].sort())
    expect(body.links).toEqual({ self: 'http://example.com/api/v1/events', next: null })
    expect(body.meta).toMatchObject({ data_version: expect.any(Number), count: published })
    expect(Date.parse(body.meta.generated_at)).not.toBeNaN()
    expect(body.meta.source?.outlet).toContain('CamboJA')
    for (const e of body.data) {
      expect(Object.keys(e).sort(), e.id).toEqual(
        [
          'actors',
          'body',
          'body_html',
          'category',
          'chapter',
          'created_at',
          'date',
          'date_precision',
          'figures',
          'headline',
          'id',
          'notes',
          'outlets',
          'places',
          'quotes',
          'summary',
          'updated_at',
          'version',
        ].sort(),
      )
    }
  })

  it('sorts newest first with sort=-date', async () => {
    const asc = idsOf(await listOf())
    expect(idsOf(await listOf('?sort=-date'))).toEqual([...asc].reverse())
    expect(idsOf(await listOf('?sort=date'))).toEqual(asc)
  })

  it('filters by date range, inclusive at both ends', async () => {
    const all = (await listOf()).data
    const body = await listOf('?from=2022-09-19&to=2022-11-30')
    const expected = all.filter((e) => e.date >= '2022-09-19' && e.date <= '2022-11-30')
    expect(expected.length).toBeGreaterThan(3)
    expect(idsOf(body)).toEqual(expected.map((e) => e.id))
    expect(idsOf(await listOf('?from=2022-09-19&to=2022-09-19'))).toEqual(
      all.filter((e) => e.date === '2022-09-19').map((e) => e.id),
    )
  })

  it('filters by category, and a repeated parameter matches any of its values', async () => {
    const all = (await listOf()).data
    const enforcement = await listOf('?category=enforcement')
    expect(enforcement.data.length).toBe(all.filter((e) => e.category === 'enforcement').length)
    expect(enforcement.data.every((e) => e.category === 'enforcement')).toBe(true)
    const either = await listOf('?category=enforcement&category=press-freedom')
    expect(idsOf(either)).toEqual(
      all.filter((e) => ['enforcement', 'press-freedom'].includes(e.category)).map((e) => e.id),
    )
    expect((await listOf('?category=no-such-category')).data).toEqual([])
  })

  it('filters by place, counting the places inside it', async () => {
    const { events, places } = await story()
    const inside = new Set(['preah-sihanouk'])
    for (let grew = true; grew;) {
      grew = false
      for (const p of places) {
        if (p.parent_id && inside.has(p.parent_id) && !inside.has(p.id))
          grew = inside.add(p.id).size > 0
      }
    }
    expect(inside.has('sihanoukville')).toBe(true)
    const expected = events.filter((e) => e.places.some((p) => inside.has(p.id))).map((e) => e.id)
    const direct = events.filter((e) => e.places.some((p) => p.id === 'preah-sihanouk'))
    expect(expected.length).toBeGreaterThan(direct.length)
    expect(idsOf(await listOf('?place=preah-sihanouk'))).toEqual(expected)
  })

  it('filters by actor and by outlet', async () => {
    const { events } = await story()
    for (const [param, pick] of [
      ['actor', (e: StoryEvent) => e.actors.map((a) => a.id)],
      ['outlet', (e: StoryEvent) => e.outlets.map((o) => o.id)],
    ] as const) {
      const counts = new Map<string, number>()
      for (const e of events)
        for (const id of new Set(pick(e))) counts.set(id, (counts.get(id) ?? 0) + 1)
      const [id] = [...counts].sort((a, b) => b[1] - a[1])[0]!
      const body = await listOf(`?${param}=${id}`)
      expect(idsOf(body), `${param}=${id}`).toEqual(
        events.filter((e) => pick(e).includes(id)).map((e) => e.id),
      )
      expect(body.data.length).toBeGreaterThan(1)
    }
  })

  it('combines filters: every one must hold', async () => {
    const all = (await listOf()).data
    const body = await listOf('?category=government-statement&from=2022-09-01&actor=sar-kheng')
    const expected = all.filter(
      (e) =>
        e.category === 'government-statement' &&
        e.date >= '2022-09-01' &&
        e.actors.some((a) => a.id === 'sar-kheng'),
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(idsOf(body)).toEqual(expected.map((e) => e.id))
  })

  it('finds an event by a word that appears only in its body, in any letter case', async () => {
    const { events } = await story()
    const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{6,}/g) ?? [])
    const names = (e: StoryEvent) =>
      [...e.places, ...e.actors, ...e.outlets].map((x) => x.name).join(' ')
    const elsewhere = (e: StoryEvent) => `${e.headline} ${e.summary} ${names(e)}`
    let found: { word: string; id: string } | undefined
    for (const e of events) {
      for (const word of words(e.body)) {
        const inOthers = events.some(
          (o) =>
            (o.id !== e.id && o.body.toLowerCase().includes(word)) ||
            elsewhere(o).toLowerCase().includes(word),
        )
        if (!inOthers) found ??= { word, id: e.id }
      }
    }
    expect(found, 'a word used in one body only').toBeDefined()
    const { word, id } = found!
    expect(idsOf(await listOf(`?q=${word}`))).toEqual([id])
    expect(idsOf(await listOf(`?q=${word.toUpperCase()}`))).toEqual([id])
  })

  it('searches linked names, and needs every word of q', async () => {
    const { events } = await story()
    const withVod = events.filter((e) => e.outlets.some((o) => o.id === 'vod')).map((e) => e.id)
    const name = events.flatMap((e) => e.outlets).find((o) => o.id === 'vod')!.name
    const byName = idsOf(await listOf(`?q=${encodeURIComponent(name)}`))
    for (const id of withVod) expect(byName).toContain(id)
    const both = idsOf(await listOf('?q=Sihanoukville%20raids'))
    const either = new Set([
      ...idsOf(await listOf('?q=Sihanoukville')),
      ...idsOf(await listOf('?q=raids')),
    ])
    expect(both.length).toBeLessThan(either.size)
    expect((await listOf('?q=zzzqqqnotaword')).data).toEqual([])
  })

  it('treats SQL in q as words to look for', async () => {
    const body = await listOf(`?q=${encodeURIComponent("' OR 1=1; DROP TABLE events; --")}`)
    expect(body.data).toEqual([])
    expect((await listOf()).data).toHaveLength(published)
  })

  it('returns only the requested fields (and id) with fields=', async () => {
    const body = await listOf('?fields=date,headline')
    expect(body.data).toHaveLength(published)
    for (const e of body.data) expect(Object.keys(e).sort()).toEqual(['date', 'headline', 'id'])
    const linked = await listOf('?fields=id,places')
    expect(linked.data.some((e) => e.places.length > 0)).toBe(true)
    for (const e of linked.data) expect(Object.keys(e).sort()).toEqual(['id', 'places'])
  })

  it('walks every event exactly once with limit=7, following links.next', async () => {
    const all = idsOf(await listOf())
    const seen: string[] = []
    let path: string | null = '/api/v1/events?limit=7'
    let pages = 0
    while (path) {
      const res = await get(path)
      expect(res.status).toBe(200)
      const body = (await res.json()) as ListBody<StoryEvent>
      expect(body.data.length).toBeLessThanOrEqual(7)
      seen.push(...idsOf(body))
      pages += 1
      if (body.links.next) expect(res.headers.get('Link')).toBe(`<${body.links.next}>; rel="next"`)
      else expect(res.headers.get('Link')).toBeNull()
      path = body.links.next ? pathOf(body.links.next) : null
      expect(pages).toBeLessThan(20)
    }
    expect(pages).toBe(Math.ceil(all.length / 7))
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual(all)
  })

  it('carries the filters in the cursor: the cursor alone gives the next page', async () => {
    const filtered = idsOf(await listOf('?from=2022-08-01&sort=-date'))
    const first = await listOf('?from=2022-08-01&sort=-date&limit=5')
    const cursor = new URL(first.links.next!).searchParams.get('cursor')!
    const next = await listOf(`?cursor=${encodeURIComponent(cursor)}&limit=5`)
    expect([...idsOf(first), ...idsOf(next)]).toEqual(filtered.slice(0, 10))
    // Repeating the same filters with the cursor is fine, in any order.
    const same = await listOf(
      `?sort=-date&limit=5&cursor=${encodeURIComponent(cursor)}&from=2022-08-01`,
    )
    expect(idsOf(same)).toEqual(idsOf(next))
  })

  it('refuses a cursor used with other filters', async () => {
    const first = await listOf('?category=enforcement&limit=2')
    const cursor = new URL(first.links.next!).searchParams.get('cursor')!
    for (const other of [
      'category=press-freedom',
      'sort=-date',
      'q=raid',
      'category=enforcement&from=2022-01-01',
    ]) {
      const res = await get(`/api/v1/events?${other}&cursor=${encodeURIComponent(cursor)}`)
      const problem = await expectProblem(res, 400, 'cursor-mismatch')
      expect(problem.parameter).toBe('cursor')
    }
  })

  it('refuses a forged, altered or cut-short cursor', async () => {
    const first = await listOf('?limit=3')
    const cursor = new URL(first.links.next!).searchParams.get('cursor')!
    const [payload, tag] = cursor.split('.') as [string, string]
    const flipped = payload.slice(0, 10) + (payload[10] === 'A' ? 'B' : 'A') + payload.slice(11)
    const forged = [
      'not-a-cursor',
      `${flipped}.${tag}`,
      `${payload}.${'0'.repeat(16)}`,
      cursor.slice(0, -3),
      `${btoa('{"v":1,"params":{},"after":{"date":"2023-01-01","id":"x"}}')}.abcdef0123456789`,
      // A checksum is no secret: a well-formed cursor with hostile content is still refused.
      await encodeCursor({
        params: { category: ["x' OR '1'='1"] },
        after: { date: '2022-01-01', id: 'a' },
        watermark: '2023-06-30T00:00:00.000Z',
      }),
      await encodeCursor({
        params: { sort: 'id; DROP TABLE events' },
        after: { date: '2022-01-01', id: 'a' },
        watermark: '2023-06-30T00:00:00.000Z',
      }),
    ]
    for (const c of forged) {
      const problem = await expectProblem(
        await get(`/api/v1/events?cursor=${encodeURIComponent(c)}`),
        400,
        'invalid-cursor',
      )
      expect(problem.parameter).toBe('cursor')
    }
  })
})

describe('GET /api/v1/events/{id}', () => {
  it('gives one event with everything linked to it', async () => {
    const list = await listOf()
    const target =
      list.data.find((e) => e.figures.length && e.notes.length && e.quotes.length) ?? list.data[0]!
    const body = await getJson<{
      data: StoryEvent
      links: { self: string }
      meta: { data_version: number }
    }>(`/api/v1/events/${target.id}`)
    expect(body.data).toEqual(target)
    expect(body.links.self).toBe(`http://example.com/api/v1/events/${target.id}`)
    expect(body.meta.data_version).toEqual(expect.any(Number))
  })

  it('gives 404 problem+json for an id no published event has', async () => {
    const problem = await expectProblem(
      await get('/api/v1/events/2099-01-01-no-such-event'),
      404,
      'not-found',
    )
    expect(problem.detail).toContain('/api/v1/events')
  })

  it('gives 400 for an id that cannot be an id, and refuses query parameters', async () => {
    for (const bad of ["x'%20OR%201=1", 'UPPER-CASE', '-leading-hyphen']) {
      const problem = await expectProblem(
        await get(`/api/v1/events/${bad}`),
        400,
        'invalid-parameter',
      )
      expect(problem.parameter).toBe('id')
    }
    const list = await listOf('?limit=1')
    await expectProblem(
      await get(`/api/v1/events/${list.data[0]!.id}?fields=id`),
      400,
      'unknown-parameter',
    )
  })
})
