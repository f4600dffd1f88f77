// The write API, through the real worker in workerd, on the real migrations and dataset.
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { EDITOR_ACTIONS, permissionsOf } from '../../worker/admin/roles'

const TOKEN = 'yir_test-token-for-the-worker-tests-0001'
const REVOKED = 'yir_test-token-that-has-been-revoked-0002'
const EVENT = '2022-09-27-phnom-penh-raids-1480-released'

async function sha256(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

function call(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers }
  const token = options.token === undefined ? TOKEN : options.token
  if (token) headers.Authorization = `Bearer ${token}`
  let body: string | undefined
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['Content-Type'] ??= 'application/json'
  }
  return exports.default.fetch(new Request(`http://example.com${path}`, { method, headers, body }))
}

const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T

async function eventVersion(id = EVENT) {
  const res = await call('GET', `/api/v1/admin/events/${id}`)
  expect(res.status).toBe(200)
  return res.headers.get('ETag')!
}

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare('INSERT INTO editor_tokens (name, token_hash) VALUES (?, ?)').bind(
      'Test Editor',
      await sha256(TOKEN),
    ),
    env.DB.prepare(
      "INSERT INTO editor_tokens (name, token_hash, revoked_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z')",
    ).bind('Former Editor', await sha256(REVOKED)),
  ])
})

const ADMIN_ROUTES: [string, string][] = [
  ['GET', '/api/v1/admin/me'],
  ['GET', '/api/v1/admin/events'],
  ['POST', '/api/v1/admin/events'],
  ['GET', `/api/v1/admin/events/${EVENT}`],
  ['PATCH', `/api/v1/admin/events/${EVENT}`],
  ['DELETE', `/api/v1/admin/events/${EVENT}`],
  ['POST', `/api/v1/admin/events/${EVENT}/restore`],
  ['POST', `/api/v1/admin/events/${EVENT}/publish`],
  ['POST', `/api/v1/admin/events/${EVENT}/unpublish`],
  ['GET', `/api/v1/admin/events/${EVENT}/revisions`],
  ['GET', '/api/v1/admin/figures'],
  ['POST', '/api/v1/admin/figures'],
  ['PATCH', '/api/v1/admin/figures/1'],
  ['DELETE', '/api/v1/admin/notes/1'],
  ['GET', '/api/v1/admin/places'],
  ['PATCH', '/api/v1/admin/chapters/crackdown'],
  ['GET', '/api/v1/admin/story'],
  ['PATCH', '/api/v1/admin/story'],
  ['POST', '/api/v1/admin/revisions/1/restore'],
  ['GET', '/api/v1/admin/options'],
  ['POST', '/api/v1/admin/validate'],
]

describe('editor tokens', () => {
  it('gives 401 problem+json on every admin route without a token, with a wrong one, and with a revoked one', async () => {
    for (const token of [null, 'yir_not-a-token-anyone-was-given', REVOKED]) {
      for (const [method, path] of ADMIN_ROUTES) {
        const res = await call(method, path, { token, body: method === 'GET' ? undefined : {} })
        expect(res.status, `${method} ${path} with ${String(token)}`).toBe(401)
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
        expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
      }
    }
    // A token made without a role is a publisher (migrations/0014); /me sends its permissions.
    expect(await json(await call('GET', '/api/v1/admin/me'))).toEqual({
      name: 'Test Editor',
      role: 'publisher',
      may: permissionsOf('publisher'),
      actions: JSON.parse(JSON.stringify(EDITOR_ACTIONS)),
    })
  })

  it('answers without CORS and is never cached', async () => {
    const preflight = await exports.default.fetch(
      new Request('http://example.com/api/v1/admin/events', {
        method: 'OPTIONS',
        headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'PATCH' },
      }),
    )
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull()
    const res = await call('GET', '/api/v1/admin/events', {
      headers: { Origin: 'https://elsewhere.example' },
    })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })
})

describe('optimistic concurrency', () => {
  it('updates with the right If-Match and leaves a revision by the editor', async () => {
    const etag = await eventVersion()
    const res = await call('PATCH', `/api/v1/admin/events/${EVENT}`, {
      headers: { 'If-Match': etag },
      body: { headline: 'Raids on Phnom Penh buildings free more than 1,480 people' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('ETag')).not.toBe(etag)
    expect(await json(res)).toMatchObject({
      headline: 'Raids on Phnom Penh buildings free more than 1,480 people',
    })
    const revisions = await json<{ data: { actor: string; action: string; table_name: string }[] }>(
      await call('GET', `/api/v1/admin/events/${EVENT}/revisions`),
    )
    expect(revisions.data[0]).toMatchObject({
      actor: 'Test Editor',
      action: 'update',
      table_name: 'events',
    })
  })

  it('needs If-Match (428) and refuses a stale one (412) without changing anything', async () => {
    const before = await json(await call('GET', `/api/v1/admin/events/${EVENT}`))
    const none = await call('PATCH', `/api/v1/admin/events/${EVENT}`, { body: { summary: 'x' } })
    expect(none.status).toBe(428)
    const stale = await call('PATCH', `/api/v1/admin/events/${EVENT}`, {
      headers: { 'If-Match': '"1"' },
      body: { summary: 'A stale summary' },
    })
    expect(stale.status).toBe(412)
    expect(await json(stale)).toMatchObject({ status: 412, current_version: before.version })
    expect(await json(await call('GET', `/api/v1/admin/events/${EVENT}`))).toEqual(before)
  })

  it('lets exactly one of two concurrent PATCHes with the same If-Match win', async () => {
    const etag = await eventVersion()
    const [a, b] = await Promise.all(
      ['First writer', 'Second writer'].map((summary) =>
        call('PATCH', `/api/v1/admin/events/${EVENT}`, {
          headers: { 'If-Match': etag },
          body: { summary },
        }),
      ),
    )
    expect([a!.status, b!.status].sort()).toEqual([200, 412])
    const winner = a!.status === 200 ? 'First writer' : 'Second writer'
    expect(await json(await call('GET', `/api/v1/admin/events/${EVENT}`))).toMatchObject({
      summary: winner,
    })
  })
})

describe('creating', () => {
  const draft = {
    id: '2023-06-30-test-draft-event',
    date: '2023-06-30',
    headline: 'A draft that is not yet public',
    summary: 'Written by the tests.',
    category: 'enforcement',
    chapter: 'spread-and-denial',
  }

  it('returns the first response to an Idempotency-Key retry and creates one row', async () => {
    const send = () =>
      call('POST', '/api/v1/admin/events', {
        headers: { 'Idempotency-Key': 'create-draft-1' },
        body: draft,
      })
    const first = await send()
    expect(first.status).toBe(201)
    const firstBody = await json(first)
    const retry = await send()
    expect(retry.status).toBe(201)
    expect(await json(retry)).toEqual(firstBody)
    const count = await env.DB.prepare('SELECT count(*) AS n FROM events WHERE id = ?')
      .bind(draft.id)
      .first<{ n: number }>()
    expect(count?.n).toBe(1)
    const reused = await call('POST', '/api/v1/admin/events', {
      headers: { 'Idempotency-Key': 'create-draft-1' },
      body: { ...draft, headline: 'Something else' },
    })
    expect(reused.status).toBe(422)
  })

  it('keeps a draft out of the public API until it is published', async () => {
    const publicIds = async () =>
      (
        await json<{ data: { id: string }[] }>(
          await exports.default.fetch('http://example.com/api/v1/events'),
        )
      ).data.map((e) => e.id)
    expect(await publicIds()).not.toContain(draft.id)
    expect(
      (await exports.default.fetch(`http://example.com/api/v1/events/${draft.id}`)).status,
    ).toBe(404)
    const preview = await json<{ data: { events: { id: string; status: string }[] } }>(
      await call('GET', '/api/v1/admin/preview'),
    )
    expect(preview.data.events.find((e) => e.id === draft.id)).toMatchObject({ status: 'draft' })
    const etag = await eventVersion(draft.id)
    const published = await call('POST', `/api/v1/admin/events/${draft.id}/publish`, {
      headers: { 'If-Match': etag },
    })
    expect(published.status).toBe(200)
    expect(await publicIds()).toContain(draft.id)
  })

  it('gives field-level errors for a bad body', async () => {
    const res = await call('POST', '/api/v1/admin/figures', {
      body: {
        event_id: EVENT,
        value: 'many',
        qualifier: 'roughly',
        unit: 'people',
        measure: 'rescued',
        display: '',
      },
    })
    expect(res.status).toBe(422)
    const body = await json<{ errors: { field: string }[] }>(res)
    expect(body.errors.map((e) => e.field).sort()).toEqual(['display', 'qualifier', 'value'])
    const validate = await json(
      await call('POST', '/api/v1/admin/validate', {
        body: {
          table: 'notes',
          data: { event_id: EVENT, kind: 'correction', text: 'Fixed the count.' },
        },
      }),
    )
    expect(validate).toMatchObject({ valid: false, errors: [{ field: 'source_said' }] })
  })

  it('refuses bodies that are too big, not JSON, or of another media type', async () => {
    const big = await call('PATCH', `/api/v1/admin/events/${EVENT}`, {
      headers: { 'If-Match': '"1"' },
      body: { body: 'x'.repeat(70 * 1024) },
    })
    expect(big.status).toBe(413)
    const notJson = await call('POST', '/api/v1/admin/events', { body: '{"id": ' })
    expect(notJson.status).toBe(422)
    const form = await call('POST', '/api/v1/admin/events', {
      body: 'id=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(form.status).toBe(415)
  })
})

describe('revisions and caches', () => {
  it('restores a revision exactly, as a revision of its own', async () => {
    const patch = async (body: Record<string, unknown>) => {
      const current = await call('GET', '/api/v1/admin/figures/1')
      const res = await call('PATCH', '/api/v1/admin/figures/1', {
        headers: { 'If-Match': current.headers.get('ETag')! },
        body,
      })
      expect(res.status).toBe(200)
      return res
    }
    await patch({ value: 63, display: 'a first edit' })
    const latest = await patch({ value: 64, subject: null, display: 'a second edit' })
    const revisions = await json<{ data: { id: number; after: Record<string, unknown> }[] }>(
      await call('GET', '/api/v1/admin/figures/1/revisions'),
    )
    const firstEdit = revisions.data[1]!
    expect(firstEdit.after).toMatchObject({ value: 63, display: 'a first edit' })

    const restored = await call('POST', `/api/v1/admin/revisions/${firstEdit.id}/restore`, {
      headers: { 'If-Match': latest.headers.get('ETag')! },
    })
    expect(restored.status).toBe(200)
    const row = await json<Record<string, unknown>>(restored)
    const { version: _v, updated_at: _u, ...state } = firstEdit.after
    expect(row).toMatchObject(state)
    const after = await json<{ data: { id: number; actor: string }[] }>(
      await call('GET', '/api/v1/admin/figures/1/revisions'),
    )
    expect(after.data).toHaveLength(3)
    expect(after.data[0]).toMatchObject({ actor: 'Test Editor' })
  })

  it('undoes the first edit of a row loaded by the migrations with ?to=before', async () => {
    const original = await call('GET', '/api/v1/admin/quotes/1')
    const seeded = await json<Record<string, unknown>>(original)
    const edited = await call('PATCH', '/api/v1/admin/quotes/1', {
      headers: { 'If-Match': original.headers.get('ETag')! },
      body: { text: 'A misquote.' },
    })
    expect(edited.status).toBe(200)
    const [edit] = (
      await json<{ data: { id: number }[] }>(await call('GET', '/api/v1/admin/quotes/1/revisions'))
    ).data
    const bad = await call('POST', `/api/v1/admin/revisions/${edit!.id}/restore?to=sideways`, {
      headers: { 'If-Match': edited.headers.get('ETag')! },
    })
    expect(bad.status).toBe(422)
    const undone = await call('POST', `/api/v1/admin/revisions/${edit!.id}/restore?to=before`, {
      headers: { 'If-Match': edited.headers.get('ETag')! },
    })
    expect(undone.status).toBe(200)
    const { version: _v, updated_at: _u, ...state } = seeded
    expect(await json(undone)).toMatchObject(state)
  })

  it('undoes one change alone: later edits to other fields stay, and a field edited since is named in a 409', async () => {
    const { id } = (await env.DB.prepare(
      'SELECT id FROM events WHERE deleted_at IS NULL ORDER BY date DESC LIMIT 1',
    ).first<{ id: string }>())!
    const path = `/api/v1/admin/events/${id}`
    const patch = async (body: Record<string, unknown>) => {
      const etag = (await call('GET', path)).headers.get('ETag')!
      const res = await call('PATCH', path, { headers: { 'If-Match': etag }, body })
      expect(res.status).toBe(200)
      return json<Record<string, unknown>>(res)
    }
    const original = await json<Record<string, unknown>>(await call('GET', path))
    await patch({ summary: 'A summary the undo takes back.' })
    const [change] = (
      await json<{ data: { id: number }[] }>(await call('GET', `${path}/revisions`))
    ).data
    // Someone else then changes other fields of the same event.
    await patch({ headline: 'A later headline', body: 'A later body.' })
    const etag = (await call('GET', path)).headers.get('ETag')!
    const undone = await call('POST', `/api/v1/admin/revisions/${change!.id}/restore?to=before`, {
      headers: { 'If-Match': etag },
    })
    expect(undone.status).toBe(200)
    expect(await json(undone)).toMatchObject({
      summary: original.summary,
      headline: 'A later headline',
      body: 'A later body.',
    })

    // A change whose field was edited again since cannot be undone alone: nothing is written.
    await patch({ summary: 'First new summary.' })
    const [second] = (
      await json<{ data: { id: number }[] }>(await call('GET', `${path}/revisions`))
    ).data
    const latest = await patch({ summary: 'Second new summary.' })
    const refused = await call('POST', `/api/v1/admin/revisions/${second!.id}/restore?to=before`, {
      headers: { 'If-Match': `"${String(latest.version)}"` },
    })
    expect(refused.status).toBe(409)
    expect(refused.headers.get('Content-Type')).toContain('application/problem+json')
    const problem = await json<{ detail: string; fields: string[] }>(refused)
    expect(problem.fields).toEqual(['summary'])
    expect(problem.detail).toContain('Summary was changed again since')
    const now = await json<Record<string, unknown>>(await call('GET', path))
    expect(now).toMatchObject({ summary: 'Second new summary.', version: latest.version })
  })

  it('validates a change to an existing event without its stored links getting in the way', async () => {
    const result = await json(
      await call('POST', '/api/v1/admin/validate', {
        body: { table: 'events', id: EVENT, data: { headline: 'Only the headline changes' } },
      }),
    )
    expect(result).toEqual({ valid: true, errors: [] })
    const unknown = await json(
      await call('POST', '/api/v1/admin/validate', {
        body: { table: 'events', id: EVENT, data: { places: ['atlantis'] } },
      }),
    )
    expect(unknown).toMatchObject({ valid: false, errors: [{ field: 'places' }] })
  })

  it('brings a row deleted with raw SQL back exactly from its revision', async () => {
    const before = await env.DB.prepare('SELECT * FROM notes WHERE id = 1').first<
      Record<string, unknown>
    >()
    await env.DB.prepare('DELETE FROM notes WHERE id = 1').run()
    const rev = await env.DB.prepare(
      "SELECT id FROM revisions WHERE table_name = 'notes' AND row_id = '1' AND action = 'delete'",
    ).first<{ id: number }>()
    // A row deleted with SQL is named by the version it had when deleted.
    const res = await call('POST', `/api/v1/admin/revisions/${rev!.id}/restore`, {
      headers: { 'If-Match': `"${String(before!.version)}"` },
    })
    expect(res.status).toBe(200)
    const after = await env.DB.prepare('SELECT * FROM notes WHERE id = 1').first<
      Record<string, unknown>
    >()
    const { version: _v, updated_at: _u, ...same } = before!
    expect(after).toMatchObject(same)
  })

  it('gives /api/v1/story a new ETag and the change after a write', async () => {
    const story = () => exports.default.fetch('http://example.com/api/v1/story')
    const before = await story()
    const etag = before.headers.get('ETag')
    const version = await eventVersion()
    const res = await call('PATCH', `/api/v1/admin/events/${EVENT}`, {
      headers: { 'If-Match': version },
      body: { headline: 'Headline changed by an editor' },
    })
    expect(res.status).toBe(200)
    const after = await story()
    expect(after.headers.get('ETag')).not.toBe(etag)
    const data = await json<{ data: { events: { id: string; headline: string }[] } }>(after)
    expect(data.data.events.find((e) => e.id === EVENT)?.headline).toBe(
      'Headline changed by an editor',
    )
  })
})
