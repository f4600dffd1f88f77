// Checks, by doing it, that the audit triggers record every column of every audited table: for
// each table, a real UPDATE, DELETE and INSERT of one of its rows (in one batch, with foreign
// keys checked at its end), then the keys of the revisions' `before` and `after` compared with
// the table's columns as `PRAGMA table_info` gives them. The row is put back as it was (its
// version moves on); deleting an event removes its own rows, so events are checked last.

/** What the triggers of one table get wrong for one kind of change. */
export interface AuditGap {
  table: string
  action: 'insert' | 'update' | 'delete'
  /** Columns of the table the revision does not record (every column when there is no revision). */
  missing: string[]
  /** Keys the revision records that are not columns of the table. */
  extra: string[]
}

interface ColumnInfo {
  name: string
  pk: number
}

interface RevisionRow {
  action: string
  before: string | null
  after: string | null
}

const keysOf = (json: string | null) => (json ? Object.keys(JSON.parse(json) as object) : [])

function compare(
  table: string,
  action: AuditGap['action'],
  columns: string[],
  recorded: string[] | null,
): AuditGap[] {
  const keys = recorded ?? []
  const missing = columns.filter((c) => !keys.includes(c))
  const extra = keys.filter((k) => !columns.includes(k))
  return missing.length || extra.length ? [{ table, action, missing, extra }] : []
}

/**
 * Every gap between what the triggers record and the columns of `tables` (each must have at
 * least one row). The story row (`story`) has only an update trigger. Changes the database.
 */
export async function auditGaps(db: D1Database, tables: readonly string[]): Promise<AuditGap[]> {
  const gaps: AuditGap[] = []
  for (const table of [...tables].reverse()) {
    const info = (await db.prepare(`PRAGMA table_info(${table})`).all<ColumnInfo>()).results
    const columns = info.map((c) => c.name)
    const key = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
    const row = await db.prepare(`SELECT * FROM ${table} LIMIT 1`).first<Record<string, unknown>>()
    if (!row) throw new Error(`${table} has no row to check its triggers with`)
    const field = columns.find((c) => !key.some((k) => k.name === c))!
    const where = key.map((k) => `${k.name} = ?`).join(' AND ')
    const keyValues = key.map((k) => row[k.name])
    const last = await db
      .prepare('SELECT coalesce(max(id), 0) AS id FROM revisions')
      .first<{ id: number }>()

    const update = db
      .prepare(`UPDATE ${table} SET ${field} = ${field} WHERE ${where}`)
      .bind(...keyValues)
    const statements =
      table === 'story'
        ? [update]
        : [
            db.prepare('PRAGMA defer_foreign_keys = on'),
            update,
            db.prepare(`DELETE FROM ${table} WHERE ${where}`).bind(...keyValues),
            db
              .prepare(
                `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
              )
              .bind(...columns.map((c) => row[c] ?? null)),
          ]
    await db.batch(statements)

    const revisions = (
      await db
        .prepare(
          'SELECT action, before, after FROM revisions WHERE id > ? AND table_name = ? ORDER BY id',
        )
        .bind(last!.id, table)
        .all<RevisionRow>()
    ).results
    const of = (action: string) => revisions.find((r) => r.action === action)
    const updated = of('update')
    gaps.push(...compare(table, 'update', columns, updated ? keysOf(updated.before) : null))
    if (updated) gaps.push(...compare(table, 'update', columns, keysOf(updated.after)))
    if (table !== 'story') {
      const deleted = of('delete')
      const inserted = of('insert')
      gaps.push(...compare(table, 'delete', columns, deleted ? keysOf(deleted.before) : null))
      gaps.push(...compare(table, 'insert', columns, inserted ? keysOf(inserted.after) : null))
    }
  }
  const seen = new Set<string>()
  return gaps.filter((gap) => {
    const id = JSON.stringify(gap)
    return seen.has(id) ? false : (seen.add(id), true)
  })
}
