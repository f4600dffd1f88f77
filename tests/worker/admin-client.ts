// Calls the write API of the real worker inside workerd as one editor, and reads what the public
// sees, for the tests of the change model (what is public, what changed, how to undo it).
import { env, exports } from 'cloudflare:workers'
import { expect } from 'vitest'
import { sha256Hex } from '../../worker/lib/sha256'
import { ORIGIN } from './api-client'

let calls = 0
/**
 * A client address of its own for each call, so a long sequence of calls is never held up by the
 * rate limit (300 requests a minute per client), which other tests cover.
 */
export const freshIp = () => `2001:db8:ed17::${(++calls).toString(16)}`

/** An editor's token for one test file: registered by `registerEditor`. */
export interface Editor {
  token: string
  name: string
}

/** Registers an editor token in the database (as `npm run editor:token` would). */
export async function registerEditor(name: string, role?: 'writer' | 'publisher'): Promise<Editor> {
  const token = `yir_${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${crypto.randomUUID()}`
  // Without a role, the column's default (as a token made by raw SQL gets it).
  const statement = role
    ? env.DB.prepare('INSERT INTO editor_tokens (name, role, token_hash) VALUES (?, ?, ?)').bind(
        name,
        role,
        await sha256Hex(token),
      )
    : env.DB.prepare('INSERT INTO editor_tokens (name, token_hash) VALUES (?, ?)').bind(
        name,
        await sha256Hex(token),
      )
  await statement.run()
  return { token, name }
}

/** A write-API request: the body as JSON, If-Match when given. */
export async function adminCall(
  editor: Editor,
  method: string,
  path: string,
  options: { body?: unknown; ifMatch?: string | number; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${editor.token}`,
    'CF-Connecting-IP': freshIp(),
    ...options.headers,
  }
  if (options.ifMatch !== undefined) {
    headers['If-Match'] =
      typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch
  }
  let body: string | undefined
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['Content-Type'] = 'application/json'
  }
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body }))
}

/** A write-API request that must answer `status`; its JSON body. */
export async function adminJson<T = Record<string, unknown>>(
  editor: Editor,
  method: string,
  path: string,
  status: number,
  options: Parameters<typeof adminCall>[3] = {},
): Promise<T & { __etag: string | null }> {
  const res = await adminCall(editor, method, path, options)
  const text = await res.text()
  expect(res.status, `${method} ${path}: ${text.slice(0, 600)}`).toBe(status)
  return { ...(JSON.parse(text) as T), __etag: res.headers.get('ETag') }
}

/** A row's ETag as the write API gives it (GET /api/v1/admin/<table>/<id>). */
export async function etagOf(editor: Editor, table: string, id: string | number): Promise<string> {
  const res = await adminCall(editor, 'GET', `/api/v1/admin/${table}/${id}`)
  expect(res.status, `GET ${table}/${id}`).toBe(200)
  await res.arrayBuffer()
  return res.headers.get('ETag')!
}

/** Runs raw SQL as an editor would with `wrangler d1 execute`. */
export const sql = (query: string, ...binds: unknown[]) =>
  env.DB.prepare(query)
    .bind(...binds)
    .run()

/** Raw SQL that the database must refuse, with a message matching `pattern`. */
export async function sqlRefused(pattern: RegExp, query: string, ...binds: unknown[]) {
  await expect(sql(query, ...binds)).rejects.toThrow(pattern)
}

/** A moment strictly after every change made so far (the database's clock has milliseconds). */
export async function momentAfterNow(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 3))
  const row = await env.DB.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now").first<{
    now: string
  }>()
  await new Promise((resolve) => setTimeout(resolve, 3))
  return row!.now
}
