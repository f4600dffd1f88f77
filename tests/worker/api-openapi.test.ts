// The OpenAPI 3.1 document: valid by a validator package, listing every route (public and write
// API, compared with the routes the app mounts), generated from the schemas that validate the
// requests; and the interactive docs page that reads it.
import { Validator } from '@seriousme/openapi-schema-validator'
import schema31 from '@seriousme/openapi-schema-validator/schemas/v3.1/schema.json'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import app from '../../worker/app'
import { EDITABLE_TABLES, TABLES } from '../../worker/data/tables'
import { isPublicData } from '../../worker/lib/headers'
import { isProblemSlug } from '../../worker/lib/problem-types'
import { ADMIN_ROUTES } from '../../worker/routes/admin-routes'
import { MEASURES } from '../../worker/schemas/figures'
import { get, getJson } from './api-client'

/**
 * The validator reads its OpenAPI 3.1 JSON Schema from disk, and workerd has no disk: the same
 * schema file is handed to it as a module instead. The validation itself is the package's.
 */
class WorkerdValidator extends Validator {
  getAjvValidator(version: string) {
    if (version !== '3.1') throw new Error(`only OpenAPI 3.1 is expected, not ${version}`)
    const ajv = new Ajv2020({ strict: false })
    addFormats(ajv)
    ajv.addFormat('media-range', true)
    return ajv.compile(schema31)
  }
}

interface Parameter {
  name: string
  in: string
  schema: Record<string, unknown>
}
interface Operation {
  parameters?: Parameter[]
  tags?: string[]
  security?: Record<string, string[]>[]
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> }
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, unknown> }
  >
}
type Doc = {
  openapi: string
  paths: Record<string, Record<string, Operation>>
  components: {
    schemas: Record<
      string,
      { properties?: Record<string, unknown>; additionalProperties?: unknown }
    >
    securitySchemes?: Record<string, unknown>
  }
}

const ADMIN = '/api/v1/admin'
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options']
/** Every operation of the document: method, path and the operation. */
const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  )
const schemaOf = (doc: Doc, ref: string | undefined) =>
  doc.components.schemas[ref!.replace('#/components/schemas/', '')]!

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    expect(doc.openapi).toBe('3.1.0')
    const validator = new WorkerdValidator()
    const result = await validator.validate(doc as unknown as Record<string, unknown>)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    // The validator does reject a broken document.
    const broken = structuredClone(doc) as unknown as { info: Record<string, unknown> }
    delete broken.info.version
    expect((await new WorkerdValidator().validate(broken)).valid).toBe(false)
  })

  it('lists every public route the worker serves', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const served = new Set(
      app.routes
        .filter((r) => r.method === 'GET' && (isPublicData(r.path) || r.path === '/api/docs'))
        .map((r) => r.path.replace(/:(\w+)/g, '{$1}')),
    )
    expect(served.size).toBeGreaterThanOrEqual(18)
    const documented = Object.keys(doc.paths).filter(
      (p) => doc.paths[p]!.get && !p.startsWith(`${ADMIN}/`),
    )
    expect(new Set(documented)).toEqual(served)
    for (const path of [
      '/api/v1/events',
      '/api/v1/events/{id}',
      '/api/v1/figures',
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
      '/api/docs',
    ]) {
      expect(documented, path).toContain(path)
    }
  })

  it('documents a 304 and If-None-Match on exactly the reads that answer one', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const events = await getJson<{ data: { id: string }[] }>('/api/v1/events?limit=1')
    const sample: Record<string, string> = { id: events.data[0]!.id, slug: 'not-found' }
    const reads = operations(doc).filter((o) => o.method === 'GET' && !o.path.startsWith(ADMIN))
    expect(reads.length).toBeGreaterThanOrEqual(18)
    for (const { path, op } of reads) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name]!)
      expect(url, `${path}: a sample value for each path parameter`).not.toContain('undefined')
      const first = await get(url)
      expect(first.status, url).toBe(200)
      await first.body?.cancel()
      const etag = first.headers.get('ETag')
      const documented = '304' in op.responses
      const takes = (op.parameters ?? []).some((p) => p.name === 'If-None-Match')
      // Health and the docs page send no ETag: a 304 there would never come.
      expect({ documented, takes }, url).toEqual({ documented: !!etag, takes: !!etag })
      if (etag) {
        const again = await get(url, { headers: { 'If-None-Match': etag } })
        expect(again.status, url).toBe(304)
      }
    }
    expect(doc.paths['/api/v1/health']!.get!.responses).not.toHaveProperty('304')
  })

  it('documents the parameters exactly as they are validated', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const params = new Map(
      doc.paths['/api/v1/events']!.get!.parameters!.filter((p) => p.in === 'query').map((p) => [
        p.name,
        p,
      ]),
    )
    expect([...params.keys()].sort()).toEqual([
      'actor',
      'category',
      'cursor',
      'fields',
      'from',
      'limit',
      'outlet',
      'place',
      'q',
      'sort',
      'to',
      'updated_since',
    ])
    expect(params.get('limit')!.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 })
    expect(params.get('sort')!.schema).toMatchObject({ enum: ['date', '-date'] })
    expect(params.get('from')!.schema).toMatchObject({ type: 'string', format: 'date' })
    expect(params.get('category')!.schema).toMatchObject({ type: 'array', maxItems: 20 })
    const figures = new Map(doc.paths['/api/v1/figures']!.get!.parameters!.map((p) => [p.name, p]))
    expect((figures.get('measure')!.schema.items as { enum: string[] }).enum).toEqual([...MEASURES])
    const one = doc.paths['/api/v1/events/{id}']!.get!.parameters!.find((p) => p.in === 'path')!
    expect(one.name).toBe('id')
  })
})

describe('the write API in /api/v1/openapi.json', () => {
  it('documents every admin route the app mounts, and mounts every one it documents', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const mounted = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith(`${ADMIN}/`))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    )
    const documented = new Set(
      operations(doc)
        .filter(({ path }) => path.startsWith(`${ADMIN}/`))
        .map(({ method, path }) => `${method} ${path}`),
    )
    expect(documented).toEqual(mounted)
    // The contract the editor's typed client is typed from (AdminApi) is exactly what is mounted.
    const contract = (routes: object): string[] =>
      'method' in routes && 'path' in routes
        ? [`${String(routes.method).toUpperCase()} ${ADMIN}${String(routes.path)}`]
        : Object.values(routes).flatMap((r: object) => contract(r))
    expect(new Set(contract(ADMIN_ROUTES))).toEqual(mounted)
    // Every table at its own paths, so each is documented with its own schemas.
    for (const table of EDITABLE_TABLES) {
      for (const route of [
        `GET ${ADMIN}/${table}`,
        `POST ${ADMIN}/${table}`,
        `GET ${ADMIN}/${table}/{id}`,
        `PATCH ${ADMIN}/${table}/{id}`,
        `DELETE ${ADMIN}/${table}/{id}`,
        `POST ${ADMIN}/${table}/{id}/restore`,
        `GET ${ADMIN}/${table}/{id}/revisions`,
      ]) {
        expect(documented, route).toContain(route)
      }
    }
    for (const route of [
      `GET ${ADMIN}/me`,
      `GET ${ADMIN}/options`,
      `POST ${ADMIN}/validate`,
      `GET ${ADMIN}/preview`,
      `GET ${ADMIN}/story`,
      `PATCH ${ADMIN}/story`,
      `GET ${ADMIN}/story/revisions`,
      `POST ${ADMIN}/events/{id}/publish`,
      `POST ${ADMIN}/events/{id}/unpublish`,
      `POST ${ADMIN}/revisions/{id}/restore`,
    ]) {
      expect(documented, route).toContain(route)
    }
  })

  it('puts every admin operation under bearerAuth and the Editors tag, and no public one', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    expect(doc.components.securitySchemes?.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    })
    for (const { method, path, op } of operations(doc)) {
      const where = `${method} ${path}`
      if (path.startsWith(`${ADMIN}/`)) {
        expect(op.tags, where).toEqual(['Editors'])
        expect(op.security, where).toEqual([{ bearerAuth: [] }])
        expect(Object.keys(op.responses), where).toContain('401')
        expect(Object.keys(op.responses), where).toContain('429')
      } else {
        expect(op.security, where).toBeUndefined()
        expect(op.tags, where).not.toContain('Editors')
      }
    }
  })

  it('documents the headers, bodies, query and problems of each kind of write', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const header = (op: Operation, name: string) =>
      op.parameters?.find((p) => p.in === 'header' && p.name === name)
    for (const { method, path, op } of operations(doc)) {
      if (!path.startsWith(`${ADMIN}/`)) continue
      const where = `${method} ${path}`
      const statuses = Object.keys(op.responses)
      const writesRow =
        method === 'PATCH' || method === 'DELETE' || /\/(restore|publish|unpublish)$/.test(path)
      if (writesRow) {
        expect(header(op, 'If-Match'), where).toBeDefined()
        expect(statuses, where).toEqual(expect.arrayContaining(['412', '428']))
      }
      if (method === 'PATCH') {
        expect(Object.keys(op.requestBody!.content).sort(), where).toEqual([
          'application/json',
          'application/merge-patch+json',
        ])
      }
      if (op.requestBody) {
        expect(statuses, where).toEqual(expect.arrayContaining(['413', '415', '422']))
      }
      if (/\{id\}/.test(path) && !path.startsWith(`${ADMIN}/revisions/`)) {
        expect(statuses, where).toContain('404')
      }
      const ok = op.responses['200'] ?? op.responses['201']
      expect(ok, where).toBeDefined()
      // A row's ETag is its version (a proposal is no row: it has none).
      const readsRow =
        method === 'GET' && /\{id\}$/.test(path) && !path.startsWith(`${ADMIN}/proposals/`)
      if (writesRow || readsRow) {
        expect(ok!.headers, where).toHaveProperty('ETag')
      }
    }
    for (const table of EDITABLE_TABLES) {
      const create = doc.paths[`${ADMIN}/${table}`]!.post!
      expect(header(create, 'Idempotency-Key'), table).toBeDefined()
      expect(create.responses['201']!.headers, table).toHaveProperty('ETag')
      expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['409', '422']))
      // Each table's own body: the fields its create schema takes, and no others.
      const body = schemaOf(doc, create.requestBody!.content['application/json']!.schema.$ref)
      expect(Object.keys(body.properties!).sort(), table).toEqual(
        Object.keys(TABLES[table].create.shape).sort(),
      )
      expect(body.additionalProperties, table).toBe(false)
      const patch = doc.paths[`${ADMIN}/${table}/{id}`]!.patch!
      const changes = schemaOf(doc, patch.requestBody!.content['application/json']!.schema.$ref)
      expect(Object.keys(changes.properties!).sort(), table).toEqual(
        Object.keys(TABLES[table].patch.shape).sort(),
      )
    }
    const restore = doc.paths[`${ADMIN}/revisions/{id}/restore`]!.post!
    const to = restore.parameters!.find((p) => p.in === 'query' && p.name === 'to')!
    expect(to.schema).toMatchObject({ enum: ['after', 'before'] })
  })

  it('names only registered problem types, and each has its page', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const named = new Set(
      [...JSON.stringify(doc).matchAll(/\/api\/v1\/problems\/([a-z][a-z-]*)/g)].map((m) => m[1]!),
    )
    expect(named.size).toBeGreaterThanOrEqual(12)
    for (const slug of named) {
      expect(isProblemSlug(slug), slug).toBe(true)
      const res = await get(`/api/v1/problems/${slug}`)
      expect(res.status, slug).toBe(200)
      await res.arrayBuffer()
    }
  })
})

describe('GET /api/docs', () => {
  it('serves Swagger UI from our own assets, started by an external script', async () => {
    const res = await get('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    const html = await res.text()
    expect(html).toContain('href="/api-docs/swagger-ui.css"')
    expect(html).toContain('src="/api-docs/swagger-ui-bundle.js"')
    expect(html).toContain('src="/api/docs/init.js"')
    expect(html).toContain('href="/api/v1/openapi.json"')
    // No inline script and nothing from another host.
    expect(html.match(/<script\b[^>]*>/g)!.every((tag) => /\ssrc="\//.test(tag))).toBe(true)
    expect(html).not.toMatch(/https?:\/\//)

    const init = await get('/api/docs/init.js')
    expect(init.status).toBe(200)
    expect(init.headers.get('content-type')).toMatch(/^text\/javascript/)
    const script = await init.text()
    expect(script).toContain("url: '/api/v1/openapi.json'")
    expect(script).toContain('validatorUrl: null')
  })
})
