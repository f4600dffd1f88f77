// Security checks on the real worker in workerd: a Content-Security-Policy without inline script
// on every HTML page, security headers on every route (static files included), the write API
// closed to other origins, and the write API's body limit.
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../worker/routes/admin'

const TOKEN = 'yir_security-token-for-the-worker-tests-0004'
const EVENT = '2022-09-27-phnom-penh-raids-1480-released'
const ORIGIN = 'https://elsewhere.example'

let clients = 0
function call(method: string, path: string, init: { headers?: HeadersInit; body?: BodyInit } = {}) {
  const headers = new Headers(init.headers)
  headers.set('CF-Connecting-IP', `2001:db8:5ec::${++clients}`)
  return exports.default.fetch(
    new Request(`http://example.com${path}`, {
      method,
      headers,
      body: init.body,
      duplex: 'half',
    } as RequestInit),
  )
}
const auth = { Authorization: `Bearer ${TOKEN}` }

async function sha256(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

beforeAll(async () => {
  await env.DB.prepare('INSERT INTO editor_tokens (name, token_hash) VALUES (?, ?)')
    .bind('Security test', await sha256(TOKEN))
    .run()
})

/** A CSP header as directive -> sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  expect(header, 'Content-Security-Policy').toBeTruthy()
  return new Map(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  )
}

function expectStrictScripts(header: string | null, where: string) {
  const csp = parseCsp(header)
  const scripts = csp.get('script-src') ?? csp.get('default-src')
  expect(scripts, `${where}: script-src or default-src`).toBeDefined()
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    expect(scripts, `${where}: script sources`).not.toContain(bad)
  }
  expect(csp.get('script-src-attr') ?? [], where).not.toContain("'unsafe-inline'")
  expect(csp.get('object-src') ?? csp.get('default-src'), `${where}: object-src`).toEqual([
    "'none'",
  ])
  expect(csp.get('base-uri'), `${where}: base-uri`).toBeDefined()
  expect(csp.get('frame-ancestors'), `${where}: frame-ancestors`).toEqual(["'none'"])
}

/** No script runs from the HTML itself: every script is external or a data block. */
function expectNoInlineScript(html: string, where: string) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  expect(scripts.length, where).toBeGreaterThan(0)
  for (const [, attrs, body] of scripts) {
    const type = /\btype="([^"]+)"/.exec(attrs!)?.[1]
    const external = /\bsrc="\/[^"/]/.test(attrs!)
    const data = type === 'application/json' || type === 'application/ld+json'
    expect(external || (data && !/\bsrc=/.test(attrs!)), `${where}: <script${attrs}>`).toBe(true)
    if (external) expect(body!.trim(), where).toBe('')
  }
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
  expect(markup, `${where}: inline event handlers`).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i)
  expect(markup, `${where}: javascript: URLs`).not.toMatch(
    /(?:href|src|action)\s*=\s*"\s*javascript:/i,
  )
}

describe('Content-Security-Policy', () => {
  it('the story page allows no inline script and has none', async () => {
    for (const path of ['/', `/?event=${EVENT}`]) {
      const res = await call('GET', path)
      expect(res.status, path).toBe(200)
      expectStrictScripts(res.headers.get('Content-Security-Policy'), path)
      expectNoInlineScript(await res.text(), path)
    }
  })

  it('the API docs allow no inline script and have none', async () => {
    const res = await call('GET', '/api/docs')
    expect(res.status).toBe(200)
    expectStrictScripts(res.headers.get('Content-Security-Policy'), '/api/docs')
    expectNoInlineScript(await res.text(), '/api/docs')
  })

  it('the editor page and every static file get the same policy as the page (web/public/_headers)', async () => {
    const page = (await call('GET', '/')).headers.get('Content-Security-Policy')
    for (const path of ['/editor', '/favicon.svg', '/api-docs/swagger-ui.css']) {
      const res = await env.ASSETS.fetch(`http://example.com${path}`)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Content-Security-Policy'), path).toBe(page)
      if (path === '/editor') expectNoInlineScript(await res.text(), path)
      else await res.arrayBuffer()
    }
  })

  it('API responses may load and run nothing', async () => {
    const csp = parseCsp(
      (await call('GET', '/api/v1/events')).headers.get('Content-Security-Policy'),
    )
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  })
})

/** Every route: public (all of the OpenAPI document's), admin, the page, docs, static, errors. */
async function everyRoute(): Promise<[string, string, Record<string, string>][]> {
  const doc = (await (await call('GET', '/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>
  }
  const publicRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map(
      (m) =>
        [m.toUpperCase(), path.replace('{id}', EVENT).replace('{slug}', 'not-found'), {}] as [
          string,
          string,
          Record<string, string>,
        ],
    ),
  )
  expect(publicRoutes.length).toBeGreaterThan(10)
  const adminRoutes: [string, string, Record<string, string>][] = [
    '/me',
    '/events',
    `/events/${EVENT}`,
    `/events/${EVENT}/revisions`,
    '/figures/1',
    '/story',
    '/story/revisions',
    '/preview',
    '/options',
  ].map((p) => ['GET', `/api/v1/admin${p}`, auth])
  return [
    ...publicRoutes,
    ...adminRoutes,
    ['GET', '/api/v1/admin/me', {}],
    ['PATCH', `/api/v1/admin/events/${EVENT}`, auth],
    ['GET', '/', {}],
    ['GET', '/api/docs/init.js', {}],
    ['GET', '/editor', {}],
    ['GET', '/favicon.svg', {}],
    ['GET', '/api/v1/no-such-thing', {}],
    ['POST', '/api/v1/events', {}],
    ['GET', '/no-such-page', {}],
  ]
}

const REQUIRED: [string, RegExp][] = [
  ['Content-Security-Policy', /\S/],
  ['X-Content-Type-Options', /^nosniff$/],
  ['Referrer-Policy', /^no-referrer$/],
  ['Strict-Transport-Security', /max-age=\d{7,}/],
  ['X-Frame-Options', /^(SAMEORIGIN|DENY)$/],
  ['Cross-Origin-Opener-Policy', /^same-origin$/],
  ['Cross-Origin-Resource-Policy', /^(same-origin|cross-origin)$/],
  ['Permissions-Policy', /camera=\(\)/],
]

describe('security headers', () => {
  it('are on every route: public, admin, page, docs, static files and errors', async () => {
    const routes = await everyRoute()
    for (const [method, path, headers] of routes) {
      const res = await call(method, path, { headers })
      await res.arrayBuffer()
      for (const [name, value] of REQUIRED) {
        expect(res.headers.get(name), `${method} ${path} (${res.status}): ${name}`).toMatch(value)
      }
    }
  })

  it('are sent by the static files themselves, not only by the worker', async () => {
    for (const path of ['/editor', '/favicon.svg', '/no-such-file.js']) {
      const res = await env.ASSETS.fetch(`http://example.com${path}`)
      await res.arrayBuffer()
      for (const [name, value] of REQUIRED)
        expect(res.headers.get(name), `${path}: ${name}`).toMatch(value)
    }
  })
})

describe('addresses that are not there', () => {
  it('get a page that says so, and a write to a page gets 405 problem+json, never an empty body', async () => {
    for (const path of ['/no-such-page', '/assets/no-such-file.js', '/story/2022']) {
      const res = await call('GET', path)
      expect(res.status, path).toBe(404)
      const html = await res.text()
      expect(html, path).toContain('There is no page at this address')
      expect(html, path).toContain('<a href="/">Read the story</a>')
    }
    for (const [method, path] of [
      ['POST', '/'],
      ['PUT', '/index.html'],
      ['DELETE', '/favicon.svg'],
    ] as const) {
      const res = await call(method, path)
      expect(res.status, `${method} ${path}`).toBe(405)
      expect(res.headers.get('Allow')).toBe('GET, HEAD')
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
      expect(((await res.json()) as { detail: string }).detail).toMatch(/read-only/)
    }
  })
})

describe('the write API and other origins', () => {
  const ADMIN = [
    ['GET', '/api/v1/admin/me'],
    ['GET', '/api/v1/admin/events'],
    ['PATCH', `/api/v1/admin/events/${EVENT}`],
    ['POST', '/api/v1/admin/events'],
    ['DELETE', '/api/v1/admin/figures/1'],
    ['GET', '/api/v1/admin/preview'],
  ]

  it('answers no CORS preflight and grants no origin, with or without a token', async () => {
    for (const [method, path] of ADMIN) {
      for (const headers of [{}, auth]) {
        const preflight = await call('OPTIONS', path!, {
          headers: {
            ...headers,
            Origin: ORIGIN,
            'Access-Control-Request-Method': method!,
            'Access-Control-Request-Headers': 'authorization, if-match, content-type',
          },
        })
        await preflight.arrayBuffer()
        expect(preflight.headers.get('Access-Control-Allow-Origin'), `OPTIONS ${path}`).toBeNull()
        expect(preflight.headers.get('Access-Control-Allow-Methods'), `OPTIONS ${path}`).toBeNull()
        expect(preflight.headers.get('Access-Control-Allow-Headers'), `OPTIONS ${path}`).toBeNull()
      }
      const res = await call(method!, path!, { headers: { ...auth, Origin: ORIGIN } })
      await res.arrayBuffer()
      expect(res.headers.get('Access-Control-Allow-Origin'), `${method} ${path}`).toBeNull()
      expect(res.headers.get('Access-Control-Allow-Credentials'), `${method} ${path}`).toBeNull()
    }
  })

  it('while the public data stays open to every origin', async () => {
    const res = await call('GET', '/api/v1/events?limit=1', { headers: { Origin: ORIGIN } })
    await res.arrayBuffer()
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })
})

describe('body limit', () => {
  const json = (bytes: number) => JSON.stringify({ body: 'x'.repeat(bytes - 11) })

  it(`refuses bodies over ${MAX_BODY_BYTES / 1024} KB with 413 problem+json, declared or streamed`, async () => {
    const over = json(MAX_BODY_BYTES + 1)
    expect(new TextEncoder().encode(over).length).toBe(MAX_BODY_BYTES + 1)
    const declared = await call('PATCH', `/api/v1/admin/events/${EVENT}`, {
      headers: { ...auth, 'If-Match': '"1"', 'Content-Type': 'application/json' },
      body: over,
    })
    const streamed = await call('POST', '/api/v1/admin/events', {
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: new Blob([over]).stream(),
    })
    const anonymous = await call('POST', '/api/v1/admin/validate', {
      headers: { 'Content-Type': 'application/json' },
      body: json(1024 * 1024),
    })
    for (const res of [declared, streamed, anonymous]) {
      expect(res.status).toBe(413)
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
      expect(((await res.json()) as { detail: string }).detail).toMatch(/at most 64 KB/)
    }
  })

  it('takes a body of exactly the limit', async () => {
    const res = await call('POST', '/api/v1/admin/validate', {
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        table: 'notes',
        data: { text: 'x'.repeat(MAX_BODY_BYTES - 40) },
      }).padEnd(MAX_BODY_BYTES, ' '),
    })
    expect(res.status).not.toBe(413)
    expect(res.status).toBeLessThan(500)
    await res.arrayBuffer()
  })
})
