// A fixed-seed slice of the fuzzer (bench/fuzz, `npm run fuzz` sends 10,000) through the real
// worker in workerd: hostile paths, queries, headers and bodies on every public and admin route,
// with and without an editor token, then write sequences (create, racing retries, change, stale
// ETag, publish, delete, restore, undo). Also the regressions the fuzzer found.
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { FuzzSetup } from '../../bench/fuzz/generate'
import { runFuzz, type Send } from '../../bench/fuzz/run'
import { loadTargets, loadVocabulary } from '../../bench/fuzz/vocabulary'
import type { Story } from '../../worker/model'

const TOKEN = 'yir_fuzz-token-for-the-worker-tests-0003'
const SEED = 20230630
const SLICE = 300
const SEQUENCES = 40

const send: Send = (path, init) =>
  exports.default.fetch(new Request(`http://example.com${path}`, init))

let reads = 0
async function get(path: string): Promise<unknown> {
  const res = await send(path, { headers: { 'CF-Connecting-IP': `2001:db8:fe::${++reads}` } })
  expect(res.status, path).toBe(200)
  return res.json()
}

async function sha256(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

const admin = (method: string, path: string, headers: Record<string, string> = {}) =>
  send(path, { method, headers: { Authorization: `Bearer ${TOKEN}`, ...headers } })

beforeAll(async () => {
  await env.DB.prepare('INSERT INTO editor_tokens (name, token_hash) VALUES (?, ?)')
    .bind('Fuzz test', await sha256(TOKEN))
    .run()
})

describe('fuzzing', () => {
  it(`${SLICE} generated hostile requests and ${SEQUENCES} write sequences: no 5xx, every API error problem+json of a registered type, no stack trace or SQL`, async () => {
    const setup: FuzzSetup = {
      seed: SEED,
      token: TOKEN,
      vocab: await loadVocabulary(get),
      ...(await loadTargets(get)),
    }
    // Admin targets, like public ones, come from the OpenAPI document: each table at its paths.
    const admin = new Map(setup.adminTargets.map((t) => [`${t.method} ${t.template}`, t]))
    expect(admin.size).toBeGreaterThan(60)
    expect(admin.get('PATCH /api/v1/admin/figures/{id}')).toMatchObject({
      table: 'figures',
      body: 'patch',
      versioned: true,
    })
    expect(admin.get('POST /api/v1/admin/events')).toMatchObject({
      table: 'events',
      body: 'create',
      idempotent: true,
    })
    expect(admin.get('POST /api/v1/admin/revisions/{id}/restore')).toMatchObject({
      versioned: true,
      query: [{ name: 'to', values: ['after', 'before'] }],
    })
    expect(setup.publicTargets.some((t) => t.template.startsWith('/api/v1/admin'))).toBe(false)

    const report = await runFuzz({
      setup,
      send,
      from: 0,
      count: SLICE,
      concurrency: 4,
      sequences: SEQUENCES,
    })

    expect(report.failures).toEqual([])
    expect(report.total).toBe(SLICE)
    // The slice reaches every kind of route, and answers of every kind came back.
    expect(Object.keys(report.byArea).sort()).toEqual(
      ['admin', 'docs', 'page', 'public', 'static', 'unknown'].sort(),
    )
    expect(Object.keys(report.routes).length).toBeGreaterThan(60)
    for (const status of ['200', '400', '401', '404', '405']) {
      expect(report.byStatus[status], `responses with ${status}`).toBeGreaterThan(0)
    }
    expect(report.byBody.valid).toBeGreaterThan(0)
    expect(report.byBody.oversize).toBeGreaterThan(0)
    // Write sequences ran every step: racing copies of a create with one key, retries, changes
    // with hostile text, stale ETags, empty changes, publishing, deletes, restores and undos.
    expect(report.sequences).toBe(SEQUENCES)
    for (const step of [
      'create',
      'race',
      'retry',
      'read',
      'patch',
      'stale',
      'empty',
      'publish',
      'page',
      'stale-delete',
      'delete',
      'restore',
      'undo',
    ]) {
      expect(report.bySequenceStep[step], `sequence step ${step}`).toBeGreaterThan(0)
    }
    for (const outcome of ['race 201', 'retry 201', 'stale 412', 'empty 422', 'restore 200']) {
      expect(report.bySequenceOutcome[outcome], outcome).toBeGreaterThan(0)
    }
  }, 300_000)
})

describe('found by the fuzzer', () => {
  it('a deleted place that figures and other places still name leaves the page and the API whole', async () => {
    const before = (await get('/api/v1/story')) as { data: Story }
    const named = new Set(before.data.events.flatMap((e) => e.figures.map((f) => f.place_id)))
    expect(named.has('cambodia')).toBe(true)

    const read = await admin('GET', '/api/v1/admin/places/cambodia')
    const etag = read.headers.get('ETag')!
    await read.arrayBuffer()
    // A used place is deleted only with its uses detached in the same write.
    const deleted = await admin('DELETE', '/api/v1/admin/places/cambodia?detach=true', {
      'If-Match': etag,
    })
    expect(deleted.status).toBe(200)
    await deleted.arrayBuffer()

    // Every reference in the public story points at a place the story lists.
    const after = ((await get('/api/v1/story')) as { data: Story }).data
    const listed = new Set(after.places.map((p) => p.id))
    expect(listed.has('cambodia')).toBe(false)
    for (const figure of after.figures) {
      if (figure.place_id !== null) expect(listed.has(figure.place_id), figure.display).toBe(true)
    }
    for (const place of after.places) {
      if (place.parent_id !== null) expect(listed.has(place.parent_id), place.id).toBe(true)
    }
    const figures = (await get('/api/v1/figures')) as { data: { place_id: string | null }[] }
    for (const f of figures.data) if (f.place_id !== null) expect(listed.has(f.place_id)).toBe(true)

    // The page renders every event that had a figure at the deleted place (it answered 500).
    const events = before.data.events.filter((e) =>
      e.figures.some((f) => f.place_id === 'cambodia'),
    )
    expect(events.length).toBeGreaterThan(0)
    for (const event of events) {
      const res = await send(`/?event=${event.id}`, {
        headers: { 'CF-Connecting-IP': `2001:db8:fe::${++reads}` },
      })
      expect(res.status, event.id).toBe(200)
      expect(await res.text()).toContain(`id="event-${event.id}"`)
    }
  }, 60_000)
})
