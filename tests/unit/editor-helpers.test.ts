// The editor's helpers: merge patches of what changed, revisions side by side, and the typed
// client's requests and refusals (the one place a refused token is handled).
import { describe, expect, it } from 'vitest'
import { createClient } from '../../web/src/editor/api'
import { ApiError, formFailure, handled } from '../../web/src/editor/errors'
import { changedFields, currentVersion, diffRows, restorable } from '../../web/src/editor/diff'
import { isEmpty, mergePatch, optionalNumber, optionalText } from '../../web/src/editor/patch'
import { hrefFor, isViewHash, parseRoute } from '../../web/src/editor/route'
import type { Revision } from '../../worker/model'

describe('the editor page’s addresses', () => {
  it('tells a view’s hash from a place in the page (the skip link’s #main)', () => {
    for (const hash of ['', '#', '#/', '#/events/2022-07-13-x', '#/new/places', '#/story'])
      expect(isViewHash(hash), hash).toBe(true)
    for (const hash of ['#main', '#event-body', '#%2Fnew'])
      expect(isViewHash(hash), hash).toBe(false)
  })

  it('reads back every view it writes', () => {
    for (const route of [
      { view: 'list' },
      { view: 'event', id: '2022-09-27-phnom-penh-raids-1480-released' },
      { view: 'new-row', table: 'places' },
      { view: 'row', table: 'outlets', id: 'new' },
      { view: 'story' },
    ] as const) {
      const href = hrefFor(route)
      expect(isViewHash(href), href).toBe(true)
      expect(parseRoute(href)).toEqual(route)
    }
  })
})

describe('mergePatch', () => {
  it('keeps only the fields that changed, lists included', () => {
    const loaded = { headline: 'A', summary: 'S', places: ['kandal'], body: '' }
    expect(mergePatch(loaded, { ...loaded })).toEqual({})
    expect(isEmpty(mergePatch(loaded, { ...loaded }))).toBe(true)
    expect(mergePatch(loaded, { ...loaded, headline: 'B', places: ['kandal', 'pursat'] })).toEqual({
      headline: 'B',
      places: ['kandal', 'pursat'],
    })
  })

  it('treats a blank optional field as null, and a non-number as no number', () => {
    expect(optionalText('  ')).toBeNull()
    expect(optionalText('Vietnamese')).toBe('Vietnamese')
    expect(optionalNumber('')).toBeNull()
    expect(optionalNumber('1480')).toBe(1480)
    expect(optionalNumber('many')).toBeNull()
  })
})

const revision = (over: Partial<Revision>): Revision => ({
  id: 1,
  table_name: 'figures',
  row_id: '22',
  event_id: '2022-09-27-phnom-penh-raids-1480-released',
  action: 'update',
  actor: 'sql',
  at: '2026-11-24T00:00:00.000Z',
  before: { value: 1480, display: 'more than 1,480', version: 1 },
  after: { value: 1481, display: 'more than 1,480', version: 2 },
  ...over,
})

describe('revisions side by side', () => {
  it('marks the fields an update changed, and names them without the bookkeeping', () => {
    const rows = diffRows(revision({}))
    expect(rows.find((r) => r.field === 'value')).toEqual({
      field: 'value',
      label: 'Value',
      before: '1480',
      after: '1481',
      changed: true,
    })
    expect(rows.find((r) => r.field === 'display')?.changed).toBe(false)
    expect(changedFields(revision({}))).toEqual(['Value'])
    // Fields are named as the editor page names them; a column without a label keeps its name.
    const range = revision({
      before: { value_max: 5000, version: 1 },
      after: { value_max: 6000, version: 2 },
    })
    expect(changedFields(range)).toEqual(['Upper end of a range'])
    const link = revision({
      table_name: 'event_places',
      before: { role: 'a', version: 1 },
      after: { role: 'b', version: 2 },
    })
    expect(changedFields(link)).toEqual(['role'])
  })

  it('knows the row version a restore must send, and what can be restored', () => {
    const newest = revision({ id: 3, after: { value: 7, version: 3 } })
    const older = revision({ id: 1 })
    expect(currentVersion([newest, older], older)).toBe(3)
    expect(restorable(revision({ action: 'delete', after: null }))).toBe(true)
    expect(restorable(revision({ action: 'insert', before: null, after: null }))).toBe(false)
  })
})

describe('the write API client', () => {
  /** A fetch that records each request and answers with the next of `answers`. */
  function recorder(...answers: Response[]) {
    const sent: Request[] = []
    const fetcher: typeof fetch = async (input, init) => {
      sent.push(new Request(new URL(String(input), 'http://editor.test'), init))
      return answers.shift() ?? new Response('{}', { status: 200 })
    }
    return { sent, fetcher }
  }
  const problem = (status: number, slug: string) =>
    new Response(
      JSON.stringify({ type: `/api/v1/problems/${slug}`, status, title: slug, detail: `${slug}.` }),
      {
        status,
        headers: { 'Content-Type': 'application/problem+json' },
      },
    )

  it('sends the token, If-Match, the Idempotency-Key and the query where the routes take them', async () => {
    const row = () =>
      new Response(JSON.stringify({ id: 7, version: 4 }), {
        headers: { 'Content-Type': 'application/json', ETag: '"4"' },
      })
    const { sent, fetcher } = recorder(row(), row(), row())
    const client = createClient('yir_token', { fetcher })
    const updated = await client.updateFigure(7, 3, { display: 'about 20' })
    expect(updated).toEqual({ data: { id: 7, version: 4 }, version: 4 })
    await client.createNote(
      { event_id: 'e', kind: 'context', field: null, text: 'T', source_said: null },
      'key-1',
    )
    await client.restoreRevision(12, 4, 'before')

    const [patch, create, restore] = sent
    expect([patch!.method, new URL(patch!.url).pathname]).toEqual([
      'PATCH',
      '/api/v1/admin/figures/7',
    ])
    expect(patch!.headers.get('Authorization')).toBe('Bearer yir_token')
    expect(patch!.headers.get('If-Match')).toBe('"3"')
    expect(patch!.headers.get('Content-Type')).toBe('application/json')
    expect(await patch!.json()).toEqual({ display: 'about 20' })
    expect([create!.method, new URL(create!.url).pathname]).toEqual(['POST', '/api/v1/admin/notes'])
    expect(create!.headers.get('Idempotency-Key')).toBe('key-1')
    expect(new URL(restore!.url).pathname + new URL(restore!.url).search).toBe(
      '/api/v1/admin/revisions/12/restore?to=before',
    )
    expect(restore!.headers.get('If-Match')).toBe('"4"')
  })

  it('turns every refusal into an ApiError, and calls onUnauthorized for a refused token only', async () => {
    const reasons: string[] = []
    const { fetcher } = recorder(problem(412, 'stale-version'), problem(401, 'unauthorized'))
    const client = createClient('yir_token', { fetcher, onUnauthorized: (r) => reasons.push(r) })

    const stale = await client.deleteNote(1, 2).catch((e: unknown) => e)
    expect(stale).toBeInstanceOf(ApiError)
    expect([(stale as ApiError).status, handled(stale)]).toEqual([412, false])
    const conflicts: string[] = []
    expect(formFailure(stale, { onconflict: (m) => conflicts.push(m) })).toBeNull()
    expect(conflicts).toHaveLength(1)
    expect(reasons).toEqual([])

    const refused = await client.events().catch((e: unknown) => e)
    expect([(refused as ApiError).status, handled(refused)]).toEqual([401, true])
    expect(reasons).toEqual([
      'Your token was not accepted (it may have been revoked). Sign in again.',
    ])
    // The views show nothing of their own for it: the editor is already signed out.
    expect(formFailure(refused, { onconflict: () => {} })).toBeNull()
  })

  it('says when the server cannot be reached', async () => {
    const client = createClient('yir_token', {
      fetcher: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    const failure = (await client.me().catch((e: unknown) => e)) as ApiError
    expect([failure.status, failure.problem.title]).toEqual([0, 'No connection'])
  })
})
