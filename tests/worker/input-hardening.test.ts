// The write API's one write path under bad input, through the real worker in workerd: empty
// patches, values of the wrong JSON type, lone surrogates and bidirectional controls in every text
// field of every table, an event's own actor list sent back, and Idempotency-Key retries racing.
// POST /validate and the write must give the same verdict on every body tried here.
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { sha256Hex } from '../../worker/lib/sha256'
import {
  EDITABLE_TABLES,
  REGISTRY,
  STORY_COLUMNS,
  TABLES,
  type EditableTable,
} from '../../worker/data/tables'

const TOKEN = 'yir_test-token-for-input-hardening-0005'
const ADMIN = '/api/v1/admin'
const EVENT = '2022-09-19-sar-kheng-289-complaints'

let client = 0
function call(
  method: string,
  path: string,
  options: { body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${TOKEN}`,
    'CF-Connecting-IP': `2001:db8:1f::${(++client).toString(16)}`,
    ...options.headers,
  }
  let body: BodyInit | undefined = options.raw
  if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined) headers['Content-Type'] ??= 'application/json'
  return exports.default.fetch(new Request(`http://example.com${path}`, { method, headers, body }))
}

interface FieldError {
  field: string
  message: string
}
interface Problem {
  type: string
  status: number
  detail: string
  errors?: FieldError[]
}

/** An existing row of each table, to PATCH. */
const EXISTING: Record<EditableTable | 'story', string> = {
  categories: 'enforcement',
  events: EVENT,
  figures: '22',
  notes: '1',
  quotes: '1',
  places: 'kandal',
  actors: 'sar-kheng',
  outlets: 'vod',
  chapters: 'crackdown',
  story: '',
}

/** Positions for new categories, each its own (positions are unique). */
let categoryPosition = 100

/** A valid create body of each table (ids made unique by `tag`). */
function createBody(table: EditableTable, tag: string): Record<string, unknown> {
  switch (table) {
    case 'categories':
      return { id: `hardening-${tag}`, label: 'A category', position: categoryPosition++ }
    case 'events':
      return {
        id: `2022-10-01-hardening-${tag}`,
        date: '2022-10-01',
        headline: `A headline ${tag}`,
        summary: 'A summary.',
        category: 'enforcement',
        chapter: 'crackdown',
      }
    case 'figures':
      return {
        event_id: EVENT,
        value: 12,
        qualifier: 'about',
        unit: 'people',
        measure: 'rescued',
        display: 'about 12',
      }
    case 'notes':
      return { event_id: EVENT, kind: 'context', text: 'A note.' }
    case 'quotes':
      return { event_id: EVENT, speaker_id: 'sar-kheng', text: 'A quote.' }
    case 'places':
      return { id: `hardening-${tag}`, name: 'A place', kind: 'site' }
    case 'actors':
      return { id: `hardening-${tag}`, name: 'An actor', kind: 'person' }
    case 'outlets':
      return { id: `hardening-${tag}`, name: 'An outlet', kind: 'news' }
    case 'chapters':
      return {
        id: `hardening-${tag}`,
        position: 9,
        title: 'A chapter',
        dek: 'A dek.',
        start_date: '2022-07-01',
        end_date: '2022-07-31',
      }
  }
}

const rowPath = (table: EditableTable | 'story') =>
  table === 'story' ? `${ADMIN}/story` : `${ADMIN}/${table}/${EXISTING[table]}`

async function etagOf(table: EditableTable | 'story'): Promise<string> {
  const res = await call('GET', rowPath(table))
  expect(res.status, rowPath(table)).toBe(200)
  await res.arrayBuffer()
  return res.headers.get('ETag')!
}

/** The ETags read so far, by table (a refused write leaves them as they are). */
const etags = new Map<string, string>()

/** The write a body would make: a create (no id) or a PATCH of the existing row at its ETag. */
async function write(table: EditableTable | 'story', data: unknown, patch: boolean) {
  if (!patch && table !== 'story') return call('POST', `${ADMIN}/${table}`, { body: data })
  if (!etags.has(table)) etags.set(table, await etagOf(table))
  const res = await call('PATCH', rowPath(table), {
    body: data,
    headers: { 'If-Match': etags.get(table)! },
  })
  if (res.status !== 422) etags.delete(table)
  return res
}

/** POST /validate's verdict on the same body. */
async function validate(table: EditableTable | 'story', data: unknown, patch: boolean) {
  const id = patch && table !== 'story' ? EXISTING[table] : undefined
  const res = await call('POST', `${ADMIN}/validate`, { body: { table, data, id } })
  expect(res.status).toBe(200)
  return (await res.json()) as { valid: boolean; errors: FieldError[] }
}

/**
 * Sends `data` as a write and to /validate, and expects both to refuse it with the same field
 * errors (422 problem+json, invalid-body). Answers the errors.
 */
async function refused(
  table: EditableTable | 'story',
  data: unknown,
  patch: boolean,
): Promise<FieldError[]> {
  const res = await write(table, data, patch)
  const text = await res.text()
  const what = `${patch ? 'PATCH' : 'POST'} ${table} ${JSON.stringify(data).slice(0, 200)}`
  expect(res.status, `${what}: ${text.slice(0, 300)}`).toBe(422)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  const problem = JSON.parse(text) as Problem
  expect(problem.type).toBe('/api/v1/problems/invalid-body')
  expect(problem.errors?.length, what).toBeGreaterThan(0)
  const verdict = await validate(table, data, patch)
  expect(verdict, `/validate on ${what}`).toEqual({ valid: false, errors: problem.errors })
  return problem.errors!
}

const hasFieldError = (errors: FieldError[], field: string, pattern: RegExp) =>
  errors.some((e) => e.field === field && pattern.test(e.message))

// The loops below send a few hundred requests each.
vi.setConfig({ testTimeout: 120_000 })

beforeAll(async () => {
  await env.DB.prepare('INSERT INTO editor_tokens (name, token_hash) VALUES (?, ?)')
    .bind('Hardening Tester', await sha256Hex(TOKEN))
    .run()
})

describe('empty patches', () => {
  it('PATCH /story with {} and a current If-Match is 422 saying there is nothing to change, and /validate agrees (it answered 500)', async () => {
    const before = await etagOf('story')
    const errors = await refused('story', {}, true)
    expect(errors).toEqual([{ field: '(body)', message: expect.stringMatching(/changes nothing/) }])
    expect(await etagOf('story')).toBe(before)
  })

  it('every table refuses an empty PATCH the same way and leaves the row as it was', async () => {
    for (const table of EDITABLE_TABLES) {
      const before = await etagOf(table)
      const errors = await refused(table, {}, true)
      expect(errors, table).toEqual([
        { field: '(body)', message: expect.stringMatching(/changes nothing/) },
      ])
      expect(await etagOf(table), table).toBe(before)
    }
  })
})

describe('values of the wrong JSON type', () => {
  /** Wrong values for a column: of another JSON type, nested junk, and null where it needs a value. */
  function wrongValues(table: EditableTable | 'story', column: string): unknown[] {
    const def = (REGISTRY[table].columns as Record<string, { sql: string; nullable: boolean }>)[
      column
    ]!
    const values: unknown[] =
      def.sql === 'TEXT'
        ? [5, 2.5, true, { nested: { junk: [1] } }, ['x']]
        : ['289', '1e3', true, { value: 289 }, [289]]
    if (!def.nullable) values.push(null)
    return values
  }

  it('refuses ids, numbers and texts of the wrong type, and null for required fields, in every create body, naming the field', async () => {
    let tried = 0
    for (const table of EDITABLE_TABLES) {
      for (const column of TABLES[table].columns) {
        for (const value of wrongValues(table, column)) {
          const body = { ...createBody(table, `t${tried}`), [column]: value }
          const errors = await refused(table, body, false)
          expect(
            errors.some((e) => e.field === column),
            `${table}.${column} = ${JSON.stringify(value)}: ${JSON.stringify(errors)}`,
          ).toBe(true)
          tried++
        }
      }
    }
    expect(tried).toBeGreaterThan(250)
  })

  it('refuses the same in every PATCH body, and immutable fields as unknown ones', async () => {
    for (const table of [...EDITABLE_TABLES, 'story' as const]) {
      const columns = table === 'story' ? STORY_COLUMNS : TABLES[table].columns
      for (const column of columns) {
        for (const value of wrongValues(table, column)) {
          const errors = await refused(table, { [column]: value }, true)
          expect(
            errors.some((e) => e.field === column),
            `${table}.${column} = ${JSON.stringify(value)}: ${JSON.stringify(errors)}`,
          ).toBe(true)
        }
      }
    }
  })

  it('says what the field needs: a number sent as text, an id sent as a number, a required field sent as null', async () => {
    const figure = await refused('figures', { value: '289' }, true)
    expect(figure).toContainEqual({
      field: 'value',
      label: 'Value',
      message: 'Value must be a number, not text.',
    })
    const place = await refused('places', { ...createBody('places', 'typed'), id: 17 }, false)
    expect(place).toContainEqual({
      field: 'id',
      label: 'Id',
      message: expect.stringMatching(/^Id must be lowercase letters.*, not a number\.$/),
    })
    const event = await refused('events', { headline: null }, true)
    expect(event).toContainEqual({
      field: 'headline',
      label: 'Headline',
      message: 'Headline cannot be null: it needs text.',
    })
  })

  it('refuses link lists of the wrong shape: ids as numbers, objects or lists, a list as an object', async () => {
    for (const [body, field] of [
      [{ places: [5] }, 'places.0'],
      [{ places: [{ id: 'kandal' }] }, 'places.0'],
      [{ places: [['kandal']] }, 'places.0'],
      [{ places: 'kandal' }, 'places'],
      [{ places: { 0: 'kandal' } }, 'places'],
      [{ actors: [{ id: 5, role: 'speaker' }] }, 'actors.0.id'],
      [{ actors: [{ id: { id: 'sar-kheng' }, role: 'speaker' }] }, 'actors.0.id'],
      [{ actors: [{ id: 'sar-kheng', role: ['speaker'] }] }, 'actors.0.role'],
      [{ actors: ['sar-kheng'] }, 'actors.0'],
      [{ actors: [null] }, 'actors.0'],
      [{ outlets: [{ id: 'vod', role: null }] }, 'outlets.0.role'],
      [{ outlets: [{ id: 'vod', role: 'reported', extra: 1 }] }, 'outlets.0'],
      [{ outlets: null }, 'outlets'],
    ] as const) {
      const errors = await refused('events', body, true)
      expect(
        errors.some((e) => e.field === field || e.field.startsWith(`${field}.`)),
        `${JSON.stringify(body)}: ${JSON.stringify(errors)}`,
      ).toBe(true)
    }
  })

  it('/validate refuses an id of the wrong type for its table, or one no row has, instead of judging a create', async () => {
    for (const [table, id] of [
      ['places', 17],
      ['places', 'no-such-place'],
      ['figures', 'kandal'],
      ['figures', 999_999],
    ] as const) {
      const res = await call('POST', `${ADMIN}/validate`, {
        body: { table, data: { name: 'x' }, id },
      })
      expect(res.status).toBe(200)
      const verdict = (await res.json()) as { valid: boolean; errors: FieldError[] }
      expect(verdict.valid, `${table} ${id}`).toBe(false)
      expect(verdict.errors).toContainEqual({
        field: 'id',
        message: expect.stringMatching(/There is no/),
      })
    }
    for (const id of [{ id: 1 }, [1], true, 1.5]) {
      const res = await call('POST', `${ADMIN}/validate`, {
        body: { table: 'figures', data: { value: 1 }, id },
      })
      expect(res.status, JSON.stringify(id)).toBe(422)
      const problem = (await res.json()) as Problem
      expect(problem.errors?.some((e) => e.field === 'id')).toBe(true)
    }
  })
})

describe('plain text', () => {
  const BAD_TEXT: [string, RegExp][] = [
    ['Kandal\u202E', /U\+202E.*RIGHT-TO-LEFT OVERRIDE/],
    ['a \u202Aembedded', /U\+202A/],
    ['isolated \u2067x', /U\+2067/],
    ['\u2069closing', /U\+2069/],
    ['Lone \uD800 high', /lone surrogate \(U\+D800/],
    ['Lone \uDC00 low', /lone surrogate \(U\+DC00/],
    ['ends high \uDBFF', /lone surrogate/],
    ['NUL \u0000 inside', /U\+0000 \(NULL\)/],
    ['Windows\rline', /U\+000D \(CARRIAGE RETURN\).*\\n/],
    ['colour \u001B[31m', /U\+001B \(ESCAPE\)/],
    ['delete \u007F', /U\+007F \(DELETE\)/],
    ['bell \u0007', /U\+0007/],
    ['next line \u0085 (C1)', /U\+0085 \(NEXT LINE\)/],
  ]

  /** The text columns of a table an editor writes (TEXT in SQL). */
  const textColumns = (table: EditableTable | 'story', columns: readonly string[]) =>
    columns.filter(
      (c) => (REGISTRY[table].columns as Record<string, { sql: string }>)[c]!.sql === 'TEXT',
    )

  it('refuses a lone surrogate, a control character or a bidi control in every text field of every create body, naming the field', async () => {
    let tried = 0
    for (const table of EDITABLE_TABLES) {
      const columns = textColumns(table, TABLES[table].columns)
      expect(columns.length, table).toBeGreaterThan(0)
      for (const column of columns) {
        for (const [bad, pattern] of BAD_TEXT) {
          const base = createBody(table, `x${tried++}`)
          const value = typeof base[column] === 'string' ? `${String(base[column])}${bad}` : bad
          const errors = await refused(table, { ...base, [column]: value }, false)
          expect(
            hasFieldError(errors, column, pattern),
            `${table}.${column} with ${JSON.stringify(bad)}: ${JSON.stringify(errors)}`,
          ).toBe(true)
        }
      }
    }
  })

  it('refuses them in every PATCH body too, the story and an event’s link lists included', async () => {
    for (const table of [...EDITABLE_TABLES, 'story' as const]) {
      const all = table === 'story' ? STORY_COLUMNS : TABLES[table].columns
      const immutable = table === 'story' ? [] : TABLES[table].immutable
      for (const column of textColumns(table, all).filter((c) => !immutable.includes(c))) {
        for (const [bad, pattern] of BAD_TEXT) {
          const errors = await refused(table, { [column]: `Text ${bad}` }, true)
          expect(hasFieldError(errors, column, pattern), `${table}.${column}`).toBe(true)
        }
      }
    }
    for (const [body, field] of [
      [{ places: ['kandal', 'phnom-penh\u202E'] }, 'places.1'],
      [{ actors: [{ id: 'sar-kheng\uD800', role: 'speaker' }] }, 'actors.0.id'],
      [{ outlets: [{ id: 'vod', role: 'reported\u2066' }] }, 'outlets.0.role'],
    ] as const) {
      const errors = await refused('events', body, true)
      expect(hasFieldError(errors, field, /lone surrogate|bidirectional/), field).toBe(true)
    }
  })

  it('a line break or a tab is refused in every one-line field, and kept in an event’s body', async () => {
    for (const [table, column] of [
      ['events', 'headline'],
      ['events', 'summary'],
      ['places', 'name'],
      ['notes', 'text'],
      ['figures', 'display'],
    ] as const) {
      for (const [bad, which] of [
        ['first\nsecond', /line break \(U\+000A\) at position 6/],
        ['first\tsecond', /tab \(U\+0009\) at position 6/],
        ['first\u2028second', /line separator \(U\+2028\) at position 6/],
      ] as const) {
        const errors = await refused(table, { [column]: bad }, true)
        expect(hasFieldError(errors, column, which), `${table}.${column}`).toBe(true)
        expect(hasFieldError(errors, column, /one line of text/), `${table}.${column}`).toBe(true)
      }
    }
    const body = 'First paragraph.\n\n\tSecond, after a tab.'
    expect(await validate('events', { body }, true)).toEqual({ valid: true, errors: [] })
  })

  it('text that shows nothing (only invisible characters) is refused in every text field, and kept inside words', async () => {
    for (const [table, column] of [
      ['events', 'headline'],
      ['events', 'summary'],
      ['events', 'body'],
      ['places', 'name'],
      ['notes', 'text'],
      ['quotes', 'text'],
    ] as const) {
      for (const [invisible, first] of [
        ['\u200B', '200B'],
        ['\u2060\u200D', '2060'],
        [' \u200C\u00AD ', '200C'],
        ['\u3164', '3164'],
        ['\u2800', '2800'],
        ['\u0301', '0301'],
        ['\u{16FE4}', '16FE4'],
        ['\u17D2', '17D2'],
      ] as const) {
        const errors = await refused(table, { [column]: invisible }, true)
        expect(
          hasFieldError(errors, column, new RegExp(`shows nothing.*the first is U\\+${first}`)),
          `${table}.${column} ${first}`,
        ).toBe(true)
      }
    }
    // Khmer separates words with U+200B: inside visible text it is kept.
    const khmer = 'ការ\u200Bជួញដូរ\u200Bមនុស្ស'
    expect(await validate('events', { headline: khmer }, true)).toEqual({ valid: true, errors: [] })
    // Marks that show on their own are not "nothing": the Arabic number sign, the Syriac
    // abbreviation mark.
    for (const shown of ['\u0600', '\u070F']) {
      expect(await validate('events', { headline: shown }, true), shown).toEqual({
        valid: true,
        errors: [],
      })
    }
    const noncharacter = await refused('events', { headline: 'Raids \uFFFF' }, true)
    expect(hasFieldError(noncharacter, 'headline', /U\+FFFF at position 7, a noncharacter/)).toBe(
      true,
    )
    // U+FFFD is what a Latin-1 file read as UTF-8 holds in place of its letters: refused, and the
    // error names the field by its label, as every error does.
    for (const [table, column, label] of [
      ['events', 'headline', 'Headline'],
      ['figures', 'display', 'As written in the story'],
      ['places', 'name', 'Name'],
    ] as const) {
      const mangled = await refused(table, { [column]: 'Caf\uFFFD raid in Siem R\uFFFDap' }, true)
      expect(
        hasFieldError(
          mangled,
          column,
          new RegExp(`^${label} holds U\\+FFFD \\(REPLACEMENT CHARACTER\\) at position 4.*UTF-8`),
        ),
        `${table}.${column}`,
      ).toBe(true)
    }
    expect(
      hasFieldError(
        await refused('events', { headline: 'Raids \u202E' }, true),
        'headline',
        /^Headline holds the bidirectional control U\+202E/,
      ),
    ).toBe(true)
  })

  it('a body nested deeper than any field is refused with 422, never a 500', async () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 3000; i++) deep = [deep]
    const res = await call('PATCH', rowPath('events'), {
      raw: JSON.stringify({ headline: deep }),
      headers: { 'If-Match': await etagOf('events') },
    })
    const problem = (await res.json()) as Problem
    expect(res.status).toBe(422)
    expect(problem.detail).toMatch(/nests lists and objects more than 8 deep/)
  })

  it('a lone surrogate in a headline is refused, not stored as U+FFFD', async () => {
    const errors = await refused('events', { headline: 'Raids \uD83D free 1,480' }, true)
    expect(hasFieldError(errors, 'headline', /lone surrogate/)).toBe(true)
    const row = await env.DB.prepare('SELECT headline FROM events WHERE id = ?')
      .bind(EVENT)
      .first<{ headline: string }>()
    expect(row!.headline).not.toContain('\uFFFD')
  })

  it('reports every refused text at once, even beside fields of the wrong type', async () => {
    const errors = await refused('places', { name: 'Kandal\u202E', latitude: 'north' }, true)
    expect(hasFieldError(errors, 'name', /U\+202E/)).toBe(true)
    expect(errors.some((e) => e.field === 'latitude')).toBe(true)
  })

  it('refuses a body whose bytes are not UTF-8 instead of storing U+FFFD', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"headline": "Raids '),
      0xed,
      0xa0,
      0x80,
      ...new TextEncoder().encode('"}'),
    ])
    const res = await call('PATCH', rowPath('events'), {
      raw: bytes,
      headers: { 'If-Match': await etagOf('events') },
    })
    expect(res.status).toBe(422)
    const problem = (await res.json()) as Problem
    expect(problem.errors).toEqual([
      { field: '(body)', message: expect.stringMatching(/not UTF-8/) },
    ])
  })

  it('keeps direction marks (U+200E, U+200F, U+061C), other scripts and emoji as sent', async () => {
    const name = 'ក្រុង\u200F سيهانوكفيل\u061C \u200E👩🏽‍🚀'
    const res = await call('POST', `${ADMIN}/places`, {
      body: { ...createBody('places', 'marks'), name },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    expect(((await res.json()) as { name: string }).name).toBe(name)
    const verdict = await validate('places', { name }, true)
    expect(verdict).toEqual({ valid: true, errors: [] })
  })
})

describe('an event’s own links, sent back', () => {
  it('PATCHing back the actor list of an event where one actor holds two roles succeeds (5 seeded pairs)', async () => {
    const { results } = await env.DB.prepare(
      `SELECT event_id FROM event_actors GROUP BY event_id, actor_id HAVING count(*) > 1`,
    ).all<{ event_id: string }>()
    expect(results.length).toBe(5)
    const events = [...new Set(results.map((r) => r.event_id))]
    for (const id of events) {
      const read = await call('GET', `${ADMIN}/events/${id}`)
      const event = (await read.json()) as { actors: { id: string; role: string }[] }
      const actors = event.actors.map(({ id: actor, role }) => ({ id: actor, role }))
      const res = await call('PATCH', `${ADMIN}/events/${id}`, {
        body: { actors },
        headers: { 'If-Match': read.headers.get('ETag')! },
      })
      expect(res.status, `${id}: ${await res.clone().text()}`).toBe(200)
      const after = (await res.json()) as { actors: { id: string; role: string }[] }
      expect(after.actors.map(({ id: a, role }) => ({ id: a, role }))).toEqual(actors)
    }
  })

  it('refuses a link listed twice (an actor twice in the same role, a place or an outlet twice)', async () => {
    for (const [body, field] of [
      [
        {
          actors: [
            { id: 'sar-kheng', role: 'speaker' },
            { id: 'sar-kheng', role: 'speaker' },
          ],
        },
        'actors.1',
      ],
      [{ places: ['kandal', 'kandal'] }, 'places.1'],
      [
        {
          outlets: [
            { id: 'vod', role: 'reported' },
            { id: 'vod', role: 'published' },
          ],
        },
        'outlets.1',
      ],
    ] as const) {
      const errors = await refused('events', body, true)
      expect(hasFieldError(errors, field, /twice/), JSON.stringify(errors)).toBe(true)
    }
  })
})

describe('Idempotency-Key retries', () => {
  for (const table of ['places', 'actors', 'events', 'figures', 'notes'] as const) {
    it(`40 concurrent creates of ${table} with one key make one row and 40 answers of 201 (39 replays)`, async () => {
      const key = `race-${table}-${crypto.randomUUID()}`
      const body = createBody(table, `race-${table}`)
      const sql = `SELECT count(*) AS n FROM ${table}`
      const before = (await env.DB.prepare(sql).first<{ n: number }>())!.n
      const answers = await Promise.all(
        Array.from({ length: 40 }, () =>
          call('POST', `${ADMIN}/${table}`, { body, headers: { 'Idempotency-Key': key } }),
        ),
      )
      const statuses = answers.map((r) => r.status)
      const texts = await Promise.all(answers.map((r) => r.text()))
      expect(
        statuses,
        texts.find((t, i) => statuses[i] !== 201),
      ).toEqual(Array(40).fill(201))
      const replayed = answers.filter((r) => r.headers.get('Idempotent-Replayed') === 'true')
      expect(replayed.length).toBe(39)
      expect(new Set(answers.map((r) => r.headers.get('Location'))).size).toBe(1)
      expect(new Set(texts.map((t) => (JSON.parse(t) as { id: unknown }).id)).size).toBe(1)
      expect((await env.DB.prepare(sql).first<{ n: number }>())!.n).toBe(before + 1)
    })
  }

  it('a key sent again with another body is still refused (422), never replayed', async () => {
    const key = `reuse-${crypto.randomUUID()}`
    const first = await call('POST', `${ADMIN}/places`, {
      body: createBody('places', 'reuse-a'),
      headers: { 'Idempotency-Key': key },
    })
    expect(first.status).toBe(201)
    const again = await call('POST', `${ADMIN}/places`, {
      body: createBody('places', 'reuse-b'),
      headers: { 'Idempotency-Key': key },
    })
    expect(again.status).toBe(422)
    expect(((await again.json()) as Problem).type).toBe('/api/v1/problems/idempotency-key-reused')
  })

  it('a create that loses to a row made without the key still gets 409, not a replay', async () => {
    const body = createBody('places', 'taken')
    expect((await call('POST', `${ADMIN}/places`, { body })).status).toBe(201)
    const res = await call('POST', `${ADMIN}/places`, {
      body,
      headers: { 'Idempotency-Key': `taken-${crypto.randomUUID()}` },
    })
    expect(res.status).toBe(409)
    expect(res.headers.get('Idempotent-Replayed')).toBeNull()
  })
})
