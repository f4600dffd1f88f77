// Editor tokens through the write API (publishers only, admin/roles.ts): list them, make one with a
// role (shown once; only its SHA-256 hash is stored, as `npm run editor:token` does), revoke one.
import type { Context } from 'hono'
import { insertToken, listTokens, revokeToken } from '../db/admin'
import { problem } from '../lib/problem'
import { sha256Hex } from '../lib/sha256'
import type { Role } from './roles'
import type { AdminEnv } from './types'

/** A new token: `yir_` and 32 random bytes in base64url, the form the CLI makes. */
function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  const text = btoa(String.fromCharCode(...bytes))
  return `yir_${text.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`
}

/** GET /api/v1/admin/tokens. */
export async function sendTokens(c: Context<AdminEnv>): Promise<Response> {
  return c.json({ data: await listTokens(c.env.DB) })
}

/** POST /api/v1/admin/tokens: 201 with the token, shown this once. */
export async function createToken(
  c: Context<AdminEnv>,
  name: string,
  role: Role,
): Promise<Response> {
  const token = newToken()
  const row = await insertToken(c.env.DB, name, role, await sha256Hex(token))
  if (!row) {
    return problem(
      c,
      'conflict',
      `A token for “${name}” is in use already. Revisions name their editor, so each live token needs a name of its own: add a surname or initial, or revoke the other token first.`,
    )
  }
  return c.json({ ...row, token }, 201)
}

/** POST /api/v1/admin/tokens/{id}/revoke. */
export async function revokeTokenById(c: Context<AdminEnv>, id: string): Promise<Response> {
  const row = /^[1-9]\d{0,15}$/.test(id) ? await revokeToken(c.env.DB, Number(id)) : null
  if (!row) {
    return problem(
      c,
      'not-found',
      `There is no editor token ${id}; GET /api/v1/admin/tokens lists them.`,
    )
  }
  return c.json(row)
}
