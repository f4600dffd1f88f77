// The scale benchmark (`npm run bench -- --scale`): the same measures at 42 events (the real
// story) and at 420 and 4,200, each in a scratch database of its own where the real events are
// copied (with their places, actors, outlets, figures and quotes) under ids ending
// `-synthetic-<n>` and headlines starting "Synthetic copy <n>:", so nothing can be mistaken for
// the real data, which is never touched. For each size: the server's render (in workerd: a page
// cache miss, timed from the client; in Node: the same server renderer's time and heap), the
// first response's bytes, API p50/p99 on cached routes, and the page in Chromium (phone, CPU 4x):
// time to the first story text, the longest task while loading and while scrolling the first
// steps, and the most DOM elements at once; and every export, streamed beside the whole-story
// rendering (bench/exports-scale.ts).
import { gzipSync } from 'node:zlib'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { measureExports, type ExportFigure } from './exports-scale'
import { removeState, startWorker, type LocalWorker } from './lib/server'
import { median, percentile, round } from './lib/stats'
import { measurePage } from './page-metrics'

/** The sizes measured: the real story, then 10 and 100 times as many events. */
export const SCALE_SIZES = [42, 420, 4200] as const

/**
 * The first port the scratch workers try (the next free one is taken): BENCH_PORT from the
 * environment, so two people on one machine can run the benchmark at once; else the workers'
 * default.
 */
function benchPort(): number | undefined {
  const text = process.env.BENCH_PORT
  if (text === undefined || text === '') return undefined
  const port = Number(text)
  if (!Number.isInteger(port) || port < 1024 || port > 65_535) {
    throw new Error(`BENCH_PORT must be a port number from 1024 to 65535; "${text}" is not one`)
  }
  return port
}

/** Steps scrolled through at each size: the same number, so the sizes compare. */
const SCROLLED_STEPS = 42

export interface ScaleRun {
  /** The size asked for (42, 420 or 4,200). */
  size: number
  /** The events the story actually held. */
  events: number
  /** A page cache miss of `/?event=<id>` in workerd, timed from the client: D1 read and render. */
  server_render_ms: number
  /** renderPage() in Node on the same story: time and heap it leaves allocated, MB. */
  node_render_ms: number
  node_render_heap_mb: number
  page_bytes: number
  page_gzip_bytes: number
  story_json_bytes: number
  api_story_p50_ms: number
  api_story_p99_ms: number
  api_events_p50_ms: number
  api_events_p99_ms: number
  first_text_ms: number | null
  longest_load_task_ms: number | null
  longest_scroll_task_ms: number | null
  peak_dom_nodes: number | null
  /** Every export at this size: streamed (workerd and Node) beside the whole-story rendering. */
  exports: ExportFigure[]
  /** Why the page could not be measured at this size, if it could not. */
  page_error?: string
}

export interface ScaleResult {
  runs: ScaleRun[]
  /** Each larger size's first text and longest task over the 42-event figures. */
  summary: Record<string, number | null>
}

/** SQL that adds `copies` synthetic copies of every live event and its linked rows. */
export function syntheticCopiesSql(copies: number): string {
  const withCopies = `WITH RECURSIVE copies(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copies WHERE n < ${copies})`
  const id = (column: string) => `substr(${column}, 1, 60) || '-synthetic-' || n`
  const real = (alias: string) => `${alias}.event_id NOT LIKE '%-synthetic-%'`
  return [
    `${withCopies} INSERT INTO events (id, date, date_precision, headline, summary, body, category, chapter, status)
     SELECT ${id('e.id')}, e.date, e.date_precision,
            substr('Synthetic copy ' || n || ': ' || e.headline, 1, 200), e.summary, e.body,
            e.category, e.chapter, e.status
     FROM events e, copies WHERE e.deleted_at IS NULL AND e.id NOT LIKE '%-synthetic-%'`,
    `${withCopies} INSERT INTO event_places (event_id, place_id, position)
     SELECT ${id('x.event_id')}, x.place_id, x.position FROM event_places x, copies WHERE ${real('x')}
       AND x.event_id IN (SELECT id FROM events WHERE deleted_at IS NULL)`,
    `${withCopies} INSERT INTO event_actors (event_id, actor_id, role, position)
     SELECT ${id('x.event_id')}, x.actor_id, x.role, x.position FROM event_actors x, copies WHERE ${real('x')}
       AND x.event_id IN (SELECT id FROM events WHERE deleted_at IS NULL)`,
    `${withCopies} INSERT INTO event_outlets (event_id, outlet_id, role, position)
     SELECT ${id('x.event_id')}, x.outlet_id, x.role, x.position FROM event_outlets x, copies WHERE ${real('x')}
       AND x.event_id IN (SELECT id FROM events WHERE deleted_at IS NULL)`,
    `${withCopies} INSERT INTO figures (event_id, position, value, value_max, qualifier, unit, measure,
       subject, nationality, place_id, period, period_start, period_end, display)
     SELECT ${id('x.event_id')}, x.position, x.value, x.value_max, x.qualifier, x.unit, x.measure,
       x.subject, x.nationality, x.place_id, x.period, x.period_start, x.period_end, x.display
     FROM figures x, copies WHERE ${real('x')} AND x.deleted_at IS NULL
       AND x.event_id IN (SELECT id FROM events WHERE deleted_at IS NULL)`,
    `${withCopies} INSERT INTO quotes (event_id, position, speaker_id, text, outlet_id)
     SELECT ${id('x.event_id')}, x.position, x.speaker_id, x.text, x.outlet_id
     FROM quotes x, copies WHERE ${real('x')} AND x.deleted_at IS NULL
       AND x.event_id IN (SELECT id FROM events WHERE deleted_at IS NULL)`,
  ].join(';\n')
}

/** undici's error for a socket the server closed, such as a kept-alive one it let go idle. */
const socketClosed = (error: unknown) =>
  error instanceof Error &&
  (error.cause as { code?: string } | undefined)?.code === 'UND_ERR_SOCKET'

/**
 * GETs `url` and reads its whole body; the time is from the request to the last byte. A request
 * sent on a kept-alive connection that the worker closed meanwhile (the Node-side measures of
 * the exports leave it idle for seconds) fails at once with a closed socket: it is sent once
 * more, on a new connection, timed afresh, and said on stderr. Any other failure, a second
 * closed socket or an answer other than 2xx throws, naming the URL.
 */
async function timed(
  url: string,
  headers: Record<string, string> = {},
  again = true,
): Promise<{ ms: number; body: Uint8Array; res: Response }> {
  const start = performance.now()
  let res: Response
  let body: Uint8Array
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(300_000) })
    body = new Uint8Array(await res.arrayBuffer())
  } catch (error) {
    if (again && socketClosed(error)) {
      console.error(`  (GET ${url}: the connection was closed; sent once more)`)
      return timed(url, headers, false)
    }
    const why = error instanceof Error ? (error.cause ?? error.message) : error
    throw new Error(`GET ${url} failed: ${String(why)}`, { cause: error })
  }
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`)
  return { ms: performance.now() - start, body, res }
}

async function latencies(url: string, count: number): Promise<{ p50: number; p99: number }> {
  await timed(url)
  const times: number[] = []
  for (let i = 0; i < count; i++) times.push((await timed(url)).ms)
  return { p50: round(median(times)), p99: round(percentile(times, 99)) }
}

type RenderPage = (story: unknown, options: { origin: string; search: string }) => { html: string }

/** The server renderer's time and retained heap in Node for `story` (median of 3 renders). */
async function nodeRender(worker: LocalWorker, story: unknown) {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const module = (await import(
    pathToFileURL(resolve(join(worker.app, 'worker/ssr/build/entry-server.js'))).href
  )) as { renderPage: RenderPage }
  const times: number[] = []
  const heaps: number[] = []
  for (let i = 0; i < 3; i++) {
    gc()
    const before = process.memoryUsage().heapUsed
    const start = performance.now()
    const { html } = module.renderPage(story, { origin: worker.url, search: '' })
    times.push(performance.now() - start)
    heaps.push((process.memoryUsage().heapUsed - before) / 1e6)
    if (!html.length) throw new Error('the renderer gave an empty page')
  }
  return { ms: round(median(times)), heapMb: round(median(heaps)) }
}

async function measureSize(
  events: number,
  log: (line: string) => void,
  pageRuns: number,
): Promise<ScaleRun> {
  const worker = await startWorker({ name: `scale-${events}`, port: benchPort() })
  let failed = false
  try {
    const real = worker.sql<{ n: number }>(
      "SELECT count(*) AS n FROM events WHERE deleted_at IS NULL AND status = 'published'",
    )[0]!.n
    const copies = Math.max(0, Math.round(events / real) - 1)
    if (copies > 0) worker.sql(syntheticCopiesSql(copies))
    const storyRes = await timed(`${worker.url}/api/v1/story`)
    const story = (
      JSON.parse(new TextDecoder().decode(storyRes.body)) as { data: { events: { id: string }[] } }
    ).data
    const count = story.events.length
    log(`  ${count} events (${copies} synthetic copies of ${real})`)

    // Page cache misses: each ?event= is a page of its own, rendered once.
    const misses: number[] = []
    for (const e of story.events.slice(0, 3)) {
      misses.push(
        (await timed(`${worker.url}/?event=${e.id}`, { 'Accept-Encoding': 'identity' })).ms,
      )
    }
    const page = await timed(`${worker.url}/`, { 'Accept-Encoding': 'identity' })
    const node = await nodeRender(worker, story)
    const apiStory = await latencies(`${worker.url}/api/v1/story`, 20)
    const apiEvents = await latencies(`${worker.url}/api/v1/events`, 20)
    const exports = await measureExports(worker, timed, log)

    const run: ScaleRun = {
      size: events,
      events: count,
      server_render_ms: round(median(misses)),
      node_render_ms: node.ms,
      node_render_heap_mb: node.heapMb,
      page_bytes: page.body.byteLength,
      page_gzip_bytes: gzipSync(page.body).byteLength,
      story_json_bytes: storyRes.body.byteLength,
      api_story_p50_ms: apiStory.p50,
      api_story_p99_ms: apiStory.p99,
      api_events_p50_ms: apiEvents.p50,
      api_events_p99_ms: apiEvents.p99,
      first_text_ms: null,
      longest_load_task_ms: null,
      longest_scroll_task_ms: null,
      peak_dom_nodes: null,
      exports,
    }
    try {
      const result = await measurePage(`${worker.url}/`, pageRuns, log, {
        maxSteps: SCROLLED_STEPS,
        liveTimeoutMs: 300_000,
      })
      run.first_text_ms = result.first_text_ms
      run.longest_load_task_ms = result.longest_load_task_ms
      run.longest_scroll_task_ms = result.longest_scroll_task_ms
      run.peak_dom_nodes = result.peak_dom_nodes
    } catch (error) {
      run.page_error = error instanceof Error ? error.message.split('\n')[0] : String(error)
      log(`  the page could not be measured: ${run.page_error}`)
    }
    return run
  } catch (error) {
    failed = true
    throw new Error(
      `${error instanceof Error ? error.message : String(error)} (the worker's log: ${worker.log})`,
      { cause: error },
    )
  } finally {
    await worker.stop()
    removeState(worker, failed)
  }
}

/** Below this a task is not a long task (https://w3c.github.io/longtasks/): the least base. */
const LONG_TASK_MS = 50

const ratio = (value: number | null, base: number | null) =>
  value === null || base === null || base <= 0 ? null : round(value / base, 2)

/**
 * Runs every size in SCALE_SIZES (each in a fresh worker and scratch database) and returns the
 * figures with, in `summary`, each larger size's first text and longest task (loading or
 * scrolling, whichever is longer) as a ratio of the 42-event figure. A longest task is compared
 * with at least 50 ms (the long-task threshold), so a story with none at 42 events still gives a
 * ratio: within 2x then means no task over 100 ms.
 */
export async function runScale(
  log: (line: string) => void,
  pageRuns = 1,
  sizes: readonly number[] = SCALE_SIZES,
): Promise<ScaleResult> {
  const runs: ScaleRun[] = []
  for (const size of sizes) {
    log(`Scale: ${size} events ...`)
    runs.push(await measureSize(size, log, pageRuns))
  }
  const longest = (r: ScaleRun) =>
    r.longest_load_task_ms === null || r.longest_scroll_task_ms === null
      ? null
      : Math.max(r.longest_load_task_ms, r.longest_scroll_task_ms)
  const base = runs[0]!
  const summary: Record<string, number | null> = {}
  for (const r of runs.slice(1)) {
    const baseLongest = longest(base)
    summary[`scale_${r.size}_first_text_ratio`] = ratio(r.first_text_ms, base.first_text_ms)
    summary[`scale_${r.size}_longest_task_ratio`] = ratio(
      longest(r),
      baseLongest === null ? null : Math.max(LONG_TASK_MS, baseLongest),
    )
  }
  return { runs, summary }
}
