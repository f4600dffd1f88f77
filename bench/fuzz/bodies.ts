// Request bodies for the write API: valid ones (so writes really happen), valid ones with one
// field made hostile, hostile JSON, broken JSON, deep nesting, oversize, binary and form bodies.
import { STRINGS } from './payloads'
import { chance, int, pick, type Rng } from './prng'
import type { Vocabulary } from './vocabulary'

export interface Body {
  text?: string
  bytes?: Uint8Array<ArrayBuffer>
  contentType?: string
  /** What kind of body this is, for the counts. */
  kind: string
}

type Json = Record<string, unknown>

const day = (rng: Rng) =>
  `2022-${String(int(rng, 7, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`

export function createBody(rng: Rng, table: string, v: Vocabulary, n: number): Json {
  const tag = `${n.toString(36)}-${int(rng, 0, 1e6).toString(36)}`
  switch (table) {
    case 'events':
      return {
        id: `2022-10-01-fuzz-${tag}`,
        date: day(rng),
        headline: `A fuzzed headline ${tag}`,
        summary: 'A fuzzed summary of an event that did not happen.',
        category: pick(rng, v.categories),
        chapter: pick(rng, v.chapters),
      }
    case 'figures':
      return {
        event_id: pick(rng, v.events),
        value: int(rng, 1, 5000),
        qualifier: pick(rng, v.lists.qualifiers),
        unit: pick(rng, v.lists.units),
        measure: pick(rng, v.lists.measures),
        display: `about ${int(rng, 1, 5000)}`,
      }
    case 'notes':
      return {
        event_id: pick(rng, v.events),
        kind: pick(rng, ['correction', 'context']),
        text: 'A fuzzed note.',
      }
    case 'quotes':
      return {
        event_id: pick(rng, v.events),
        speaker_id: pick(rng, v.actors),
        text: 'A fuzzed quote.',
      }
    case 'places':
      return { id: `fuzz-${tag}`, name: 'Fuzz place', kind: pick(rng, v.lists.placeKinds) }
    case 'actors':
      return { id: `fuzz-${tag}`, name: 'Fuzz actor', kind: pick(rng, v.lists.actorKinds) }
    case 'outlets':
      return { id: `fuzz-${tag}`, name: 'Fuzz outlet', kind: pick(rng, v.lists.outletKinds) }
    case 'chapters':
      return {
        id: `fuzz-${tag}`,
        position: int(rng, 1, 99),
        title: 'Fuzz chapter',
        dek: 'A fuzzed chapter.',
        start_date: '2022-07-01',
        end_date: '2022-12-31',
      }
    default:
      return { anything: pick(rng, STRINGS) }
  }
}

const IMMUTABLE = new Set(['id', 'event_id'])

export function patchBody(rng: Rng, table: string, v: Vocabulary, n: number): Json {
  if (table === 'story') {
    return pick(rng, [
      { title: 'Year in Review (fuzzed)' },
      { dek: 'A fuzzed dek.' },
      { source_published: null },
    ])
  }
  const fields = Object.entries(createBody(rng, table, v, n)).filter(([k]) => !IMMUTABLE.has(k))
  const patch: Json = Object.fromEntries(fields.filter(() => chance(rng, 0.5)))
  if (table === 'events' && chance(rng, 0.3)) {
    patch.places = [pick(rng, v.places)]
    patch.outlets = [{ id: pick(rng, v.outlets), role: pick(rng, v.lists.outletRoles) }]
    patch.actors = [{ id: pick(rng, v.actors), role: pick(rng, v.lists.actorRoles) }]
  }
  return patch
}

const HOSTILE_VALUES = (rng: Rng): unknown =>
  pick(rng, [
    () => pick(rng, STRINGS),
    () => int(rng, -1e9, 1e9),
    () => 1e308 * 10,
    () => null,
    () => true,
    () => [pick(rng, STRINGS)],
    () => ({ nested: pick(rng, STRINGS) }),
    () => 'x'.repeat(int(rng, 201, 30_000)),
    () => '',
    () => '   ',
  ])()

/** A valid body with one field replaced by a hostile value, or an unknown field added. */
export function mutate(rng: Rng, body: Json): Json {
  const keys = Object.keys(body)
  const copy = { ...body }
  if (keys.length === 0 || chance(rng, 0.2))
    copy[pick(rng, ['unknown', 'version', 'deleted_at', 'status', 'created_at'])] =
      HOSTILE_VALUES(rng)
  else copy[pick(rng, keys)] = HOSTILE_VALUES(rng)
  return copy
}

const JSON_TYPES = ['application/json', 'application/merge-patch+json']
const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/xml',
  '',
]

/** A body for a write: `valid` is what a careful editor would send. */
export function writeBody(rng: Rng, valid: () => Json): Body {
  const type = pick(rng, JSON_TYPES)
  const roll = rng()
  if (roll < 0.45) return { text: JSON.stringify(valid()), contentType: type, kind: 'valid' }
  if (roll < 0.65)
    return { text: JSON.stringify(mutate(rng, valid())), contentType: type, kind: 'hostile-field' }
  if (roll < 0.7) {
    const text = JSON.stringify(valid()).replace(
      /^\{/,
      '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},',
    )
    return { text, contentType: type, kind: 'prototype' }
  }
  if (roll < 0.76) {
    return {
      text: pick(rng, [
        '{"a":',
        '[]',
        'null',
        '"text"',
        '123',
        '',
        ' ',
        '{"a":1}{"b":2}',
        "{'a':1}",
        '\u0000',
      ]),
      contentType: type,
      kind: 'broken-json',
    }
  }
  if (roll < 0.8) {
    const depth = int(rng, 1000, 20_000)
    return { text: `${'['.repeat(depth)}${']'.repeat(depth)}`, contentType: type, kind: 'deep' }
  }
  if (roll < 0.86) {
    const size = chance(rng, 0.8) ? 64 * 1024 + int(rng, 1, 4096) : 1024 * 1024
    return { text: JSON.stringify({ body: 'x'.repeat(size) }), contentType: type, kind: 'oversize' }
  }
  if (roll < 0.9) {
    const bytes = new Uint8Array(int(rng, 1, 2048))
    for (let i = 0; i < bytes.length; i++) bytes[i] = int(rng, 0, 255)
    return { bytes, contentType: pick(rng, [type, 'application/octet-stream']), kind: 'binary' }
  }
  return { text: JSON.stringify(valid()), contentType: pick(rng, WRONG_TYPES), kind: 'wrong-type' }
}
