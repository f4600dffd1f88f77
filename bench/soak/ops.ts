// The soak's operations: readers' requests and an editor's writes (PATCHes with If-Match, creates
// with Idempotency-Key, and deliberate retries of both), with what each must answer. Every write
// the API acknowledges is recorded, so the end of the run can prove it reached D1.

export interface Ack {
  table: 'events' | 'notes'
  id: string
  /** The row's version the API acknowledged (its ETag). */
  version: number
  /** The text this write put in the row (an event's summary, a note's text). */
  text: string
  /** For creates: the Idempotency-Key. */
  key?: string
}

export interface Outcome {
  kind: string
  status: number
  ms: number
  /** Why this answer is wrong, or null when it is what the API must give. */
  error: string | null
}

export interface SoakState {
  url: string
  token: string
  events: string[]
  /** Each event the editor writes: its last acknowledged version and summary; busy while a write is out. */
  rows: Map<string, { version: number; summary: string | null; busy: boolean }>
  acks: Ack[]
  retries: { kind: string; ok: boolean }[]
  counter: number
}

let clients = 0
/** Each request from its own address: readers are many, and the rate limit is not under test. */
const client = () =>
  `2001:db8:50a:${(++clients >>> 16).toString(16)}::${(clients & 0xffff).toString(16)}`

async function call(
  s: SoakState,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: unknown; admin?: boolean } = {},
): Promise<{ status: number; ms: number; etag: string | null; json: unknown }> {
  const headers: Record<string, string> = { 'CF-Connecting-IP': client(), ...init.headers }
  if (init.admin) headers.Authorization = `Bearer ${s.token}`
  let body: string | undefined
  if (init.body !== undefined) {
    body = JSON.stringify(init.body)
    headers['Content-Type'] ??= 'application/json'
  }
  const started = performance.now()
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(30_000),
  })
  const text = await res.text()
  const ms = performance.now() - started
  let json: unknown = null
  if (/json/.test(res.headers.get('Content-Type') ?? '')) json = JSON.parse(text)
  return { status: res.status, ms, etag: res.headers.get('ETag'), json }
}

const expectStatus = (kind: string, got: number, ms: number, ...wanted: number[]): Outcome => ({
  kind,
  status: got,
  ms,
  error: wanted.includes(got) ? null : `${kind}: ${got}, expected ${wanted.join(' or ')}`,
})

const pickOf = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!

export async function read(s: SoakState): Promise<Outcome> {
  const roll = Math.random()
  const id = pickOf(s.events)
  if (roll < 0.3) {
    const r = await call(s, 'GET', '/api/v1/story')
    return expectStatus('read story', r.status, r.ms, 200)
  }
  if (roll < 0.5) {
    // Read-your-writes: a row no write is changing shows its last acknowledged summary.
    const row = s.rows.get(id)
    const quiet = row && !row.busy ? row.summary : null
    const r = await call(s, 'GET', `/api/v1/events/${id}`)
    const out = expectStatus('read event', r.status, r.ms, 200)
    const summary = (r.json as { data?: { summary?: string } } | null)?.data?.summary
    const still = s.rows.get(id)
    if (
      !out.error &&
      quiet &&
      still &&
      !still.busy &&
      still.summary === quiet &&
      summary !== quiet
    ) {
      out.error = `read event ${id}: summary is not the last acknowledged one`
    }
    return out
  }
  if (roll < 0.65) {
    const r = await call(s, 'GET', '/api/v1/events?limit=10&sort=-date')
    return expectStatus('read events', r.status, r.ms, 200)
  }
  if (roll < 0.75) {
    const r = await call(s, 'GET', '/api/v1/events?q=sihanoukville')
    return expectStatus('search', r.status, r.ms, 200)
  }
  if (roll < 0.85) {
    const r = await call(s, 'GET', '/')
    return expectStatus('read page', r.status, r.ms, 200)
  }
  const r = await call(s, 'GET', `/api/v1/admin/events/${id}`, { admin: true })
  return expectStatus('editor read', r.status, r.ms, 200)
}

/** PATCH an event's summary at the version last acknowledged; sometimes retry it as a lost-ack client would. */
async function patchEvent(s: SoakState): Promise<Outcome> {
  const free = s.events.filter((id) => !s.rows.get(id)!.busy)
  if (!free.length) return read(s)
  const id = pickOf(free)
  const row = s.rows.get(id)!
  row.busy = true
  try {
    const summary = `Soak edit ${++s.counter}: the summary an editor saved at ${new Date().toISOString()}.`
    const request = {
      headers: { 'If-Match': `"${row.version}"`, 'Content-Type': 'application/merge-patch+json' },
      body: { summary },
      admin: true,
    }
    const r = await call(s, 'PATCH', `/api/v1/admin/events/${id}`, request)
    const out = expectStatus('patch event', r.status, r.ms, 200)
    if (out.error) return out
    const version = Number(/^"(\d+)"$/.exec(r.etag ?? '')?.[1])
    if (version !== row.version + 1) {
      return { ...out, error: `patch event ${id}: ETag ${r.etag} after version ${row.version}` }
    }
    s.acks.push({ table: 'events', id, version, text: summary })
    row.version = version
    row.summary = summary
    if (Math.random() < 0.15) {
      // The same request again, as a client that never saw the answer: refused, nothing changes.
      const again = await call(s, 'PATCH', `/api/v1/admin/events/${id}`, request)
      s.retries.push({ kind: 'PATCH retried with its old If-Match', ok: again.status === 412 })
      if (again.status !== 412) {
        return { ...out, error: `retried patch of ${id}: ${again.status}, expected 412` }
      }
    }
    return out
  } finally {
    row.busy = false
  }
}

/** POST a note with an Idempotency-Key; sometimes send it twice, one after the other or at once. */
async function createNote(s: SoakState): Promise<Outcome> {
  const key = `soak-${process.pid}-${++s.counter}`
  const body = { event_id: pickOf(s.events), kind: 'context', text: `Soak note ${key}.` }
  const request = { headers: { 'Idempotency-Key': key }, body, admin: true }
  const roll = Math.random()
  const sends = roll < 0.1 ? 2 : 1
  const first = await Promise.all(
    Array.from({ length: sends }, () => call(s, 'POST', '/api/v1/admin/notes', request)),
  )
  const ids = new Set(first.map((r) => String((r.json as { id?: unknown } | null)?.id)))
  const out = expectStatus('create note', first[0]!.status, first[0]!.ms, 201)
  if (out.error) return out
  if (first.some((r) => r.status !== 201) || ids.size !== 1) {
    s.retries.push({ kind: 'POST sent twice at once', ok: false })
    return {
      ...out,
      error: `create ${key}: concurrent sends gave ${first.map((r) => r.status)} and ids ${[...ids]}`,
    }
  }
  if (sends === 2) s.retries.push({ kind: 'POST sent twice at once', ok: true })
  const id = [...ids][0]!
  const version = Number(/^"(\d+)"$/.exec(first[0]!.etag ?? '')?.[1])
  s.acks.push({ table: 'notes', id, version, text: body.text, key })
  if (roll > 0.7) {
    const again = await call(s, 'POST', '/api/v1/admin/notes', request)
    const same = again.status === 201 && String((again.json as { id?: unknown }).id) === id
    s.retries.push({ kind: 'POST retried with its Idempotency-Key', ok: same })
    if (!same) return { ...out, error: `retried create ${key}: ${again.status}, not the same row` }
  }
  return out
}

export const write = (s: SoakState): Promise<Outcome> =>
  Math.random() < 0.6 ? patchEvent(s) : createNote(s)
