// updated_since: a partner syncs by asking what changed since its last sync, and learns of
// deletions through tombstones. Changes are made here as an editor would, with SQL on the real D1.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { StoryEvent, Tombstone } from '../../worker/model'
import { expectProblem, get, getJson, pathOf, type ListBody } from './api-client'
import { insertEvent } from './raw-rows'

type Item = StoryEvent | Tombstone
const sync = (since: string, extra = '') =>
  getJson<ListBody<Item>>(`/api/v1/events?updated_since=${encodeURIComponent(since)}${extra}`)
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
const pause = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('GET /api/v1/events?updated_since=', () => {
  it('gives every event changed after a moment, and nothing for a moment after the last change', async () => {
    const all = await getJson<ListBody<StoryEvent>>('/api/v1/events')
    const oldest = all.data.map((e) => e.updated_at).sort()[0]!
    const before = new Date(Date.parse(oldest) - 1000).toISOString()
    expect((await sync(before)).data.map((e) => e.id)).toEqual(all.data.map((e) => e.id))
    expect((await sync(new Date().toISOString())).data).toEqual([])
  })

  it('returns edited events and tombstones of deleted and withdrawn ones', async () => {
    const ids = (await getJson<ListBody<StoryEvent>>('/api/v1/events?fields=id,figures')).data
    const [edited, deleted, withdrawn] = ids.map((e) => e.id)
    const withFigure = ids.find(
      (e) => e.figures.length > 0 && ![edited, deleted, withdrawn].includes(e.id),
    )!
    const untouched = ids.at(-1)!.id
    await pause()
    const since = new Date().toISOString()
    await pause()
    await env.DB.batch([
      env.DB.prepare(
        `UPDATE events SET headline = 'An edited headline', version = version + 1, updated_at = ${NOW} WHERE id = ?`,
      ).bind(edited),
      env.DB.prepare(
        `UPDATE events SET deleted_at = ${NOW}, updated_at = ${NOW}, version = version + 1 WHERE id = ?`,
      ).bind(deleted),
      env.DB.prepare(
        `UPDATE events SET status = 'draft', updated_at = ${NOW}, version = version + 1 WHERE id = ?`,
      ).bind(withdrawn),
      env.DB.prepare(
        `UPDATE figures SET display = display || ' (checked)', updated_at = ${NOW}, version = version + 1
         WHERE id = ?`,
      ).bind(withFigure.figures[0]!.id),
      insertEvent({
        id: 'new-draft-after-sync',
        date: '2023-01-02',
        headline: 'A draft',
        summary: 'Not public',
        status: 'draft',
      }),
      insertEvent({
        id: 'new-published-after-sync',
        date: '2023-01-03',
        headline: 'A new event',
        summary: 'Now public',
        status: 'published',
      }),
    ])

    const body = await sync(since)
    const byId = new Map(body.data.map((item) => [item.id, item]))
    expect([...byId.keys()].sort()).toEqual(
      [edited, deleted, withdrawn, withFigure.id, 'new-published-after-sync'].sort(),
    )
    expect(byId.get(edited!)).toMatchObject({ headline: 'An edited headline' })
    for (const gone of [deleted, withdrawn]) {
      const tombstone = byId.get(gone!) as Tombstone
      expect(Object.keys(tombstone).sort()).toEqual(['deleted', 'deleted_at', 'id'])
      expect(tombstone.deleted).toBe(true)
      expect(tombstone.deleted_at > since).toBe(true)
    }
    expect((byId.get(withFigure.id) as StoryEvent).figures[0]!.display).toMatch(/\(checked\)$/)
    expect(byId.has('new-draft-after-sync')).toBe(false)
    expect(byId.has(untouched)).toBe(false)

    // The same moment written with a time zone offset means the same thing.
    const offset = new Date(Date.parse(since) + 7 * 3600_000).toISOString().replace('Z', '+07:00')
    expect((await sync(offset)).data).toEqual(body.data)

    // Paging through a sync gives the same items, each once.
    const paged: string[] = []
    let path: string | null = `/api/v1/events?updated_since=${encodeURIComponent(since)}&limit=2`
    while (path) {
      const page: ListBody<Item> = await getJson<ListBody<Item>>(path)
      paged.push(...page.data.map((item) => item.id))
      path = page.links.next ? pathOf(page.links.next) : null
    }
    expect(paged).toEqual(body.data.map((item) => item.id))

    // Without updated_since, the deleted and withdrawn events are simply gone.
    const list = (await getJson<ListBody<StoryEvent>>('/api/v1/events?fields=id')).data.map(
      (e) => e.id,
    )
    expect(list).not.toContain(deleted)
    expect(list).not.toContain(withdrawn)
    expect(list).toContain('new-published-after-sync')
    await expectProblem(await get(`/api/v1/events/${deleted}`), 404, 'not-found')
  })

  it('refuses a moment that is not ISO 8601 with a time zone', async () => {
    for (const bad of [
      'yesterday',
      '2023-06-30',
      '2023-06-30T00:00:00',
      '2023-13-01T00:00:00Z',
      '1719705600',
    ]) {
      const problem = await expectProblem(
        await get(`/api/v1/events?updated_since=${encodeURIComponent(bad)}`),
        400,
        'invalid-parameter',
      )
      expect(problem.parameter).toBe('updated_since')
      expect(problem.detail).toContain('ISO 8601')
    }
  })

  it("counts a change to an event's links, even one made with raw SQL, as a change", async () => {
    const [event] = (await getJson<ListBody<StoryEvent>>('/api/v1/events?fields=id,places&limit=1'))
      .data
    await pause()
    const since = new Date().toISOString()
    await pause()
    await env.DB.prepare(
      "INSERT INTO event_places (event_id, place_id, position) VALUES (?, 'kandal', 99)",
    )
      .bind(event!.id)
      .run()
    const changed = await sync(since)
    expect(changed.data.map((e) => e.id)).toEqual([event!.id])
  })
})
