// The isolate's memo of finished public responses (worker/http/response-memo.ts), in front of the
// whole worker: a hit reads nothing from D1, calls no binding (the environment is not even read:
// counted through a proxy over the real bindings) and opens no cache; it sends the bytes and
// headers the worker sent, answers If-None-Match with the worker's own 304 and HEAD without a
// body; an editor's write is served at once by the isolate that wrote it and a raw SQL change
// within a second; the memo holds at most MEMO_BYTES.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import worker from '../../worker/index'
import { MEMO_MS } from '../../worker/http/freshness'
import { MEMO_BYTES, memoInIsolate } from '../../worker/http/response-memo'
import { registerEditor, type Editor } from './admin-client'
import { countingBindings } from './counting'

/** What one request did: D1 calls, rate-limiter calls, reads of the environment, caches opened. */
const counts = { d1: 0, limiter: 0, env: 0, opened: 0 }

/** The real bindings, counted: every read of the environment, every D1 and limiter call. */
const countingEnv: Env = new Proxy(countingBindings(counts), {
  get(target, name, receiver) {
    counts.env += 1
    return Reflect.get(target, name, receiver) as unknown
  },
})

let clientCounter = 0
/** A client address of its own, so no request is held up by the rate limit. */
const freshClient = () => `2001:db8:40a::${(++clientCounter).toString(16)}`

const ORIGIN = 'http://memo.example'

/** One request to the worker's entry point with the counting bindings; waits for its cache writes. */
async function call(
  path: string,
  init: RequestInit & { origin?: string } = {},
): Promise<{ res: Response; body: string } & typeof counts> {
  const headers = new Headers(init.headers)
  headers.set('CF-Connecting-IP', freshClient())
  counts.d1 = counts.limiter = counts.env = counts.opened = 0
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(`${init.origin ?? ORIGIN}${path}`, { ...init, headers }),
    countingEnv,
    ctx,
  )
  const body = await res.text()
  await waitOnExecutionContext(ctx)
  return { res, body, ...counts }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Makes `path` a memo entry: a miss, then (the version remembered afresh) a hit the memo keeps. */
async function memoise(path: string, init: Parameters<typeof call>[1] = {}) {
  await call(path, init)
  // Past the remembered version's lifetime, so the next request remembers it afresh and the checks
  // after it fall well inside MEMO_MS even on a slow machine.
  await sleep(MEMO_MS)
  const kept = await call(path, init)
  expect(kept.res.status, path).toBe(200)
}

const headersOf = (res: Response) => [...res.headers].sort(([a], [b]) => (a < b ? -1 : 1))

const EVENT = '2022-09-19-sar-kheng-289-complaints'

beforeEach(() => {
  const open = caches.open.bind(caches)
  vi.spyOn(caches, 'open').mockImplementation((name: string) => {
    counts.opened += 1
    return open(name)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('a memo hit', () => {
  it('reads no D1, calls no binding, opens no cache, and sends what the worker sent', async () => {
    for (const path of ['/api/v1/story', '/api/v1/events?limit=2', '/api/v1/events.csv']) {
      await call(path)
      await sleep(MEMO_MS)
      const worker = await call(path)
      expect(worker.env, `${path}: the worker answered`).toBeGreaterThan(0)
      const hit = await call(path)
      expect(hit.res.status, path).toBe(200)
      expect({ path, d1: hit.d1, limiter: hit.limiter, env: hit.env, opened: hit.opened }).toEqual({
        path,
        d1: 0,
        limiter: 0,
        env: 0,
        opened: 0,
      })
      expect(hit.body, path).toBe(worker.body)
      expect(headersOf(hit.res), path).toEqual(headersOf(worker.res))
      // One set of CORS headers, as the worker sends.
      expect(hit.res.headers.get('Access-Control-Allow-Origin'), path).toBe('*')
      expect(hit.res.headers.get('Access-Control-Expose-Headers'), path).toBe(
        'ETag,Link,Retry-After',
      )
    }
  })

  it('answers If-None-Match with the worker’s own 304, for the tag and for *', async () => {
    const path = '/api/v1/chapters'
    const miss = await call(path)
    const etag = miss.res.headers.get('ETag')!
    // The worker's 304: the memo has no entry yet (a miss offers none).
    const fromWorker = await call(path, { headers: { 'If-None-Match': etag } })
    expect(fromWorker.res.status).toBe(304)
    await memoise(path)
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const fromMemo = await call(path, { headers: { 'If-None-Match': tag } })
      expect(fromMemo.res.status, tag).toBe(304)
      expect(fromMemo.body, tag).toBe('')
      expect(fromMemo.env, `${tag}: from the memo`).toBe(0)
      expect(headersOf(fromMemo.res), tag).toEqual(headersOf(fromWorker.res))
    }
    // A tag that does not match gets the body.
    const other = await call(path, { headers: { 'If-None-Match': '"0-nothing"' } })
    expect(other.res.status).toBe(200)
    expect(other.env).toBe(0)
    expect(other.body).toBe(miss.body)
  })

  it('answers HEAD with the GET’s headers and no body', async () => {
    const path = '/api/v1/places'
    await memoise(path)
    const get = await call(path)
    const head = await call(path, { method: 'HEAD' })
    expect(head.res.status).toBe(200)
    expect(head.env, 'from the memo').toBe(0)
    expect(head.body).toBe('')
    expect(head.res.body).toBeNull()
    expect(headersOf(head.res)).toEqual(headersOf(get.res))
  })

  it('keeps one entry per content coding, each with its own ETag', async () => {
    const path = '/api/v1/categories'
    const gzip = { headers: { 'Accept-Encoding': 'gzip' } }
    const identity = { headers: { 'Accept-Encoding': 'identity' } }
    await memoise(path, gzip)
    await memoise(path, identity)
    const zipped = await call(path, gzip)
    const plain = await call(path, identity)
    expect([zipped.env, plain.env]).toEqual([0, 0])
    expect(zipped.res.headers.get('Content-Encoding')).toBe('gzip')
    expect(plain.res.headers.get('Content-Encoding')).toBeNull()
    expect(zipped.res.headers.get('ETag')).toBe(
      `${plain.res.headers.get('ETag')!.slice(0, -1)}-gzip"`,
    )
    expect(zipped.res.headers.get('Vary')).toBe('Accept-Encoding')
  })

  it('never answers what the worker refuses or redirects, nor other methods', async () => {
    await memoise('/api/v1/events.csv?utm_source=newsletter')
    // An export ignores tracking parameters, through the memo as through the worker.
    const tracked = await call('/api/v1/events.csv?utm_source=newsletter')
    expect(tracked.env).toBe(0)
    const clean = await call('/api/v1/events.csv')
    expect(tracked.res.headers.get('ETag')).toBe(clean.res.headers.get('ETag'))
    // The JSON API refuses them, every time, with problem+json.
    for (let i = 0; i < 3; i++) {
      const bad = await call('/api/v1/story?utm_source=newsletter')
      expect(bad.res.status).toBe(400)
      expect(bad.res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
      expect(bad.env).toBeGreaterThan(0)
    }
    const slash = await call('/api/v1/story/')
    expect(slash.res.status).toBe(308)
    await memoise('/api/v1/story')
    const post = await call('/api/v1/story', { method: 'POST' })
    expect(post.res.status).toBe(405)
    expect(post.env).toBeGreaterThan(0)
  })
})

describe('an editor’s change', () => {
  let editor: Editor
  beforeAll(async () => {
    editor = await registerEditor('Memo Editor')
  })

  const storyShows = async (headline: string) =>
    (await call('/api/v1/story')).body.includes(headline)

  it('made through the write API is served at once by the isolate that wrote it', async () => {
    await memoise('/api/v1/story')
    expect((await call('/api/v1/story')).env, 'from the memo').toBe(0)
    const read = await call(`/api/v1/admin/events/${EVENT}`, {
      headers: { Authorization: `Bearer ${editor.token}` },
    })
    const headline = 'The ministry counted the complaints, the memo saw at once'
    const write = await call(`/api/v1/admin/events/${EVENT}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${editor.token}`,
        'Content-Type': 'application/merge-patch+json',
        'If-Match': read.res.headers.get('ETag')!,
      },
      body: JSON.stringify({ headline }),
    })
    expect(write.res.status, write.body).toBe(200)
    expect(await storyShows(headline)).toBe(true)
  })

  it('made with raw SQL is served within a second', async () => {
    await memoise('/api/v1/story')
    const headline = 'The ministry counted the complaints, raw SQL told the memo'
    await env.DB.prepare(
      `UPDATE events SET headline = ?, version = version + 1,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    )
      .bind(headline, EVENT)
      .run()
    await sleep(MEMO_MS)
    expect(await storyShows(headline)).toBe(true)
    // And the memo keeps the new version from then on.
    await call('/api/v1/story')
    const hit = await call('/api/v1/story')
    expect(hit.env).toBe(0)
    expect(hit.body).toContain(headline)
    expect(memoInIsolate().version).toBeGreaterThan(0)
  })
})

describe('the memo’s memory', () => {
  it('holds at most MEMO_BYTES, dropping the least recently used', async () => {
    const story = await call('/api/v1/story')
    const size = new TextEncoder().encode(story.body).byteLength
    // Each origin is its own URL (the worker keeps each in the memo from its second request on):
    // enough of them to pass the bound.
    const origins = Math.ceil(MEMO_BYTES / size) + 3
    for (let i = 0; i < origins; i++) {
      const origin = `http://memo-${i}.example`
      await call('/api/v1/story', { origin })
      await call('/api/v1/story', { origin })
      expect(memoInIsolate().bytes).toBeLessThanOrEqual(MEMO_BYTES)
    }
    const held = memoInIsolate()
    expect(held.bytes).toBeLessThanOrEqual(MEMO_BYTES)
    expect(held.bytes).toBeGreaterThan(MEMO_BYTES - 2 * size)
    expect(held.entries).toBeLessThan(origins)
  })
})
