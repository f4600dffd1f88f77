// npm run soak [-- --duration 300] [--rate 10] [--writes 0.2]
// Starts its own worker on 127.0.0.1 (fresh D1, an editor token), sends a steady stream of reads
// and editor writes for the duration, then stops the worker and proves from D1 that every
// acknowledged write is there with its revision. Exits 1 on any error or any lost write.
import { parseArgs } from 'node:util'
import { read, write, type Outcome, type SoakState } from './soak/ops'
import { verifyAcks } from './soak/verify'
import { removeState, startWorker } from './lib/server'
import { percentile, round } from './lib/stats'
import { markdownTable } from './lib/table'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '300' },
    rate: { type: 'string', default: '10' },
    writes: { type: 'string', default: '0.2' },
    verbose: { type: 'boolean', default: false },
  },
})

const number = (name: string, text: string, min: number, max: number) => {
  const n = Number(text)
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new Error(`--${name} must be a number from ${min} to ${max}`)
  }
  return n
}

/** Requests in flight past this mean the worker cannot keep up; the soak counts them as errors. */
const MAX_IN_FLIGHT = 200

async function main(): Promise<number> {
  const seconds = number('duration', values.duration, 1, 3600)
  const rate = number('rate', values.rate, 1, 500)
  const writeShare = number('writes', values.writes, 0, 1)

  console.log('Building and starting a local worker (fresh D1, an editor token) ...')
  const worker = await startWorker({ name: 'soak', editorToken: true, verbose: values.verbose })
  const editor = 'soak run'
  let stopped = false
  try {
    const listed = (await (
      await fetch(`${worker.url}/api/v1/events?fields=id&limit=100`, {
        headers: { 'CF-Connecting-IP': '2001:db8:50a::1' },
      })
    ).json()) as { data: { id: string }[] }
    const events = listed.data.map((e) => e.id).slice(0, 12)
    const state: SoakState = {
      url: worker.url,
      token: worker.token!,
      events,
      rows: new Map(),
      acks: [],
      retries: [],
      counter: 0,
    }
    for (const id of events) {
      const res = await fetch(`${worker.url}/api/v1/admin/events/${id}`, {
        headers: { Authorization: `Bearer ${worker.token}`, 'CF-Connecting-IP': '2001:db8:50a::2' },
      })
      const version = Number(/^"(\d+)"$/.exec(res.headers.get('ETag') ?? '')?.[1])
      await res.arrayBuffer()
      state.rows.set(id, { version, summary: null, busy: false })
    }

    console.log(
      `Soak: ${seconds} s at ${rate} requests a second, ${Math.round(writeShare * 100)}% editor writes ...`,
    )
    const outcomes: Outcome[] = []
    const inFlight = new Set<Promise<void>>()
    let overloaded = 0
    const started = performance.now()
    const total = Math.round(seconds * rate)
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / rate
      const wait = due - performance.now()
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      if (inFlight.size >= MAX_IN_FLIGHT) {
        overloaded += 1
        continue
      }
      const op = Math.random() < writeShare ? write : read
      const p: Promise<void> = op(state)
        .catch((error: unknown) => ({
          kind: op === write ? 'write' : 'read',
          status: 0,
          ms: 0,
          error: `no answer: ${error instanceof Error ? error.message : String(error)}`,
        }))
        .then((outcome) => {
          outcomes.push(outcome)
          if (outcome.error && outcomes.filter((o) => o.error).length <= 10) {
            console.log(`  error: ${outcome.error}`)
          }
        })
        .finally(() => inFlight.delete(p))
      inFlight.add(p)
      if (n > 0 && n % Math.round(rate * 60) === 0) {
        console.log(
          `  ${Math.round((performance.now() - started) / 1000)} s: ${outcomes.length} answered`,
        )
      }
    }
    await Promise.all(inFlight)
    const elapsed = (performance.now() - started) / 1000

    await worker.stop()
    stopped = true
    const problems = verifyAcks(worker.sql, state.acks, editor)

    const errors = outcomes.filter((o) => o.error)
    const kinds = [...new Set(outcomes.map((o) => o.kind))].sort()
    console.log(
      `\n### Soak: ${outcomes.length} requests in ${round(elapsed, 0)} s ` +
        `(${round(outcomes.length / elapsed, 1)} a second)\n`,
    )
    console.log(
      markdownTable(
        ['request', 'count', 'p50 ms', 'p99 ms', 'errors'],
        kinds.map((kind) => {
          const of = outcomes.filter((o) => o.kind === kind)
          const ms = of.map((o) => o.ms)
          return [
            kind,
            of.length,
            round(percentile(ms, 50), 0),
            round(percentile(ms, 99), 0),
            of.filter((o) => o.error).length,
          ]
        }),
      ),
    )
    const retryKinds = [...new Set(state.retries.map((r) => r.kind))]
    console.log()
    console.log(
      markdownTable(
        ['deliberate retry', 'count', 'answered as they must'],
        retryKinds.map((k) => {
          const of = state.retries.filter((r) => r.kind === k)
          return [k, of.length, of.filter((r) => r.ok).length]
        }),
      ),
    )
    const edits = state.acks.filter((a) => a.table === 'events').length
    console.log(
      `\nAcknowledged writes: ${state.acks.length} (${edits} edits with If-Match, ` +
        `${state.acks.length - edits} creates with Idempotency-Key).`,
    )
    console.log(
      problems.length
        ? `In D1: ${problems.length} problems:\n${problems
            .slice(0, 20)
            .map((p) => `  - ${p}`)
            .join('\n')}`
        : 'In D1: every acknowledged write is there with its revision; nothing else was written.',
    )
    console.log(
      `Errors: ${errors.length}; requests dropped because the worker fell behind: ${overloaded}.`,
    )
    return errors.length || problems.length || overloaded ? 1 : 0
  } finally {
    if (!stopped) await worker.stop()
    removeState(worker)
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(2)
  },
)
