// `npm run db:triggers` writes the audit triggers into a new migration once, and a second run
// with the same registry writes nothing: the file stays byte for byte the same.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'

const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    ['--import', './bench/lib/ts-resolve.js', 'worker/cli/db-triggers.ts', ...args],
    { encoding: 'utf8' },
  )

/** The newest audit-trigger migration of the project: what the registry must give. */
const committed = join(
  'migrations',
  readdirSync('migrations')
    .filter((f) => f.endsWith('_audit_triggers.sql'))
    .sort()
    .at(-1)!,
)

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run db:triggers', () => {
  test('writes one new migration, and nothing more when run again', () => {
    dir = mkdtempSync(join(tmpdir(), 'migrations-'))
    for (const file of [
      '0001_schema.sql',
      '0002_dataset.sql',
      '0003_api_indexes.sql',
      '0004_editors.sql',
    ])
      copyFileSync(join('migrations', file), join(dir, file))

    const check = run('--migrations', dir, '--check')
    expect(check.status).toBe(1)
    expect(check.stderr).toContain('npm run db:triggers')

    expect(run('--migrations', dir).status).toBe(0)
    const first = readFileSync(join(dir, '0005_audit_triggers.sql'))
    expect(run('--migrations', dir).status).toBe(0)
    expect(readdirSync(dir).sort()).toEqual([
      '0001_schema.sql',
      '0002_dataset.sql',
      '0003_api_indexes.sql',
      '0004_editors.sql',
      '0005_audit_triggers.sql',
    ])
    expect(readFileSync(join(dir, '0005_audit_triggers.sql')).equals(first)).toBe(true)
    // The newest committed one is what the registry gives: the registry changed without a new
    // migration from npm run db:triggers fails here.
    expect(readFileSync(committed).equals(first)).toBe(true)
    expect(run('--migrations', dir, '--check').status).toBe(0)
  })

  test('writes a further migration when the newest one no longer matches the registry', () => {
    dir = mkdtempSync(join(tmpdir(), 'migrations-'))
    copyFileSync(
      join('migrations', '0005_audit_triggers.sql'),
      join(dir, '0005_audit_triggers.sql'),
    )
    copyFileSync(join('migrations', '0004_editors.sql'), join(dir, '0006_audit_triggers.sql'))
    expect(run('--migrations', dir, '--check').status).toBe(1)
    expect(run('--migrations', dir).status).toBe(0)
    expect(readFileSync(join(dir, '0007_audit_triggers.sql'), 'utf8')).toBe(
      readFileSync(committed, 'utf8'),
    )
  })
})
