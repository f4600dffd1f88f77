// The API under load: autocannon against our own `wrangler dev` on 127.0.0.1.
//   A  /api/v1/story, answered from the edge cache (Cache API) after the first request;
//   Q  /api/v1/events?q=..., a search whose URL differs on every request, so it always misses the
//      cache and runs the query in D1;
//   B  a built static asset of about the story's size, served by the assets binding.
// At each connection count: a warm-up of each target, then `rounds` rounds in which the targets
// run one after another for a fixed time, in a rotating order (interleaved), and the medians.
import autocannon from 'autocannon'
import { median, round } from './lib/stats'

export type TargetName = 'story' | 'search' | 'static'

export interface RunStats {
  p50_ms: number
  p99_ms: number
  rps: number
  requests: number
  non_2xx: number
  errors: number
}

export interface LevelResult {
  connections: number
  targets: Record<TargetName, RunStats & { rounds: RunStats[] }>
  /** Median requests per second of the cached story over the static asset's. */
  story_to_static_rps: number
}

export interface ApiLoadResult {
  duration_s: number
  warmup_s: number
  rounds: number
  static_asset: { path: string; bytes: number }
  story_bytes: number
  search_bytes: number
  levels: LevelResult[]
  /** Runs that had non-2xx answers or errors: their figures measure the wrong thing. */
  problems: string[]
}

export interface ApiLoadOptions {
  url: string
  staticAsset: { path: string; bytes: number }
  connections: number[]
  durationSeconds: number
  warmupSeconds: number
  rounds: number
  log: (line: string) => void
}

// Each request comes from its own client address (documentation range), as many readers would:
// the API's per-client rate limit (300 a minute) is not what this measures.
let clientCounter = 0
const nextClient = () => {
  clientCounter += 1
  return `2001:db8:${(clientCounter >>> 16).toString(16)}:${(clientCounter & 0xffff).toString(16)}::1`
}

// A search that is a cache miss every time: the same words, spelt with a different mix of
// capitals (the search folds case, the cache key does not), and trailing spaces the API trims.
const SEARCH_WORD = 'sihanoukville'
let searchCounter = 0
export function searchPath(n: number): string {
  const letters = [...SEARCH_WORD].map((ch, i) => ((n >> i) & 1 ? ch.toUpperCase() : ch)).join('')
  const spaces = '%20'.repeat(Math.floor(n / 2 ** SEARCH_WORD.length) % 40)
  return `/api/v1/events?q=${letters}${spaces}`
}

type RawRequest = { path: string; headers?: Record<string, string> }

function requestFor(target: TargetName, staticPath: string) {
  return {
    method: 'GET' as const,
    path: target === 'story' ? '/api/v1/story' : target === 'static' ? staticPath : searchPath(0),
    setupRequest: (req: RawRequest) => {
      const headers = { ...req.headers, 'CF-Connecting-IP': nextClient() }
      if (target === 'search') return { ...req, path: searchPath(searchCounter++), headers }
      return { ...req, headers }
    },
  }
}

async function load(
  url: string,
  target: TargetName,
  staticPath: string,
  connections: number,
  seconds: number,
): Promise<RunStats> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [requestFor(target, staticPath)],
  })
  return {
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    rps: round(result.requests.average, 1),
    requests: result.requests.total,
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

async function bodyBytes(url: string): Promise<number> {
  const res = await fetch(url, { headers: { 'CF-Connecting-IP': nextClient() } })
  if (!res.ok) throw new Error(`${url} answered ${res.status}`)
  return (await res.arrayBuffer()).byteLength
}

const ORDER: TargetName[] = ['story', 'search', 'static']

export async function runApiLoad(options: ApiLoadOptions): Promise<ApiLoadResult> {
  const { url, staticAsset, log } = options
  const storyBytes = await bodyBytes(`${url}/api/v1/story`)
  const searchBytes = await bodyBytes(`${url}${searchPath(0)}`)
  const staticBytes = await bodyBytes(`${url}${staticAsset.path}`)
  if (staticBytes !== staticAsset.bytes) {
    throw new Error(`${staticAsset.path} answered ${staticBytes} bytes, not ${staticAsset.bytes}`)
  }
  const levels: LevelResult[] = []
  const problems: string[] = []
  for (const connections of options.connections) {
    log(`  ${connections} connection(s): warm-up`)
    for (const target of ORDER) {
      await load(url, target, staticAsset.path, connections, options.warmupSeconds)
    }
    const runs: Record<TargetName, RunStats[]> = { story: [], search: [], static: [] }
    for (let r = 0; r < options.rounds; r++) {
      // Rotate the order each round so no target always runs first or last.
      const order = ORDER.map((_, i) => ORDER[(i + r) % ORDER.length]!)
      for (const target of order) {
        const stats = await load(
          url,
          target,
          staticAsset.path,
          connections,
          options.durationSeconds,
        )
        runs[target].push(stats)
        if (stats.non_2xx || stats.errors) {
          problems.push(
            `${target} at ${connections} connection(s): ${stats.non_2xx} non-2xx, ${stats.errors} errors`,
          )
        }
        log(
          `  ${connections} connection(s), round ${r + 1}, ${target}: ${stats.rps} req/s, ` +
            `p50 ${stats.p50_ms} ms, p99 ${stats.p99_ms} ms` +
            (stats.non_2xx || stats.errors
              ? ` (${stats.non_2xx} non-2xx, ${stats.errors} errors)`
              : ''),
        )
      }
    }
    const summary = (list: RunStats[]) => ({
      p50_ms: median(list.map((s) => s.p50_ms)),
      p99_ms: median(list.map((s) => s.p99_ms)),
      rps: round(median(list.map((s) => s.rps)), 1),
      requests: list.reduce((n, s) => n + s.requests, 0),
      non_2xx: list.reduce((n, s) => n + s.non_2xx, 0),
      errors: list.reduce((n, s) => n + s.errors, 0),
      rounds: list,
    })
    const targets = {
      story: summary(runs.story),
      search: summary(runs.search),
      static: summary(runs.static),
    }
    levels.push({
      connections,
      targets,
      story_to_static_rps: round(targets.story.rps / targets.static.rps, 2),
    })
  }
  return {
    duration_s: options.durationSeconds,
    warmup_s: options.warmupSeconds,
    rounds: options.rounds,
    static_asset: staticAsset,
    story_bytes: storyBytes,
    search_bytes: searchBytes,
    levels,
    problems,
  }
}
