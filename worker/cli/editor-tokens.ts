// Editor tokens from the command line: make one (printed once; only its SHA-256 hash is stored)
// with a role (writer unless --role publisher: worker/admin/roles.ts says what each may do), list
// them, revoke one. Local database by default; --remote for the deployed one.
//   npm run editor:token -- --name <editor> [--role writer|publisher] [--remote | --persist-to <dir>]
//   npm run editor:tokens -- [--remote]
//   npm run editor:revoke -- --name <editor> | --id <n> [--remote]
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { EDITOR_NAME, EDITOR_NAME_RULE, normaliseEditorName } from '../data/values.ts'
import { tokenInsertSql } from '../db/token-sql.ts'
import { sha256Hex } from '../lib/sha256.ts'

function fail(message: string): never {
  console.error(`editor-tokens: ${message}`)
  process.exit(1)
}

function wranglerSql(sql: string, target: string[]): Record<string, unknown>[] {
  const pkg = createRequire(import.meta.url).resolve('wrangler/package.json')
  const wrangler = join(dirname(pkg), 'bin', 'wrangler.js')
  const run = spawnSync(
    process.execPath,
    [wrangler, 'd1', 'execute', 'DB', ...target, '--json', '--command', sql],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  )
  if (run.status !== 0) fail(`wrangler failed:\n${run.stderr || run.stdout}`)
  const results = JSON.parse(run.stdout) as { results: Record<string, unknown>[] }[]
  return results.flatMap((r) => r.results)
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`

/** The token's SHA-256 hash as stored in editor_tokens (the worker hashes a bearer token alike). */
export const hashToken = (token: string): Promise<string> => sha256Hex(token)

/** The roles a token may carry (the database's CHECK, migrations/0014, allows these only). */
const ROLES = ['writer', 'publisher'] as const

/** The role a new token gets when --role is not given: the one that cannot publish. */
export const DEFAULT_ROLE = 'writer'

const USAGE = `usage: npm run editor:token -- --name <editor> [--role writer|publisher] [--remote | --persist-to <dir>]
       npm run editor:tokens [-- --remote | --persist-to <dir>]
       node worker/cli/editor-tokens.ts revoke (--name <editor> | --id <n>) [--remote | --persist-to <dir>]
Without --remote, the local database (wrangler's default folder, or --persist-to <dir>).
--role: writer (the default) creates and edits drafts; publisher also publishes, unpublishes,
deletes, restores and manages tokens.`

/** The options, or a plain message and exit 1 for one this tool does not take (no stack trace). */
function optionsOf(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        name: { type: 'string' },
        id: { type: 'string' },
        role: { type: 'string' },
        remote: { type: 'boolean', default: false },
        'persist-to': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`)
  }
}

/**
 * Which database a command acts on, in words: the deployed one, the local one `npm start` and
 * `wrangler dev` use (wrangler's default folder), or the local one under another folder (which
 * only a server started with the same --persist-to reads).
 */
export function databaseOf(remote: boolean, persistTo: string | undefined): string {
  if (remote) return 'the deployed database (--remote)'
  if (persistTo)
    return `the local database under ${persistTo} (only a server started with --persist-to ${persistTo} reads it)`
  return 'the local database in .wrangler/state (the one npm start and wrangler dev use)'
}

async function main(argv: string[]) {
  const [command, ...rest] = argv
  const values = optionsOf(rest)
  if (values.help) {
    console.log(USAGE)
    return
  }
  const target = values.remote
    ? ['--remote']
    : ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])]
  const database = databaseOf(values.remote, values['persist-to'])

  if (command === 'create') {
    const name = normaliseEditorName(
      values.name ?? fail('say who the token is for: --name <editor>'),
    )
    if (!EDITOR_NAME.test(name)) fail(EDITOR_NAME_RULE)
    const role = values.role ?? DEFAULT_ROLE
    if (!(ROLES as readonly string[]).includes(role))
      fail(`--role is writer or publisher, not "${role}"`)
    const token = `yir_${randomBytes(32).toString('base64url')}`
    const made = wranglerSql(
      tokenInsertSql([quote(name), quote(role), quote(await hashToken(token))]),
      target,
    )
    if (made.length === 0)
      fail(
        `a token for "${name}" is in use already in ${database}: revisions name their editor, so each live token needs a name of its own (add a surname or initial, or revoke the other first)`,
      )
    console.log(
      `${role === 'publisher' ? 'Publisher' : 'Writer'} token for ${name} (shown once; store it in a password manager):\n\n  ${token}\n`,
    )
    console.log(
      values.role
        ? `Role: ${role}.`
        : `Role: ${role} (the default: creates and edits drafts, cannot publish; --role publisher for one that can).`,
    )
    console.log(`Written to ${database}.`)
  } else if (command === 'list') {
    const rows = wranglerSql(
      'SELECT id, name, role, created_at, last_used_at, revoked_at FROM editor_tokens ORDER BY id',
      target,
    )
    console.log(`Tokens in ${database}:`)
    console.table(rows)
  } else if (command === 'revoke') {
    const where = values.id
      ? /^\d+$/.test(values.id)
        ? `id = ${Number(values.id)}`
        : fail('--id takes the number shown by editor:tokens')
      : values.name
        ? `name = ${quote(values.name)}`
        : fail('say which token: --name <editor> or --id <n>')
    const rows = wranglerSql(
      `UPDATE editor_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE ${where} AND revoked_at IS NULL RETURNING id, name`,
      target,
    )
    if (rows.length === 0) fail('no active token matched')
    for (const row of rows) console.log(`Revoked token ${String(row.id)} (${String(row.name)}).`)
    console.log(`Written to ${database}.`)
  } else {
    fail(USAGE)
  }
}

await main(process.argv.slice(2))
