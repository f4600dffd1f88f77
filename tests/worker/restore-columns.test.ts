// Restoring a revision never skips a column silently: a column the revision does not hold (one
// the table gained after the revision was recorded) keeps its value, and the response says so.
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { sha256Hex } from '../../worker/lib/sha256'

const TOKEN = 'yir_test-token-for-the-restore-tests-0003'
const EVENT = '2022-09-27-phnom-penh-raids-1480-released'

const call = (method: string, path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(
    new Request(`http://example.com${path}`, {
      method,
      headers: { Authorization: `Bearer ${TOKEN}`, ...headers },
    }),
  )

beforeAll(async () => {
  await env.DB.prepare('INSERT INTO editor_tokens (name, token_hash) VALUES (?, ?)')
    .bind('Restore Tester', await sha256Hex(TOKEN))
    .run()
})

describe('restoring a revision', () => {
  it('restores every column the revision holds and names the ones it keeps', async () => {
    const event = (await env.DB.prepare('SELECT * FROM events WHERE id = ?')
      .bind(EVENT)
      .first<Record<string, unknown>>())!
    // A revision as an older set of triggers would have recorded it: without `body`.
    const older: Record<string, unknown> = {
      ...event,
      headline: 'An older headline',
      summary: 'Older.',
    }
    delete older.body
    const { meta } = await env.DB.prepare(
      `INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
       VALUES ('events', ?, ?, 'update', 'sql', ?, ?)`,
    )
      .bind(EVENT, EVENT, JSON.stringify(older), JSON.stringify(older))
      .run()

    const res = await call('POST', `/api/v1/admin/revisions/${meta.last_row_id}/restore`, {
      'If-Match': `"${String(event.version)}"`,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('Restore-Kept-Fields')).toBe('body')
    const row = (await res.json()) as Record<string, unknown>
    expect(row).toMatchObject({
      headline: 'An older headline',
      summary: 'Older.',
      body: event.body,
    })
  })

  it('names nothing when the revision holds every column', async () => {
    const [latest] = (
      await env.DB.prepare(
        "SELECT id FROM revisions WHERE table_name = 'events' AND row_id = ? AND action = 'update' ORDER BY id DESC",
      )
        .bind(EVENT)
        .all<{ id: number }>()
    ).results
    const version = (await env.DB.prepare('SELECT version FROM events WHERE id = ?')
      .bind(EVENT)
      .first<{ version: number }>())!.version
    const res = await call('POST', `/api/v1/admin/revisions/${latest!.id}/restore?to=before`, {
      'If-Match': `"${version}"`,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('Restore-Kept-Fields')).toBeNull()
  })
})
