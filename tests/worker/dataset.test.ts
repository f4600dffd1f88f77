// The dataset as migrated: complete, inside the story's year, and consistent with its own rules.
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import stableIds from './stable-event-ids.json'

const all = async <T>(sql: string, ...binds: unknown[]): Promise<T[]> =>
  (
    await env.DB.prepare(sql)
      .bind(...binds)
      .all<T>()
  ).results

const TABLES = [
  'story',
  'categories',
  'chapters',
  'events',
  'outlets',
  'event_outlets',
  'places',
  'event_places',
  'actors',
  'event_actors',
  'figures',
  'quotes',
  'notes',
  'revisions',
]

/** Every row of every story table, as text: a fingerprint of the whole database. */
async function snapshot(): Promise<string> {
  const parts: string[] = []
  for (const table of TABLES) {
    parts.push(table, JSON.stringify(await all(`SELECT * FROM ${table} ORDER BY 1, 2`)))
  }
  return parts.join('\n')
}

describe('the dataset', () => {
  it('has one published event for each of the 42 dated entries of the source', async () => {
    const [row] = await all<{ n: number }>(
      "SELECT count(*) AS n FROM events WHERE status = 'published' AND deleted_at IS NULL",
    )
    expect(row?.n).toBe(42)
  })

  it('starts on 13 July 2022 and ends on 16 June 2023', async () => {
    const [row] = await all<{ first: string; last: string }>(
      'SELECT min(date) AS first, max(date) AS last FROM events',
    )
    expect(row).toEqual({ first: '2022-07-13', last: '2023-06-16' })
  })

  it('has no event outside July 2022 to June 2023', async () => {
    const outside = await all(
      "SELECT id, date FROM events WHERE date < '2022-07-01' OR date > '2023-06-30'",
    )
    expect(outside).toEqual([])
  })

  it('gives every figure an allowed qualifier and unit', async () => {
    const figures = await all<{ qualifier: string; unit: string }>(
      'SELECT qualifier, unit FROM figures',
    )
    expect(figures.length).toBeGreaterThan(40)
    const qualifiers = [
      'exactly',
      'more than',
      'over',
      'at least',
      'nearly',
      'about',
      'as many as',
      'up to',
    ]
    for (const f of figures) expect(qualifiers).toContain(f.qualifier)
    const units = new Set(figures.map((f) => f.unit))
    expect([...units].every((u) => /^[A-Za-z ]+$/.test(u))).toBe(true)
  })

  it('refuses a figure with a qualifier or unit outside the lists', async () => {
    const insert = (qualifier: string, unit: string) =>
      env.DB.prepare(
        `INSERT INTO figures (event_id, value, qualifier, unit, measure, display)
         VALUES ((SELECT id FROM events LIMIT 1), 1, ?, ?, 'rescued', 'test')`,
      )
        .bind(qualifier, unit)
        .run()
    await expect(insert('roughly', 'people')).rejects.toThrow(/CHECK constraint failed/)
    await expect(insert('about', 'bananas')).rejects.toThrow(/CHECK constraint failed/)
  })

  it('refuses a date that is not a real calendar date', async () => {
    const update = (date: string) =>
      env.DB.prepare('UPDATE events SET date = ? WHERE id = ?').bind(date, stableIds[0]).run()
    await expect(update('2023-02-30')).rejects.toThrow(/CHECK constraint failed/)
    await expect(update('23 March 2023')).rejects.toThrow(/CHECK constraint failed/)
  })

  it('links every event to at least one outlet or source', async () => {
    const orphans = await all(
      'SELECT id FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_outlets eo WHERE eo.event_id = e.id)',
    )
    expect(orphans).toEqual([])
  })

  it('records every correction as a note that keeps what the source said', async () => {
    const corrections = await all<{ event_id: string; text: string; source_said: string | null }>(
      "SELECT event_id, text, source_said FROM notes WHERE kind = 'correction'",
    )
    expect(corrections.length).toBeGreaterThanOrEqual(4)
    for (const note of corrections) {
      expect(note.source_said, note.event_id).toBeTruthy()
      expect(note.text.length, note.event_id).toBeGreaterThan(20)
    }
    // The source dates this entry "March 23, 2033"; the event sits in 2023 with a note.
    const [march] = await all<{ date: string; notes: number }>(
      `SELECT e.date, (SELECT count(*) FROM notes n WHERE n.event_id = e.id AND n.kind = 'correction'
         AND n.source_said LIKE '%2033%') AS notes
       FROM events e WHERE e.date = '2023-03-23'`,
    )
    expect(march).toEqual({ date: '2023-03-23', notes: 1 })
  })

  it('keeps the province breakdown of complaints as one figure per province', async () => {
    const rows = await all<{ iso_code: string; value: number }>(
      `SELECT p.iso_code, f.value FROM figures f JOIN places p ON p.id = f.place_id
       WHERE f.measure = 'complaints' AND p.kind = 'province' AND f.event_id LIKE '2022-09-19-%'
       ORDER BY p.iso_code`,
    )
    const named = rows.filter((r) => r.iso_code !== 'KH-18')
    expect(named).toHaveLength(9)
    expect(named.reduce((sum, r) => sum + r.value, 0)).toBe(77)
    expect(rows.find((r) => r.iso_code === 'KH-18')?.value).toBe(200)
  })

  it('has unique, stable event ids: every id ever published is still here', async () => {
    const ids = (await all<{ id: string }>('SELECT id FROM events ORDER BY date, id')).map(
      (r) => r.id,
    )
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of stableIds) expect(ids).toContain(id)
    await expect(
      env.DB.prepare("UPDATE events SET id = 'renamed-event' WHERE id = ?")
        .bind(stableIds[0])
        .run(),
    ).rejects.toThrow(/a published event keeps its id/)
  })

  it('has no dangling foreign key', async () => {
    expect(await all('PRAGMA foreign_key_check')).toEqual([])
  })

  it('puts every Cambodian place inside the country', async () => {
    const places = await all<{ id: string; latitude: number; longitude: number }>(
      `SELECT p.id, p.latitude, p.longitude FROM places p
       WHERE p.latitude IS NOT NULL AND (p.id = 'cambodia' OR p.parent_id IS NOT NULL)`,
    )
    expect(places.length).toBeGreaterThan(10)
    for (const p of places) {
      expect(p.latitude, p.id).toBeGreaterThan(10.3)
      expect(p.latitude, p.id).toBeLessThan(14.8)
      expect(p.longitude, p.id).toBeGreaterThan(102.2)
      expect(p.longitude, p.id).toBeLessThan(107.8)
    }
  })

  it('changes nothing when the migrations run twice', async () => {
    const before = await snapshot()
    // Once through the migration tracker (a no-op), once by running every statement again.
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
    for (const migration of env.TEST_MIGRATIONS) {
      for (const query of migration.queries) {
        try {
          await env.DB.prepare(query).run()
        } catch (err) {
          // ALTER TABLE ... ADD COLUMN cannot be written to run twice (SQLite has no IF NOT
          // EXISTS for it; D1's tracker runs it once): a second run finds its column there.
          const addsColumn = /^\s*(--[^\n]*\n\s*)*ALTER TABLE \w+ ADD COLUMN/i.test(query)
          if (!(addsColumn && /duplicate column name/i.test(String(err)))) throw err
        }
      }
    }
    expect(await snapshot()).toBe(before)
  })
})
