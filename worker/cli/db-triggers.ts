// Writes the audit triggers from the table registry into a new numbered migration, when they
// differ from the newest one already written; a second run with the same registry changes
// nothing. Migrations already applied are never edited.
//   npm run db:triggers                 write migrations/NNNN_audit_triggers.sql if needed
//   npm run db:triggers -- --check      exit 1 when the registry's triggers are not written yet
//   npm run db:triggers -- --migrations <dir>   another migrations folder (for tests)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { auditTriggersSql } from '../db/audit-triggers.ts'

const MIGRATION = /^(\d{4})_[a-z0-9_]+\.sql$/
const TRIGGERS = /^\d{4}_audit_triggers\.sql$/

function fail(message: string): never {
  console.error(`db-triggers: ${message}`)
  process.exit(1)
}

function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: 'boolean', default: false },
      migrations: { type: 'string', default: 'migrations' },
    },
  })
  const dir = values.migrations
  if (!existsSync(dir)) fail(`no migrations folder at ${dir}`)
  const files = readdirSync(dir)
    .filter((f) => MIGRATION.test(f))
    .sort()
  const latest = files.filter((f) => TRIGGERS.test(f)).at(-1)
  const sql = auditTriggersSql()
  if (sql !== auditTriggersSql()) fail('the generated SQL differs between two runs')

  if (latest && readFileSync(join(dir, latest), 'utf8') === sql) {
    console.log(`db-triggers: ${latest} already holds the registry's triggers; nothing to write.`)
    return
  }
  if (values.check) {
    fail(
      latest
        ? `the registry's triggers differ from ${latest}. Run npm run db:triggers to write a new migration.`
        : 'no audit-trigger migration yet. Run npm run db:triggers.',
    )
  }
  const last = files.at(-1)
  const next = String((last ? Number(MIGRATION.exec(last)![1]) : 0) + 1).padStart(4, '0')
  const name = `${next}_audit_triggers.sql`
  writeFileSync(join(dir, name), sql)
  console.log(`db-triggers: wrote ${join(dir, name)}. Apply it with npm run db:migrate.`)
}

main(process.argv.slice(2))
