// One change model: what is public, what changed, and how to undo it. One test per fault found
// when the public API, the sync feed, the write API and raw SQL were tried as partners, editors
// and an attacker would, each with its failing input and the right answer.
import { beforeAll, describe, expect, it } from 'vitest'
import type { StoryEvent, Tombstone } from '../../worker/model'
import {
  adminCall,
  adminJson,
  etagOf,
  momentAfterNow,
  registerEditor,
  sql,
  sqlRefused,
  type Editor,
} from './admin-client'
import { expectProblem, get, getJson, pathOf, type ListBody } from './api-client'

type Item = StoryEvent | Tombstone
const sync = (since: string, extra = '') =>
  getJson<ListBody<Item>>(`/api/v1/events?updated_since=${encodeURIComponent(since)}${extra}`)
const idsOf = (body: { data: { id: string }[] }) => body.data.map((item) => item.id)
const tombstones = (body: ListBody<Item>) =>
  body.data.filter((item): item is Tombstone => 'deleted' in item).map((t) => t.id)

let editor: Editor
beforeAll(async () => {
  editor = await registerEditor('Change Model Tester')
})

/** Creates a draft through the write API and returns its id. */
async function draft(id: string, fields: Record<string, unknown> = {}) {
  await adminJson(editor, 'POST', '/api/v1/admin/events', 201, {
    body: {
      id,
      date: '2022-10-05',
      headline: 'A draft headline',
      summary: 'A draft summary.',
      category: 'enforcement',
      chapter: 'crackdown',
      ...fields,
    },
  })
  return id
}

describe('what the public sees', () => {
  it('gives no tombstone, and no answer to q or category, for a draft edited after the sync moment', async () => {
    const id = await draft('2022-10-05-secret-draft', { headline: 'Zanzibarite smugglers' })
    const since = await momentAfterNow()
    await adminJson(editor, 'PATCH', `/api/v1/admin/events/${id}`, 200, {
      ifMatch: await etagOf(editor, 'events', id),
      body: { headline: 'Zanzibarite smugglers named', category: 'business-and-licensing' },
    })
    const plain = await sync(since)
    expect(idsOf(plain)).not.toContain(id)
    // Probing the draft's words and category one at a time learns nothing: the answers are the
    // same whether the probe matches the draft or not.
    for (const probe of ['&q=Zanzibarite', '&category=business-and-licensing']) {
      expect(idsOf(await sync(since, probe))).not.toContain(id)
    }
    expect((await sync(since, '&q=Zanzibarite')).data).toEqual(
      (await sync(since, '&q=Nowordlikethis')).data,
    )
    expect(idsOf(await getJson<ListBody<StoryEvent>>('/api/v1/events?q=Zanzibarite'))).toEqual([])
  })

  it('counts in each chapter and category only public events: the counts sum to the public total', async () => {
    const id = await draft('2022-10-06-uncounted-draft')
    const events = await getJson<ListBody<StoryEvent>>('/api/v1/events?fields=id')
    for (const list of ['chapters', 'categories']) {
      const body = await getJson<ListBody<{ id: string; event_count: number }>>(`/api/v1/${list}`)
      expect(
        body.data.reduce((sum, row) => sum + row.event_count, 0),
        list,
      ).toBe(events.data.length)
    }
    expect(idsOf(events)).not.toContain(id)
  })

  it('matches no filter or q through a deleted row, and lists no deleted row', async () => {
    const event = '2022-09-27-phnom-penh-raids-1480-released'
    await adminJson(editor, 'POST', '/api/v1/admin/places', 201, {
      body: { id: 'quxworth', name: 'Quxworth Compound', kind: 'site' },
    })
    await adminJson(editor, 'POST', '/api/v1/admin/actors', 201, {
      body: { id: 'quxworth-owner', name: 'Quxworth Owner', kind: 'person' },
    })
    const current = await adminJson<{
      places: { id: string }[]
      actors: { id: string; role: string }[]
    }>(editor, 'GET', `/api/v1/admin/events/${event}`, 200)
    await adminJson(editor, 'PATCH', `/api/v1/admin/events/${event}`, 200, {
      ifMatch: current.__etag!,
      body: {
        places: [...current.places.map((p) => p.id), 'quxworth'],
        actors: [
          ...current.actors.map((a) => ({ id: a.id, role: a.role })),
          { id: 'quxworth-owner', role: 'owner' },
        ],
      },
    })
    for (const probe of ['place=quxworth', 'actor=quxworth-owner', 'q=Quxworth']) {
      expect(idsOf(await getJson(`/api/v1/events?${probe}`)), probe).toEqual([event])
    }
    for (const [table, id] of [
      ['places', 'quxworth'],
      ['actors', 'quxworth-owner'],
    ] as const) {
      await adminJson(editor, 'DELETE', `/api/v1/admin/${table}/${id}?detach=true`, 200, {
        ifMatch: await etagOf(editor, table, id),
      })
    }
    for (const probe of ['place=quxworth', 'actor=quxworth-owner', 'q=Quxworth']) {
      expect(idsOf(await getJson(`/api/v1/events?${probe}`)), probe).toEqual([])
    }
    expect(idsOf(await getJson('/api/v1/places'))).not.toContain('quxworth')
    expect(idsOf(await getJson('/api/v1/actors'))).not.toContain('quxworth-owner')
    expect(await (await get('/api/v1/story')).text()).not.toMatch(/quxworth/i)
  })

  it('finds Jürgen Stock whichever way q writes him: one Unicode fold for the text and for q', async () => {
    const interpol = '2023-06-07-interpol-global-crisis-warning'
    for (const q of [
      'Jürgen',
      'JÜRGEN',
      'jürgen',
      'Ju\u0308rgen',
      'ＪＵＲＧＥＮ'.replace('Ｕ', 'Ü'),
    ]) {
      const found = idsOf(await getJson(`/api/v1/events?q=${encodeURIComponent(q)}`))
      expect(found, q).toContain(interpol)
    }
    // Typographic punctuation folds to ASCII on both sides: ’ and ' are one.
    const apostrophe = idsOf(await getJson(`/api/v1/events?q=${encodeURIComponent("Kheng's")}`))
    expect(apostrophe).toEqual(
      idsOf(await getJson(`/api/v1/events?q=${encodeURIComponent('Kheng’s')}`)),
    )
  })
})

describe('the change feed', () => {
  it('sends a tombstone for an event deleted with raw SQL', async () => {
    const gone = '2022-08-30-chen-baorong-sentenced'
    const since = await momentAfterNow()
    await sql('DELETE FROM events WHERE id = ?', gone)
    const body = await sync(since)
    expect(tombstones(body)).toEqual([gone])
    expect(body.data.find((item) => item.id === gone)).toMatchObject({ id: gone, deleted: true })
    expect(idsOf(await getJson('/api/v1/events?fields=id'))).not.toContain(gone)
  })

  it('sends every event that names a place renamed through the write API, with its new name', async () => {
    const before = await getJson<ListBody<StoryEvent>>(
      '/api/v1/events?place=kandal&fields=id,places',
    )
    const naming = before.data
      .filter((e) => e.places.some((p) => p.id === 'kandal'))
      .map((e) => e.id)
    expect(naming.length).toBeGreaterThan(0)
    const since = await momentAfterNow()
    await adminJson(editor, 'PATCH', '/api/v1/admin/places/kandal', 200, {
      ifMatch: await etagOf(editor, 'places', 'kandal'),
      body: { name: 'Kandal Province' },
    })
    const body = await sync(since)
    expect(idsOf(body)).toEqual(expect.arrayContaining(naming))
    for (const id of naming) {
      const event = body.data.find((item) => item.id === id) as StoryEvent
      expect(event.places.find((p) => p.id === 'kandal')?.name).toBe('Kandal Province')
    }
  })

  it('gives every page of a walk one generated_at, from which the next sync misses no edit made while paging', async () => {
    const since = '2020-01-01T00:00:00.000Z'
    let path: string | null = `/api/v1/events?updated_since=${since}&limit=5&fields=id,headline`
    const first = await getJson<ListBody<Item>>(path)
    const watermark = first.meta.generated_at
    const seen = new Map<string, string>()
    const edited = first.data[0]!.id
    let page: ListBody<Item> = first
    let edits = 0
    for (;;) {
      expect(page.meta.generated_at).toBe(watermark)
      for (const item of page.data) seen.set(item.id, (item as StoryEvent).headline)
      // An edit while paging, to an event already read.
      if (edits++ === 0) {
        await sql(
          "UPDATE events SET headline = 'Edited while a partner was paging' WHERE id = ?",
          edited,
        )
      }
      path = page.links.next ? pathOf(page.links.next) : null
      if (!path) break
      page = await getJson<ListBody<Item>>(path)
    }
    expect(seen.get(edited)).not.toBe('Edited while a partner was paging')
    const next = await sync(watermark, '&fields=id,headline')
    expect(next.data.find((item) => item.id === edited)).toMatchObject({
      headline: 'Edited while a partner was paging',
    })
  })

  it('refuses a cursor made before cursors carried the watermark, saying to start again', async () => {
    const { encodeCursor } = await import('../../worker/lib/cursor')
    const modern = await encodeCursor({
      params: {},
      after: { date: '2022-01-01', id: 'a' },
      watermark: '2023-06-30T00:00:00.000Z',
    })
    const [payload] = modern.split('.')
    const older = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      unknown
    >
    older.v = 1
    delete older.watermark
    const { sha256Hex } = await import('../../worker/lib/sha256')
    const body = btoa(JSON.stringify(older))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
    const tag = (await sha256Hex(`events-cursor:${body}`)).slice(0, 16)
    const problem = await expectProblem(
      await get(`/api/v1/events?cursor=${body}.${tag}`),
      400,
      'cursor-expired',
    )
    expect(problem.detail).toMatch(/start the listing again/i)
  })
})

describe('versions cover what If-Match protects', () => {
  it('refuses a PATCH of an event’s places with the ETag read before a raw SQL link (412), keeping the link', async () => {
    const event = '2022-10-13-nikkei-gangs-relocate'
    const read = await adminJson<{ places: { id: string }[] }>(
      editor,
      'GET',
      `/api/v1/admin/events/${event}`,
      200,
    )
    await sql(
      "INSERT INTO event_places (event_id, place_id, position) VALUES (?, 'pursat', 99)",
      event,
    )
    const stale = await adminCall(editor, 'PATCH', `/api/v1/admin/events/${event}`, {
      ifMatch: read.__etag!,
      body: { places: read.places.map((p) => p.id) },
    })
    await expectProblem(stale, 412, 'stale-version')
    const now = await adminJson<{ places: { id: string }[] }>(
      editor,
      'GET',
      `/api/v1/admin/events/${event}`,
      200,
    )
    expect(now.places.map((p) => p.id)).toContain('pursat')
    expect(now.__etag).not.toBe(read.__etag)
  })

  it('refuses a restore of a link without If-Match, and takes the event’s ETag', async () => {
    const event = '2022-09-19-sar-kheng-289-complaints'
    const read = await adminJson<{ places: { id: string }[] }>(
      editor,
      'GET',
      `/api/v1/admin/events/${event}`,
      200,
    )
    const dropped = read.places.at(-1)!.id
    await adminJson(editor, 'PATCH', `/api/v1/admin/events/${event}`, 200, {
      ifMatch: read.__etag!,
      body: { places: read.places.slice(0, -1).map((p) => p.id) },
    })
    const revisions = await adminJson<{
      data: { id: number; table_name: string; action: string; row_id: string }[]
    }>(editor, 'GET', `/api/v1/admin/events/${event}/revisions`, 200)
    const removal = revisions.data.find(
      (r) =>
        r.table_name === 'event_places' &&
        r.action === 'delete' &&
        r.row_id === `${event}/${dropped}`,
    )!
    const path = `/api/v1/admin/revisions/${removal.id}/restore`
    await expectProblem(await adminCall(editor, 'POST', path), 428, 'if-match-required')
    await expectProblem(
      await adminCall(editor, 'POST', path, { ifMatch: read.__etag! }),
      412,
      'stale-version',
    )
    const restored = await adminJson<{ version: number }>(editor, 'POST', path, 200, {
      ifMatch: await etagOf(editor, 'events', event),
    })
    expect(restored.__etag).toBe(await etagOf(editor, 'events', event))
    const after = await adminJson<{ places: { id: string }[] }>(
      editor,
      'GET',
      `/api/v1/admin/events/${event}`,
      200,
    )
    expect(after.places.map((p) => p.id)).toContain(dropped)
  })

  it('refuses raw SQL that would bypass the audit or write a timestamp in another form', async () => {
    await sqlRefused(
      /INSERT OR REPLACE/,
      "INSERT OR REPLACE INTO places (id, name, kind) VALUES ('pursat', 'Pursat', 'city')",
    )
    await sqlRefused(
      /INSERT OR REPLACE/,
      "REPLACE INTO actors (id, name, kind) VALUES ('hun-sen', 'Hun Sen', 'person')",
    )
    await sqlRefused(/ISO 8601/, "UPDATE notes SET updated_at = '2023-07-01 10:00:00' WHERE id = 1")
    await sqlRefused(
      /ISO 8601/,
      "UPDATE events SET deleted_at = '2023-07-01T10:00:00+07:00' WHERE id = '2022-07-13-vice-pig-butchering-investigation'",
    )
    // The audit trail itself is append-only: deleting a raw DELETE's revision would lose its tombstone.
    await sqlRefused(/never deleted/, "DELETE FROM revisions WHERE table_name = 'events'")
    await sqlRefused(/never changed/, "UPDATE revisions SET actor = 'someone else'")
    // An upsert is an UPDATE to the audit trail: recorded with the state before it.
    await sql(
      `INSERT INTO outlets (id, name, kind) VALUES ('bbc', 'BBC News', 'news')
       ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
    )
    const revision = await adminJson<{
      data: { action: string; before: { name: string }; after: { name: string } }[]
    }>(editor, 'GET', '/api/v1/admin/outlets/bbc/revisions', 200)
    expect(revision.data[0]).toMatchObject({
      action: 'update',
      before: { name: 'BBC' },
      after: { name: 'BBC News' },
    })
  })
})

describe('restores change content only', () => {
  it('undoes an old headline edit of an event since unpublished and deleted without publishing it again', async () => {
    const event = '2022-10-04-vice-detention-bribes'
    const edited = await adminJson(editor, 'PATCH', `/api/v1/admin/events/${event}`, 200, {
      ifMatch: await etagOf(editor, 'events', event),
      body: { headline: 'A headline to undo later' },
    })
    const revisions = await adminJson<{ data: { id: number; table_name: string }[] }>(
      editor,
      'GET',
      `/api/v1/admin/events/${event}/revisions`,
      200,
    )
    const edit = revisions.data.find((r) => r.table_name === 'events')!
    await adminJson(editor, 'POST', `/api/v1/admin/events/${event}/unpublish`, 200, {
      ifMatch: edited.__etag!,
    })
    await adminJson(editor, 'DELETE', `/api/v1/admin/events/${event}`, 200, {
      ifMatch: await etagOf(editor, 'events', event),
    })
    const undone = await adminJson<{
      status: string
      deleted_at: string | null
      headline: string
      message: string
    }>(editor, 'POST', `/api/v1/admin/revisions/${edit.id}/restore?to=before`, 200, {
      ifMatch: await etagOf(editor, 'events', event),
    })
    expect(undone.headline).not.toBe('A headline to undo later')
    expect(undone.status).toBe('draft')
    expect(undone.deleted_at).not.toBeNull()
    expect(undone.message).toMatch(/content only/)
    expect((await get(`/api/v1/events/${event}`)).status).toBe(404)
  })

  it('brings an event deleted with raw SQL back with its rows in one write, or as a draft when one cannot come back', async () => {
    const whole = '2022-09-19-sar-kheng-289-complaints'
    const before = await adminJson<{
      places: unknown[]
      figures: unknown[]
      notes: unknown[]
      version: number
      status: string
    }>(editor, 'GET', `/api/v1/admin/events/${whole}`, 200)
    await sql('DELETE FROM events WHERE id = ?', whole)
    const deletion = await adminJson<{
      data: { id: number; action: string; table_name: string }[]
    }>(editor, 'GET', `/api/v1/admin/events/${whole}/revisions`, 200)
    const revision = deletion.data.find((r) => r.table_name === 'events' && r.action === 'delete')!
    const path = `/api/v1/admin/revisions/${revision.id}/restore`
    await expectProblem(await adminCall(editor, 'POST', path), 428, 'if-match-required')
    const back = await adminJson<{
      places: unknown[]
      figures: unknown[]
      notes: unknown[]
      status: string
      message: string
    }>(editor, 'POST', path, 200, { ifMatch: before.version })
    expect(back.status).toBe(before.status)
    expect(back.places).toHaveLength(before.places.length)
    expect(back.figures).toHaveLength(before.figures.length)
    expect(back.notes).toHaveLength(before.notes.length)
    expect(back.message).toMatch(/as it was/)
    // A second restore of the same delete: the row is back, so its version has moved on.
    await expectProblem(
      await adminCall(editor, 'POST', path, { ifMatch: before.version }),
      412,
      'stale-version',
    )

    // One that links to a place deleted since comes back as a draft, and says so.
    const event = '2022-11-14-scams-move-to-koh-kong'
    await adminJson(editor, 'POST', '/api/v1/admin/places', 201, {
      body: { id: 'short-lived-site', name: 'Short-lived site', kind: 'site' },
    })
    const read = await adminJson<{ places: { id: string }[]; version: number }>(
      editor,
      'GET',
      `/api/v1/admin/events/${event}`,
      200,
    )
    const linked = await adminJson<{ version: number }>(
      editor,
      'PATCH',
      `/api/v1/admin/events/${event}`,
      200,
      {
        ifMatch: read.__etag!,
        body: { places: [...read.places.map((p) => p.id), 'short-lived-site'] },
      },
    )
    await sql('DELETE FROM events WHERE id = ?', event)
    await adminJson(editor, 'DELETE', '/api/v1/admin/places/short-lived-site', 200, {
      ifMatch: await etagOf(editor, 'places', 'short-lived-site'),
    })
    const list = await adminJson<{ data: { id: number; action: string; table_name: string }[] }>(
      editor,
      'GET',
      `/api/v1/admin/events/${event}/revisions`,
      200,
    )
    const gone = list.data.find((r) => r.table_name === 'events' && r.action === 'delete')!
    const draftBack = await adminJson<{
      status: string
      places: { id: string }[]
      message: string
    }>(editor, 'POST', `/api/v1/admin/revisions/${gone.id}/restore`, 200, {
      ifMatch: linked.version,
    })
    expect(draftBack.status).toBe('draft')
    expect(draftBack.places.map((p) => p.id)).not.toContain('short-lived-site')
    expect(draftBack.places).toHaveLength(read.places.length)
    expect(draftBack.message).toMatch(/as a draft.*short-lived-site/)
  })
})

describe('references never dangle', () => {
  it('refuses to delete a used row (409 listing its uses) unless asked to detach them', async () => {
    const res = await adminCall(editor, 'DELETE', '/api/v1/admin/actors/sar-kheng', {
      ifMatch: await etagOf(editor, 'actors', 'sar-kheng'),
    })
    const body = (await expectProblem(res, 409, 'in-use')) as unknown as {
      used_by: { table: string; id: string | number; title: string; detachable: boolean }[]
      detail: string
    }
    expect(body.used_by.length).toBeGreaterThan(0)
    expect(body.used_by).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          table: 'events',
          id: '2023-03-23-national-anti-trafficking-report',
          detachable: true,
        }),
        expect.objectContaining({ table: 'quotes', detachable: false }),
      ]),
    )
    for (const user of body.used_by) expect(user.title.length).toBeGreaterThan(0)
    expect(body.detail).toMatch(/detach=true/)
    // A quote's speaker may not be empty: detaching cannot help, and says what to do.
    const detached = await adminCall(
      editor,
      'DELETE',
      '/api/v1/admin/actors/sar-kheng?detach=true',
      {
        ifMatch: await etagOf(editor, 'actors', 'sar-kheng'),
      },
    )
    expect((await expectProblem(detached, 409, 'in-use')).detail).toMatch(/move them/)
    // Raw SQL meets the same rule.
    await sqlRefused(
      /\[in use\] actor "sar-kheng" is used by/,
      "UPDATE actors SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 'sar-kheng'",
    )
  })

  it('refuses new links and references to deleted rows, through the API and raw SQL', async () => {
    await adminJson(editor, 'POST', '/api/v1/admin/outlets', 201, {
      body: { id: 'defunct-daily', name: 'Defunct Daily', kind: 'news' },
    })
    await adminJson(editor, 'DELETE', '/api/v1/admin/outlets/defunct-daily', 200, {
      ifMatch: await etagOf(editor, 'outlets', 'defunct-daily'),
    })
    const event = '2022-07-13-vice-pig-butchering-investigation'
    const read = await adminJson<{ outlets: { id: string; role: string }[] }>(
      editor,
      'GET',
      `/api/v1/admin/events/${event}`,
      200,
    )
    const linked = await adminCall(editor, 'PATCH', `/api/v1/admin/events/${event}`, {
      ifMatch: read.__etag!,
      body: {
        outlets: [
          ...read.outlets.map((o) => ({ id: o.id, role: o.role })),
          { id: 'defunct-daily', role: 'reported' },
        ],
      },
    })
    expect((await expectProblem(linked, 422, 'invalid-body')).detail).toMatch(/defunct-daily/)
    const quote = await adminCall(editor, 'POST', '/api/v1/admin/quotes', {
      body: {
        event_id: event,
        speaker_id: 'hun-sen',
        text: 'A sentence.',
        outlet_id: 'defunct-daily',
      },
    })
    expect((await expectProblem(quote, 422, 'invalid-body')).detail).toMatch(/deleted/)
    await sqlRefused(
      /names the deleted outlet "defunct-daily"/,
      "INSERT INTO event_outlets (event_id, outlet_id, role) VALUES (?, 'defunct-daily', 'reported')",
      event,
    )
  })

  it('keeps the chapters a partition: a narrowing is refused, a boundary moves in one write, and no event is locked', async () => {
    const narrowed = await adminCall(editor, 'PATCH', '/api/v1/admin/chapters/exposure', {
      ifMatch: await etagOf(editor, 'chapters', 'exposure'),
      body: { end_date: '2022-08-15' },
    })
    const problem = await expectProblem(narrowed, 422, 'invalid-body')
    expect(problem.detail).toMatch(/2022-08-16-taiwanese-police-stranded-estimate/)
    expect(problem.detail).toMatch(/PATCH \/api\/v1\/admin\/chapters/)
    await sqlRefused(
      /would leave outside it its events/,
      "UPDATE chapters SET end_date = '2022-08-15' WHERE id = 'exposure'",
    )
    await sqlRefused(
      /would overlap chapter "crackdown"/,
      "UPDATE chapters SET end_date = '2022-09-05' WHERE id = 'exposure'",
    )

    const list = await adminCall(editor, 'GET', '/api/v1/admin/chapters')
    const etag = list.headers.get('ETag')!
    await list.arrayBuffer()
    // A gap is refused, and so is a stale list ETag.
    const gap = await adminCall(editor, 'PATCH', '/api/v1/admin/chapters', {
      ifMatch: etag,
      body: { chapters: [{ id: 'crackdown', start_date: '2022-09-05' }] },
    })
    expect((await expectProblem(gap, 422, 'invalid-body')).detail).toMatch(/gap/)
    const moved = await adminJson<{ data: { id: string; start_date: string; end_date: string }[] }>(
      editor,
      'PATCH',
      '/api/v1/admin/chapters',
      200,
      {
        ifMatch: etag,
        body: {
          chapters: [
            { id: 'exposure', end_date: '2022-09-10' },
            { id: 'crackdown', start_date: '2022-09-11' },
          ],
        },
      },
    )
    expect(moved.data.find((c) => c.id === 'exposure')).toMatchObject({ end_date: '2022-09-10' })
    expect(moved.data.find((c) => c.id === 'crackdown')).toMatchObject({ start_date: '2022-09-11' })
    await expectProblem(
      await adminCall(editor, 'PATCH', '/api/v1/admin/chapters', {
        ifMatch: etag,
        body: { chapters: [{ id: 'exposure', title: 'Exposed' }] },
      }),
      412,
      'stale-version',
    )
    // An event of the narrowed chapter that lies outside is refused when the change would move it
    // there; every event of it can still be edited.
    const event = '2022-08-26-sar-kheng-acknowledges-trafficking'
    await adminJson(editor, 'PATCH', `/api/v1/admin/events/${event}`, 200, {
      ifMatch: await etagOf(editor, 'events', event),
      body: { summary: 'Still editable after the chapters changed.' },
    })
    const outside = await adminCall(editor, 'PATCH', `/api/v1/admin/events/${event}`, {
      ifMatch: await etagOf(editor, 'events', event),
      body: { date: '2022-09-12' },
    })
    expect((await expectProblem(outside, 422, 'invalid-body')).detail).toMatch(
      /chapter "exposure" runs from/,
    )
    const chapters = await getJson<ListBody<{ event_count: number }>>('/api/v1/chapters')
    const events = await getJson<ListBody<StoryEvent>>('/api/v1/events?fields=id')
    expect(chapters.data.reduce((sum, c) => sum + c.event_count, 0)).toBe(events.data.length)
  })

  it('moves a boundary across events, and splits a chapter: the events crossed follow their dates in the same write', async () => {
    type Chapter = { id: string; position: number; start_date: string; end_date: string }
    type Moved = { id: string; headline: string; from: string; to: string }
    const read = await adminCall(editor, 'GET', '/api/v1/admin/chapters')
    const etag = read.headers.get('ETag')!
    const list = ((await read.json()) as { data: Chapter[] }).data
      .filter((c) => c.start_date)
      .sort((a, b) => a.start_date.localeCompare(b.start_date))
    const [first, second] = [list[0]!, list[1]!]
    const { results } = await sql(
      'SELECT id, date FROM events WHERE chapter = ? AND deleted_at IS NULL ORDER BY date DESC, id LIMIT 1',
      first.id,
    )
    const last = results[0] as { id: string; date: string }
    const dayBefore = new Date(Date.parse(`${last.date}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10)
    const moved = await adminJson<{ data: Chapter[]; moved_events: Moved[] }>(
      editor,
      'PATCH',
      '/api/v1/admin/chapters',
      200,
      {
        ifMatch: etag,
        body: {
          chapters: [
            { id: first.id, end_date: dayBefore },
            { id: second.id, start_date: last.date },
          ],
        },
      },
    )
    expect(moved.moved_events.map((m) => [m.id, m.from, m.to])).toContainEqual([
      last.id,
      first.id,
      second.id,
    ])
    const event = await adminJson<{ chapter: string }>(
      editor,
      'GET',
      `/api/v1/admin/events/${last.id}`,
      200,
    )
    expect(event.chapter).toBe(second.id)
    const revisions = await adminJson<{
      data: { table_name: string; actor: string; after: { chapter?: string } }[]
    }>(editor, 'GET', `/api/v1/admin/events/${last.id}/revisions`, 200)
    expect(revisions.data.find((r) => r.table_name === 'events')).toMatchObject({
      actor: 'Change Model Tester',
      after: { chapter: second.id },
    })

    // A split: a new chapter takes the last days of the story's last chapter, with its events.
    const now = await adminCall(editor, 'GET', '/api/v1/admin/chapters')
    const etagNow = now.headers.get('ETag')!
    const chapters = ((await now.json()) as { data: Chapter[] }).data
    const final = chapters.reduce((a, b) => (a.end_date > b.end_date ? a : b))
    const tail = await sql(
      'SELECT id, date FROM events WHERE chapter = ? AND deleted_at IS NULL ORDER BY date DESC, id LIMIT 1',
      final.id,
    )
    const newest = tail.results[0] as { id: string; date: string }
    const split = await adminJson<{ data: Chapter[]; moved_events: Moved[] }>(
      editor,
      'PATCH',
      '/api/v1/admin/chapters',
      200,
      {
        ifMatch: etagNow,
        body: {
          chapters: [
            {
              id: final.id,
              end_date: new Date(Date.parse(`${newest.date}T00:00:00Z`) - 86_400_000)
                .toISOString()
                .slice(0, 10),
            },
            {
              id: 'the-last-days',
              position: Math.max(...chapters.map((c) => c.position)) + 1,
              title: 'The last days',
              dek: 'A chapter split from the last one.',
              start_date: newest.date,
              end_date: final.end_date,
            },
          ],
        },
      },
    )
    expect(split.data.find((c) => c.id === 'the-last-days')).toMatchObject({
      start_date: newest.date,
      end_date: final.end_date,
      position: Math.max(...chapters.map((c) => c.position)) + 1,
    })
    expect(split.moved_events.map((m) => [m.id, m.to])).toContainEqual([newest.id, 'the-last-days'])

    // A split in the middle: the new chapter takes a position every later chapter moves up from.
    const mid = await adminCall(editor, 'GET', '/api/v1/admin/chapters')
    const etagMid = mid.headers.get('ETag')!
    const ordered = ((await mid.json()) as { data: Chapter[] }).data.sort((a, b) =>
      a.start_date.localeCompare(b.start_date),
    )
    const head = ordered[0]!
    const inHead = await sql(
      'SELECT id, date FROM events WHERE chapter = ? AND deleted_at IS NULL AND date > ? ORDER BY date DESC, id LIMIT 1',
      head.id,
      head.start_date,
    )
    const crossing = inHead.results[0] as { id: string; date: string }
    const middle = await adminJson<{ data: Chapter[]; moved_events: Moved[] }>(
      editor,
      'PATCH',
      '/api/v1/admin/chapters',
      200,
      {
        ifMatch: etagMid,
        body: {
          chapters: [
            {
              id: head.id,
              end_date: new Date(Date.parse(`${crossing.date}T00:00:00Z`) - 86_400_000)
                .toISOString()
                .slice(0, 10),
            },
            {
              id: 'a-middle-chapter',
              position: head.position + 1,
              title: 'A middle chapter',
              dek: 'Split from the first chapter.',
              start_date: crossing.date,
              end_date: head.end_date,
            },
            ...ordered.slice(1).map((c) => ({ id: c.id, position: c.position + 1 })),
          ],
        },
      },
    )
    expect(middle.moved_events.map((m) => [m.id, m.to])).toContainEqual([
      crossing.id,
      'a-middle-chapter',
    ])
    expect(middle.data.find((c) => c.id === 'a-middle-chapter')?.position).toBe(head.position + 1)
    const all = await getJson<ListBody<{ event_count: number }>>('/api/v1/chapters')
    const events = await getJson<ListBody<StoryEvent>>('/api/v1/events?fields=id')
    expect(all.data.reduce((sum, c) => sum + c.event_count, 0)).toBe(events.data.length)
  })
})

describe('the write API takes back what it gives', () => {
  it('accepts an event’s own actor list, one actor in two roles, PATCHed back', async () => {
    const event = '2022-09-29-hun-sen-interfaith-forum'
    const read = await adminJson<{ actors: { id: string; role: string }[] }>(
      editor,
      'GET',
      `/api/v1/admin/events/${event}`,
      200,
    )
    const roles = read.actors
      .filter((a) => a.id === 'hun-sen')
      .map((a) => a.role)
      .sort()
    expect(roles).toEqual(['host', 'speaker'])
    const back = await adminJson<{ actors: { id: string; role: string }[] }>(
      editor,
      'PATCH',
      `/api/v1/admin/events/${event}`,
      200,
      {
        ifMatch: read.__etag!,
        body: { actors: read.actors.map((a) => ({ id: a.id, role: a.role })) },
      },
    )
    expect(back.actors.map((a) => `${a.id}/${a.role}`)).toEqual(
      read.actors.map((a) => `${a.id}/${a.role}`),
    )
    // The same actor twice in the same role is still refused.
    const twice = await adminCall(editor, 'PATCH', `/api/v1/admin/events/${event}`, {
      ifMatch: back.__etag!,
      body: {
        actors: [
          { id: 'hun-sen', role: 'host' },
          { id: 'hun-sen', role: 'host' },
        ],
      },
    })
    await expectProblem(twice, 422, 'invalid-body')
  })

  it('refuses an empty PATCH of the story (422, current or stale If-Match) and leaves the story as it was', async () => {
    const read = await adminJson<{ version: number; title: string }>(
      editor,
      'GET',
      '/api/v1/admin/story',
      200,
    )
    for (const ifMatch of [read.__etag!, read.version + 5]) {
      await expectProblem(
        await adminCall(editor, 'PATCH', '/api/v1/admin/story', { ifMatch, body: {} }),
        422,
        'invalid-body',
      )
    }
    const after = await adminJson<{ version: number; title: string }>(
      editor,
      'GET',
      '/api/v1/admin/story',
      200,
    )
    expect(after).toMatchObject({ version: read.version, title: read.title })
  })
})
