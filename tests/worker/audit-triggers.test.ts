// The audit trail keeps up with the schema: the registry lists every story table and column as
// the migrations make them, and the triggers record every column of every audited table. A
// column added without regenerating the triggers (npm run db:triggers) fails here.
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  REGISTRY,
  STORY_TABLES,
  columnsOf,
  type AnyTableDef,
  type TableName,
} from '../../worker/data/tables'
import { auditTriggerStatements, auditTriggersSql } from '../../worker/db/audit-triggers'
import { auditGaps } from './audit-check'

/** Tables the migrations make that are not story tables: the audit trail and the write API's own. */
const NOT_STORY = [
  'revisions',
  'write_context',
  'editor_tokens',
  'idempotency_keys',
  'share_previews',
  'proposals',
  'row_counts',
  'd1_migrations',
]

interface ColumnInfo {
  name: string
  type: string
  notnull: number
  pk: number
}

const tableInfo = async (db: D1Database, table: string) =>
  (await db.prepare(`PRAGMA table_info(${table})`).all<ColumnInfo>()).results

describe('the table registry', () => {
  it('lists every table the migrations make', async () => {
    const { results } = await env.DB.prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table'
       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name`,
    ).all<{ name: string }>()
    const tables = results.map((r) => r.name).filter((name) => !NOT_STORY.includes(name))
    expect(tables).toEqual([...STORY_TABLES].sort())
  })

  it.each(STORY_TABLES)(
    'has the columns of %s, in order, with their types and nullability',
    async (table) => {
      const info = await tableInfo(env.DB, table)
      const def: AnyTableDef = REGISTRY[table]
      expect(info.map((c) => c.name)).toEqual(columnsOf(table))
      for (const column of info) {
        const spec = def.columns[column.name]!
        expect({ column: column.name, type: column.type }).toEqual({
          column: column.name,
          type: spec.sql,
        })
        expect({ column: column.name, nullable: column.notnull === 0 && column.pk === 0 }).toEqual({
          column: column.name,
          nullable: spec.nullable,
        })
      }
      expect(
        info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
      ).toEqual(def.keyColumns)
    },
  )
})

describe('the audit triggers', () => {
  it('are generated the same, byte for byte, every time', () => {
    expect(auditTriggersSql()).toBe(auditTriggersSql())
  })

  it('record every column of every audited table on insert, update and delete', async () => {
    expect(await auditGaps(env.DB, STORY_TABLES)).toEqual([])
  })

  it('are caught out by a column added without regenerating them, until they are', async () => {
    const db = env.SCRATCH_DB
    await applyD1Migrations(db, env.TEST_MIGRATIONS)
    await db.prepare('ALTER TABLE events ADD COLUMN source_note TEXT').run()

    const gaps = await auditGaps(db, ['events'])
    expect(gaps).toEqual([
      { table: 'events', action: 'update', missing: ['source_note'], extra: [] },
      { table: 'events', action: 'delete', missing: ['source_note'], extra: [] },
      { table: 'events', action: 'insert', missing: ['source_note'], extra: [] },
    ])

    // The triggers written from a registry that has the column record it.
    const events = REGISTRY.events as AnyTableDef
    const grown = {
      ...REGISTRY,
      events: {
        ...events,
        columns: { ...events.columns, source_note: { ...events.columns.deleted_at! } },
      },
    } as { [T in TableName]: AnyTableDef }
    const { sql } = auditTriggerStatements(grown).find((t) => t.table === 'events')!
    await db.batch(sql.map((statement) => db.prepare(statement)))
    expect(await auditGaps(db, ['events'])).toEqual([])
  })
})
