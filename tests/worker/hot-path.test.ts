// The hot path: a cache hit reads nothing from D1 and calls no binding (both counted on the real
// D1 and rate-limit bindings, passed through a counting wrapper); an editor's write is visible on
// every public route at once in the isolate that wrote, and within a second everywhere (raw SQL);
// the story page is rate-limited on misses, and an unknown ?event= shares the plain story's entry
// (a made-up tag for it gets the plain story, never a 304); CORS headers appear once, on hits as
// on misses.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import worker from '../../worker/index'
import { MEMO_MS, dataChanged } from '../../worker/http/freshness'
import { REVALIDATE } from '../../worker/lib/cache-control'
import { heldInIsolate, ISOLATE_BYTES } from '../../worker/lib/edge-cache'
import { registerEditor, sql, type Editor } from './admin-client'
import { countingBindings } from './counting'

/** How many times the worker called D1 (statements prepared, batches, exec) and the limiter. */
const counts = { d1: 0, limiter: 0 }

const countingEnv: Env = countingBindings(counts)

const hex = () => Math.floor(Math.random() * 0x10000).toString(16)
const CLIENT = `2001:db8:407::${hex()}:${hex()}`
let clientCounter = 0
/** A client address of its own, for requests that must not be held up by the rate limit. */
const freshClient = () => `2001:db8:408::${(++clientCounter).toString(16)}`

/** One request to the worker's own fetch, with the counting bindings; waits for its cache writes. */
async function call(
  path: string,
  init: RequestInit & { ip?: string; origin?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers)
  if (!headers.has('CF-Connecting-IP')) headers.set('CF-Connecting-IP', init.ip ?? CLIENT)
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(`${init.origin ?? 'http://hot.example'}${path}`, { ...init, headers }),
    countingEnv,
    ctx,
  )
  const body = await res.arrayBuffer()
  await waitOnExecutionContext(ctx)
  return new Response(res.status === 304 ? null : body, res)
}

/** Counts the D1 and limiter calls of one request. */
async function counted(path: string, init: Parameters<typeof call>[1] = {}) {
  counts.d1 = 0
  counts.limiter = 0
  const res = await call(path, init)
  return { res, d1: counts.d1, limiter: counts.limiter }
}

const EVENT = '2022-09-19-sar-kheng-289-complaints'

const CACHED_ROUTES = [
  '/api/v1/events',
  '/api/v1/events?category=enforcement&limit=3',
  `/api/v1/events/${EVENT}`,
  '/api/v1/figures?measure=complaints',
  '/api/v1/places',
  '/api/v1/actors',
  '/api/v1/outlets',
  '/api/v1/categories',
  '/api/v1/chapters',
  '/api/v1/story',
  '/api/v1/events.csv',
  '/api/v1/figures.csv',
  '/api/v1/figures.csv?bom=1',
  '/api/v1/places.csv',
  '/api/v1/actors.csv',
  '/api/v1/places.geojson',
  '/api/v1/timeline.json',
  '/api/v1/data.zip',
  '/api/v1/dataset.jsonld',
  '/api/v1/openapi.json',
  '/api/v1/problems',
  '/',
  `/?event=${EVENT}`,
  `/share/${EVENT}.png`,
]

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a cache hit', () => {
  it('reads nothing from D1 and calls no binding, on every cached route and the page', async () => {
    for (const path of CACHED_ROUTES) {
      const miss = await counted(path, { ip: freshClient() })
      expect(miss.res.status, path).toBe(200)
      expect(miss.limiter, `${path}: a miss spends the rate limit`).toBe(1)
      expect(miss.d1, `${path}: a miss reads D1`).toBeGreaterThan(0)
      // Once more after the memo has lapsed, so the data version is remembered afresh: on a busy
      // machine a slow miss, or a second call just inside the memo, could outlast it.
      await sleep(MEMO_MS)
      await call(path, { ip: freshClient() })
      const hit = await counted(path, { ip: freshClient() })
      expect(hit.res.status, path).toBe(200)
      expect(hit.res.headers.get('ETag'), path).toBe(miss.res.headers.get('ETag'))
      expect({ path, d1: hit.d1, limiter: hit.limiter }).toEqual({ path, d1: 0, limiter: 0 })
      // A conditional request that matches is answered alike.
      const again = await counted(path, {
        ip: freshClient(),
        headers: { 'If-None-Match': miss.res.headers.get('ETag')! },
      })
      expect(again.res.status, path).toBe(304)
      expect({ path, d1: again.d1, limiter: again.limiter }).toEqual({ path, d1: 0, limiter: 0 })
      // No cache in front of the worker (a browser's, a partner's proxy) may keep any of them
      // past the next request: the edge copy's own lifetime never reaches a client.
      for (const [how, res] of [
        ['miss', miss.res],
        ['hit', hit.res],
        ['304', again.res],
      ] as const) {
        expect(res.headers.get('Cache-Control'), `${path} (${how})`).toBe(REVALIDATE)
      }
    }
  })

  it('serves an unknown ?event= from the plain story’s entry', async () => {
    const plain = await call('/', { ip: freshClient() })
    await call('/', { ip: freshClient() })
    const unknown = await counted('/?event=no-such-event-ever', { ip: freshClient() })
    expect(unknown.res.status).toBe(200)
    expect(unknown.res.headers.get('X-Page-Cache')).toBe('hit')
    expect(unknown.res.headers.get('ETag')).toBe(plain.headers.get('ETag'))
    expect({ d1: unknown.d1, limiter: unknown.limiter }).toEqual({ d1: 0, limiter: 0 })
    expect(await unknown.res.text()).toBe(await plain.text())
  })
})

describe('the isolate’s copy of the edge cache', () => {
  it('answers a repeated hit from memory, opening no cache, with the same bytes', async () => {
    const opened = { count: 0 }
    const open = caches.open.bind(caches)
    const spy = vi.spyOn(caches, 'open').mockImplementation((name: string) => {
      opened.count += 1
      return open(name)
    })
    try {
      for (const path of ['/api/v1/story', '/api/v1/events.csv', '/', `/?event=${EVENT}`]) {
        const first = await call(path, { ip: freshClient() })
        // The second request finds the edge's entry and keeps a copy; the third needs no cache.
        await call(path, { ip: freshClient() })
        opened.count = 0
        const third = await counted(path, { ip: freshClient() })
        expect(third.res.status, path).toBe(200)
        expect({ path, opened: opened.count, d1: third.d1 }).toEqual({ path, opened: 0, d1: 0 })
        expect(third.res.headers.get('ETag'), path).toBe(first.headers.get('ETag'))
        expect(await third.res.text(), path).toBe(await first.text())
      }
      expect(heldInIsolate().bytes).toBeLessThanOrEqual(ISOLATE_BYTES)
      expect(heldInIsolate().entries).toBeGreaterThanOrEqual(4)
    } finally {
      spy.mockRestore()
    }
  })
})

describe('an editor’s change', () => {
  let editor: Editor
  beforeAll(async () => {
    editor = await registerEditor('Hot Path Editor')
  })

  /** The public routes that show an event's headline, and the page that opens at it. */
  const SHOWING_HEADLINE = [
    `/api/v1/events/${EVENT}`,
    '/api/v1/events',
    '/api/v1/story',
    '/api/v1/events.csv',
    '/api/v1/timeline.json',
    '/',
    `/?event=${EVENT}`,
  ]

  async function showsEverywhere(headline: string) {
    for (const path of SHOWING_HEADLINE) {
      const res = await call(path, { ip: freshClient() })
      expect(res.status, path).toBe(200)
      expect(await res.text(), path).toContain(headline)
    }
  }

  it('made through the write API is served at once by the isolate that wrote it', async () => {
    // Every route cached and the version remembered, before the change.
    for (const path of SHOWING_HEADLINE) await call(path, { ip: freshClient() })
    const read = await call(`/api/v1/admin/events/${EVENT}`, {
      ip: freshClient(),
      headers: { Authorization: `Bearer ${editor.token}` },
    })
    expect(read.status).toBe(200)
    const headline = 'Complaints reached the ministry, an editor wrote'
    const write = await call(`/api/v1/admin/events/${EVENT}`, {
      method: 'PATCH',
      ip: freshClient(),
      headers: {
        Authorization: `Bearer ${editor.token}`,
        'Content-Type': 'application/merge-patch+json',
        'If-Match': read.headers.get('ETag')!,
      },
      body: JSON.stringify({ headline }),
    })
    expect(write.status, await write.clone().text()).toBe(200)
    await showsEverywhere(headline)
  })

  it('made with raw SQL is served within a second, without waiting for any cache to expire', async () => {
    for (const path of SHOWING_HEADLINE) await call(path, { ip: freshClient() })
    const headline = 'Complaints reached the ministry, raw SQL said'
    await env.DB.prepare(
      `UPDATE events SET headline = ?, version = version + 1,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    )
      .bind(headline, EVENT)
      .run()
    await sleep(MEMO_MS)
    await showsEverywhere(headline)
  })
})

describe('a conditional request for the page', () => {
  /** The data version now, from the API (which renders no page, so none is known at it yet). */
  async function version(): Promise<number> {
    const res = await call('/api/v1/story', { ip: freshClient() })
    return ((await res.json()) as { data: { story: { data_version: number } } }).data.story
      .data_version
  }
  /**
   * The page's tag at `v` for `event` (or the start), made up from the start page's tag at some
   * version: `"page-<version>-<build>-<origin hash>-<event or start>"`, all of it predictable.
   */
  const tagAt = (start: string, v: number, event = 'start') =>
    start.replace(/^"page-\d+-/, `"page-${v}-`).replace(/-start"$/, `-${event}"`)

  /**
   * Asserts `?event=<id>` with If-None-Match `header` gets the start page at `v`, as without the
   * header: 200 with the start page's own ETag, never one naming `id`.
   */
  async function startPageFor(id: string, header: string, start: string, v: number) {
    const res = await call(`/?event=${id}`, {
      ip: freshClient(),
      headers: { 'If-None-Match': header },
    })
    expect(res.status, `${id} ${header}`).toBe(200)
    expect(res.headers.get('ETag'), `${id} ${header}`).toBe(tagAt(start, v))
    expect(await res.text()).toContain('<html')
  }

  it('gives a draft, deleted or unknown ?event= the start page, never 304 for a made-up tag', async () => {
    const list = await call('/api/v1/events?fields=id', { ip: freshClient() })
    const { data } = (await list.json()) as { data: { id: string }[] }
    const [draft, deleted] = [data[20]!.id, data[21]!.id]
    const start = (await call('/', { ip: freshClient() })).headers.get('ETag')!
    const unknown = 'no-such-event-ever'
    try {
      // Each change moves the version on, so the first request at it comes before any render:
      // this isolate does not know that version's events yet. Before, that request got 304 with
      // an ETag naming the event that is not there.
      await sql("UPDATE events SET status = 'draft' WHERE id = ?", draft)
      dataChanged()
      let v = await version()
      await startPageFor(draft, tagAt(start, v, draft), start, v)
      await startPageFor(draft, `"x", ${tagAt(start, v, draft)}`, start, v)

      await sql(
        "UPDATE events SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        deleted,
      )
      dataChanged()
      v = await version()
      await startPageFor(deleted, tagAt(start, v, deleted), start, v)

      await sql("UPDATE events SET status = 'published' WHERE id = ?", draft)
      dataChanged()
      v = await version()
      await startPageFor(unknown, tagAt(start, v, unknown), start, v)
      // `*`, or the start page's own tag: 304 for the page actually served, with its ETag, from
      // the page cache (the render above stored it) without reading D1.
      for (const header of ['*', tagAt(start, v)]) {
        for (const id of [unknown, deleted]) {
          const again = await counted(`/?event=${id}`, {
            ip: freshClient(),
            headers: { 'If-None-Match': header },
          })
          expect(again.res.status, `${id} ${header}`).toBe(304)
          expect(again.res.headers.get('ETag')).toBe(tagAt(start, v))
          expect({ d1: again.d1, limiter: again.limiter }).toEqual({ d1: 0, limiter: 0 })
        }
      }
    } finally {
      await sql(
        "UPDATE events SET status = 'published', deleted_at = NULL WHERE id IN (?, ?)",
        draft,
        deleted,
      )
      dataChanged()
    }

    // An event that exists: its real tag is 304 on a cold cache (rendered, then judged) and on a
    // warm one (from the page cache, reading nothing from D1).
    const v = await version()
    const real = tagAt(start, v, EVENT)
    const cold = await counted(`/?event=${EVENT}`, {
      ip: freshClient(),
      headers: { 'If-None-Match': real },
    })
    expect(cold.res.status).toBe(304)
    expect(cold.res.headers.get('ETag')).toBe(real)
    expect(cold.d1).toBeGreaterThan(0)
    const warm = await counted(`/?event=${EVENT}`, {
      ip: freshClient(),
      headers: { 'If-None-Match': real },
    })
    expect(warm.res.status).toBe(304)
    expect(warm.res.headers.get('ETag')).toBe(real)
    expect({ d1: warm.d1, limiter: warm.limiter }).toEqual({ d1: 0, limiter: 0 })
  })
})

describe('the rate limit', () => {
  it('refuses misses, the page’s included, and still serves hits once a client is over it', async () => {
    const ip = `2001:db8:409::${hex()}`
    // Cached (and the version remembered) before the client is over its limit.
    for (const path of ['/api/v1/places', '/']) {
      await call(path, { ip: freshClient() })
      await call(path, { ip: freshClient() })
    }
    let refused: Response | undefined
    for (let i = 0; i < 601 && !refused; i++) {
      const res = await call('/api/v1/nothing-here', { ip })
      if (res.status === 429) refused = res
      else expect(res.status).toBe(404)
    }
    expect(refused).toBeDefined()

    // A miss of the page (an origin it was never rendered for) is refused.
    const pageMiss = await call('/', { ip, origin: 'http://another-host.example' })
    expect(pageMiss.status).toBe(429)
    expect(pageMiss.headers.get('Retry-After')).toBe('60')
    expect(pageMiss.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(await pageMiss.text()).toContain('Too many requests')
    // So is a miss of the API.
    const apiMiss = await call('/api/v1/places', { ip, origin: 'http://another-host.example' })
    expect(apiMiss.status).toBe(429)
    // Hits cost nothing: the page and the API still answer from their caches.
    await call('/', { ip: freshClient() })
    const pageHit = await counted('/', { ip })
    expect(pageHit.res.status).toBe(200)
    expect(pageHit.limiter).toBe(0)
    await call('/api/v1/places', { ip: freshClient() })
    const apiHit = await counted('/api/v1/places', { ip })
    expect(apiHit.res.status).toBe(200)
    expect(apiHit.limiter).toBe(0)
    // Share cards alike: a hit (the card drawn for another client) costs nothing, a miss is refused.
    const card = `/share/${EVENT}.png`
    await call(card, { ip: freshClient() })
    await call(card, { ip: freshClient() })
    const cardHit = await counted(card, { ip })
    expect(cardHit.res.status).toBe(200)
    expect(cardHit.res.headers.get('X-Card-Cache')).toBe('hit')
    expect(cardHit.limiter).toBe(0)
    const cardMiss = await call('/share/story.png', { ip, origin: 'http://another-host.example' })
    expect(cardMiss.status).toBe(429)
  })
})

describe('CORS', () => {
  it('sends each CORS header once, on a miss and on a hit', async () => {
    for (const path of ['/api/v1/chapters', '/api/v1/events.csv', '/api/v1/nothing-here']) {
      for (const round of ['first', 'second']) {
        const res = await call(path, {
          ip: freshClient(),
          headers: { Origin: 'https://newsroom.example' },
        })
        const where = `${path} (${round})`
        expect(res.headers.get('Access-Control-Allow-Origin'), where).toBe('*')
        expect(res.headers.get('Access-Control-Expose-Headers'), where).toBe(
          'ETag,Link,Retry-After',
        )
      }
    }
  })
})
