// Sends fuzz cases through a `send` function (fetch to a local worker, or the worker's own fetch
// inside workerd), then write sequences (sequences.ts: one row's life, create to restore), checks
// every reply and counts them.
import { checkReply, type Reply } from './check'
import { generateCase, type FuzzCase, type FuzzSetup } from './generate'
import { runSequence } from './sequences'

export type Send = (path: string, init: RequestInit) => Promise<Response>

export interface Failure {
  index: number
  request: string
  status: number
  problems: string[]
  excerpt: string
}

export interface FuzzReport {
  seed: number
  total: number
  byStatus: Record<string, number>
  byArea: Record<string, number>
  byBody: Record<string, number>
  routes: Record<string, number>
  /** Write sequences run, their requests (not in `total`), and those by step (create, race, ...). */
  sequences: number
  sequenceRequests: number
  bySequenceStep: Record<string, number>
  /** The same by step and status ("race 201", "stale 412", ...). */
  bySequenceOutcome: Record<string, number>
  failures: Failure[]
}

export function requestInit(c: FuzzCase, ifMatch?: string): RequestInit {
  const headers = new Headers()
  for (const [name, value] of c.headers) headers.append(name, value)
  if (ifMatch) headers.set('If-Match', ifMatch)
  const init: RequestInit = { method: c.method, headers, redirect: 'manual' }
  if (c.body && !['GET', 'HEAD'].includes(c.method)) init.body = c.body.text ?? c.body.bytes
  return init
}

/** The row's ETag, read as an editor would before writing (null when it cannot be read). */
async function currentEtag(send: Send, c: FuzzCase): Promise<string | null> {
  if (!c.ifMatchFrom) return null
  const auth = c.headers.find(([name]) => name === 'Authorization')
  const headers = new Headers(auth ? [auth] : [])
  headers.set('CF-Connecting-IP', c.headers.find(([n]) => n === 'CF-Connecting-IP')?.[1] ?? '')
  const res = await send(c.ifMatchFrom, { headers })
  await res.arrayBuffer()
  return res.headers.get('ETag')
}

export async function sendCase(send: Send, c: FuzzCase): Promise<Reply> {
  const etag = await currentEtag(send, c)
  const res = await send(c.path, requestInit(c, etag ?? undefined))
  return { status: res.status, headers: res.headers, text: await res.text() }
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1
}

export async function runFuzz(options: {
  setup: FuzzSetup
  send: Send
  from: number
  count: number
  concurrency: number
  /** Write sequences to run after the single requests (sequence numbers from `from`). */
  sequences?: number
  onProgress?: (done: number) => void
}): Promise<FuzzReport> {
  const { setup, send } = options
  const report: FuzzReport = {
    seed: setup.seed,
    total: 0,
    byStatus: {},
    byArea: {},
    byBody: {},
    routes: {},
    sequences: 0,
    sequenceRequests: 0,
    bySequenceStep: {},
    bySequenceOutcome: {},
    failures: [],
  }
  const problemTypes = new Set(setup.vocab.problems)
  let next = options.from
  const end = options.from + options.count
  const worker = async () => {
    while (next < end) {
      const c = generateCase(setup, next++)
      let reply: Reply
      try {
        reply = await sendCase(send, c)
      } catch (error) {
        reply = { status: 0, headers: new Headers(), text: String(error) }
      }
      const problems =
        reply.status === 0 ? [`no response: ${reply.text}`] : checkReply(c, reply, problemTypes)
      report.total += 1
      bump(report.byStatus, String(reply.status))
      bump(report.byArea, c.area)
      bump(report.byBody, c.body?.kind ?? 'none')
      bump(report.routes, c.route)
      if (problems.length) {
        report.failures.push({
          index: c.index,
          request: `${c.method} ${c.path.slice(0, 300)}`,
          status: reply.status,
          problems,
          excerpt: reply.text.slice(0, 400),
        })
      }
      options.onProgress?.(report.total)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))

  let sequence = options.from
  const sequenceEnd = options.from + (options.sequences ?? 0)
  const sequencer = async () => {
    while (sequence < sequenceEnd) {
      const index = sequence++
      await runSequence(setup, send, index, (step, c, reply, problems) => {
        report.sequenceRequests += 1
        bump(report.byStatus, String(reply.status))
        bump(report.byArea, c.area)
        bump(report.bySequenceStep, step)
        bump(report.bySequenceOutcome, `${step} ${reply.status}`)
        bump(report.routes, c.route)
        if (problems.length) {
          report.failures.push({
            index: c.index,
            request: `sequence ${index}, ${step}: ${c.method} ${c.path.slice(0, 300)}`,
            status: reply.status,
            problems,
            excerpt: reply.text.slice(0, 400),
          })
        }
      })
      report.sequences += 1
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, sequencer))
  return report
}
