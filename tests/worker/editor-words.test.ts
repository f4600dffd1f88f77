// The write API's checks in editors' words: figures that no count can be (negative, fractional
// people, a range whose top is below its bottom) are refused; chapters stay inside the story's
// year and clash in plain sentences; every error names its field by the editor page's label
// (worker/data/labels.ts) and the detail names the row by its title, not its id.
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { FIELD_LABELS } from '../../worker/data/labels'
import { EVENT_FIELDS } from '../../worker/data/values'
import { EDITABLE_TABLES, STORY_COLUMNS, TABLES } from '../../worker/data/tables'
import { adminCall, adminJson, etagOf, freshIp, registerEditor, type Editor } from './admin-client'
import { expectProblem, ORIGIN } from './api-client'

interface Refusal {
  detail: string
  errors: { field: string; label?: string; message: string }[]
}

const EVENT = '2022-07-19-vod-white-shark-channel'
const figure = (fields: Record<string, unknown>) => ({
  event_id: EVENT,
  value: 120,
  qualifier: 'exactly',
  unit: 'people',
  measure: 'rescued',
  display: '120 people rescued',
  ...fields,
})

let editor: Editor
beforeAll(async () => {
  editor = await registerEditor('Editors Words Tester')
})

/** The 422 of a write, and the same verdict from POST /validate. */
async function refused(
  method: string,
  path: string,
  body: unknown,
  ifMatch?: string,
): Promise<Refusal> {
  const res = await adminCall(editor, method, path, { body, ifMatch })
  return (await expectProblem(res, 422, 'invalid-body')) as unknown as Refusal
}

describe('one registry of labels', () => {
  it('labels every field an editor writes, in every editable table and the story', () => {
    for (const table of EDITABLE_TABLES) {
      const labels: Record<string, string> = FIELD_LABELS[table]
      for (const column of TABLES[table].columns) {
        expect(labels[column], `${table}.${column}`).toMatch(/^[A-Z]/)
      }
    }
    for (const column of STORY_COLUMNS) {
      expect((FIELD_LABELS.story as Record<string, string>)[column], column).toMatch(/^[A-Z]/)
    }
  })

  it("lists an event's writable columns once: the page's list is the registry's", () => {
    expect([...EVENT_FIELDS]).toEqual([...TABLES.events.columns])
  })
})

describe('figures', () => {
  it('refuses -5 people, naming the field by its label', async () => {
    const problem = await refused('POST', '/api/v1/admin/figures', figure({ value: -5 }))
    expect(problem.errors).toContainEqual({
      field: 'value',
      label: 'Value',
      message: expect.stringMatching(/^Value cannot be negative/),
    })
    expect(problem.detail).toMatch(/^The figure “120 people rescued” was not saved: Value cannot/)
  })

  it('refuses a value or an upper end past 2^53 - 1 in the labels’ words, before the database would', async () => {
    const huge = await refused('POST', '/api/v1/admin/figures', figure({ value: 1e16 }))
    expect(huge.errors).toContainEqual({
      field: 'value',
      label: 'Value',
      message: expect.stringMatching(/^Value must be at most 9,007,199,254,740,991/),
    })
    const range = await refused(
      'POST',
      '/api/v1/admin/figures',
      figure({ value: 5, value_max: 1e16, qualifier: 'range' }),
    )
    expect(range.errors.map((e) => e.field)).toContain('value_max')
    // 1e400 is read from JSON as infinity: the message says so, not "a number, not a number".
    const text = JSON.stringify(figure({ value: 5 })).replace('"value":5', '"value":1e400')
    const res = await exports.default.fetch(
      new Request(`${ORIGIN}/api/v1/admin/figures`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${editor.token}`,
          'CF-Connecting-IP': freshIp(),
          'Content-Type': 'application/json',
        },
        body: text,
      }),
    )
    const infinite = (await expectProblem(res, 422, 'invalid-body')) as unknown as Refusal
    expect(infinite.errors).toContainEqual(
      expect.objectContaining({
        field: 'value',
        message: expect.stringMatching(/too large to hold/),
      }),
    )
  })

  it('refuses 2.5 people, and a PATCH that makes a fraction a count, but takes $2.5 and 2.5 years', async () => {
    const half = await refused('POST', '/api/v1/admin/figures', figure({ value: 2.5 }))
    expect(half.errors).toContainEqual({
      field: 'value',
      label: 'Value',
      message: expect.stringMatching(/^Value must be a whole number: people are counted/),
    })
    const money = await adminJson<{ id: number }>(editor, 'POST', '/api/v1/admin/figures', 201, {
      body: figure({ value: 2.5, unit: 'USD', measure: 'lost', display: '$2.5 lost' }),
    })
    await adminJson(editor, 'POST', '/api/v1/admin/figures', 201, {
      body: figure({ value: 2.5, unit: 'years', measure: 'sentence', display: '2.5 years' }),
    })
    const toPeople = await refused(
      'PATCH',
      `/api/v1/admin/figures/${money.id}`,
      { unit: 'people', measure: 'rescued' },
      await etagOf(editor, 'figures', money.id),
    )
    expect(toPeople.errors.map((e) => e.field)).toEqual(['value'])
    expect(toPeople.detail).toMatch(/^The figure “\$2\.5 lost” was not saved/)
  })

  it('refuses an upper end below (or equal to) the value, in the labels’ words', async () => {
    const problem = await refused(
      'POST',
      '/api/v1/admin/figures',
      figure({ value: 5000, value_max: 2000, display: '2,000 to 5,000' }),
    )
    expect(problem.errors).toEqual([
      {
        field: 'value_max',
        label: 'Upper end of a range',
        message: expect.stringMatching(/^Upper end of a range must be above the value, 5000/),
      },
    ])
    expect(problem.errors[0]!.message).not.toMatch(/value_max/)
    await refused('POST', '/api/v1/admin/figures', figure({ value: 5, value_max: 5 }))
    const verdict = await adminJson<Refusal & { valid: boolean }>(
      editor,
      'POST',
      '/api/v1/admin/validate',
      200,
      { body: { table: 'figures', data: figure({ value: 5000, value_max: 2000 }) } },
    )
    expect(verdict.valid).toBe(false)
    expect(verdict.errors).toEqual(problem.errors)
  })
})

describe('chapters', () => {
  it('answers a position clash in editors’ words, naming the chapters by title', async () => {
    const problem = await refused(
      'PATCH',
      '/api/v1/admin/chapters/exposure',
      { position: 2 },
      await etagOf(editor, 'chapters', 'exposure'),
    )
    const text = problem.errors.map((e) => e.message).join(' ')
    expect(text).toMatch(/Position 2 is taken twice, by the chapters “Exposed” and “The Crackdown”/)
    expect(problem.detail).toMatch(/^The chapter “Exposed” was not saved/)
    expect(problem.detail).not.toMatch(/already exists|UNIQUE|"exposure"/)
    expect(problem.errors.find((e) => e.field === 'position')?.label).toBe('Position')
  })

  it('refuses a chapter outside the story’s year, single or in the list write', async () => {
    const early = await refused(
      'PATCH',
      '/api/v1/admin/chapters/exposure',
      { start_date: '2022-06-01' },
      await etagOf(editor, 'chapters', 'exposure'),
    )
    expect(early.errors).toContainEqual({
      field: 'start_date',
      label: 'Start date',
      message: expect.stringMatching(
        /^The chapter “Exposed” starts on 2022-06-01, outside the story's year/,
      ),
    })
    const list = await adminCall(editor, 'GET', '/api/v1/admin/chapters')
    const late = await refused(
      'PATCH',
      '/api/v1/admin/chapters',
      { chapters: [{ id: 'spread-and-denial', end_date: '2023-07-15' }] },
      list.headers.get('ETag')!,
    )
    expect(late.errors).toContainEqual({
      field: 'end_date',
      label: 'End date',
      message: expect.stringMatching(/“Spread and Denial” ends on 2023-07-15, outside/),
    })
  })

  it('names a gap by the chapters’ titles and the day the next must start', async () => {
    const list = await adminCall(editor, 'GET', '/api/v1/admin/chapters')
    const gap = await refused(
      'PATCH',
      '/api/v1/admin/chapters',
      { chapters: [{ id: 'crackdown', start_date: '2022-09-05' }] },
      list.headers.get('ETag')!,
    )
    expect(gap.detail).toMatch(/leave a gap: “The Crackdown” must start on 2022-09-01/)
  })
})

describe('every refusal', () => {
  it('names the event by its headline and each field by its label', async () => {
    const problem = await refused(
      'PATCH',
      `/api/v1/admin/events/${EVENT}`,
      { headline: '', summary: '' },
      await etagOf(editor, 'events', EVENT),
    )
    expect(problem.errors).toEqual([
      { field: 'headline', label: 'Headline', message: 'Headline must not be empty.' },
      { field: 'summary', label: 'Summary', message: 'Summary must not be empty.' },
    ])
    expect(problem.detail).toMatch(/^The event “[^”]+” was not saved: Headline must not be empty/)
  })

  it('names a note’s text by its label, not `text`', async () => {
    const problem = await refused('POST', '/api/v1/admin/notes', {
      event_id: EVENT,
      kind: 'context',
      text: '',
    })
    expect(problem.errors).toContainEqual({
      field: 'text',
      label: 'Note for readers',
      message: 'Note for readers must not be empty.',
    })
  })
})

describe('categories', () => {
  it('are written like any table: created, relabelled, and refused in editors’ words', async () => {
    const created = await adminCall(editor, 'POST', '/api/v1/admin/categories', {
      body: { id: 'words-test-category', label: 'Words test', position: 40 },
    })
    expect(created.status).toBe(201)
    await created.arrayBuffer()
    const relabelled = await adminCall(editor, 'PATCH', '/api/v1/admin/categories/enforcement', {
      body: { description: 'Raids, arrests and prosecutions.' },
      ifMatch: await etagOf(editor, 'categories', 'enforcement'),
    })
    expect(relabelled.status).toBe(200)
    expect(((await relabelled.json()) as { description: string }).description).toBe(
      'Raids, arrests and prosecutions.',
    )

    const clash = await refused(
      'PATCH',
      '/api/v1/admin/categories/words-test-category',
      { position: 3 },
      await etagOf(editor, 'categories', 'words-test-category'),
    )
    expect(clash.errors).toContainEqual({
      field: 'position',
      label: 'Position',
      message: expect.stringMatching(/^Position 3 is taken by the category “Enforcement”/),
    })
    const digit = await refused('POST', '/api/v1/admin/categories', {
      id: '9-lives',
      label: 'Nine',
      position: 41,
    })
    expect(digit.errors.find((e) => e.field === 'id')?.message).toMatch(/must start with a letter/)

    const inUse = await adminCall(editor, 'DELETE', '/api/v1/admin/categories/enforcement', {
      ifMatch: await etagOf(editor, 'categories', 'enforcement'),
    })
    expect(inUse.status).toBeGreaterThanOrEqual(400)
    expect(inUse.status).toBeLessThan(500)
    expect(((await inUse.json()) as { detail: string }).detail).toMatch(/event/i)
  })
})

describe('positions of an event’s rows', () => {
  it('gives a new figure the next position, refuses a clash in editors’ words, and the database refuses it too', async () => {
    const first = await adminCall(editor, 'POST', '/api/v1/admin/figures', {
      body: figure({ display: '120 people rescued, first' }),
    })
    expect(first.status).toBe(201)
    const a = (await first.json()) as { id: number; position: number }
    const second = await adminCall(editor, 'POST', '/api/v1/admin/figures', {
      body: figure({ display: '120 people rescued, second' }),
    })
    const b = (await second.json()) as { id: number; position: number }
    expect(b.position).toBe(a.position + 1)

    const clash = await refused(
      'PATCH',
      `/api/v1/admin/figures/${b.id}`,
      { position: a.position },
      await etagOf(editor, 'figures', b.id),
    )
    expect(clash.errors).toContainEqual({
      field: 'position',
      label: 'Position',
      message: expect.stringMatching(
        new RegExp(
          `^Position ${a.position} is taken by another figure of this event \\(“120 people rescued, first”\\)`,
        ),
      ),
    })
    await expect(
      env.DB.prepare('UPDATE figures SET position = ? WHERE id = ?').bind(a.position, b.id).run(),
    ).rejects.toThrow(/UNIQUE/)
  })

  it('gives creates sent at once each their own position', async () => {
    const sent = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        adminCall(editor, 'POST', '/api/v1/admin/notes', {
          body: { event_id: EVENT, kind: 'context', text: `A note sent at once, ${i}.` },
        }),
      ),
    )
    expect(sent.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201])
    const positions = await Promise.all(
      sent.map(async (r) => ((await r.json()) as { position: number }).position),
    )
    expect(new Set(positions).size).toBe(6)
  })

  it('refuses a chapter id that does not start with a letter, as the database would', async () => {
    const problem = await refused('POST', '/api/v1/admin/chapters', {
      id: '9bad',
      position: 90,
      title: 'T',
      dek: 'D.',
      start_date: '2022-07-01',
      end_date: '2022-07-02',
    })
    expect(problem.errors.find((e) => e.field === 'id')?.message).toMatch(
      /must start with a letter/,
    )
  })
})
