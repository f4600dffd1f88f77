// What a partner reuses the data by: the terms of reuse (licence, creator, publisher, the source's
// address) in every place a partner reads them, and an OpenAPI document a code generator and a
// response validator can rely on: an operationId on every operation, servers, licence and contact,
// the request and response headers, and strict list items, checked by walking every public route
// and validating each response against the document with Ajv.
import { env } from 'cloudflare:workers'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminJson, registerEditor, type Editor } from './admin-client'
import { get, getJson } from './api-client'

const SOURCE_URL =
  'https://cambojanews.com/year-in-review-human-trafficking-cyber-scams-and-the-governments-response/'
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/'

interface Meta {
  source: { url: string | null; outlet: string; title: string }
  license: { name: string; url: string } | null
  creator: string | null
  publisher: string | null
}

interface Operation {
  operationId?: string
  description?: string
  parameters?: { name: string; in: string; description?: string; schema?: { pattern?: string } }[]
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema: object }> }
  >
}
interface Doc {
  info: { license?: { name: string; url: string }; contact?: { name: string; url: string } }
  servers?: { url: string }[]
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, object> }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete']
const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method, path, op })),
  )

/** An Ajv instance holding the document's components, so `$ref`s into it resolve. */
function validatorFor(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: 'doc', components: doc.components })
  const compile = (schema: object) =>
    ajv.compile(
      JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'),
      ) as object,
    )
  return { ajv, compile }
}

let editor: Editor
beforeAll(async () => {
  editor = await registerEditor('Partners')
})

describe('terms of reuse and provenance', () => {
  it('every response’s meta names the licence, creator, publisher and the source’s address', async () => {
    // Before: meta.source.url was null and there was no licence at all.
    for (const path of ['/api/v1/events?limit=1', '/api/v1/places', '/api/v1/story']) {
      const body = await getJson<{ meta?: Meta; story?: unknown }>(path)
      const meta = body.meta!
      expect(meta.source.url, path).toBe(SOURCE_URL)
      expect(meta.license, path).toEqual({
        name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
        url: CC_BY,
      })
      expect(meta.creator, path).toBeTruthy()
      expect(meta.publisher, path).toBeTruthy()
    }
  })

  it('the JSON-LD carries license, creator, publisher, citation and isBasedOn with its url', async () => {
    const ld = (await (await get('/api/v1/dataset.jsonld')).json()) as Record<string, unknown>
    expect(ld.license).toBe(CC_BY)
    expect(ld.creator).toMatchObject({ '@type': 'Organization', name: expect.any(String) })
    expect(ld.publisher).toMatchObject({ '@type': 'Organization', name: expect.any(String) })
    expect(ld.citation).toContain(SOURCE_URL)
    expect(ld.citation).toContain('Year in Review: Human Trafficking')
    expect(ld.isBasedOn).toMatchObject({ '@type': 'NewsArticle', url: SOURCE_URL })
  })

  it('editors change the licence and the publisher through the write API, and every place follows', async () => {
    const row = await adminJson<{ version: number }>(editor, 'GET', '/api/v1/admin/story', 200)
    // A licence address that is not https is refused with a field error, and nothing changes.
    const refused = await adminJson<{ errors: { field: string }[] }>(
      editor,
      'PATCH',
      '/api/v1/admin/story',
      422,
      { ifMatch: row.version, body: { license_url: 'http://example.org/licence' } },
    )
    expect(refused.errors.map((e) => e.field)).toContain('license_url')

    const odbl = 'https://opendatacommons.org/licenses/odbl/1-0/'
    await adminJson(editor, 'PATCH', '/api/v1/admin/story', 200, {
      ifMatch: row.version,
      body: {
        license_name: 'Open Data Commons Open Database License (ODbL) 1.0',
        license_url: odbl,
        publisher: 'A Partner Newsroom',
      },
    })
    const events = await getJson<{ meta: Meta }>('/api/v1/events?limit=1')
    expect(events.meta.license?.url).toBe(odbl)
    expect(events.meta.publisher).toBe('A Partner Newsroom')
    const ld = (await (await get('/api/v1/dataset.jsonld')).json()) as Record<string, unknown>
    expect(ld.license).toBe(odbl)
    expect(ld.publisher).toMatchObject({ name: 'A Partner Newsroom' })
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    expect(doc.info.license).toEqual({
      name: 'Open Data Commons Open Database License (ODbL) 1.0',
      url: odbl,
    })
    expect(doc.info.contact?.name).toBe('A Partner Newsroom')
    const page = await (await get('/')).text()
    expect(page).toContain(`href="${odbl}"`)
    expect(page).toContain('<bdi>A Partner Newsroom</bdi>')

    // Back as it was, through the write API as well, so the audit trail holds both changes.
    const now = await adminJson<{ version: number }>(editor, 'GET', '/api/v1/admin/story', 200)
    await adminJson(editor, 'PATCH', '/api/v1/admin/story', 200, {
      ifMatch: now.version,
      body: {
        license_name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
        license_url: CC_BY,
        publisher: 'Year in Review project',
      },
    })
    const revisions = await env.DB.prepare(
      `SELECT count(*) AS n FROM revisions WHERE table_name = 'story' AND json_extract(after, '$.license_url') = ?`,
    )
      .bind(odbl)
      .first<{ n: number }>()
    expect(revisions?.n).toBe(1)
  })

  it('the page’s footer names the licence, creator, publisher and the source article', async () => {
    const html = await (await get('/')).text()
    const terms = html.slice(html.indexOf('closing__terms'))
    expect(terms).toContain(`href="${CC_BY}"`)
    expect(terms).toContain('rel="license"')
    expect(terms).toContain(`href="${SOURCE_URL}"`)
    expect(terms).toMatch(/Compiled by <bdi>[^<]+<\/bdi> and published by <bdi>[^<]+<\/bdi>/)
  })
})

describe('the OpenAPI document for code generators', () => {
  it('has a unique operationId on every operation, servers, licence and contact', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const ids = operations(doc).map(({ op }) => op.operationId)
    expect(ids.length).toBeGreaterThan(60)
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(doc.paths['/api/v1/events/{id}']!.get!.operationId).toBe('getEventsById')
    expect(doc.paths['/api/v1/events.csv']!.get!.operationId).toBe('getEventsCsv')
    expect(doc.servers).toEqual([{ url: 'http://example.com', description: expect.any(String) }])
    expect(doc.info.license?.url).toBe(CC_BY)
    expect(doc.info.contact).toEqual({ name: expect.any(String), url: 'http://example.com/' })
    for (const { method, path, op } of operations(doc)) {
      expect(op.description, `${method} ${path}`).toBeTruthy()
    }
  })

  it('documents If-None-Match on every public read, ETag and Link in answers, and the limits of q', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    for (const { method, path, op } of operations(doc)) {
      // Every cached public read; health is never cached (no ETag), so it takes no If-None-Match.
      if (method !== 'get' || !path.startsWith('/api/v1/') || path.startsWith('/api/v1/admin')) {
        continue
      }
      if (path === '/api/v1/health') {
        expect(op.parameters?.some((p) => p.name === 'If-None-Match')).toBeFalsy()
        continue
      }
      const header = op.parameters?.find((p) => p.in === 'header' && p.name === 'If-None-Match')
      expect(header, path).toBeDefined()
      expect(op.responses['200']!.headers, path).toHaveProperty('ETag')
      expect(op.responses['304'], path).toBeDefined()
    }
    const list = doc.paths['/api/v1/events']!.get!
    expect(list.responses['200']!.headers).toHaveProperty('Link')
    const q = list.parameters!.find((p) => p.name === 'q')!
    expect(q.description).toMatch(/At most 10 words/)
    const words = new RegExp(q.schema!.pattern!)
    expect(words.test('one two three four five six seven eight nine ten')).toBe(true)
    expect(words.test('one two three four five six seven eight nine ten eleven')).toBe(false)
    // What the document says is what the API does.
    const res = await get(
      '/api/v1/events?q=one%20two%20three%20four%20five%20six%20seven%20eight%20nine%20ten%20eleven',
    )
    expect(res.status).toBe(400)
    await res.arrayBuffer()
  })
})

describe('every response validated against the document', () => {
  /** Example values for each path parameter of the public routes. */
  const EXAMPLES: Record<string, string> = {
    '/api/v1/events/{id}': '/api/v1/events/2022-09-19-sar-kheng-289-complaints',
    '/api/v1/problems/{slug}': '/api/v1/problems/invalid-parameter',
  }
  /** More requests than one per route: sparse fields, filters, sync with tombstones, errors. */
  const EXTRA = [
    '/api/v1/events?fields=id,date,headline&limit=5',
    '/api/v1/events?updated_since=2000-01-01T00:00:00Z',
    '/api/v1/events?place=preah-sihanouk&sort=-date',
    '/api/v1/events?from=2023-02-30',
    '/api/v1/events?nonsense=1',
    '/api/v1/events/2099-01-01-no-such-event',
    '/api/v1/figures?measure=complaints',
  ]

  it('walks every public GET route and each answer matches its documented schema', async () => {
    // A sync that sees a tombstone: withdraw one event (by SQL, as an editor may).
    await env.DB.prepare(
      `UPDATE events SET status = 'draft' WHERE id = '2023-06-07-interpol-global-crisis-warning'`,
    ).run()
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const { compile } = validatorFor(doc)
    const paths = Object.entries(doc.paths)
      .filter(
        ([path, item]) => item.get && path.startsWith('/api/') && !path.startsWith('/api/v1/admin'),
      )
      .map(([path]) => path)
    expect(paths.length).toBeGreaterThanOrEqual(18)
    let validated = 0
    let tombstones = 0
    for (const url of [...paths.map((p) => EXAMPLES[p] ?? p), ...EXTRA]) {
      const template =
        paths.find((p) => (EXAMPLES[p] ?? p) === url.split('?')[0]) ??
        paths.find((p) =>
          new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]+')}$`).test(url.split('?')[0]!),
        )!
      const res = await get(url)
      const op = doc.paths[template]!.get!
      const documented = op.responses[String(res.status)]
      expect(documented, `${url}: ${res.status} is not documented`).toBeDefined()
      const type = res.headers.get('content-type')!.split(';')[0]!
      const content = documented!.content?.[type]
      expect(content, `${url}: ${type} is not documented for ${res.status}`).toBeDefined()
      const text = await res.text()
      const body: unknown = /json$/.test(type) ? JSON.parse(text) : text
      const validate = compile(content!.schema)
      expect(validate(body), `${url}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true)
      validated++
      if (url.includes('updated_since')) {
        tombstones = (body as { data: { deleted?: boolean }[] }).data.filter(
          (d) => d.deleted,
        ).length
      }
    }
    expect(validated).toBeGreaterThanOrEqual(paths.length + EXTRA.length - 1)
    expect(tombstones).toBe(1)
    await env.DB.prepare(
      `UPDATE events SET status = 'published' WHERE id = '2023-06-07-interpol-global-crisis-warning'`,
    ).run()
  })

  it('the strict list item refuses a bad tombstone and anything that is neither kind', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const { compile } = validatorFor(doc)
    const item = compile({ $ref: '#/components/schemas/EventListItem' })
    const at = '2023-07-01T00:00:00.000Z'
    // Good: a tombstone, and a sparse event.
    expect(item({ id: 'a', deleted: true, deleted_at: at })).toBe(true)
    expect(item({ id: 'a', date: '2022-09-19', headline: 'x' })).toBe(true)
    // Bad tombstones: no deleted_at, deleted false, an extra field, deleted_at not a date-time.
    expect(item({ id: 'a', deleted: true })).toBe(false)
    expect(item({ id: 'a', deleted: false, deleted_at: at })).toBe(false)
    expect(item({ id: 'a', deleted: true, deleted_at: at, headline: 'x' })).toBe(false)
    expect(item({ id: 'a', deleted: true, deleted_at: 'yesterday' })).toBe(false)
    // Neither: no id, or a field no event has.
    expect(item({ headline: 'x' })).toBe(false)
    expect(item({ id: 'a', colour: 'red' })).toBe(false)
  })
})
