// The streamed exports: every export written a page of rows at a time from D1 (exports/reader.ts)
// gives the same text as the whole-story rendering (the story read at once, as the exports were
// made before), for the real data and for a story with more events than one page (synthetic
// copies inserted here, with a draft and a deleted copy that must not leak), with pages of the
// default size and of a few rows; the zip holds the same files in the same order. A HEAD and a
// 304 read no page; an editor's write in the middle of an export never cuts it short.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import app from '../../worker/index'
import { getStory, listActors } from '../../worker/db'
import { EXPORT_PAGE_ROWS } from '../../worker/db/exports'
import { BUNDLE_FILES, bundleFiles, bundleZipChunks } from '../../worker/exports/bundle'
import { placesGeoJson, placesGeoJsonChunks } from '../../worker/exports/geojson'
import { datasetChunks } from '../../worker/exports/jsonld'
import { d1Reader } from '../../worker/exports/reader'
import {
  CSV_TABLES,
  tableCsv,
  tableCsvChunks,
  type ExportSource,
} from '../../worker/exports/tables'
import { storyTimeline, timelineChunks } from '../../worker/exports/timeline'
import { datasetFull } from '../../worker/shared/dataset'
import { CLIENT_IP, get, ORIGIN } from './api-client'

const MODIFIED = '2023-07-01T00:00:00.000Z'

/** The whole story, read at once: what the exports were made from before they streamed. */
async function wholeStory(): Promise<ExportSource> {
  const [story, actors] = await Promise.all([getStory(env.DB), listActors(env.DB)])
  expect(story).not.toBeNull()
  return { story: story!, actors, origin: ORIGIN, modified: MODIFIED }
}

async function textOf(parts: AsyncIterable<string>): Promise<string> {
  let text = ''
  for await (const part of parts) text += part
  return text
}

async function bytesOf(parts: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const part of parts) chunks.push(part)
  return new Uint8Array(await new Blob(chunks).arrayBuffer())
}

/** Asserts every streamed export, read `pageRows` rows at a time, equals the whole-story one. */
async function expectStreamsEqualWhole(pageRows: number): Promise<ExportSource> {
  const source = await wholeStory()
  const reader = await d1Reader(env.DB, { origin: ORIGIN, modified: MODIFIED, pageRows })
  expect(reader).not.toBeNull()
  const r = reader!
  expect(r.eventCount).toBe(source.story.events.length)
  for (const table of CSV_TABLES) {
    expect(await textOf(tableCsvChunks(table, r)), table.file).toBe(tableCsv(table, source))
    expect(await textOf(tableCsvChunks(table, r, { bom: true })), table.file).toBe(
      tableCsv(table, source, { bom: true }),
    )
  }
  expect(await textOf(placesGeoJsonChunks(r))).toBe(
    JSON.stringify(placesGeoJson(source.story, ORIGIN)),
  )
  expect(await textOf(timelineChunks(r))).toBe(JSON.stringify(storyTimeline(source.story)))
  expect(await textOf(datasetChunks(r))).toBe(JSON.stringify(datasetFull(source.story, ORIGIN)))

  const zipped = unzipSync(await bytesOf(bundleZipChunks(r)))
  expect(Object.keys(zipped)).toEqual([...BUNDLE_FILES])
  const whole = await bundleFiles(source)
  for (const name of BUNDLE_FILES) expect(strFromU8(zipped[name]!), name).toBe(whole[name])
  return source
}

describe('the streamed exports, on the real data', () => {
  it('give the same text as the whole-story rendering, in one page', async () => {
    const source = await expectStreamsEqualWhole(EXPORT_PAGE_ROWS)
    expect(source.story.events.length).toBeGreaterThan(40)
  })

  it('give the same text in pages of a few rows (every page boundary crossed)', async () => {
    const source = await expectStreamsEqualWhole(5)
    expect(source.story.places.length).toBeGreaterThan(5)
    expect(source.actors.length).toBeGreaterThan(5)
  })

  it('are served by the routes with the same bytes as the whole-story rendering', async () => {
    const source = await wholeStory()
    const expected: Record<string, string> = {
      '/api/v1/events.csv': tableCsv(CSV_TABLES[0]!, source),
      '/api/v1/figures.csv': tableCsv(CSV_TABLES[1]!, source),
      '/api/v1/places.csv': tableCsv(CSV_TABLES[2]!, source),
      '/api/v1/actors.csv': tableCsv(CSV_TABLES[3]!, source),
      '/api/v1/actors.csv?bom=1': tableCsv(CSV_TABLES[3]!, source, { bom: true }),
      '/api/v1/places.geojson': JSON.stringify(placesGeoJson(source.story, ORIGIN)),
      '/api/v1/timeline.json': JSON.stringify(storyTimeline(source.story)),
      '/api/v1/dataset.jsonld': JSON.stringify(datasetFull(source.story, ORIGIN)),
    }
    for (const [path, text] of Object.entries(expected)) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      // Decoded keeping a byte-order mark (Response.text() would drop it).
      const body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
        await res.arrayBuffer(),
      )
      expect(body, path).toBe(text)
    }
    // The zip's tables and GeoJSON are the same files (its README and datapackage.json are dated
    // with the data's newest change, compared above with a fixed date).
    const zipped = unzipSync(new Uint8Array(await (await get('/api/v1/data.zip')).arrayBuffer()))
    expect(Object.keys(zipped)).toEqual([...BUNDLE_FILES])
    const whole = await bundleFiles(source)
    for (const name of BUNDLE_FILES.slice(2))
      expect(strFromU8(zipped[name]!), name).toBe(whole[name])
  })
})

/** The SQL each D1 call of one request prepared, through a recording wrapper of the binding. */
async function preparedBy(path: string, init: RequestInit = {}) {
  const prepared: string[] = []
  const recording = <T extends object>(db: T): T =>
    new Proxy(db, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          if (name === 'prepare') prepared.push(String(args[0]))
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args)
          return name === 'withSession' ? recording(result as object) : result
        }
      },
    })
  const headers = new Headers(init.headers)
  headers.set('CF-Connecting-IP', CLIENT_IP)
  const ctx = createExecutionContext()
  // An origin of its own: a miss, whatever this file asked for before.
  const origin = `http://head-${crypto.randomUUID().slice(0, 8)}.example`
  const res = await app.fetch(
    new Request(`${origin}${path}`, { ...init, headers }),
    { ...env, DB: recording(env.DB) },
    ctx,
  )
  const body = await res.arrayBuffer()
  await waitOnExecutionContext(ctx)
  return { res, body, prepared, pages: prepared.filter((sql) => /\bLIMIT \?/.test(sql)) }
}

describe('a HEAD and a 304 of an export', () => {
  it('read no page of rows: the body is never made', async () => {
    for (const path of ['/api/v1/data.zip', '/api/v1/events.csv', '/api/v1/dataset.jsonld']) {
      const head = await preparedBy(path, { method: 'HEAD' })
      expect(head.res.status, path).toBe(200)
      expect(head.body.byteLength, path).toBe(0)
      expect(head.res.headers.get('ETag'), path).toMatch(/^"\d+-[0-9a-f]+"$/)
      expect(head.prepared.length, path).toBeGreaterThan(0)
      expect(head.pages, path).toEqual([])

      const any = await preparedBy(path, { headers: { 'If-None-Match': '*' } })
      expect(any.res.status, path).toBe(304)
      expect(any.pages, path).toEqual([])

      const full = await preparedBy(path)
      expect(full.res.status, path).toBe(200)
      expect(full.body.byteLength, path).toBeGreaterThan(100)
      expect(full.pages.length, path).toBeGreaterThan(0)
    }
  })
})

/** Synthetic copies of every public event with its links, ids ending `-copy-<n>`. */
function copiesSql(copies: number): string[] {
  const n = `WITH RECURSIVE copies(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copies WHERE n < ${copies})`
  const id = (column: string) => `${column} || '-copy-' || n`
  const real = `IN (SELECT id FROM events WHERE status = 'published' AND deleted_at IS NULL AND id NOT LIKE '%-copy-%')`
  return [
    `${n} INSERT INTO events (id, date, date_precision, headline, summary, body, category, chapter, status)
     SELECT ${id('e.id')}, e.date, e.date_precision, 'Synthetic copy ' || n || ': ' || substr(e.headline, 1, 150),
       e.summary, e.body, e.category, e.chapter, e.status FROM events e, copies WHERE e.id ${real}`,
    `${n} INSERT INTO event_places (event_id, place_id, position)
     SELECT ${id('x.event_id')}, x.place_id, x.position FROM event_places x, copies WHERE x.event_id ${real}`,
    `${n} INSERT INTO event_actors (event_id, actor_id, role, position)
     SELECT ${id('x.event_id')}, x.actor_id, x.role, x.position FROM event_actors x, copies WHERE x.event_id ${real}`,
    `${n} INSERT INTO event_outlets (event_id, outlet_id, role, position)
     SELECT ${id('x.event_id')}, x.outlet_id, x.role, x.position FROM event_outlets x, copies WHERE x.event_id ${real}`,
    `${n} INSERT INTO figures (event_id, position, value, value_max, qualifier, unit, measure,
       subject, nationality, place_id, period, period_start, period_end, display)
     SELECT ${id('x.event_id')}, x.position, x.value, x.value_max, x.qualifier, x.unit, x.measure,
       x.subject, x.nationality, x.place_id, x.period, x.period_start, x.period_end, x.display
     FROM figures x, copies WHERE x.deleted_at IS NULL AND x.event_id ${real}`,
    `${n} INSERT INTO notes (event_id, position, kind, field, text, source_said)
     SELECT ${id('x.event_id')}, x.position, x.kind, x.field, x.text, x.source_said
     FROM notes x, copies WHERE x.deleted_at IS NULL AND x.event_id ${real}`,
  ]
}

describe('the streamed exports, with more events than one page', () => {
  it('give the same text as the whole-story rendering, and never show a draft or a deleted event', async () => {
    const before = (await wholeStory()).story.events.length
    const copies = Math.ceil((EXPORT_PAGE_ROWS + 50) / before)
    await env.DB.batch(copiesSql(copies).map((sql) => env.DB.prepare(sql)))
    const [draft, deleted] = (await wholeStory()).story.events.slice(-2).map((e) => e.id)
    await env.DB.batch([
      env.DB.prepare("UPDATE events SET status = 'draft' WHERE id = ?").bind(draft),
      env.DB.prepare(
        "UPDATE events SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
      ).bind(deleted),
    ])

    const source = await expectStreamsEqualWhole(EXPORT_PAGE_ROWS)
    expect(source.story.events.length).toBe(before * (copies + 1) - 2)
    expect(source.story.events.length).toBeGreaterThan(EXPORT_PAGE_ROWS)
    await expectStreamsEqualWhole(97)

    const csv = await (await get('/api/v1/events.csv')).text()
    expect(csv.split('\r\n').filter((line) => /-copy-\d+,/.test(line)).length).toBeGreaterThan(
      EXPORT_PAGE_ROWS,
    )
    for (const id of [draft!, deleted!]) {
      expect(csv).not.toContain(`${id},`)
      expect(await (await get('/api/v1/timeline.json')).text()).not.toContain(`"${id}"`)
    }
  })
})

describe('an editor’s write in the middle of an export', () => {
  it('never cuts it short: the export completes, and shows the write from the next page on', async () => {
    const reader = (await d1Reader(env.DB, { origin: ORIGIN, modified: MODIFIED, pageRows: 10 }))!
    const pages = reader.events()[Symbol.asyncIterator]()
    const first = await pages.next()
    expect(first.done).toBe(false)
    const firstIds = new Set((first.value as { id: string }[]).map((e) => e.id))
    const later = (await wholeStory()).story.events.find((e) => !firstIds.has(e.id))!
    expect(await reader.changed()).toBe(false)
    await env.DB.prepare('UPDATE events SET headline = headline || ? WHERE id = ?')
      .bind(' (edited mid-export)', later.id)
      .run()
    expect(await reader.changed()).toBe(true)
    const rest: { id: string; headline: string }[] = []
    for (let next = await pages.next(); !next.done; next = await pages.next())
      rest.push(...next.value)
    expect(firstIds.size + rest.length).toBe(reader.eventCount)
    expect(rest.find((e) => e.id === later.id)?.headline).toBe(
      `${later.headline} (edited mid-export)`,
    )
  })
})
