// npm run bench [-- --check] [--only api,bundle,page,lighthouse] [--duration 10] [--rounds 3]
// npm run bench -- --scale [--check] [--sizes 42,420,4200]: the story at 42 events and as
// synthetic copies at 420 and 4,200 (bench/scale.ts); the first size is the base of the ratios
// Builds, starts its own worker on 127.0.0.1 with a fresh D1, measures the API under load, the
// build's chunks, the page in a slowed-down Chromium and Lighthouse's mobile scores, prints the
// tables, writes bench/results.json and, with --check, exits 1 when a budget is missed.
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runApiLoad, type ApiLoadResult } from './api-load'
import { checkBudgets, loadBudgets } from './budgets'
import { closestAsset, measureBundle, type BundleResult } from './bundle-size'
import { runLighthouse, type LighthouseResult } from './lighthouse'
import { busyNeighbours } from './lib/machine'
import { removeState, startWorker } from './lib/server'
import { measurePage, type PageResult } from './page-metrics'
import { printReport, printScaleReport } from './report'
import { runScale, SCALE_SIZES } from './scale'

const PARTS = ['api', 'bundle', 'page', 'lighthouse'] as const
type Part = (typeof PARTS)[number]

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    sizes: { type: 'string', default: SCALE_SIZES.join(',') },
    only: { type: 'string', default: PARTS.join(',') },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,10,100' },
    'page-runs': { type: 'string', default: '3' },
    'lighthouse-runs': { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench/results.json' },
    verbose: { type: 'boolean', default: false },
  },
})

const positive = (name: string, text: string) => {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0`)
  return n
}
const parts = new Set(values.only.split(',').map((p) => p.trim()) as Part[])
for (const p of parts) {
  if (!PARTS.includes(p)) throw new Error(`--only takes ${PARTS.join(', ')}; "${p}" is not one`)
}
const log = (line: string) => console.log(line)

export interface BenchResults {
  generated_at: string
  machine: { cpus: number; model: string; load_average_1m: number; busy_neighbours: string[] }
  api?: ApiLoadResult
  bundle?: BundleResult
  page?: PageResult
  lighthouse?: LighthouseResult
  /** Parts that could not be measured, and why. */
  errors: Record<string, string>
  summary: Record<string, number | null>
}

/** `--scale`: the scale benchmark alone, its table, bench/scale-results.json and its budgets. */
async function scaleMain(): Promise<number> {
  const result = await runScale(
    log,
    positive('page-runs', values['page-runs']),
    values.sizes.split(',').map((s) => positive('sizes', s)),
  )
  const out = values.out === 'bench/results.json' ? 'bench/scale-results.json' : values.out
  writeFileSync(
    out,
    `${JSON.stringify({ generated_at: new Date().toISOString(), ...result }, null, 2)}\n`,
  )
  const checks = checkBudgets(
    loadBudgets().filter((b) => b.figure.startsWith('scale_')),
    result.summary,
  )
  printScaleReport(result, checks)
  log(`\nWrote ${out}.`)
  const missed = checks.filter((c) => c.status === 'MISSED')
  if (!values.check) return 0
  log(
    missed.length
      ? `Budget check: ${missed.length} of ${checks.length} missed.`
      : 'Budget check: every measured budget holds.',
  )
  return missed.length ? 1 : 0
}

async function main(): Promise<number> {
  if (values.scale) return scaleMain()
  const neighbours = busyNeighbours()
  if (neighbours.length) {
    log(`note: other browser or test processes are running; figures may be noisy:`)
    for (const n of neighbours) log(`  ${n}`)
  }
  const results: BenchResults = {
    generated_at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      load_average_1m: Math.round(loadavg()[0]! * 100) / 100,
      busy_neighbours: neighbours,
    },
    errors: {},
    summary: {},
  }
  const part = async (name: Part, run: () => Promise<void>) => {
    if (!parts.has(name)) return
    try {
      await run()
    } catch (error) {
      results.errors[name] = error instanceof Error ? error.message : String(error)
      log(`  ${name} could not be measured: ${results.errors[name]}`)
    }
  }

  log('Building and starting a local worker (fresh D1) ...')
  const worker = await startWorker({ name: 'bench', verbose: values.verbose })
  const dist = join(worker.app, 'web/dist')
  try {
    await part('bundle', async () => {
      log('Bundle: measuring the build ...')
      results.bundle = measureBundle(dist)
    })
    await part('api', async () => {
      log('API: autocannon against /api/v1/story, a search and a static asset ...')
      const storyBytes = (await (await fetch(`${worker.url}/api/v1/story`)).arrayBuffer())
        .byteLength
      results.api = await runApiLoad({
        url: worker.url,
        staticAsset: closestAsset(storyBytes, dist),
        connections: values.connections.split(',').map((c) => positive('connections', c)),
        durationSeconds: positive('duration', values.duration),
        warmupSeconds: positive('warmup', values.warmup),
        rounds: positive('rounds', values.rounds),
        log,
      })
      if (results.api.problems.length) {
        throw new Error(`the load runs are not valid: ${results.api.problems.join('; ')}`)
      }
    })
    await part('page', async () => {
      log('Page: Chromium, CPU 4x slower, scrolling through every step ...')
      results.page = await measurePage(
        `${worker.url}/`,
        positive('page-runs', values['page-runs']),
        log,
      )
    })
    await part('lighthouse', async () => {
      log('Lighthouse (mobile) ...')
      results.lighthouse = await runLighthouse(
        `${worker.url}/`,
        positive('lighthouse-runs', values['lighthouse-runs']),
        log,
      )
    })
  } finally {
    await worker.stop()
    removeState(worker)
  }

  results.summary = {
    story_js_gzip_bytes: results.bundle?.pages.story?.js_gzip_bytes ?? null,
    all_js_gzip_bytes: results.bundle?.all.js_gzip_bytes ?? null,
    scroll_long_task_ms: results.page?.scroll_long_task_ms ?? null,
    min_story_to_static_rps:
      results.api && !results.api.problems.length
        ? Math.min(...results.api.levels.map((l) => l.story_to_static_rps))
        : null,
    lighthouse_performance: results.lighthouse?.performance ?? null,
    lighthouse_accessibility: results.lighthouse?.accessibility ?? null,
  }
  writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`)

  const checks = checkBudgets(
    loadBudgets().filter((b) => !b.figure.startsWith('scale_')),
    results.summary,
  )
  printReport(results, checks)
  log(`\nWrote ${values.out}.`)
  const missed = checks.filter((c) => c.status === 'MISSED')
  const failed = Object.entries(results.errors)
  if (failed.length) {
    log(`\nNot measured: ${failed.map(([name, why]) => `${name} (${why})`).join('; ')}`)
    return 2
  }
  if (values.check) {
    log(
      missed.length
        ? `Budget check: ${missed.length} of ${checks.length} missed.`
        : 'Budget check: every measured budget holds.',
    )
    return missed.length ? 1 : 0
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(2)
  },
)
