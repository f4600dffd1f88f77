// Bad input gets RFC 9457 problem+json that names the parameter and says how to fix it:
// never a 500, a stack trace or SQL text.
import { describe, expect, it } from 'vitest'
import type { problem } from '../../worker/lib/problem'
import { PROBLEM_SLUGS, PROBLEM_TYPES, isProblemSlug } from '../../worker/lib/problem-types'
import { expectProblem, get, getJson } from './api-client'

const invalid = async (path: string, parameter: string, slug = 'invalid-parameter') => {
  const problem = await expectProblem(await get(path), 400, slug)
  expect(problem.parameter, path).toBe(parameter)
  expect(problem.invalid_params?.[0]?.name, path).toBe(parameter)
  expect(problem.instance).toBe(new URL(`http://x${path}`).pathname)
  return problem
}

describe('query validation', () => {
  it('refuses bad dates, saying what a date must look like', async () => {
    for (const bad of [
      '2023-02-30',
      '2022-13-01',
      '19-09-2022',
      '2022-9-1',
      'yesterday',
      '2022-09-19T00:00:00Z',
      '',
    ]) {
      const problem = await invalid(`/api/v1/events?from=${encodeURIComponent(bad)}`, 'from')
      expect(problem.detail).toContain('YYYY-MM-DD')
    }
    await invalid('/api/v1/events?to=2023-06-31', 'to')
  })

  it('refuses from after to', async () => {
    const problem = await invalid('/api/v1/events?from=2023-01-01&to=2022-12-31', 'from')
    expect(problem.detail).toContain('after')
  })

  it('refuses limit=0, limit=1000 and other limits outside 1 to 100', async () => {
    for (const bad of ['0', '1000', '101', '-1', '1.5', 'ten', '', '1e2']) {
      const problem = await invalid(`/api/v1/events?limit=${bad}`, 'limit')
      expect(problem.detail).toBe('limit must be a whole number from 1 to 100.')
    }
    expect(
      (await getJson<{ data: unknown[] }>('/api/v1/events?limit=100')).data.length,
    ).toBeGreaterThan(0)
    expect((await getJson<{ data: unknown[] }>('/api/v1/events?limit=1')).data).toHaveLength(1)
  })

  it('refuses an unknown parameter instead of ignoring it', async () => {
    const problem = await invalid(
      '/api/v1/events?categroy=enforcement',
      'categroy',
      'unknown-parameter',
    )
    expect(problem.detail).toContain('"categroy"')
    expect(problem.detail).toContain('category')
    for (const path of [
      '/api/v1/story?x=1',
      '/api/v1/places?kind=city',
      '/api/v1/figures?value=1',
      '/api/v1/actors?page=2',
      '/api/v1/outlets?limit=1',
      '/api/v1/categories?q=a',
      '/api/v1/chapters?sort=date',
      '/api/v1/events.csv?from=2022-01-01',
      '/api/v1/places.geojson?callback=x',
      '/api/v1/timeline.json?a=b',
      '/api/v1/dataset.jsonld?a=b',
      '/api/v1/openapi.json?a=b',
      '/api/v1/problems?a=b',
      '/api/v1/health?a=b',
    ]) {
      const p = await expectProblem(await get(path), 400, 'unknown-parameter')
      expect(p.parameter, path).toBe(new URL(`http://x${path}`).searchParams.keys().next().value)
    }
  })

  it('refuses a parameter with no name instead of dropping it', async () => {
    for (const path of [
      '/api/v1/story?chapter=exposure&=x',
      '/api/v1/events?=x',
      '/api/v1/events?limit=1&=',
      '/api/v1/events.csv?=1',
      '/api/v1/places/kandal?=kandal',
    ]) {
      const p = await invalid(path, '', 'unknown-parameter')
      expect(p.detail, path).toContain('no name')
      expect(p.detail, path).toContain('name=value')
    }
    // Empty pairs (`&&`) name nothing and are no parameter at all.
    expect((await get('/api/v1/events?&&limit=1')).status).toBe(200)
  })

  it('refuses SQL-looking input in ids, sort and fields', async () => {
    await invalid(
      `/api/v1/events?category=${encodeURIComponent("enforcement' OR '1'='1")}`,
      'category',
    )
    await invalid(
      `/api/v1/events?place=${encodeURIComponent('kandal; DROP TABLE events')}`,
      'place',
    )
    await invalid(
      `/api/v1/events?actor=${encodeURIComponent('x") UNION SELECT * FROM editor_tokens --')}`,
      'actor',
    )
    await invalid(`/api/v1/events?sort=${encodeURIComponent('date; DELETE FROM events')}`, 'sort')
    await invalid(`/api/v1/events?sort=${encodeURIComponent('(SELECT 1)')}`, 'sort')
    await invalid(
      `/api/v1/events?fields=${encodeURIComponent('id,(select token_hash from editor_tokens)')}`,
      'fields',
    )
    await invalid(`/api/v1/figures?measure=${encodeURIComponent("rescued' --")}`, 'measure')
    await invalid(`/api/v1/figures?event=${encodeURIComponent('1 OR 1=1')}`, 'event')
    // Everything is still there.
    expect((await getJson<{ data: unknown[] }>('/api/v1/events')).data.length).toBeGreaterThan(40)
  })

  it('says when a single-valued parameter is given twice', async () => {
    const problem = await invalid('/api/v1/events?limit=5&limit=10', 'limit')
    expect(problem.detail).toBe('limit was given 2 times; give it once.')
    await invalid('/api/v1/events?from=2022-01-01&from=2022-02-01', 'from')
    // Once merged into one list: now refused like the rest.
    expect((await invalid('/api/v1/events?fields=headline&fields=date', 'fields')).detail).toBe(
      'fields was given 2 times; give it once.',
    )
  })

  it('refuses other malformed values with a useful detail', async () => {
    expect((await invalid('/api/v1/events?sort=date-desc', 'sort')).detail).toContain('"-date"')
    expect((await invalid('/api/v1/events?fields=id,colour', 'fields')).detail).toContain(
      'headline',
    )
    await invalid('/api/v1/events?q=', 'q')
    await invalid(`/api/v1/events?q=${'a'.repeat(201)}`, 'q')
    await invalid(`/api/v1/events?q=${encodeURIComponent('a b c d e f g h i j k')}`, 'q')
    await invalid(
      `/api/v1/events?category=${Array.from({ length: 21 }, (_, i) => `c${i}`).join('&category=')}`,
      'category',
    )
    expect((await invalid('/api/v1/figures?unit=dollars', 'unit')).detail).toContain('USD')
    await invalid(`/api/v1/events?cursor=${'a'.repeat(5000)}`, 'cursor')
  })

  it('refuses every documented query parameter given with no value, or twice when it takes one, naming it', async () => {
    // From the document, so a parameter added later is tried too: `?cursor=` once restarted a
    // partner's walk from the first page instead.
    const doc = await getJson<{
      paths: Record<
        string,
        {
          get?: {
            parameters?: {
              name: string
              in: string
              schema?: { type?: string; example?: unknown; enum?: unknown[] }
            }[]
          }
        }
      >
    }>('/api/v1/openapi.json')
    let tried = 0
    for (const [path, item] of Object.entries(doc.paths)) {
      if (path.includes('{') || path.startsWith('/api/v1/admin')) continue
      for (const { name, schema } of (item.get?.parameters ?? []).filter((p) => p.in === 'query')) {
        const problem = await invalid(`${path}?${name}=`, name)
        expect(problem.detail, `${path}?${name}=`).toMatch(new RegExp(`^${name}\\b`))
        // And a single-valued one given twice (a list such as category may repeat).
        if (schema?.type !== 'array') {
          // A value it takes once (the document's example, or its first choice), so only the
          // repetition is wrong.
          const value = encodeURIComponent(
            String(schema?.example ?? schema?.enum?.[0] ?? (schema?.type === 'integer' ? 5 : 'x')),
          )
          const twice = await invalid(`${path}?${name}=${value}&${name}=${value}`, name)
          expect(twice.detail, `${path}?${name} twice`).toBe(
            `${name} was given 2 times; give it once.`,
          )
        }
        tried++
      }
    }
    expect(tried).toBeGreaterThanOrEqual(20)
    expect((await invalid('/api/v1/events?cursor=', 'cursor')).detail).toContain('links.next')
  })

  it('never answers odd input with a 500', async () => {
    for (const path of [
      '/api/v1/events?q=%ZZ',
      '/api/v1/events?q=%00',
      '/api/v1/events?q=%F0%9F%98%80',
      '/api/v1/events?q=%E2%80%AE%E2%80%8B',
      '/api/v1/events?category[]=a',
      '/api/v1/events?=',
      '/api/v1/events?&&&',
      '/api/v1/events/%ZZ',
      '/api/v1/events/' + 'a'.repeat(3000),
      `/api/v1/events?${'x'.repeat(8000)}=1`,
      '/api/v1/problems/%00',
    ]) {
      const res = await get(path)
      expect(res.status, path).toBeLessThan(500)
      await res.arrayBuffer()
    }
  })
})

describe('paths and methods', () => {
  it('gives 404 problem+json for unknown API paths', async () => {
    for (const path of ['/api/v1/nothing', '/api/v2/events', '/api/v1/events/2022/09']) {
      await expectProblem(await get(path), 404, 'not-found')
    }
  })

  it('gives 405 with Allow for writes: the public API is read-only', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await get('/api/v1/events', { method, body: method === 'DELETE' ? null : '{}' })
      expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
      await expectProblem(res, 405, 'method-not-allowed')
    }
  })

  it('answers HEAD like GET without a body', async () => {
    const res = await get('/api/v1/places', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('ETag')).toMatch(/^"/)
    expect(await res.text()).toBe('')
  })
})

describe('problem types', () => {
  it('serves a description at every type URI the API uses', async () => {
    const list = await getJson<{
      data: { type: string; title: string; status: number; fix: string }[]
    }>('/api/v1/problems')
    expect(list.data.map((p) => p.type)).toEqual(
      expect.arrayContaining([
        '/api/v1/problems/invalid-parameter',
        '/api/v1/problems/unknown-parameter',
        '/api/v1/problems/invalid-cursor',
        '/api/v1/problems/cursor-mismatch',
        '/api/v1/problems/not-found',
        '/api/v1/problems/rate-limited',
      ]),
    )
    for (const p of list.data) {
      const one = await getJson<{ type: string; title: string; status: number; fix: string }>(
        p.type,
      )
      expect(one).toEqual(p)
      expect(one.fix.length).toBeGreaterThan(10)
    }
    await expectProblem(await get('/api/v1/problems/no-such-problem'), 404, 'not-found')
  })

  it('has one registry: every type the worker can send, public and write API, answers 200 with its page', async () => {
    // problem() takes only the registry's slugs, so the registry is every type the worker sends.
    const slug: Parameters<typeof problem>[1] = 'stale-version'
    // @ts-expect-error: a slug that is not registered does not compile
    const unregistered: Parameters<typeof problem>[1] = 'no-such-problem'
    expect([isProblemSlug(slug), isProblemSlug(unregistered)]).toEqual([true, false])

    for (const admin of [
      'unauthorized',
      'not-found',
      'method-not-allowed',
      'conflict',
      'stale-version',
      'payload-too-large',
      'unsupported-media-type',
      'invalid-body',
      'idempotency-key-reused',
      'if-match-required',
    ]) {
      expect(PROBLEM_SLUGS, admin).toContain(admin)
    }
    const list = await getJson<{ data: { type: string }[] }>('/api/v1/problems')
    expect(list.data.map((p) => p.type)).toEqual(PROBLEM_SLUGS.map((s) => `/api/v1/problems/${s}`))
    for (const slug of PROBLEM_SLUGS) {
      const page = await getJson<{ type: string; status: number; title: string }>(
        `/api/v1/problems/${slug}`,
      )
      const { status, title, description, fix } = PROBLEM_TYPES[slug]
      expect(page, slug).toEqual({
        type: `/api/v1/problems/${slug}`,
        status,
        title,
        description,
        fix,
      })
      expect(description.length, slug).toBeGreaterThan(20)
      expect(fix.length, slug).toBeGreaterThan(20)
    }
  })
})
