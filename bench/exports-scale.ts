// The exports at scale, for the scale benchmark (bench/scale.ts): each export of the scratch
// worker's story built three ways. (1) In workerd: a cache miss of its route, timed from the
// client to the last byte, and its bytes. (2) In Node, streamed as the route does (the worker's
// own export code, reading a page of rows at a time): the most memory it held at any part it
// wrote (JS heap plus array buffers, sampled after a full collection at every part, so garbage is
// not counted), then its time in a second run without those collections. (3) In Node, whole, as the exports were made before they streamed:
// the whole story read at once and rendered to one string (for the zip: every file's text and the
// zip), and what that holds when it is done. Node reads the scratch worker's own D1 file (read
// only, through node:sqlite, behind the few D1 calls the export code makes).
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { DatabaseSync, type SQLInputValue } from 'node:sqlite'
import type { LocalWorker } from './lib/server'
import { round } from './lib/stats'

/** The exports measured: their route under /api/v1 and a short name. */
export const EXPORT_ROUTES = [
  'events.csv',
  'figures.csv',
  'places.csv',
  'actors.csv',
  'places.geojson',
  'timeline.json',
  'dataset.jsonld',
  'data.zip',
] as const

/** One export's figures at one size. */
export interface ExportFigure {
  export: (typeof EXPORT_ROUTES)[number]
  bytes: number
  /** A cache miss of the route in workerd, from the client, to the last byte. */
  workerd_ms: number
  /** The streamed export in Node: time, and the most memory held at any part it wrote. */
  streamed_ms: number
  streamed_held_mb: number
  /** The whole-story rendering in Node: time, and what it holds when done. */
  whole_ms: number
  whole_held_mb: number
}

// The D1 calls the export code makes (prepare, bind, all, first, run, batch), over node:sqlite.
class Statement {
  private readonly db: DatabaseSync
  private readonly sql: string
  private readonly params: SQLInputValue[]
  constructor(db: DatabaseSync, sql: string, params: SQLInputValue[] = []) {
    this.db = db
    this.sql = sql
    this.params = params
  }
  bind(...params: unknown[]): Statement {
    return new Statement(this.db, this.sql, params as SQLInputValue[])
  }
  rows(): Record<string, unknown>[] {
    return this.db.prepare(this.sql).all(...this.params) as Record<string, unknown>[]
  }
  all() {
    return Promise.resolve({ results: this.rows(), success: true, meta: {} })
  }
  first() {
    return Promise.resolve(this.rows()[0] ?? null)
  }
  run() {
    return this.all()
  }
}

function sqliteD1(file: string) {
  const db = new DatabaseSync(file, { readOnly: true })
  return {
    prepare: (sql: string) => new Statement(db, sql),
    batch: (statements: Statement[]) => Promise.all(statements.map((s) => s.all())),
    close: () => db.close(),
  }
}

/** The scratch worker's D1 file (wrangler's local state under its persist folder). */
function d1File(worker: LocalWorker): string {
  const folder = join(worker.persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject')
  const file = readdirSync(folder).find((name) => name.endsWith('.sqlite'))
  if (!file) throw new Error(`no D1 file in ${folder}`)
  return join(folder, file)
}

type Parts = AsyncIterable<string | Uint8Array>
interface Modules {
  reader: { d1Reader(db: unknown, options: object): Promise<object | null> }
  db: { getStory(db: unknown): Promise<object>; listActors(db: unknown): Promise<object[]> }
  tables: {
    CSV_TABLES: readonly { file: string }[]
    tableCsv(table: unknown, source: unknown): string
    tableCsvChunks(table: unknown, reader: unknown): Parts
  }
  geojson: {
    placesGeoJson(story: unknown, origin: string): unknown
    placesGeoJsonChunks(r: unknown): Parts
  }
  timeline: { storyTimeline(story: unknown): unknown; timelineChunks(r: unknown): Parts }
  jsonld: { datasetChunks(r: unknown): Parts }
  dataset: { datasetFull(story: unknown, origin: string): unknown }
  bundle: {
    bundleFiles(source: unknown): Promise<Record<string, string>>
    bundleZip(source: unknown): Promise<Uint8Array>
    bundleZipChunks(r: unknown): Parts
  }
}

async function load(app: string): Promise<Modules> {
  const from = (path: string) => import(pathToFileURL(resolve(join(app, path))).href)
  return {
    reader: await from('worker/exports/reader.ts'),
    db: await from('worker/db/index.ts'),
    tables: await from('worker/exports/tables.ts'),
    geojson: await from('worker/exports/geojson.ts'),
    timeline: await from('worker/exports/timeline.ts'),
    jsonld: await from('worker/exports/jsonld.ts'),
    dataset: await from('worker/shared/dataset.ts'),
    bundle: await from('worker/exports/bundle.ts'),
  } as Modules
}

const held = () => {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

/**
 * Measures every export of the scratch worker's story (see the file's header). `origin` is the
 * worker's address, as its routes write links.
 */
export async function measureExports(
  worker: LocalWorker,
  timed: (
    url: string,
    headers?: Record<string, string>,
  ) => Promise<{ ms: number; body: Uint8Array }>,
  log: (line: string) => void,
): Promise<ExportFigure[]> {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const m = await load(worker.app)
  const db = sqliteD1(d1File(worker))
  const origin = worker.url
  try {
    const table = (file: string) => m.tables.CSV_TABLES.find((t) => t.file === file)!
    const wholeSource = async () => {
      const [story, actors] = await Promise.all([m.db.getStory(db), m.db.listActors(db)])
      return { story, actors, origin, modified: '2023-07-01T00:00:00.000Z' }
    }
    type Source = Awaited<ReturnType<typeof wholeSource>>
    const whole: Record<(typeof EXPORT_ROUTES)[number], (s: Source) => Promise<unknown>> = {
      'events.csv': async (s) => m.tables.tableCsv(table('events.csv'), s),
      'figures.csv': async (s) => m.tables.tableCsv(table('figures.csv'), s),
      'places.csv': async (s) => m.tables.tableCsv(table('places.csv'), s),
      'actors.csv': async (s) => m.tables.tableCsv(table('actors.csv'), s),
      'places.geojson': async (s) => JSON.stringify(m.geojson.placesGeoJson(s.story, origin)),
      'timeline.json': async (s) => JSON.stringify(m.timeline.storyTimeline(s.story)),
      'dataset.jsonld': async (s) => JSON.stringify(m.dataset.datasetFull(s.story, origin)),
      // At zipSync's peak the story, every file's text and the zip are held at once.
      'data.zip': async (s) => [await m.bundle.bundleFiles(s), await m.bundle.bundleZip(s)],
    }
    const streamed: Record<(typeof EXPORT_ROUTES)[number], (r: unknown) => Parts> = {
      'events.csv': (r) => m.tables.tableCsvChunks(table('events.csv'), r),
      'figures.csv': (r) => m.tables.tableCsvChunks(table('figures.csv'), r),
      'places.csv': (r) => m.tables.tableCsvChunks(table('places.csv'), r),
      'actors.csv': (r) => m.tables.tableCsvChunks(table('actors.csv'), r),
      'places.geojson': (r) => m.geojson.placesGeoJsonChunks(r),
      'timeline.json': (r) => m.timeline.timelineChunks(r),
      'dataset.jsonld': (r) => m.jsonld.datasetChunks(r),
      'data.zip': (r) => m.bundle.bundleZipChunks(r),
    }

    // Each measure in a function of its own, so what one held is garbage before the next starts
    // (a loop's locals can outlive their iteration in the async function's frame).
    const measureStreamed = async (name: (typeof EXPORT_ROUTES)[number]) => {
      const reader = await m.reader.d1Reader(db, { origin, modified: null })
      gc()
      const base = held()
      let most = 0
      for await (const part of streamed[name](reader)) {
        void part
        gc()
        most = Math.max(most, held() - base)
      }
      const start = performance.now()
      for await (const part of streamed[name](reader)) void part
      return { ms: performance.now() - start, held: most }
    }
    const measureWhole = async (name: (typeof EXPORT_ROUTES)[number]) => {
      gc()
      const base = held()
      const start = performance.now()
      const source = await wholeSource()
      const body = await whole[name](source)
      const ms = performance.now() - start
      gc()
      const kept = held() - base
      if (!body || !source.story) throw new Error(`the whole ${name} is empty`)
      return { ms, held: kept }
    }

    const figures: ExportFigure[] = []
    for (const name of EXPORT_ROUTES) {
      const miss = await timed(`${worker.url}/api/v1/${name}`, { 'Accept-Encoding': 'identity' })
      // Streamed first (sampling what it holds also warms the code up), then whole.
      const stream = await measureStreamed(name)
      const all = await measureWhole(name)
      const figure: ExportFigure = {
        export: name,
        bytes: miss.body.byteLength,
        workerd_ms: round(miss.ms),
        streamed_ms: round(stream.ms),
        streamed_held_mb: round(stream.held / 1e6, 2),
        whole_ms: round(all.ms),
        whole_held_mb: round(all.held / 1e6, 2),
      }
      figures.push(figure)
      log(
        `  ${name}: ${figure.bytes} bytes; workerd miss ${figure.workerd_ms} ms; streamed ${figure.streamed_ms} ms, held ${figure.streamed_held_mb} MB; whole ${figure.whole_ms} ms, held ${figure.whole_held_mb} MB`,
      )
    }
    return figures
  } finally {
    db.close()
  }
}
