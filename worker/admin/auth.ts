// Who may write: a bearer token whose SHA-256 hash is in editor_tokens and not revoked. When the
// deployment sets ACCESS_TEAM_DOMAIN and ACCESS_AUD, a valid Cloudflare Access JWT is needed too.
import { finishAfterResponse } from '../lib/after-response'
import type { Context, MiddlewareHandler } from 'hono'
import { verifyWithJwks } from 'hono/jwt'
import { findEditor, touchEditor } from '../db/admin'
import { problem } from '../lib/problem'
import { sha256Hex } from '../lib/sha256'
import { EDITOR_ACTIONS, isRole, refusalOf, roleNeeded, may, type EditorAction } from './roles'
import type { AdminEnv } from './types'

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,200})$/

export { sha256Hex }

export const requireEditor: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const header = c.req.header('Authorization') ?? ''
  const token = BEARER.exec(header)?.[1]
  const editor = token ? await findEditor(c.env.DB, await sha256Hex(token)) : null
  if (!editor) {
    c.header('WWW-Authenticate', 'Bearer realm="editors"')
    return problem(
      c,
      'unauthorized',
      token
        ? 'The token is not valid here, or has been revoked. A token works only with the database it was made in: one made with npm run editor:token -- --persist-to <folder> needs this server started with the same --persist-to <folder> (wrangler dev and npm start read the default local folder otherwise), and one made with --remote works only on the deployed worker. Make a token for the database this server reads, or ask a publisher for one.'
        : 'Send an editor token as "Authorization: Bearer <token>". Tokens are made with npm run editor:token.',
    )
  }
  const access = await checkAccess(c.env, c.req.header('Cf-Access-Jwt-Assertion'))
  if (access) return problem(c, 'unauthorized', access)
  c.set('editor', editor.name)
  c.set('tokenId', editor.id)
  // The database's CHECK allows only the two roles; anything else can do no more than a writer.
  c.set('role', isRole(editor.role) ? editor.role : 'writer')
  finishAfterResponse(() => c.executionCtx, touchEditor(c.env.DB, editor.id), 'last-used stamp')
  await next()
}

/** null when Access is not configured or the assertion is valid; otherwise why it failed. */
async function checkAccess(env: Env, assertion: string | undefined): Promise<string | null> {
  const team = env.ACCESS_TEAM_DOMAIN
  const audience = env.ACCESS_AUD
  if (!team || !audience) return null
  if (!assertion)
    return 'This deployment is behind Cloudflare Access: sign in through Access first.'
  try {
    await verifyWithJwks(assertion, {
      jwks_uri: `https://${team}/cdn-cgi/access/certs`,
      allowedAlgorithms: ['RS256'],
      verification: { iss: `https://${team}`, aud: audience },
    })
    return null
  } catch {
    return 'The Cloudflare Access assertion could not be verified for this application.'
  }
}

/**
 * The gate of a route whose action is `action`: a token whose role may not take it gets 403
 * forbidden (problem+json naming the action, the role it needs and how to get one). The roles
 * come from one table (admin/roles.ts); mount() puts this gate first on every route.
 */
export function requireAction(action: EditorAction): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const refused = refuseUnless(c, action)
    if (refused) return refused
    await next()
  }
}

/** The 403 for `action` when the signed-in editor's role may not take it, else null. */
export function refuseUnless(c: Context<AdminEnv>, action: EditorAction): Response | null {
  const role = c.get('role')
  if (may(role, action)) return null
  return problem(c, 'forbidden', refusalOf(action, c.get('editor'), role), {
    action,
    action_words: EDITOR_ACTIONS[action].words,
    role,
    role_needed: roleNeeded(action),
  })
}
