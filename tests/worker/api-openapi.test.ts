// The OpenAPI 3.1 document: valid by a validator package, listing every route, generated from the
// schemas that validate the requests; and the interactive docs page that reads it.
import { Validator } from '@seriousme/openapi-schema-validator'
import schema31 from '@seriousme/openapi-schema-validator/schemas/v3.1/schema.json'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import app from '../../worker/index'
import { isPublicData } from '../../worker/lib/headers'
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

type Doc = {
  openapi: string
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; schema: Record<string, unknown> }[] }>
  >
}

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
    const documented = Object.keys(doc.paths).filter((p) => doc.paths[p]!.get)
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

  it('documents the parameters exactly as they are validated', async () => {
    const doc = await getJson<Doc>('/api/v1/openapi.json')
    const params = new Map(doc.paths['/api/v1/events']!.get!.parameters!.map((p) => [p.name, p]))
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
