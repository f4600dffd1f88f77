// The audit trail in the migrations: raw SQL is recorded too, and moves the data version on.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

interface Revision {
  id: number
  table_name: string
  row_id: string
  event_id: string | null
  action: string
  actor: string
  before: string | null
  after: string | null
}

const one = <T>(sql: string, ...binds: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...binds)
    .first<T>()
const revisionsOf = async (table: string, rowId: string) =>
  (
    await env.DB.prepare('SELECT * FROM revisions WHERE table_name = ? AND row_id = ? ORDER BY id')
      .bind(table, rowId)
      .all<Revision>()
  ).results
const dataVersion = async () => (await one<{ v: number }>('SELECT data_version AS v FROM story'))!.v
const firstEvent = async () =>
  (await one<{ id: string; headline: string; version: number }>(
    'SELECT id, headline, version FROM events ORDER BY date, id LIMIT 1',
  ))!

describe('revisions recorded by triggers', () => {
  it('records a raw UPDATE as one revision by "sql", with the version and data version moved on', async () => {
    const event = await firstEvent()
    const before = await dataVersion()
    // Migrations may already have revised the row (content fixes): count only what this change adds.
    const earlier = (await revisionsOf('events', event.id)).length
    await env.DB.prepare('UPDATE events SET headline = ? WHERE id = ?')
      .bind('Edited by SQL', event.id)
      .run()

    const revisions = (await revisionsOf('events', event.id)).slice(earlier)
    expect(revisions).toHaveLength(1)
    const [rev] = revisions
    expect(rev).toMatchObject({ action: 'update', actor: 'sql', event_id: event.id })
    expect(JSON.parse(rev!.before!)).toMatchObject({
      headline: event.headline,
      version: event.version,
    })
    expect(JSON.parse(rev!.after!)).toMatchObject({
      headline: 'Edited by SQL',
      version: event.version + 1,
    })
    expect(await one('SELECT version FROM events WHERE id = ?', event.id)).toEqual({
      version: event.version + 1,
    })
    expect(await dataVersion()).toBeGreaterThan(before)
  })

  it('records who wrote when the writer says so in the same batch', async () => {
    const event = await firstEvent()
    await env.DB.batch([
      env.DB.prepare("UPDATE write_context SET actor = 'editor:test' WHERE id = 1"),
      env.DB.prepare('UPDATE events SET summary = ?, version = version + 1 WHERE id = ?').bind(
        'New summary',
        event.id,
      ),
      env.DB.prepare('UPDATE write_context SET actor = NULL WHERE id = 1'),
    ])
    const revisions = await revisionsOf('events', event.id)
    expect(revisions.at(-1)).toMatchObject({ action: 'update', actor: 'editor:test' })
    // The writer moved the version itself: the trigger does not move it a second time.
    expect(JSON.parse(revisions.at(-1)!.after!).version).toBe(event.version + 1)
  })

  it('records a raw DELETE, with everything it cascades to', async () => {
    const event = (await one<{ id: string }>(
      `SELECT e.id FROM events e WHERE EXISTS (SELECT 1 FROM figures f WHERE f.event_id = e.id)
       ORDER BY e.date DESC LIMIT 1`,
    ))!
    const figures = (await one<{ n: number }>(
      'SELECT count(*) AS n FROM figures WHERE event_id = ?',
      event.id,
    ))!.n
    const before = await dataVersion()
    await env.DB.prepare('DELETE FROM events WHERE id = ?').bind(event.id).run()

    const [deleted] = await revisionsOf('events', event.id)
    expect(deleted).toMatchObject({ action: 'delete', actor: 'sql', after: null })
    expect(JSON.parse(deleted!.before!)).toMatchObject({ id: event.id })
    const cascaded = await one<{ n: number }>(
      "SELECT count(*) AS n FROM revisions WHERE table_name = 'figures' AND action = 'delete' AND event_id = ?",
      event.id,
    )
    expect(cascaded?.n).toBe(figures)
    expect(await dataVersion()).toBeGreaterThan(before)
  })

  it('records changes to links and to the story row', async () => {
    const link = (await one<{ event_id: string; place_id: string }>(
      'SELECT event_id, place_id FROM event_places LIMIT 1',
    ))!
    await env.DB.prepare('DELETE FROM event_places WHERE event_id = ? AND place_id = ?')
      .bind(link.event_id, link.place_id)
      .run()
    expect(await revisionsOf('event_places', `${link.event_id}/${link.place_id}`)).toHaveLength(1)

    const before = await dataVersion()
    await env.DB.prepare("UPDATE story SET dek = 'A new dek' WHERE id = 1").run()
    // The newest: migrations/0010_license_provenance.sql already wrote one (the source's address).
    const rev = (await revisionsOf('story', '1')).at(-1)
    expect(JSON.parse(rev!.after!)).toMatchObject({ dek: 'A new dek' })
    expect(await dataVersion()).toBe(before + 1)
  })
})

describe('the data version', () => {
  it('stays put for changes only editors see (a draft and its rows), and moves when it is published', async () => {
    const id = '2022-10-21-data-version-draft'
    const run = (sql: string, ...binds: unknown[]) =>
      env.DB.prepare(sql)
        .bind(...binds)
        .run()
    const start = await dataVersion()
    await run(
      `INSERT INTO events (id, date, headline, summary, category, chapter, status)
       VALUES (?, '2022-10-21', 'A draft', 'Only editors see it.', 'enforcement', 'crackdown', 'draft')`,
      id,
    )
    await run("UPDATE events SET headline = 'A draft, retitled' WHERE id = ?", id)
    await run(
      `INSERT INTO figures (event_id, position, value, qualifier, unit, measure, display)
       VALUES (?, 1, 5, 'exactly', 'people', 'rescued', '5 people rescued')`,
      id,
    )
    await run("INSERT INTO event_places (event_id, place_id) VALUES (?, 'kandal')", id)
    await run("INSERT INTO notes (event_id, kind, text) VALUES (?, 'context', 'A note.')", id)
    // Recorded all the same: the audit trail is every change, public or not.
    expect(await revisionsOf('events', id)).toHaveLength(2)
    expect(await dataVersion()).toBe(start)

    await run("UPDATE events SET status = 'published' WHERE id = ?", id)
    const published = await dataVersion()
    expect(published).toBeGreaterThan(start)
    await run(
      'UPDATE figures SET value = 6, display = ? WHERE event_id = ?',
      '6 people rescued',
      id,
    )
    expect(await dataVersion()).toBeGreaterThan(published)

    // Taking it back down moves the version (the public loses it); its rows' changes then do not.
    await run("UPDATE events SET status = 'draft' WHERE id = ?", id)
    const down = await dataVersion()
    expect(down).toBeGreaterThan(published)
    await run("UPDATE notes SET text = 'A changed note.' WHERE event_id = ?", id)
    expect(await dataVersion()).toBe(down)
  })
})
