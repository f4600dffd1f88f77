// The reference collections and the story, against the real dataset.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type {
  Actor,
  CategorySummary,
  ChapterSummary,
  FigureWithEvent,
  Outlet,
  Place,
  Story,
} from '../../worker/model'
import { dataChanged } from '../../worker/http/freshness'
import { expectProblem, get, getJson, type ListBody } from './api-client'
import { insertEvent } from './raw-rows'

const count = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n
const PUBLIC = "status = 'published' AND deleted_at IS NULL"

describe('GET /api/v1/figures', () => {
  it('lists every figure of the published events, in event order, with its event id', async () => {
    const body = await getJson<ListBody<FigureWithEvent>>('/api/v1/figures')
    expect(body.data.length).toBe(
      await count(
        `SELECT count(*) AS n FROM figures WHERE deleted_at IS NULL AND event_id IN (SELECT id FROM events WHERE ${PUBLIC})`,
      ),
    )
    expect(body.meta.count).toBe(body.data.length)
    const complaints = body.data.find(
      (f) => f.event_id.startsWith('2022-09-19-') && f.value === 289,
    )
    expect(complaints).toMatchObject({
      qualifier: 'exactly',
      unit: 'complaints',
      measure: 'complaints',
    })
    const order = body.data.map((f) => f.event_id)
    expect(order).toEqual([...order].sort())
  })

  it('filters by measure, unit, event and place (counting places inside it)', async () => {
    const all = (await getJson<ListBody<FigureWithEvent>>('/api/v1/figures')).data
    const rescued = await getJson<ListBody<FigureWithEvent>>(
      '/api/v1/figures?measure=rescued&measure=released',
    )
    expect(rescued.data).toEqual(all.filter((f) => ['rescued', 'released'].includes(f.measure)))
    const usd = await getJson<ListBody<FigureWithEvent>>('/api/v1/figures?unit=USD')
    expect(usd.data).toEqual(all.filter((f) => f.unit === 'USD'))
    const event = all[0]!.event_id
    const ofEvent = await getJson<ListBody<FigureWithEvent>>(`/api/v1/figures?event=${event}`)
    expect(ofEvent.data).toEqual(all.filter((f) => f.event_id === event))
    const places = (await getJson<ListBody<Place>>('/api/v1/places')).data
    const inCambodia = new Set(['cambodia', ...places.filter((p) => p.parent_id).map((p) => p.id)])
    const cambodia = await getJson<ListBody<FigureWithEvent>>('/api/v1/figures?place=cambodia')
    expect(cambodia.data).toEqual(
      all.filter((f) => f.place_id !== null && inCambodia.has(f.place_id)),
    )
    const provinces = await getJson<ListBody<FigureWithEvent>>(
      '/api/v1/figures?place=preah-sihanouk&measure=complaints',
    )
    expect(provinces.data.map((f) => f.value)).toContain(200)
  })
})

describe('GET /api/v1/places', () => {
  it('lists places with ISO codes, coordinates and event counts', async () => {
    const body = await getJson<ListBody<Place>>('/api/v1/places')
    expect(body.data.length).toBe(
      await count('SELECT count(*) AS n FROM places WHERE deleted_at IS NULL'),
    )
    const ps = body.data.find((p) => p.id === 'preah-sihanouk')!
    expect(ps).toMatchObject({ kind: 'province', iso_code: 'KH-18', parent_id: 'cambodia' })
    expect(ps.latitude).toBeGreaterThan(10)
    expect(ps.longitude).toBeGreaterThan(103)
    for (const p of body.data) {
      expect(p.event_count, p.id).toBe(
        await count(
          `SELECT count(*) AS n FROM event_places WHERE place_id = ? AND event_id IN (SELECT id FROM events WHERE ${PUBLIC})`,
          p.id,
        ),
      )
    }
    expect(body.data.some((p) => p.event_count > 5)).toBe(true)
  })
})

describe('GET /api/v1/actors, /outlets, /categories, /chapters', () => {
  it('lists the actors named in published events, with counts', async () => {
    const body = await getJson<ListBody<Actor>>('/api/v1/actors')
    const sarKheng = body.data.find((a) => a.id === 'sar-kheng')
    expect(sarKheng).toMatchObject({ name: 'Sar Kheng', kind: 'person' })
    expect(sarKheng!.event_count).toBeGreaterThan(2)
    const names = body.data.map((a) => a.name)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  it('leaves out actors and outlets that only drafts name', async () => {
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO actors (id, name, kind) VALUES ('draft-only-actor', 'Draft Only', 'person')",
      ),
      env.DB.prepare(
        "INSERT INTO outlets (id, name, kind) VALUES ('draft-only-outlet', 'Draft Only', 'news')",
      ),
      insertEvent({
        id: 'draft-with-links',
        date: '2023-01-01',
        headline: 'Draft',
        summary: 'Draft',
        status: 'draft',
      }),
      env.DB.prepare(
        "INSERT INTO event_actors (event_id, actor_id, role) VALUES ('draft-with-links', 'draft-only-actor', 'subject')",
      ),
      env.DB.prepare(
        "INSERT INTO event_outlets (event_id, outlet_id, role) VALUES ('draft-with-links', 'draft-only-outlet', 'reported')",
      ),
    ])
    const actors = (await getJson<ListBody<Actor>>('/api/v1/actors')).data.map((a) => a.id)
    const outlets = (await getJson<ListBody<Outlet>>('/api/v1/outlets')).data.map((o) => o.id)
    expect(actors).not.toContain('draft-only-actor')
    expect(outlets).not.toContain('draft-only-outlet')
    expect(outlets).toContain('camboja')
  })

  it('lists outlets with counts', async () => {
    const body = await getJson<ListBody<Outlet>>('/api/v1/outlets')
    const camboja = body.data.find((o) => o.id === 'camboja')!
    expect(camboja.event_count).toBeGreaterThan(5)
    for (const o of body.data) {
      expect(o.event_count, o.id).toBe(
        await count(
          `SELECT count(*) AS n FROM event_outlets WHERE outlet_id = ? AND event_id IN (SELECT id FROM events WHERE ${PUBLIC})`,
          o.id,
        ),
      )
    }
  })

  it('lists categories and chapters in order, with counts that add up to the events', async () => {
    const events = await count(`SELECT count(*) AS n FROM events WHERE ${PUBLIC}`)
    const categories = (await getJson<ListBody<CategorySummary>>('/api/v1/categories')).data
    expect(categories).toHaveLength(8)
    expect(categories.map((c) => c.position)).toEqual(
      [...categories.map((c) => c.position)].sort((a, b) => a - b),
    )
    expect(categories.reduce((sum, c) => sum + c.event_count, 0)).toBe(events)
    const chapters = (await getJson<ListBody<ChapterSummary>>('/api/v1/chapters')).data
    expect(chapters.length).toBeGreaterThanOrEqual(4)
    expect(chapters.reduce((sum, c) => sum + c.event_count, 0)).toBe(events)
    expect(chapters[0]!.start_date <= chapters.at(-1)!.start_date).toBe(true)
  })
})

describe('GET /api/v1/story', () => {
  it('gives everything the page needs in one response, in its agreed shape', async () => {
    const body = await getJson<{
      data: Story
      meta: { data_version: number; source: { outlet: string } }
    }>('/api/v1/story')
    expect(Object.keys(body.data).sort()).toEqual([
      'categories',
      'chapters',
      'events',
      'figures',
      'places',
      'story',
    ])
    expect(body.data.events.length).toBe(
      await count(`SELECT count(*) AS n FROM events WHERE ${PUBLIC}`),
    )
    expect(body.data.story.title.length).toBeGreaterThan(5)
    expect(body.meta.data_version).toBe(body.data.story.data_version)
    expect(body.meta.source.outlet).toContain('CamboJA')
    const figures = await getJson<ListBody<FigureWithEvent>>('/api/v1/figures')
    expect(body.data.figures).toHaveLength(figures.data.length)
  })
})

describe('GET /api/v1/story?chapter=<id>', () => {
  type StoryBody = { data: Story; meta: { data_version: number } }
  const part = (chapter: string) =>
    getJson<StoryBody>(`/api/v1/story?chapter=${encodeURIComponent(chapter)}`)

  it('gives each chapter its part; the parts together are the whole story, each event once', async () => {
    const whole = await getJson<StoryBody>('/api/v1/story')
    const parts = await Promise.all(whole.data.chapters.map((ch) => part(ch.id)))
    parts.forEach((p, i) => {
      const chapter = whole.data.chapters[i]!.id
      // The same story row and reference lists as the whole story.
      for (const key of ['story', 'chapters', 'categories', 'places'] as const) {
        expect(p.data[key], `${chapter}: ${key}`).toEqual(whole.data[key])
      }
      expect(p.data.events.length, `${chapter} has events`).toBeGreaterThan(0)
      for (const e of p.data.events) expect(e.chapter, e.id).toBe(chapter)
      // Only the part's events' figures, each with its event id.
      const ids = new Set(p.data.events.map((e) => e.id))
      for (const f of p.data.figures) expect(ids.has(f.event_id), f.event_id).toBe(true)
    })
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
    expect(parts.flatMap((p) => p.data.events).sort(byId)).toEqual(
      [...whole.data.events].sort(byId),
    )
    const figureKey = (f: { event_id: string; id: number }) => `${f.event_id}/${f.id}`
    expect(parts.flatMap((p) => p.data.figures.map(figureKey)).sort()).toEqual(
      whole.data.figures.map(figureKey).sort(),
    )
  })

  it('leaves out a chapter’s drafts and deleted events, and shows a new event at once', async () => {
    const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"
    const before = await part('crackdown')
    const sibling = before.data.events[0]!
    await env.DB.batch([
      ...(['draft', 'published'] as const).map((status) =>
        env.DB.prepare(
          `INSERT INTO events (id, date, headline, summary, category, chapter, status)
           SELECT ?, date, 'A ' || ? || ' event', 'For the chapter part test', category, chapter, ?
           FROM events WHERE id = ?`,
        ).bind(`chapter-part-${status}`, status, status, sibling.id),
      ),
      env.DB.prepare(
        `INSERT INTO figures (event_id, position, value, qualifier, unit, measure, display)
         VALUES ('chapter-part-draft', 1, 7, 'exactly', 'people', 'rescued', '7 people')`,
      ),
      env.DB.prepare(
        `UPDATE events SET deleted_at = ${NOW}, updated_at = ${NOW}, version = version + 1 WHERE id = ?`,
      ).bind(before.data.events[1]!.id),
    ])
    dataChanged()
    const after = await part('crackdown')
    const ids = after.data.events.map((e) => e.id)
    expect(after.meta.data_version).toBeGreaterThan(before.meta.data_version)
    expect(ids).toContain('chapter-part-published')
    expect(ids).not.toContain('chapter-part-draft')
    expect(ids).not.toContain(before.data.events[1]!.id)
    expect(after.data.figures.map((f) => f.event_id)).not.toContain('chapter-part-draft')
    expect(ids.length).toBe(before.data.events.length)
  })

  it('refuses a chapter no one has, a malformed id and a repeated chapter, naming the fix', async () => {
    const unknown = await expectProblem(
      await get('/api/v1/story?chapter=no-such-chapter'),
      404,
      'not-found',
    )
    expect(unknown.detail).toContain('/api/v1/chapters')
    expect(unknown.parameter).toBe('chapter')
    for (const query of ['chapter=Crackdown', 'chapter=', 'chapter=crack%20down']) {
      const bad = await expectProblem(await get(`/api/v1/story?${query}`), 400, 'invalid-parameter')
      expect(bad.parameter, query).toBe('chapter')
      expect(bad.detail, query).toContain('/api/v1/chapters')
    }
    const twice = await expectProblem(
      await get('/api/v1/story?chapter=crackdown&chapter=exposure'),
      400,
      'invalid-parameter',
    )
    expect(twice.detail).toMatch(/chapter was given 2 times; give it once/)
  })
})
