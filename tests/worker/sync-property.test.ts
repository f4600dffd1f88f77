// A property of the whole change model: whatever editors do, a partner who syncs only through
// `updated_since` ends up with exactly what the public API lists, and nothing that is not public
// can be seen anywhere public. A seeded random sequence of 300 editor operations (create, edit,
// link, unlink, publish, unpublish, soft delete, raw SQL update and delete, restore), and after
// every step:
// - a partner mirror, built from the first full listing and then only from each sync's events and
//   tombstones (every page of a walk reporting one generated_at, the next sync starting from it),
//   equals GET /api/v1/events, field for field;
// - no id of a row that is not public, and no word written only into rows that are not public,
//   appears in a public route: the listing, and one more route in turn (the story, which the page
//   and the exports are made of, a reference list, an export) or a search or filter for a hidden
//   word, place or event; every 25th step (and the last) every route: events, search, filters,
//   one event, the reference lists, figures, the story and every export (the page every 50th);
// - at those steps too, nothing public names an id the reference lists do not list.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Story, StoryEvent, Tombstone } from '../../worker/model'
import { adminCall, freshIp, registerEditor, type Editor } from './admin-client'
import { get as getAs, pathOf, type ListBody } from './api-client'
import stableIds from './stable-event-ids.json'

type Item = StoryEvent | Tombstone

/** A public GET as a partner makes it (each from its own address: see freshIp). */
const get = (path: string) => getAs(path, { ip: freshIp() })
async function getJson<T>(path: string): Promise<T> {
  const res = await get(path)
  const text = await res.text()
  expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(200)
  return JSON.parse(text) as T
}
const STEPS = 300
const SEED = 20261130

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    pick: <T>(list: readonly T[]): T | undefined =>
      list.length ? list[Math.floor(next() * list.length)] : undefined,
    chance: (p: number) => next() < p,
  }
}

/** Every item of a listing, following links.next; every page must report the same watermark. */
async function walk(first: string): Promise<{ items: Item[]; watermark: string }> {
  const items: Item[] = []
  let path: string | null = first
  let watermark: string | null = null
  while (path) {
    const page: ListBody<Item> = await getJson<ListBody<Item>>(path)
    watermark ??= page.meta.generated_at
    expect(page.meta.generated_at, `${path}: one watermark per walk`).toBe(watermark)
    items.push(...page.data)
    path = page.links.next ? pathOf(page.links.next) : null
  }
  return { items, watermark: watermark! }
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
const MARK = /mk\d+qz/g
const word = (n: number) => `mk${n}qz`
/** Whether `text` names `id` as a whole id (not as part of a longer one). */
const names = (text: string, id: string) =>
  new RegExp(`(^|[^a-z0-9-])${id.replace(/[-]/g, '\\-')}($|[^a-z0-9-])`).test(text)

const PUBLIC_ROUTES = [
  '/api/v1/story',
  '/api/v1/places',
  '/api/v1/actors',
  '/api/v1/outlets',
  '/api/v1/categories',
  '/api/v1/chapters',
  '/api/v1/figures',
  '/api/v1/events.csv',
  '/api/v1/places.geojson',
  '/api/v1/timeline.json',
  '/api/v1/dataset.jsonld',
]

let editor: Editor
beforeAll(async () => {
  editor = await registerEditor('Property Tester')
})

describe('a partner mirror built only from updated_since', () => {
  it(`equals the public API after each of ${STEPS} random editor operations, and nothing private shows`, async () => {
    const rng = generator(SEED)
    const chapters = (
      await getJson<ListBody<{ id: string; start_date: string; end_date: string }>>(
        '/api/v1/chapters',
      )
    ).data
    const categories = (await getJson<ListBody<{ id: string }>>('/api/v1/categories')).data.map(
      (c) => c.id,
    )
    const events: string[] = [...stableIds]
    const places: string[] = (await getJson<ListBody<{ id: string }>>('/api/v1/places')).data.map(
      (p) => p.id,
    )
    const ours = { places: [] as string[], events: [] as string[] }
    const rawDeleted: string[] = []
    let words = 0
    const counts: Record<string, number> = {}

    const call = async (method: string, path: string, body?: unknown, ifMatch?: string) => {
      const res = await adminCall(editor, method, path, { body, ifMatch })
      const text = await res.text()
      expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(500)
      return {
        status: res.status,
        etag: res.headers.get('ETag'),
        body: text ? JSON.parse(text) : null,
      }
    }
    // What an editor reads before a write (the ETag, the event's places), read straight from the
    // database to keep the sequence quick: the writes themselves all go through the API or SQL.
    const read = async (id: string) => {
      const [row, links] = await env.DB.batch([
        env.DB.prepare('SELECT version FROM events WHERE id = ?').bind(id),
        env.DB.prepare(
          'SELECT place_id AS id FROM event_places WHERE event_id = ? ORDER BY position, place_id',
        ).bind(id),
      ])
      const version = (row!.results[0] as { version: number } | undefined)?.version
      if (version === undefined) return null
      return { etag: `"${version}"`, body: { places: links!.results as { id: string }[] } }
    }
    const raw = async (query: string, ...binds: unknown[]) => {
      try {
        await env.DB.prepare(query)
          .bind(...binds)
          .run()
        return true
      } catch (err) {
        // The database refuses what breaks its rules, with one of its own sentences.
        expect(String(err)).toMatch(/\[(in use|refused)\]|constraint failed/)
        return false
      }
    }
    const chapterOf = (date: string) =>
      chapters.find((c) => c.start_date <= date && date <= c.end_date)!.id
    const randomDate = () => {
      const from = Date.UTC(2022, 6, 1)
      const to = Date.UTC(2023, 5, 30)
      return new Date(from + Math.floor(rng.next() * ((to - from) / 86_400_000)) * 86_400_000)
        .toISOString()
        .slice(0, 10)
    }

    const operations: Record<string, () => Promise<unknown>> = {
      async create() {
        const date = randomDate()
        const id = `p${++words}-event`
        const res = await call('POST', '/api/v1/admin/events', {
          id,
          date,
          headline: `Headline ${word(words)}`,
          summary: `Summary ${word(++words)}`,
          category: rng.pick(categories),
          chapter: chapterOf(date),
        })
        if (res.status === 201) {
          events.push(id)
          ours.events.push(id)
        }
      },
      async edit() {
        const id = rng.pick(events)!
        const row = await read(id)
        if (!row) return
        const field = rng.chance(0.5) ? 'headline' : 'summary'
        await call(
          'PATCH',
          `/api/v1/admin/events/${id}`,
          { [field]: `Edited ${word(++words)}` },
          row.etag!,
        )
      },
      async link() {
        const id = rng.pick(events)!
        const row = await read(id)
        if (!row) return
        if (rng.chance(0.3)) {
          const name = `Site ${word(++words)}`
          const place = `p${words}-site`
          const made = await call('POST', '/api/v1/admin/places', { id: place, name, kind: 'site' })
          if (made.status === 201) {
            places.push(place)
            ours.places.push(place)
          }
        }
        const list: string[] = row.body.places.map((p: { id: string }) => p.id)
        const extra = rng.pick(places.filter((p) => !list.includes(p)))
        if (!extra) return
        await call('PATCH', `/api/v1/admin/events/${id}`, { places: [...list, extra] }, row.etag!)
      },
      async unlink() {
        const id = rng.pick(events)!
        const row = await read(id)
        if (!row || row.body.places.length === 0) return
        const list: string[] = row.body.places.map((p: { id: string }) => p.id)
        const drop = rng.pick(list)
        await call(
          'PATCH',
          `/api/v1/admin/events/${id}`,
          { places: list.filter((p) => p !== drop) },
          row.etag!,
        )
      },
      async publish() {
        const id = rng.pick(ours.events.length && rng.chance(0.7) ? ours.events : events)!
        const row = await read(id)
        if (row) await call('POST', `/api/v1/admin/events/${id}/publish`, undefined, row.etag!)
      },
      async unpublish() {
        const id = rng.pick(events)!
        const row = await read(id)
        if (row) await call('POST', `/api/v1/admin/events/${id}/unpublish`, undefined, row.etag!)
      },
      async softDelete() {
        if (ours.places.length && rng.chance(0.25)) {
          const place = rng.pick(ours.places)!
          const res = await call('GET', `/api/v1/admin/places/${place}`)
          await call(
            'DELETE',
            `/api/v1/admin/places/${place}?detach=${rng.chance(0.7)}`,
            undefined,
            res.etag!,
          )
          return
        }
        const id = rng.pick(events)!
        const row = await read(id)
        if (row) await call('DELETE', `/api/v1/admin/events/${id}`, undefined, row.etag!)
      },
      async rawUpdate() {
        const choice = rng.next()
        if (choice < 0.5) {
          await raw(
            'UPDATE events SET summary = ? WHERE id = ?',
            `Raw ${word(++words)}`,
            rng.pick(events),
          )
        } else if (choice < 0.75) {
          await raw(
            'UPDATE places SET name = ? WHERE id = ?',
            `Renamed ${word(++words)}`,
            rng.pick(places),
          )
        } else {
          await raw(
            'INSERT INTO event_places (event_id, place_id, position) VALUES (?, ?, 50) ON CONFLICT DO NOTHING',
            rng.pick(events),
            rng.pick(places),
          )
        }
      },
      async rawDelete() {
        const id = rng.pick(events)!
        if (await raw('DELETE FROM events WHERE id = ?', id)) {
          events.splice(events.indexOf(id), 1)
          rawDeleted.push(id)
        }
      },
      async restore() {
        const choice = rng.next()
        if (choice < 0.35 && rawDeleted.length) {
          const id = rng.pick(rawDeleted)!
          const { results } = await env.DB.prepare(
            "SELECT id, before FROM revisions WHERE table_name = 'events' AND row_id = ? AND action = 'delete' ORDER BY id DESC LIMIT 1",
          )
            .bind(id)
            .all<{ id: number; before: string }>()
          const revision = results[0]!
          const version = (JSON.parse(revision.before) as { version: number }).version
          const res = await call(
            'POST',
            `/api/v1/admin/revisions/${revision.id}/restore`,
            undefined,
            `"${version}"`,
          )
          if (res.status === 200) {
            rawDeleted.splice(rawDeleted.indexOf(id), 1)
            events.push(id)
          }
          return
        }
        const id = rng.pick(events)!
        const row = await read(id)
        if (!row) return
        if (choice < 0.6) {
          await call('POST', `/api/v1/admin/events/${id}/restore`, undefined, row.etag!)
          return
        }
        const revisions = await call('GET', `/api/v1/admin/events/${id}/revisions`)
        const revision = rng.pick(
          (revisions.body.data as { id: number; table_name: string; action: string }[]).filter(
            (r) => r.table_name === 'events' || r.table_name === 'event_places',
          ),
        )
        if (!revision) return
        const to = rng.chance(0.5) ? 'before' : 'after'
        await call(
          'POST',
          `/api/v1/admin/revisions/${revision.id}/restore?to=${to}`,
          undefined,
          row.etag!,
        )
      },
    }
    const weights: [string, number][] = [
      ['create', 12],
      ['edit', 14],
      ['link', 12],
      ['unlink', 8],
      ['publish', 12],
      ['unpublish', 7],
      ['softDelete', 8],
      ['rawUpdate', 10],
      ['rawDelete', 4],
      ['restore', 13],
    ]
    const total = weights.reduce((sum, [, w]) => sum + w, 0)
    const nextOperation = () => {
      let r = rng.next() * total
      for (const [name, w] of weights) if ((r -= w) < 0) return name
      return weights[0]![0]
    }

    // The partner's first copy: the full listing, and its watermark.
    const first = await walk('/api/v1/events?limit=100')
    const mirror = new Map(first.items.map((item) => [item.id, item as StoryEvent]))
    let watermark = first.watermark

    for (let step = 1; step <= STEPS; step++) {
      const name = nextOperation()
      counts[name] = (counts[name] ?? 0) + 1
      await operations[name]!()
      const where = `step ${step} (${name})`

      // The partner syncs: events replace their copies, tombstones remove them.
      const feed = await walk(
        `/api/v1/events?updated_since=${encodeURIComponent(watermark)}&limit=100`,
      )
      for (const item of feed.items) {
        if ('deleted' in item) mirror.delete(item.id)
        else mirror.set(item.id, item)
      }
      watermark = feed.watermark
      const listing = (await walk('/api/v1/events?limit=100')).items as StoryEvent[]
      expect([...mirror.values()].sort(byId), where).toEqual([...listing].sort(byId))

      // Nothing that is not public shows in any public route. Every step reads the listing and one
      // more route in turn (the story, which the page and the exports are made of, a reference
      // list, an export), or a probe of a hidden word, place or event; every 25th step (and the
      // last) reads them all.
      const full = step % 25 === 0 || step === STEPS
      const publicIds = new Set(listing.map((e) => e.id))
      // A place of ours (a site, inside no other) is public when a public event names it.
      const namedPlaces = new Set(
        listing.flatMap((e) => [
          ...e.places.map((p) => p.id),
          ...e.figures.flatMap((f) => (f.place_id ? [f.place_id] : [])),
        ]),
      )
      const { results: rows } = await env.DB.prepare(
        'SELECT id, headline, summary FROM events',
      ).all<{ id: string; headline: string; summary: string }>()
      const hidden = rows.filter((r) => !publicIds.has(r.id))
      const hiddenPlaces = ours.places.filter((p) => !namedPlaces.has(p))
      const hiddenIds = [...hidden.map((r) => r.id), ...rawDeleted, ...hiddenPlaces]
      const hiddenWords = new Set(
        hidden.flatMap((r) => `${r.headline} ${r.summary}`.match(MARK) ?? []),
      )
      const { results: placeRows } = await env.DB.prepare(
        'SELECT id, name FROM places WHERE id IN (SELECT value FROM json_each(?))',
      )
        .bind(JSON.stringify(hiddenPlaces))
        .all<{ id: string; name: string }>()
      for (const place of placeRows)
        for (const w of place.name.match(MARK) ?? []) hiddenWords.add(w)
      for (const w of listing.flatMap((e) => JSON.stringify(e).match(MARK) ?? []))
        hiddenWords.delete(w)

      const secret = rng.pick([...hiddenWords])
      const hiddenPlace = rng.pick(hiddenPlaces)
      const hiddenEvent = rng.pick(hidden.map((r) => r.id))
      const searches = [
        ...(secret ? [`/api/v1/events?q=${secret}`] : []),
        ...(hiddenPlace ? [`/api/v1/events?place=${hiddenPlace}`] : []),
        ...(hiddenPlace && full ? [`/api/v1/figures?place=${hiddenPlace}`] : []),
        ...(hiddenEvent && full ? [`/api/v1/events?q=${encodeURIComponent(hiddenEvent)}`] : []),
      ]
      const probes = full
        ? [...PUBLIC_ROUTES, ...searches]
        : step % 2 === 1 || !searches.length
          ? [PUBLIC_ROUTES[Math.floor(step / 2) % PUBLIC_ROUTES.length]!]
          : [rng.pick(searches)!]
      if (hiddenEvent && (full || step % 5 === 0)) {
        expect((await get(`/api/v1/events/${hiddenEvent}`)).status, where).toBe(404)
      }
      if (step % 50 === 0) probes.push('/')
      const answers: [string, string][] = [['/api/v1/events', JSON.stringify(listing)]]
      const bodies = new Map<string, unknown>()
      for (const path of probes) {
        const res = await get(path)
        expect(res.status, `${where}: ${path}`).toBe(200)
        const text = await res.text()
        if (!/json/.test(res.headers.get('Content-Type') ?? '')) {
          answers.push([path, text])
          continue
        }
        // A list echoes its own query in links.self: only what it answers with counts.
        const body = JSON.parse(text) as { data?: unknown }
        bodies.set(path, body)
        answers.push([path, JSON.stringify('data' in body ? body.data : body)])
      }
      for (const [path, text] of answers) {
        for (const w of hiddenWords)
          expect(text.includes(w), `${where}: ${path} shows "${w}"`).toBe(false)
        for (const id of hiddenIds)
          expect(names(text, id), `${where}: ${path} names ${id}`).toBe(false)
      }
      if (!full) continue

      // Nothing public names an id the reference lists do not list.
      const story = bodies.get('/api/v1/story') as { data: Story }
      const listedPlaces = new Set(story.data.places.map((p) => p.id))
      const listed = (route: string) =>
        new Set(((bodies.get(route) as { data: { id: string }[] }).data ?? []).map((r) => r.id))
      const [actorIds, outletIds, chapterIds, categoryIds] = [
        '/api/v1/actors',
        '/api/v1/outlets',
        '/api/v1/chapters',
        '/api/v1/categories',
      ].map(listed) as [Set<string>, Set<string>, Set<string>, Set<string>]
      for (const event of story.data.events) {
        expect(chapterIds.has(event.chapter), `${where}: ${event.id} chapter`).toBe(true)
        expect(categoryIds.has(event.category), `${where}: ${event.id} category`).toBe(true)
        for (const p of event.places)
          expect(listedPlaces.has(p.id), `${where}: ${event.id} place ${p.id}`).toBe(true)
        for (const a of event.actors)
          expect(actorIds.has(a.id), `${where}: ${event.id} actor ${a.id}`).toBe(true)
        for (const o of event.outlets)
          expect(outletIds.has(o.id), `${where}: ${event.id} outlet ${o.id}`).toBe(true)
        for (const f of event.figures) {
          if (f.place_id)
            expect(listedPlaces.has(f.place_id), `${where}: figure ${f.id}`).toBe(true)
        }
        for (const q of event.quotes) {
          expect(actorIds.has(q.speaker.id), `${where}: quote ${q.id}`).toBe(true)
          if (q.outlet) expect(outletIds.has(q.outlet.id), `${where}: quote ${q.id}`).toBe(true)
        }
      }
      for (const place of story.data.places) {
        if (place.parent_id)
          expect(listedPlaces.has(place.parent_id), `${where}: ${place.id}`).toBe(true)
      }
    }
    // The sequence did what it was meant to: every kind of operation, and changes that stuck.
    expect(Object.keys(counts).sort()).toEqual(weights.map(([n]) => n).sort())
    expect(mirror.size).toBeGreaterThan(10)
  }, 240_000)
})
