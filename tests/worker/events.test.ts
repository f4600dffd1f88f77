// The foundation's routes, called through the real worker inside workerd.
import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { StoryEvent } from '../../worker/db'
import { dataChanged } from '../../worker/http/freshness'
import { insertEvent } from './raw-rows'

const get = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`http://example.com${path}`, init))

describe('GET /api/v1/events', () => {
  it('lists every published event, oldest first, with everything linked', async () => {
    const res = await get('/api/v1/events')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await res.json()) as { data: StoryEvent[]; meta: Record<string, unknown> }
    expect(body.data).toHaveLength(42)
    const dates = body.data.map((e) => e.date)
    expect(dates).toEqual([...dates].sort())
    expect(body.meta).toMatchObject({ count: 42, data_version: expect.any(Number) })
    expect(body.meta.source).toMatchObject({ outlet: expect.stringContaining('CamboJA') })
    for (const event of body.data) {
      expect(event.outlets.length, event.id).toBeGreaterThan(0)
      expect(Array.isArray(event.places) && Array.isArray(event.actors), event.id).toBe(true)
    }
    const complaints = body.data.find((e) => e.id.startsWith('2022-09-19-'))
    expect(complaints?.figures.some((f) => f.value === 289 && f.qualifier === 'exactly')).toBe(true)
    const corrected = body.data.find((e) => e.date === '2023-03-23')
    expect(corrected?.notes.some((n) => n.kind === 'correction')).toBe(true)
  })

  it('never shows a draft or a deleted event', async () => {
    const { env } = await import('cloudflare:workers')
    await env.DB.batch([
      insertEvent({
        id: 'draft-only-event',
        date: '2023-01-01',
        headline: 'Draft',
        summary: 'A draft',
        status: 'draft',
      }),
      env.DB.prepare(
        `UPDATE events SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = (SELECT id FROM events WHERE status = 'published' ORDER BY date DESC LIMIT 1)`,
      ),
    ])
    dataChanged()
    const body = (await (await get('/api/v1/events')).json()) as { data: StoryEvent[] }
    expect(body.data).toHaveLength(41)
    expect(body.data.map((e) => e.id)).not.toContain('draft-only-event')
  })
})

describe('GET /api/v1/health', () => {
  it('answers ok with the database reachable', async () => {
    const res = await get('/api/v1/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok' })
  })

  it('counts only the events the public API lists, never drafts or deleted ones', async () => {
    const count = async () =>
      ((await (await get('/api/v1/health')).json()) as { events: number }).events
    const listed = async () =>
      ((await (await get('/api/v1/events?fields=id')).json()) as { meta: { count: number } }).meta
        .count
    // A draft comes and goes: the figure must not move with it, or anyone could watch drafts.
    const before = await count()
    expect(before).toBe(await listed())
    await insertEvent({
      id: 'health-draft-event',
      date: '2023-01-02',
      headline: 'Draft',
      summary: 'A draft',
      status: 'draft',
    }).run()
    dataChanged()
    expect(await count()).toBe(before)
    expect(await count()).toBe(await listed())
  })
})

describe('unknown API paths', () => {
  it('give 404 as application/problem+json', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/v2/events', '/api']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/)
      const body = (await res.json()) as Record<string, unknown>
      expect(body, path).toMatchObject({
        status: 404,
        title: 'Not Found',
        type: expect.any(String),
      })
      expect(String(body.detail)).toContain('/api/v1')
    }
  })
})
