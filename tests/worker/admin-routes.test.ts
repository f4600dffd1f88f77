// The write API's routes as a whole, through the real worker in workerd: the token before
// anything else, 405 with Allow for a method a path does not take (checked against the OpenAPI
// document), 404 for paths that do not exist, a page for every problem type it sends, and answers
// that match the schemas the document gives for them.
import { env, exports } from 'cloudflare:workers'
import type { z } from '@hono/zod-openapi'
import { beforeAll, describe, expect, it } from 'vitest'
import { sha256Hex } from '../../worker/lib/sha256'
import { EDITABLE_TABLES } from '../../worker/data/tables'
import {
  EditorSchema,
  EventRowSchema,
  EventSummarySchema,
  OptionsSchema,
  PreviewSchema,
  ROWS,
  RevisionListSchema,
  StoryRowSchema,
  ValidationSchema,
} from '../../worker/routes/admin-schemas'

const TOKEN = 'yir_test-token-for-the-admin-routes-0004'
const ADMIN = '/api/v1/admin'
const EVENT = '2022-09-19-sar-kheng-289-complaints'

let client = 0
function call(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {
    'CF-Connecting-IP': `2001:db8:ad::${(++client).toString(16)}`,
    ...options.headers,
  }
  const token = options.token === undefined ? TOKEN : options.token
  if (token) headers.Authorization = `Bearer ${token}`
  let body: string | undefined
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    headers['Content-Type'] ??= 'application/json'
  }
  return exports.default.fetch(new Request(`http://example.com${path}`, { method, headers, body }))
}

interface ProblemBody {
  type: string
  status: number
  title: string
  detail: string
}

async function problemOf(res: Response, status: number, slug: string): Promise<ProblemBody> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  const body = JSON.parse(text) as ProblemBody
  expect(body).toMatchObject({ type: `/api/v1/problems/${slug}`, status })
  return body
}

beforeAll(async () => {
  await env.DB.prepare('INSERT INTO editor_tokens (name, token_hash) VALUES (?, ?)')
    .bind('Route Tester', await sha256Hex(TOKEN))
    .run()
})

describe('methods and paths', () => {
  it('answers a method a path does not take with 405 and the methods it does take', async () => {
    for (const [method, path, allow] of [
      ['PUT', `${ADMIN}/events/x`, 'GET, PATCH, DELETE'],
      ['POST', `${ADMIN}/figures/1`, 'GET, PATCH, DELETE'],
      ['DELETE', `${ADMIN}/events`, 'GET, POST'],
      ['PATCH', `${ADMIN}/notes`, 'GET, POST'],
      ['GET', `${ADMIN}/revisions/1/restore`, 'POST'],
      ['PUT', `${ADMIN}/story`, 'GET, PATCH'],
      ['POST', `${ADMIN}/me`, 'GET'],
      ['GET', `${ADMIN}/events/${EVENT}/publish`, 'POST'],
      ['DELETE', `${ADMIN}/validate`, 'POST'],
      ['OPTIONS', `${ADMIN}/places`, 'GET, POST'],
    ] as const) {
      const res = await call(method, path, { body: method === 'GET' ? undefined : {} })
      expect(res.headers.get('Allow'), `${method} ${path}`).toBe(allow)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull()
      const problem = await problemOf(res, 405, 'method-not-allowed')
      expect(problem.detail).toContain(allow)
    }
  })

  it('gives every documented path an Allow of exactly its documented methods', async () => {
    const doc = (await (await call('GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith(`${ADMIN}/`))
    expect(paths.length).toBeGreaterThan(30)
    for (const template of paths) {
      const path = template.replace(
        /\{id\}/g,
        template.startsWith(`${ADMIN}/events/`) ? EVENT : '1',
      )
      const documented = Object.keys(doc.paths[template]!).map((m) => m.toUpperCase())
      const res = await call('PUT', path, { body: {} })
      expect(res.status, template).toBe(405)
      expect(res.headers.get('Allow')!.split(', ').sort(), template).toEqual(documented.sort())
      await res.arrayBuffer()
    }
  })

  it('keeps paths that do not exist 404, whatever the method', async () => {
    for (const [method, path] of [
      ['GET', `${ADMIN}/nothing`],
      ['POST', `${ADMIN}/event_places`],
      ['GET', `${ADMIN}/events/${EVENT}/figures`],
      ['POST', `${ADMIN}/figures/1/publish`],
      ['GET', `${ADMIN}/revisions/1`],
      ['PUT', `${ADMIN}/a/b/c/d`],
    ] as const) {
      const res = await call(method, path, { body: method === 'GET' ? undefined : {} })
      expect(res.headers.get('Allow'), path).toBeNull()
      const problem = await problemOf(res, 404, 'not-found')
      expect(problem.detail).toContain('/api/v1/openapi.json')
    }
  })

  it('checks the token before the method or the path, so a client without one learns nothing', async () => {
    for (const token of [null, 'yir_not-a-token-anyone-was-given']) {
      for (const [method, path] of [
        ['PUT', `${ADMIN}/events/x`],
        ['GET', `${ADMIN}/nothing`],
        ['GET', `${ADMIN}/revisions/1/restore`],
        ['OPTIONS', `${ADMIN}/events`],
      ] as const) {
        const res = await call(method, path, { token })
        expect(res.headers.get('Allow'), `${method} ${path}`).toBeNull()
        expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
        await problemOf(res, 401, 'unauthorized')
      }
    }
  })
})

describe('problem types', () => {
  it('sends every kind of problem it documents, each with a page at its type URI', async () => {
    const sent = new Map<string, ProblemBody>()
    const keep = async (res: Response, status: number, slug: string) =>
      sent.set(slug, await problemOf(res, status, slug))

    await keep(await call('GET', `${ADMIN}/me`, { token: null }), 401, 'unauthorized')
    await keep(await call('GET', `${ADMIN}/figures/999999`), 404, 'not-found')
    await keep(await call('PUT', `${ADMIN}/figures/1`, { body: {} }), 405, 'method-not-allowed')
    await keep(
      await call('POST', `${ADMIN}/outlets`, { body: { id: 'vod', name: 'VOD', kind: 'news' } }),
      409,
      'conflict',
    )
    await keep(
      await call('PATCH', `${ADMIN}/figures/1`, {
        headers: { 'If-Match': '"99999"' },
        body: { display: 'a stale change' },
      }),
      412,
      'stale-version',
    )
    await keep(
      await call('PATCH', `${ADMIN}/figures/1`, {
        headers: { 'If-Match': '"1"' },
        body: { display: 'x'.repeat(70 * 1024) },
      }),
      413,
      'payload-too-large',
    )
    await keep(
      await call('PATCH', `${ADMIN}/figures/1`, {
        headers: { 'If-Match': '"1"', 'Content-Type': 'text/plain' },
        body: '{}',
      }),
      415,
      'unsupported-media-type',
    )
    await keep(
      await call('POST', `${ADMIN}/notes`, { body: { event_id: EVENT, kind: 'rumour' } }),
      422,
      'invalid-body',
    )
    await keep(
      await call('PATCH', `${ADMIN}/figures/1`, { body: { display: 'no If-Match' } }),
      428,
      'if-match-required',
    )
    const place = { id: 'route-test-place', name: 'Route test', kind: 'site' }
    const key = { 'Idempotency-Key': 'route-test-key' }
    expect((await call('POST', `${ADMIN}/places`, { headers: key, body: place })).status).toBe(201)
    await keep(
      await call('POST', `${ADMIN}/places`, { headers: key, body: { ...place, name: 'Other' } }),
      422,
      'idempotency-key-reused',
    )

    const pages = await Promise.all(
      [...sent.values()].map(async (problem) => {
        const res = await call('GET', problem.type, { token: null })
        expect(res.status, problem.type).toBe(200)
        return (await res.json()) as ProblemBody
      }),
    )
    for (const [i, problem] of [...sent.values()].entries()) {
      expect(pages[i]).toMatchObject({
        type: problem.type,
        status: problem.status,
        title: problem.title,
      })
    }
    expect(sent.size).toBe(10)
  })

  it('names the field of a body that breaks its schema, in the schema’s words', async () => {
    const res = await call('PATCH', `${ADMIN}/chapters/crackdown`, {
      headers: { 'If-Match': '"1"', 'Content-Type': 'application/merge-patch+json' },
      body: { title: '', colour: 'red' },
    })
    const problem = (await problemOf(res, 422, 'invalid-body')) as ProblemBody & {
      errors: { field: string; message: string }[]
    }
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'title', label: 'Title', message: 'Title must not be empty.' },
        {
          field: 'colour',
          message: 'Unknown field colour: remove it or check the spelling.',
        },
      ]),
    )
  })
})

describe('answers', () => {
  /** Parses the body with the documented schema, refusing any field it does not document. */
  async function documented(res: Response, schema: z.ZodType, where: string) {
    expect(res.status, where).toBeLessThan(300)
    const body = (await res.json()) as unknown
    const strict = 'strict' in schema ? (schema as unknown as z.ZodObject).strict() : schema
    const result = strict.safeParse(body)
    expect(result.success ? [] : result.error.issues, where).toEqual([])
    return body
  }

  it('match the schemas the OpenAPI document gives for them, with no undocumented field', async () => {
    await documented(await call('GET', `${ADMIN}/me`), EditorSchema, 'me')
    await documented(await call('GET', `${ADMIN}/options`), OptionsSchema, 'options')
    await documented(await call('GET', `${ADMIN}/preview`), PreviewSchema, 'preview')
    await documented(await call('GET', `${ADMIN}/story`), StoryRowSchema, 'story')
    await documented(
      await call('GET', `${ADMIN}/events/${EVENT}/revisions`),
      RevisionListSchema,
      'revisions',
    )
    await documented(
      await call('POST', `${ADMIN}/validate`, { body: { table: 'events', data: {} } }),
      ValidationSchema,
      'validate',
    )
    const list = (await (await call('GET', `${ADMIN}/events`)).json()) as { data: unknown[] }
    expect(list.data.length).toBeGreaterThan(40)
    for (const summary of list.data) {
      const result = EventSummarySchema.strict().safeParse(summary)
      expect(result.success ? [] : result.error.issues).toEqual([])
    }
    await documented(await call('GET', `${ADMIN}/events/${EVENT}`), EventRowSchema, 'event')
    for (const table of EDITABLE_TABLES) {
      if (table === 'events') continue
      const rows = (await (await call('GET', `${ADMIN}/${table}`)).json()) as {
        data: { id: string | number }[]
      }
      expect(rows.data.length, table).toBeGreaterThan(0)
      for (const row of rows.data) {
        const result = ROWS[table].strict().safeParse(row)
        expect(result.success ? [] : result.error.issues, `${table} ${row.id}`).toEqual([])
      }
      await documented(
        await call('GET', `${ADMIN}/${table}/${rows.data[0]!.id}`),
        ROWS[table],
        table,
      )
    }
  })
})
