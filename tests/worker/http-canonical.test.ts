// HTTP details a partner's client relies on: trailing slashes redirect to the canonical path; each
// representation (gzip or identity body, one host or another) has its own ETag, with
// Vary: Accept-Encoding; If-None-Match: * is judged after existence; malformed percent-encoding is
// refused before any cache; tracking parameters are ignored by the exports and the page only.
import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { expectProblem, get } from './api-client'

const EVENT = '2022-09-19-sar-kheng-289-complaints'

describe('trailing slashes', () => {
  it('redirect (308) to the path without them, the query kept', async () => {
    const cases: [string, string][] = [
      ['/api/v1/events/', '/api/v1/events'],
      [
        '/api/v1/events/?limit=2&category=enforcement',
        '/api/v1/events?limit=2&category=enforcement',
      ],
      [`/api/v1/events/${EVENT}/`, `/api/v1/events/${EVENT}`],
      ['/api/v1/events.csv//', '/api/v1/events.csv'],
      ['/api/docs/', '/api/docs'],
    ]
    for (const [from, to] of cases) {
      const res = await get(from, { redirect: 'manual' })
      expect(res.status, from).toBe(308)
      expect(res.headers.get('Location'), from).toBe(to)
      // A browser on another origin may follow it.
      if (from.startsWith('/api/v1/')) {
        expect(res.headers.get('Access-Control-Allow-Origin'), from).toBe('*')
      }
    }
    // The write API asks for its token first, whatever the path.
    for (const path of ['/api/v1/admin/', '/api/v1/admin/events/', '/api/v1/admin/nope/']) {
      const res = await get(path, { redirect: 'manual' })
      expect(res.status, path).toBe(401)
      await res.arrayBuffer()
    }
    // The canonical path answers.
    expect((await get('/api/v1/events?limit=2&category=enforcement')).status).toBe(200)
  })
})

describe('ETags per representation', () => {
  const ROUTES = [
    '/api/v1/events?limit=2',
    `/api/v1/events/${EVENT}`,
    '/api/v1/story',
    '/api/v1/events.csv',
    '/api/v1/places.geojson',
    '/',
  ]

  it('differ for the gzip and the identity body; both vary on Accept-Encoding', async () => {
    for (const path of ROUTES) {
      const plain = await get(path)
      const gzip = await get(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
      expect(plain.status, path).toBe(200)
      expect(gzip.status, path).toBe(200)
      const plainTag = plain.headers.get('ETag')!
      const gzipTag = gzip.headers.get('ETag')!
      expect(plainTag, path).toMatch(/^"[^"]+"$/)
      expect(gzipTag, path).toBe(plainTag.replace(/"$/, '-gzip"'))
      expect(gzip.headers.get('Content-Encoding'), path).toBe('gzip')
      expect(plain.headers.get('Content-Encoding'), path).toBeNull()
      for (const res of [plain, gzip]) {
        expect(res.headers.get('Vary'), path).toMatch(/accept-encoding/i)
      }
      // The same content, whatever its coding on the wire.
      expect(await gzip.text(), path).toBe(await plain.text())

      // Each tag revalidates its own representation.
      const same = await get(path, {
        headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': gzipTag },
      })
      expect(same.status, path).toBe(304)
      expect(same.headers.get('ETag'), path).toBe(gzipTag)
      expect(same.headers.get('Vary'), path).toMatch(/accept-encoding/i)
      const other = await get(path, { headers: { 'If-None-Match': gzipTag } })
      expect(other.status, path).toBe(200)
      await other.arrayBuffer()
      // A client that refuses gzip gets the identity body.
      const refused = await get(path, { headers: { 'Accept-Encoding': 'gzip;q=0, br' } })
      expect(refused.headers.get('ETag'), path).toBe(plainTag)
      await refused.arrayBuffer()
    }
  })

  it('follow what the client accepts (request.cf.clientAcceptEncoding), not the header the runtime rewrote', async () => {
    // The runtime replaces Accept-Encoding with its own "br, gzip" and keeps the client's value in
    // cf.clientAcceptEncoding: a client that refused gzip must still get the identity body.
    for (const path of ROUTES) {
      const plainTag = (await get(path)).headers.get('ETag')
      for (const client of ['identity', 'gzip;q=0', 'br']) {
        const res = await exports.default.fetch(
          new Request(`http://example.com${path}`, {
            headers: { 'Accept-Encoding': 'br, gzip', 'CF-Connecting-IP': '2001:db8:5::2' },
            cf: { clientAcceptEncoding: client },
          }),
        )
        expect(res.status, `${path} ${client}`).toBe(200)
        expect(res.headers.get('Content-Encoding'), `${path} ${client}`).toBeNull()
        expect(res.headers.get('ETag'), `${path} ${client}`).toBe(plainTag)
        await res.arrayBuffer()
      }
    }
  })

  it('differ between hosts, whose bodies carry their own links', async () => {
    for (const path of ['/api/v1/events?limit=2', '/api/v1/places.geojson', '/']) {
      const local = await get(path)
      const here = local.headers.get('ETag')
      await local.arrayBuffer()
      const res = await fetchAt('http://mirror.example', path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('ETag'), path).not.toBe(here)
      await res.arrayBuffer()
    }
  })

  it('are sent with Vary: Accept-Encoding on problems and other bodies too', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/v1/events?limit=0', '/api/v1/problems']) {
      const res = await get(path)
      expect(res.headers.get('Vary'), path).toMatch(/accept-encoding/i)
      await res.arrayBuffer()
    }
  })
})

/** A request to the worker under another host name. */
function fetchAt(origin: string, path: string): Promise<Response> {
  return exports.default.fetch(
    new Request(`${origin}${path}`, { headers: { 'CF-Connecting-IP': '2001:db8:5::1' } }),
  )
}

describe('If-None-Match: *', () => {
  it('is 404 for an event that does not exist, and 304 for one that does', async () => {
    const missing = await get('/api/v1/events/2022-01-01-no-such-event', {
      headers: { 'If-None-Match': '*' },
    })
    await expectProblem(missing, 404, 'not-found')
    // Again, now that the miss could have been remembered anywhere.
    const again = await get('/api/v1/events/2022-01-01-no-such-event', {
      headers: { 'If-None-Match': '*' },
    })
    expect(again.status).toBe(404)
    await again.arrayBuffer()

    for (const path of [`/api/v1/events/${EVENT}`, '/api/v1/places', '/']) {
      // Both before and after the response is in the cache.
      for (const round of [1, 2]) {
        const res = await get(path, { headers: { 'If-None-Match': '*' } })
        expect(res.status, `${path} (${round})`).toBe(304)
        expect(res.headers.get('ETag'), path).toMatch(/^"/)
      }
    }
  })
})

describe('malformed percent-encoding', () => {
  it('is refused with 400 naming the parameter, before any cache', async () => {
    // The U+FFFD that %FF would be read as, cached first: the malformed request must not share it.
    const replacement = await get('/api/v1/events?q=%EF%BF%BD')
    expect(replacement.status).toBe(200)
    await replacement.arrayBuffer()
    for (const path of [
      '/api/v1/events?q=%FF',
      '/api/v1/events?q=abc%E2%82',
      '/api/v1/events.csv?q=%C0%AF',
      '/api/v1/places?x=%FF',
      '/?event=%FF',
    ]) {
      const res = await get(path)
      const problem = await expectProblem(res, 400, 'invalid-parameter')
      expect(problem.detail, path).toMatch(/percent-encoding/)
      expect(problem.detail, path).toMatch(/UTF-8/)
      expect(problem.parameter, path).toBe(
        path.includes('?q=') ? 'q' : path.includes('x=') ? 'x' : 'event',
      )
    }
    // A malformed path is refused too.
    const path = await get('/api/v1/events/%FF%FE')
    await expectProblem(path, 400, 'invalid-parameter')
  })
})

describe('tracking parameters', () => {
  it('are ignored by the exports and the page, and share their cache entry', async () => {
    for (const path of ['/api/v1/events.csv', '/api/v1/timeline.json', '/']) {
      const plain = await get(path)
      expect(plain.status, path).toBe(200)
      const text = await plain.text()
      const separator = path.includes('?') ? '&' : '?'
      const tracked = await get(
        `${path}${separator}utm_source=newsletter&utm_medium=email&utm_campaign=2023-review&fbclid=IwAR0abc&gclid=Cj0KCQ`,
      )
      expect(tracked.status, path).toBe(200)
      expect(tracked.headers.get('ETag'), path).toBe(plain.headers.get('ETag'))
      expect(await tracked.text(), path).toBe(text)
    }
    // The page still reads its own parameter beside them.
    const deep = await get(`/?utm_source=x&event=${EVENT}`)
    expect(deep.headers.get('ETag')).toContain(EVENT)
    await deep.arrayBuffer()
  })

  it('stay a 400 on the JSON API', async () => {
    for (const path of [
      '/api/v1/events?utm_source=newsletter',
      '/api/v1/story?fbclid=abc',
      '/api/v1/places?gclid=abc',
    ]) {
      const res = await get(path)
      await expectProblem(res, 400, 'unknown-parameter')
    }
  })

  it('are only the documented ones: anything else on an export is still refused', async () => {
    const res = await get('/api/v1/events.csv?utm=1')
    await expectProblem(res, 400, 'unknown-parameter')
  })
})
