// npm run fuzz [-- --count 10000] [--sequences 500] [--seed 1] [--concurrency 8] [--from 0]
// Starts its own worker on 127.0.0.1 (fresh D1, an editor token), sends generated hostile
// requests to every public and admin route, then write sequences (create with racing retries,
// change with hostile text, stale ETags, publish, delete, restore, undo), prints the counts by
// status and by step, and exits 1 on any 5xx, any API error that is not problem+json of a
// registered type, any stack trace or SQL text in a body, or a step that broke its promise.
import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { loadTargets, loadVocabulary } from './fuzz/vocabulary'
import { runFuzz, type Send } from './fuzz/run'
import { markdownTable } from './lib/table'
import { removeState, startWorker } from './lib/server'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    sequences: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '8' },
    verbose: { type: 'boolean', default: false },
  },
})

const whole = (name: string, text: string, min: number) => {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}`)
  return n
}

async function main(): Promise<number> {
  const count = whole('count', values.count, 0)
  const sequences = whole('sequences', values.sequences, 0)
  const seed = whole('seed', values.seed, 0)
  const from = whole('from', values.from, 0)
  const concurrency = whole('concurrency', values.concurrency, 1)

  console.log('Building and starting a local worker (fresh D1, an editor token) ...')
  const worker = await startWorker({ name: 'fuzz', editorToken: true, verbose: values.verbose })
  let failed = false
  try {
    const send: Send = (path, init) =>
      fetch(`${worker.url}${path}`, { ...init, signal: AbortSignal.timeout(30_000) })
    let reads = 0
    const get = async (path: string) => {
      const res = await send(path, { headers: { 'CF-Connecting-IP': `2001:db8:ffff::${++reads}` } })
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`)
      return res.json()
    }
    const setup = {
      seed,
      token: worker.token,
      vocab: await loadVocabulary(get),
      ...(await loadTargets(get)),
    }
    console.log(
      `Fuzzing ${count} requests (seed ${seed}, cases ${from} to ${from + count - 1}) ` +
        `across ${setup.publicTargets.length} public and ${setup.adminTargets.length} admin routes and the page, docs and static ones ...`,
    )
    const started = Date.now()
    const report = await runFuzz({
      setup,
      send,
      from,
      count,
      concurrency,
      sequences,
      onProgress: (done) => {
        if (done % 1000 === 0) console.log(`  ${done} sent`)
      },
    })
    const seconds = (Date.now() - started) / 1000

    const sorted = (counts: Record<string, number>) =>
      Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))
    console.log(
      `\n### Fuzz: ${report.total + report.sequenceRequests} requests in ${seconds.toFixed(0)} s (seed ${seed})\n`,
    )
    console.log(markdownTable(['status', 'responses'], sorted(report.byStatus)))
    console.log()
    console.log(markdownTable(['area', 'requests'], sorted(report.byArea)))
    console.log()
    console.log(markdownTable(['write body', 'requests'], sorted(report.byBody)))
    console.log(
      `\n${report.sequences} write sequences, ${report.sequenceRequests} requests, by step and status:\n`,
    )
    console.log(markdownTable(['step and status', 'requests'], sorted(report.bySequenceOutcome)))
    console.log(`\nRoutes and methods exercised: ${Object.keys(report.routes).length}`)

    if (report.failures.length) {
      mkdirSync('.wrangler/bench', { recursive: true })
      const file = '.wrangler/bench/fuzz-failures.json'
      writeFileSync(file, JSON.stringify(report.failures, null, 2))
      console.log(`\n${report.failures.length} responses broke a rule (all in ${file}):`)
      for (const f of report.failures.slice(0, 25)) {
        console.log(`- case ${f.index}: ${f.request} -> ${f.status}: ${f.problems.join('; ')}`)
      }
      console.log(
        `Replay one with: npm run fuzz -- --seed ${seed} --from <case> --count 1 (a sequence: --count 0 --sequences 1 --from <sequence>)`,
      )
      console.log(`The worker's own log (stack traces of any 5xx): ${worker.log}`)
      failed = true
      return 1
    }
    console.log('\nNo 5xx, every API error problem+json, no stack trace or SQL text in any body.')
    return 0
  } finally {
    await worker.stop()
    removeState(worker, failed)
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(2)
  },
)
