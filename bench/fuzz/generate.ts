// One fuzz case from a seed: a target, a method, path segments, a query string, headers and a
// body, each either valid or hostile. The same seed gives the same case in Node and in workerd.
import { createBody, patchBody, writeBody, type Body } from './bodies'
import { HTML, PATH_SEGMENTS, RAW_ENCODED, STRINGS, UNICODE } from './payloads'
import { caseSeed, chance, int, mulberry32, pick, type Rng } from './prng'
import { OTHER_TARGETS, ROW_VOCAB, type Area, type ParamSpec, type Target } from './targets'
import type { Vocabulary } from './vocabulary'

export interface FuzzCase {
  index: number
  /** The route template (and the method sent), for the counts. */
  route: string
  area: Area
  method: string
  /** Path and query, already percent-encoded as sent. */
  path: string
  headers: [string, string][]
  body?: Body
  /** Read this admin row's ETag first and send it in If-Match, as an editor would. */
  ifMatchFrom?: string
  /** Text the request carried, which a response may rightly quote back. */
  echoes: string[]
}

export interface FuzzSetup {
  seed: number
  /** The public routes, from the worker's OpenAPI document. */
  publicTargets: Target[]
  /** The write API's routes, from the same document. */
  adminTargets: Target[]
  vocab: Vocabulary
  /** A valid editor token, or null when the run has none. */
  token: string | null
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND']
const UNSAFE_HEADER_CHARS = /[^\t\x20-\x7e]/g

/** Percent-encodes text; a lone surrogate becomes its three (invalid UTF-8) bytes. */
export function percentEncode(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    if (pair) {
      out += encodeURIComponent(text.slice(i, i + 2))
      i++
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('')
    } else out += encodeURIComponent(text[i]!)
  }
  return out
}

/** A hostile value: [as sent in a URL, as text a response may quote]. */
function hostile(rng: Rng): [string, string] {
  if (chance(rng, 0.25)) {
    const raw = pick(rng, RAW_ENCODED)
    return [raw, raw]
  }
  const text = chance(rng, 0.1) ? `${pick(rng, UNICODE)}\uD800x` : pick(rng, STRINGS)
  return [percentEncode(text), text]
}

function validValue(rng: Rng, spec: ParamSpec, v: Vocabulary, table?: string): string {
  if (spec.values) return pick(rng, spec.values)
  const vocab = spec.name === 'id' && table ? ROW_VOCAB[table] : spec.vocab
  if (vocab && v[vocab].length) return pick(rng, v[vocab])
  switch (spec.format) {
    case 'date':
      return `2022-${String(int(rng, 7, 12)).padStart(2, '0')}-15`
    case 'date-time':
      return pick(rng, ['2023-01-01T00:00:00Z', '2022-09-19T10:00:00+07:00'])
    case 'integer':
      return String(int(rng, 1, 100))
    case 'fields':
      return pick(rng, ['id,date,headline', 'id', 'headline,places'])
    default:
      return pick(rng, ['sihanoukville', 'raids', 'Phnom Penh', 'scam', 'index-x.js', 'health'])
  }
}

function buildQuery(rng: Rng, specs: ParamSpec[], v: Vocabulary, echoes: string[]): string {
  const parts: string[] = []
  const count = specs.length ? int(rng, 0, Math.min(4, specs.length)) : chance(rng, 0.3) ? 1 : 0
  for (let i = 0; i < count; i++) {
    const spec = specs.length
      ? pick(rng, specs)
      : { name: pick(rng, ['x', 'q', 'limit', 'callback']) }
    const repeats = chance(rng, 0.1) ? int(rng, 2, 25) : 1
    for (let r = 0; r < repeats; r++) {
      if (chance(rng, 0.6)) parts.push(`${spec.name}=${percentEncode(validValue(rng, spec, v))}`)
      else {
        const [sent, text] = hostile(rng)
        echoes.push(text)
        parts.push(`${spec.name}=${sent}`)
      }
    }
  }
  if (chance(rng, 0.1)) {
    const [sent, text] = hostile(rng)
    echoes.push(text)
    parts.push(`${pick(rng, ['unknown', 'Q', 'limit[]', 'q%00', sent])}=${sent}`)
  }
  if (chance(rng, 0.05)) parts.push(pick(rng, ['&&', '=', '==x', '%', 'a=%zz', ';', '#frag']))
  return parts.length ? `?${parts.join('&')}` : ''
}

function headerValue(text: string): string {
  return text.replace(UNSAFE_HEADER_CHARS, '?')
}

const EXTRA_HEADERS: ((rng: Rng) => [string, string])[] = [
  (rng) => ['If-None-Match', pick(rng, ['*', '"x"', 'W/"1"', '"1-abc", *', 'x'.repeat(8000)])],
  (rng) => ['Accept', pick(rng, ['*/*', 'text/html', 'application/xml', 'garbage/;;;', ''])],
  (rng) => ['Origin', pick(rng, ['https://evil.example', 'null', 'http://127.0.0.1:1'])],
  (rng) => ['Range', pick(rng, ['bytes=0-10', 'bytes=-1', 'bytes=999999999-', 'lines=1-2'])],
  // Not `identity;q=0`: the local runtime answers that itself (415, plain text) before the worker.
  (rng) => ['Accept-Encoding', pick(rng, ['gzip, br, zstd', 'x-garbage', 'br;q=2'])],
  (rng) => ['X-HTTP-Method-Override', pick(rng, ['DELETE', 'PATCH', 'PUT'])],
  (rng) => ['Content-Type', pick(rng, ['application/json', 'text/html', 'a/b; charset="x'])],
  (rng) => ['X-Forwarded-Host', pick(rng, ['evil.example', '127.0.0.1'])],
  (rng) => ['Access-Control-Request-Method', pick(rng, ['PATCH', 'DELETE', 'GET'])],
  (rng) => ['Cookie', pick(rng, ['session=1', `a=${'b'.repeat(4000)}`])],
  (rng) => ['User-Agent', headerValue(pick(rng, [...HTML, ...UNICODE]))],
]

function authHeader(rng: Rng, token: string | null): string | null {
  const roll = rng()
  if (token && roll < 0.6) return `Bearer ${token}`
  if (roll < 0.75) return null
  return headerValue(
    pick(rng, [
      'Bearer ',
      'Bearer x',
      'Basic YWRtaW46YWRtaW4=',
      `Bearer ${'a'.repeat(300)}`,
      "Bearer yir_' OR 1=1 --",
      token ? `bearer ${token}` : 'bearer yir_abcdefghijklmnopqrstuvwxyz',
      token ? `Bearer ${token} ` : 'Bearer yir_abcdefghijklmnopqrstuvwxyz0',
      token ? `Bearer ${token.slice(0, -1)}` : 'Bearer yir_0000000000000000',
    ]),
  )
}

function chooseTarget(rng: Rng, setup: FuzzSetup): Target {
  const roll = rng()
  if (roll < 0.45) return pick(rng, setup.publicTargets)
  if (roll < 0.82) return pick(rng, setup.adminTargets)
  return pick(rng, OTHER_TARGETS)
}

export function generateCase(setup: FuzzSetup, index: number): FuzzCase {
  const rng = mulberry32(caseSeed(setup.seed, index))
  const { vocab } = setup
  const target = chooseTarget(rng, setup)
  const method = chance(rng, 0.85) ? target.method : pick(rng, METHODS)
  const echoes: string[] = []

  const table = target.table
  let path = target.template
  for (const spec of target.pathParams) {
    let segment: string
    if (chance(rng, 0.75)) {
      const value = validValue(rng, spec, vocab, table)
      segment = percentEncode(value)
    } else if (chance(rng, 0.5)) {
      segment = pick(rng, PATH_SEGMENTS)
      echoes.push(segment)
    } else {
      const [sent, text] = hostile(rng)
      segment = sent
      echoes.push(text, sent)
    }
    path = path.replace(`{${spec.name}}`, segment)
  }
  path += buildQuery(rng, target.query, vocab, echoes)

  const headers: [string, string][] = []
  const client = chance(rng, 0.05)
    ? headerValue(pick(rng, ['x'.repeat(5000), "' OR 1=1", '', '999.999.999.999', ...UNICODE]))
    : `2001:db8:f022:${(setup.seed & 0xffff).toString(16)}::${(index & 0xffff).toString(16)}`
  headers.push(['CF-Connecting-IP', client])
  if (target.area === 'admin' || chance(rng, 0.05)) {
    const auth = authHeader(rng, setup.token)
    if (auth !== null) headers.push(['Authorization', auth])
  }
  for (let i = int(rng, 0, 3); i > 0; i--) headers.push(pick(rng, EXTRA_HEADERS)(rng))

  let ifMatchFrom: string | undefined
  if (target.versioned && setup.token) {
    const roll = rng()
    const readPath =
      target.template === '/api/v1/admin/story'
        ? '/api/v1/admin/story'
        : target.template.startsWith('/api/v1/admin/revisions/')
          ? null
          : path.replace(/\?.*$/, '').replace(/\/(restore|publish|unpublish)$/, '')
    if (roll < 0.55 && readPath) ifMatchFrom = readPath
    else if (roll < 0.9) {
      headers.push([
        'If-Match',
        pick(rng, [
          '"1"',
          '"0"',
          '*',
          'W/"1"',
          '"999999999"',
          '"1", "2"',
          '1',
          '""',
          '"-1"',
          '"1e3"',
        ]),
      ])
    }
  }

  let body: Body | undefined
  const writes = !['GET', 'HEAD', 'OPTIONS'].includes(method)
  if (writes && (target.body || chance(rng, 0.3))) {
    const n = index
    const kind = target.body ?? 'create'
    const t = table ?? pick(rng, Object.keys(ROW_VOCAB))
    const valid = () =>
      kind === 'validate'
        ? { table: t, data: createBody(rng, t, vocab, n) }
        : kind === 'create'
          ? createBody(rng, t, vocab, n)
          : patchBody(rng, kind === 'story' ? 'story' : t, vocab, n)
    body = writeBody(rng, valid)
    if (body.contentType !== undefined) headers.push(['Content-Type', body.contentType])
    if (body.text !== undefined && body.text.length < 50_000) echoes.push(body.text)
    if (target.idempotent && chance(rng, 0.5)) {
      headers.push([
        'Idempotency-Key',
        headerValue(
          pick(rng, [`fuzz-${setup.seed}-${index}`, '', ' ', '\u00e9t\u00e9', 'k'.repeat(201)]),
        ),
      ])
    }
  }
  for (const [, value] of headers) echoes.push(value)
  return {
    index,
    route: `${method} ${target.template}`,
    area: target.area,
    method,
    path,
    headers,
    body,
    ifMatchFrom,
    echoes,
  }
}
