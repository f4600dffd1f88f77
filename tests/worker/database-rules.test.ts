// What the database refuses on its own, for raw SQL (migration 0013): figures whose value is not a
// finite, non-negative number (or a fraction of a count), and a data version that moves back.
// The units that must be whole numbers are the write API's own list (COUNT_UNITS), unit by unit.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { COUNT_UNITS, UNITS } from '../../worker/data/values'
import { adminCall, etagOf, registerEditor } from './admin-client'
import { expectProblem } from './api-client'

const EVENT = '2022-09-19-sar-kheng-289-complaints'

/** Inserts a figure by raw SQL; resolves to its id, or rejects with the database's refusal. */
async function insertFigure(value: unknown, unit = 'people', valueMax: unknown = null) {
  const row = await env.DB.prepare(
    `INSERT INTO figures (event_id, position, value, value_max, qualifier, unit, measure, display)
     VALUES (?, 90, ?, ?, 'exactly', ?, 'rescued', 'a test figure') RETURNING id`,
  )
    .bind(EVENT, value, valueMax, unit)
    .first<{ id: number }>()
  return row!.id
}

const removeFigure = (id: number) =>
  env.DB.prepare('DELETE FROM figures WHERE id = ?').bind(id).run()

describe('raw SQL on figures', () => {
  it.each([
    ['-5 people', -5],
    ['2.5 people', 2.5],
    ['text', 'NaN'],
    ['a number above 2^53 - 1', 1e20],
  ])('refuses %s, naming the rule', async (_, value) => {
    await expect(insertFigure(value)).rejects.toThrow(/value and value_max must be finite numbers/)
  })

  it('refuses a value that overflows to infinity', async () => {
    await expect(
      env.DB.prepare(
        `INSERT INTO figures (event_id, value, qualifier, unit, measure, display)
         VALUES (?, 1e309, 'exactly', 'people', 'rescued', 'a test figure')`,
      )
        .bind(EVENT)
        .run(),
    ).rejects.toThrow(/value and value_max must be finite numbers/)
  })

  it('refuses a bad value_max, and the same on an update', async () => {
    await expect(insertFigure(10, 'people', 10.5)).rejects.toThrow(/whole numbers for counts/)
    await expect(insertFigure(10, 'people', 'many')).rejects.toThrow(/finite numbers/)
    const id = await insertFigure(10)
    try {
      const update = (sql: string) => env.DB.prepare(sql).bind(id).run()
      await expect(update('UPDATE figures SET value = -1 WHERE id = ?')).rejects.toThrow(/finite/)
      await expect(update("UPDATE figures SET value = 'abc' WHERE id = ?")).rejects.toThrow(
        /finite/,
      )
      await expect(update('UPDATE figures SET value_max = 1e999 WHERE id = ?')).rejects.toThrow(
        /finite/,
      )
      await expect(
        update("UPDATE figures SET value = 2.5, unit = 'percent' WHERE id = ?"),
      ).resolves.toBeDefined()
      await expect(update("UPDATE figures SET unit = 'people' WHERE id = ?")).rejects.toThrow(
        /whole numbers/,
      )
    } finally {
      await removeFigure(id)
    }
  })

  it('takes fractions only where the write API does: every unit but COUNT_UNITS', async () => {
    for (const unit of UNITS) {
      const counted = (COUNT_UNITS as readonly string[]).includes(unit)
      const attempt = insertFigure(2.5, unit)
      if (counted) await expect(attempt, unit).rejects.toThrow(/whole numbers/)
      else await removeFigure(await attempt)
    }
  })
})

describe('the data version', () => {
  it('never moves back, so a version never names two states of the data', async () => {
    const version = async () =>
      (await env.DB.prepare('SELECT data_version FROM story WHERE id = 1').first<{
        data_version: number
      }>())!.data_version
    const before = await version()
    await env.DB.prepare('UPDATE story SET data_version = data_version + 1 WHERE id = 1').run()
    await expect(
      env.DB.prepare('UPDATE story SET data_version = ? WHERE id = 1').bind(before).run(),
    ).rejects.toThrow(/data_version only moves forward/)
    expect(await version()).toBe(before + 1)
  })
})

describe('places that would contain each other', () => {
  // Sihanoukville lies in Preah Sihanouk, which lies in Cambodia.
  it('are refused by raw SQL: a place in itself, or in a place that lies in it', async () => {
    await expect(
      env.DB.prepare("UPDATE places SET parent_id = 'cambodia' WHERE id = 'cambodia'").run(),
    ).rejects.toThrow(/cannot lie in itself|cannot lie in a place that lies in it/)
    await expect(
      env.DB.prepare("UPDATE places SET parent_id = 'sihanoukville' WHERE id = 'cambodia'").run(),
    ).rejects.toThrow(/cannot lie in a place that lies in it/)
    await expect(
      env.DB.prepare(
        "INSERT INTO places (id, name, kind, parent_id) VALUES ('loop-town', 'Loop Town', 'city', 'loop-town')",
      ).run(),
    ).rejects.toThrow(/cannot lie in itself/)
    // Two places inserted with foreign keys deferred, each naming the other as its parent.
    await expect(
      env.DB.batch([
        env.DB.prepare('PRAGMA defer_foreign_keys = ON'),
        env.DB.prepare(
          "INSERT INTO places (id, name, kind, parent_id) VALUES ('loop-c', 'Loop C', 'site', 'loop-d')",
        ),
        env.DB.prepare(
          "INSERT INTO places (id, name, kind, parent_id) VALUES ('loop-d', 'Loop D', 'site', 'loop-c')",
        ),
      ]),
    ).rejects.toThrow(/nor in a place that lies in it/)
    expect(
      await env.DB.prepare(
        "SELECT count(*) AS n FROM places WHERE id IN ('loop-c', 'loop-d')",
      ).first(),
    ).toEqual({ n: 0 })
    // Nothing changed; a move that makes no loop still works (and is put back).
    const row = await env.DB.prepare("SELECT parent_id FROM places WHERE id = 'cambodia'").first()
    expect(row).toEqual({ parent_id: null })
    await env.DB.prepare(
      "UPDATE places SET parent_id = 'cambodia' WHERE id = 'sihanoukville'",
    ).run()
    await env.DB.prepare(
      "UPDATE places SET parent_id = 'preah-sihanouk' WHERE id = 'sihanoukville'",
    ).run()
  })

  it('are refused by the write API, naming the loop under the field’s label', async () => {
    const editor = await registerEditor('Place Cycle Tester')
    const res = await adminCall(editor, 'PATCH', '/api/v1/admin/places/cambodia', {
      body: { parent_id: 'sihanoukville' },
      ifMatch: await etagOf(editor, 'places', 'cambodia'),
    })
    const problem = (await expectProblem(res, 422, 'invalid-body')) as unknown as {
      errors: { field: string; label?: string; message: string }[]
    }
    expect(problem.errors).toEqual([
      {
        field: 'parent_id',
        label: 'Lies in',
        message: expect.stringMatching(
          /"sihanoukville" lies in "cambodia" already \(sihanoukville → preah-sihanouk → cambodia\)/,
        ),
      },
    ])
    const self = await adminCall(editor, 'POST', '/api/v1/admin/validate', {
      body: { table: 'places', id: 'kandal', data: { parent_id: 'kandal' } },
    })
    expect(await self.json()).toMatchObject({
      valid: false,
      errors: [{ field: 'parent_id', message: expect.stringMatching(/cannot lie in itself/) }],
    })
  })
})
