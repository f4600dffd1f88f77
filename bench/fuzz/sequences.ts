// Write sequences for the fuzzer: one row's life through the write API, step by step, as editors
// (and their retries) live it: create with an Idempotency-Key (sometimes several copies at once,
// and again later), read, change (a valid change, or hostile text in every text field), change
// again with the ETag from before (stale), send an empty change, publish and read the page
// (events), delete with an old ETag and then the current one, restore, and undo the newest
// revision. Every answer is checked as every fuzzed answer is (checkReply), and each step also
// by what the write API promises at that step (a racing retry is a replay, never 409; a stale
// ETag is 412; an empty change is 422). The same seed gives the same sequences.
import { createBody, patchBody } from './bodies'
import { checkReply, type Reply } from './check'
import type { FuzzCase, FuzzSetup } from './generate'
import { HOSTILE_TEXT } from './payloads'
import { caseSeed, chance, int, mulberry32, pick, type Rng } from './prng'
import type { Send } from './run'

/** The tables a sequence creates rows in. */
const TABLES = ['events', 'places', 'actors', 'outlets', 'figures', 'notes', 'quotes'] as const
const ADMIN = '/api/v1/admin'

/** What a sequence saw: each answer with the failures found in it, and the step it came from. */
export interface SequenceObserver {
  (step: string, c: FuzzCase, reply: Reply, failures: string[]): void
}

type Json = Record<string, unknown>

/** `body` with every text field (but ids) set to hostile text, and an event's body too. */
function hostileEverywhere(rng: Rng, table: string, body: Json): Json {
  const out: Json = {}
  for (const [key, value] of Object.entries(body)) {
    out[key] =
      typeof value === 'string' && key !== 'id' && key !== 'event_id'
        ? pick(rng, HOSTILE_TEXT)
        : value
  }
  if (table === 'events') out.body = pick(rng, HOSTILE_TEXT)
  return out
}

/** A create body without the fields a PATCH may not change (a full, valid change). */
const mutable = (body: Json): Json =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'id' && k !== 'event_id'))

/** A promise a step's answer must keep, as a failure sentence (null when kept). */
type Rule = (reply: Reply) => string | null
const status =
  (...allowed: number[]): Rule =>
  (reply) =>
    allowed.includes(reply.status) ? null : `expected ${allowed.join(' or ')}`

/** Runs write sequence `index` of the run: its steps, one after another (a race at once). */
export async function runSequence(
  setup: FuzzSetup,
  send: Send,
  index: number,
  observe: SequenceObserver,
): Promise<void> {
  if (!setup.token) return
  const rng = mulberry32(caseSeed(setup.seed ^ 0x5e9ce, index))
  const problemTypes = new Set(setup.vocab.problems)
  const table = pick(rng, TABLES)
  const client = `2001:db8:5e9:${(setup.seed & 0xffff).toString(16)}::${(index & 0xffff).toString(16)}`
  const echoes = [...HOSTILE_TEXT]

  const request = async (
    step: string,
    method: string,
    path: string,
    options: { body?: Json; headers?: Record<string, string>; rule?: Rule } = {},
  ): Promise<Reply> => {
    const headers: [string, string][] = [
      ['Authorization', `Bearer ${setup.token}`],
      ['CF-Connecting-IP', client],
      ...Object.entries(options.headers ?? {}),
    ]
    const text = options.body === undefined ? undefined : JSON.stringify(options.body)
    if (text !== undefined) headers.push(['Content-Type', 'application/json'])
    const c: FuzzCase = {
      index,
      route: `${method} ${path.replace(/^(\/api\/v1\/admin\/[a-z]+\/)[^/?]+/, '$1{id}')}`,
      area: path.startsWith(ADMIN) ? 'admin' : 'page',
      method,
      path,
      headers,
      body: text === undefined ? undefined : { text, contentType: 'application/json', kind: step },
      echoes: [...echoes, ...(text === undefined ? [] : [text])],
    }
    let reply: Reply
    try {
      const res = await send(path, { method, headers: new Headers(headers), body: text })
      reply = { status: res.status, headers: res.headers, text: await res.text() }
    } catch (error) {
      reply = { status: 0, headers: new Headers(), text: String(error) }
    }
    const failures =
      reply.status === 0 ? [`no response: ${reply.text}`] : checkReply(c, reply, problemTypes)
    const broken = reply.status === 0 ? null : (options.rule?.(reply) ?? null)
    if (broken) failures.push(`${step}: ${broken}, got ${reply.status}`)
    observe(step, c, reply, failures)
    return reply
  }

  // Create, with a key; sometimes several copies race with it, as a client's retries would.
  const body = createBody(rng, table, setup.vocab, 100_000 + index)
  const create = chance(rng, 0.25) ? hostileEverywhere(rng, table, body) : body
  const key = `seq-${setup.seed}-${index}`
  const copies = chance(rng, 0.4) ? int(rng, 2, 6) : 1
  const created = await Promise.all(
    Array.from({ length: copies }, () =>
      request(copies > 1 ? 'race' : 'create', 'POST', `${ADMIN}/${table}`, {
        body: create,
        headers: { 'Idempotency-Key': key },
      }),
    ),
  )
  const first = created[0]!
  const raceFailures: string[] = []
  if (created.some((r) => r.status !== first.status))
    raceFailures.push(`copies answered ${created.map((r) => r.status).join(', ')}`)
  if (first.status === 201) {
    const replays = created.filter((r) => r.headers.get('Idempotent-Replayed') === 'true').length
    if (replays !== copies - 1) raceFailures.push(`${replays} replays of ${copies} copies`)
    if (new Set(created.map((r) => r.headers.get('Location'))).size !== 1)
      raceFailures.push('copies point at different rows')
  }
  if (raceFailures.length) {
    observe(
      'race',
      {
        index,
        route: `POST ${ADMIN}/${table}`,
        area: 'admin',
        method: 'POST',
        path: `${ADMIN}/${table}`,
        headers: [],
        echoes,
      },
      first,
      raceFailures.map((f) => `race: ${f}`),
    )
  }

  // The row the rest of the sequence works on: the new one, or (if the create was refused) one
  // already there, which the sequence restores again at its end.
  let path: string
  if (first.status === 201) {
    path = first.headers.get('Location')!
    await request('retry', 'POST', `${ADMIN}/${table}`, {
      body: create,
      headers: { 'Idempotency-Key': key },
      rule: (r) =>
        r.status === 201 && r.headers.get('Idempotent-Replayed') === 'true'
          ? null
          : 'a replay (201, Idempotent-Replayed: true)',
    })
  } else {
    const ids = setup.vocab[table]
    if (!ids.length) return
    path = `${ADMIN}/${table}/${pick(rng, ids)}`
  }

  const read = await request('read', 'GET', path, { rule: status(200) })
  if (read.status !== 200) return
  const before = read.headers.get('ETag')!
  let etag = before
  const track = (reply: Reply) => {
    if (reply.status === 200) etag = reply.headers.get('ETag') ?? etag
    return reply
  }

  const change = chance(rng, 0.5)
    ? hostileEverywhere(rng, table, patchBody(rng, table, setup.vocab, index))
    : patchBody(rng, table, setup.vocab, index)
  const changed = Object.keys(change).length ? change : mutable(body)
  const patched = track(
    await request('patch', 'PATCH', path, { body: changed, headers: { 'If-Match': etag } }),
  )
  if (patched.status === 200 && etag !== before) {
    // The very change that was just accepted, sent again with the ETag read before it. (A change
    // to the values the row already had moves no version, so the old ETag is still current.)
    await request('stale', 'PATCH', path, {
      body: changed,
      headers: { 'If-Match': before },
      rule: status(412),
    })
  }
  await request('empty', 'PATCH', path, {
    body: {},
    headers: { 'If-Match': etag },
    rule: status(422),
  })

  if (table === 'events') {
    track(await request('publish', 'POST', `${path}/publish`, { headers: { 'If-Match': etag } }))
    const id = path.split('/').pop()!
    await request('page', 'GET', `/?event=${id}`, { rule: status(200) })
  }

  if (etag !== before) {
    await request('stale-delete', 'DELETE', path, {
      headers: { 'If-Match': before },
      rule: status(412),
    })
  }
  const deleted = track(await request('delete', 'DELETE', path, { headers: { 'If-Match': etag } }))
  if (deleted.status === 200) {
    track(
      await request('restore', 'POST', `${path}/restore`, {
        headers: { 'If-Match': etag },
        rule: status(200),
      }),
    )
  }

  const revisions = await request('revisions', 'GET', `${path}/revisions`, { rule: status(200) })
  if (revisions.status === 200) {
    const list = (JSON.parse(revisions.text) as { data: { id: number }[] }).data
    if (list.length) {
      await request(
        'undo',
        'POST',
        `${ADMIN}/revisions/${list[0]!.id}/restore?to=${pick(rng, ['before', 'after'])}`,
        { headers: { 'If-Match': etag } },
      )
    }
  }
}
