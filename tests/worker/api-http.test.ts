// HTTP behaviour of every public route: strong ETags and 304s, Cache-Control, the edge cache
// keyed by the data version, CORS and security headers.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { REVALIDATE } from '../../worker/lib/cache-control'
import { sha256Hex } from '../../worker/lib/sha256'
import { adminCall, etagOf, registerEditor, sql } from './admin-client'
import { ORIGIN, expectProblem, get, getJson, type ListBody } from './api-client'
import { dataChanged } from '../../worker/http/freshness'

const ROUTES = [
  '/api/v1/events',
  '/api/v1/events?category=enforcement&limit=3',
  '/api/v1/events/2022-09-19-sar-kheng-289-complaints',
  '/api/v1/figures?measure=complaints',
  '/api/v1/places',
  '/api/v1/actors',
  '/api/v1/outlets',
  '/api/v1/categories',
  '/api/v1/chapters',
  '/api/v1/story',
  '/api/v1/events.csv',
  '/api/v1/places.geojson',
  '/api/v1/timeline.json',
  '/api/v1/dataset.jsonld',
  '/api/v1/openapi.json',
  '/api/v1/problems',
]

describe('conditional requests', () => {
  it('gives every public route a strong ETag, Cache-Control, and 304 for If-None-Match', async () => {
    for (const path of ROUTES) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      const etag = res.headers.get('ETag')!
      expect(etag, path).toMatch(/^"\d+-[0-9a-f]{24}"$/)
      expect(res.headers.get('Cache-Control'), path).toBe(REVALIDATE)
      await res.arrayBuffer()

      const again = await get(path, { headers: { 'If-None-Match': etag } })
      expect(again.status, path).toBe(304)
      expect(again.headers.get('ETag')).toBe(etag)
      expect(again.headers.get('Cache-Control')).toBe(REVALIDATE)
      expect(await again.text()).toBe('')
    }
  })

  it('matches If-None-Match lists and weak forms, and answers a stale tag in full', async () => {
    const etag = (await get('/api/v1/places')).headers.get('ETag')!
    for (const header of [`"0-aaaa", ${etag}`, `W/${etag}`, '*']) {
      expect(
        (await get('/api/v1/places', { headers: { 'If-None-Match': header } })).status,
        header,
      ).toBe(304)
    }
    const stale = await get('/api/v1/places', {
      headers: { 'If-None-Match': '"1-000000000000000000000000"' },
    })
    expect(stale.status).toBe(200)
  })

  it('gives each request its own ETag, the same for the same query in another order', async () => {
    const tag = async (path: string) => (await get(path)).headers.get('ETag')
    const a = await tag('/api/v1/events?category=enforcement&from=2022-09-01')
    expect(await tag('/api/v1/events?from=2022-09-01&category=enforcement')).toBe(a)
    expect(await tag('/api/v1/events?category=enforcement')).not.toBe(a)
    expect(await tag('/api/v1/places')).not.toBe(await tag('/api/v1/actors'))
  })
})

describe('conditional requests for what does not exist', () => {
  /** The data version now, as the API shows it. */
  const version = async () =>
    (await getJson<{ data: { story: { data_version: number } } }>('/api/v1/story')).data.story
      .data_version
  /**
   * The tag `etag` (of some version) at `v`: the hash is the request's, never the body's, so anyone
   * who has seen one tag of a URL can make up the tag it would have at any other version.
   */
  const at = (etag: string, v: number) => etag.replace(/^"\d+-/, `"${v}-`)
  const GZIP = { 'Accept-Encoding': 'gzip' }

  /** Asserts every header in `headers` gets the 404 a request without it gets, never 304. */
  async function notFoundWith(path: string, headers: string[], init: HeadersInit = {}) {
    await expectProblem(await get(path, { headers: init }), 404, 'not-found')
    for (const header of headers) {
      const res = await get(path, { headers: { ...init, 'If-None-Match': header } })
      expect(res.headers.get('ETag'), `${path} ${header}`).toBeNull()
      await expectProblem(res, 404, 'not-found')
    }
  }

  it('gives a deleted event, a draft and an unknown id 404 for a made-up tag or `*`', async () => {
    const editor = await registerEditor('Conditional Requests Editor')
    const { data } = await getJson<ListBody<{ id: string }>>('/api/v1/events?fields=id')
    const [deleted, draft] = [data[10]!.id, data[11]!.id]
    const tags = new Map<string, { identity: string; gzip: string }>()
    for (const id of [deleted, draft]) {
      const identity = (await get(`/api/v1/events/${id}`)).headers.get('ETag')!
      const gzip = (await get(`/api/v1/events/${id}`, { headers: GZIP })).headers.get('ETag')!
      expect(gzip).toBe(identity.replace(/"$/, '-gzip"'))
      tags.set(id, { identity, gzip })
    }
    try {
      // Deleted through the write API: the version moves on, and the tag with it, predictably.
      const del = await adminCall(editor, 'DELETE', `/api/v1/admin/events/${deleted}`, {
        ifMatch: await etagOf(editor, 'events', deleted),
      })
      expect(del.status, await del.text()).toBe(200)
      let v = await version()
      const gone = tags.get(deleted)!
      // Before: the next version's tag, in either coding, answered 304 for the deleted event.
      const path = `/api/v1/events/${deleted}`
      await notFoundWith(path, [at(gone.identity, v), `"0-x", ${at(gone.identity, v)}`, '*'])
      await notFoundWith(path, [at(gone.gzip, v), `W/${at(gone.gzip, v)}`], GZIP)

      // A draft (raw SQL, as an editor with wrangler would): its tag is as easy to make up.
      await sql("UPDATE events SET status = 'draft' WHERE id = ?", draft)
      dataChanged()
      v = await version()
      const hidden = tags.get(draft)!
      await notFoundWith(`/api/v1/events/${draft}`, [at(hidden.identity, v), '*'])
      await notFoundWith(`/api/v1/events/${draft}`, [at(hidden.gzip, v)], GZIP)

      // An id that never was: its tag is the hash of the deployment, the origin and the request.
      const unknown = '/api/v1/events/no-such-event-ever'
      const deployment = env.CF_VERSION_METADATA?.id ?? 'local'
      const hash = (await sha256Hex(`${deployment} ${ORIGIN} ${unknown}`)).slice(0, 24)
      await notFoundWith(unknown, [`"${v}-${hash}"`, '*'])
      await notFoundWith(unknown, [`"${v}-${hash}-gzip"`], GZIP)
    } finally {
      await sql(
        "UPDATE events SET status = 'published', deleted_at = NULL WHERE id IN (?, ?)",
        deleted,
        draft,
      )
      dataChanged()
    }

    // Public again: its real tag at this version is 304 on a cold cache (built, then judged) and
    // on a warm one, `*` too; a stale tag is answered in full.
    const v = await version()
    const path = `/api/v1/events/${deleted}`
    const real = at(tags.get(deleted)!.identity, v)
    for (const [how, header] of [
      ['cold', real],
      ['cold', '*'],
    ] as const) {
      const res = await get(path, { headers: { 'If-None-Match': header } })
      expect(res.status, `${how} ${header}`).toBe(304)
      expect(res.headers.get('ETag')).toBe(real)
    }
    const full = await get(path)
    expect(full.status).toBe(200)
    expect(full.headers.get('ETag')).toBe(real)
    await full.arrayBuffer()
    for (const header of [real, '*', `W/${real}`]) {
      const res = await get(path, { headers: { 'If-None-Match': header } })
      expect(res.status, `warm ${header}`).toBe(304)
      expect(res.headers.get('ETag')).toBe(real)
    }
    const gzip = await get(path, {
      headers: { ...GZIP, 'If-None-Match': at(tags.get(deleted)!.gzip, v) },
    })
    expect(gzip.status).toBe(304)
    const stale = await get(path, { headers: { 'If-None-Match': tags.get(deleted)!.identity } })
    expect(stale.status).toBe(200)
    expect(stale.headers.get('ETag')).toBe(real)
    await stale.arrayBuffer()
  })
})

describe('the edge cache', () => {
  it('serves the cached response until the data changes, then the change at once', async () => {
    const path = '/api/v1/events/2022-09-19-sar-kheng-289-complaints'
    const first = await get(path)
    const firstBody = (await first.json()) as {
      data: { headline: string }
      meta: { generated_at: string }
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await get(path)
    // The same bytes: generated once, then served from the cache.
    expect(((await second.json()) as typeof firstBody).meta.generated_at).toBe(
      firstBody.meta.generated_at,
    )
    expect(second.headers.get('ETag')).toBe(first.headers.get('ETag'))

    // An editor's change moves the data version on (the revision triggers do it).
    await env.DB.prepare(
      `UPDATE events SET headline = 'Changed by an editor', version = version + 1,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    )
      .bind('2022-09-19-sar-kheng-289-complaints')
      .run()
    // A raw SQL write in this isolate: tell it at once (other isolates see it within a second).
    dataChanged()
    const third = await get(path, { headers: { 'If-None-Match': first.headers.get('ETag')! } })
    expect(third.status).toBe(200)
    expect(third.headers.get('ETag')).not.toBe(first.headers.get('ETag'))
    expect(((await third.json()) as typeof firstBody).data.headline).toBe('Changed by an editor')
  })

  it('never caches a problem', async () => {
    const res = await get('/api/v1/events?limit=0')
    expect(res.status).toBe(400)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('ETag')).toBeNull()
  })
})

describe('CORS', () => {
  it('lets any origin read the public data and see ETag, Link and Retry-After', async () => {
    for (const path of [
      '/api/v1/events',
      '/api/v1/events.csv',
      '/api/v1/nothing-here',
      '/api/v1/events?limit=0',
    ]) {
      const res = await get(path, { headers: { Origin: 'https://newsroom.example' } })
      expect(res.headers.get('Access-Control-Allow-Origin'), path).toBe('*')
      const exposed = (res.headers.get('Access-Control-Expose-Headers') ?? '').split(',')
      expect(exposed, path).toEqual(expect.arrayContaining(['ETag', 'Link', 'Retry-After']))
    }
  })

  it('answers a preflight for GET, HEAD and OPTIONS', async () => {
    const res = await get('/api/v1/events', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://newsroom.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'If-None-Match',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
    expect(res.headers.get('Access-Control-Allow-Headers')).toContain('If-None-Match')
  })
})

describe('security headers', () => {
  it('are on every response; only public data may be read cross-origin', async () => {
    const checks: [string, string, RequestInit?][] = [
      ['/api/v1/events', 'cross-origin'],
      ['/api/v1/events?limit=0', 'cross-origin'],
      ['/api/v1/nothing', 'cross-origin'],
      ['/api/v1/places', 'cross-origin', { headers: { 'If-None-Match': '*' } }],
      ['/api/docs', 'same-origin'],
      ['/api/nothing', 'same-origin'],
    ]
    for (const [path, corp, init] of checks) {
      const res = await get(path, init)
      const h = res.headers
      expect(h.get('Cross-Origin-Resource-Policy'), path).toBe(corp)
      expect(h.get('X-Content-Type-Options'), path).toBe('nosniff')
      expect(h.get('Referrer-Policy'), path).toBe('no-referrer')
      expect(h.get('X-Frame-Options'), path).toBe('SAMEORIGIN')
      expect(h.get('Strict-Transport-Security'), path).toMatch(/^max-age=\d+/)
      await res.arrayBuffer()
    }
  })
})
