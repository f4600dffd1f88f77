// Share-preview links: a link to the story page with its drafts that works without a token, for
// 24 hours, until revoked. The link is /preview/<id>.<expiry>.<signature>: the id of its row in
// share_previews (32 hex digits, random), its expiry in seconds since 1970, and an HMAC-SHA-256
// (Web Crypto) of both under the secret PREVIEW_SECRET, in base64url. A link is served only when
// the signature verifies, the expiry has not passed and its row is there, unrevoked, with the
// same expiry; anything else is 404, so a guessed, altered, expired or revoked link says nothing.
// The secret comes from the environment (`wrangler secret put PREVIEW_SECRET`); local development
// on localhost uses DEV_PREVIEW_SECRET, which is public and so never used on any other host.
import type { Context } from 'hono'
import {
  getRow,
  getSharePreview,
  insertSharePreview,
  listSharePreviews,
  revokeSharePreview,
  type SharePreviewRow,
} from '../db/admin'
import { problem } from '../lib/problem'
import { invalid } from './respond'
import type { AdminEnv } from './types'

// A secret, so not in wrangler.toml and not in the generated Env: declared here.
declare global {
  interface Env {
    /** The HMAC key of share-preview links: at least 32 characters, set as a secret. */
    PREVIEW_SECRET?: string
  }
}

/** How long a share-preview link works, in milliseconds: 24 hours. */
export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000

/** Where share-preview pages live. */
export const PREVIEW_BASE = '/preview/'

/**
 * The key local development signs with when PREVIEW_SECRET is not set: public (it is in the
 * repository), so it is used only on localhost, 127.0.0.1 and [::1], never on a deployment.
 */
export const DEV_PREVIEW_SECRET = 'local-development-only-share-preview-key-not-secret'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The shortest PREVIEW_SECRET taken, in characters. */
const MIN_SECRET = 32

/** The key links are signed with for a request to `url`, or null when there is none to use. */
export function previewSecret(env: Env, url: string): string | null {
  const secret = env.PREVIEW_SECRET
  if (secret && secret.length >= MIN_SECRET) return secret
  return LOCAL_HOSTS.has(new URL(url).hostname) ? DEV_PREVIEW_SECRET : null
}

const keys = new Map<string, Promise<CryptoKey>>()

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    )
    if (keys.size >= 4) keys.clear()
    keys.set(secret, key)
  }
  return key
}

const toBase64Url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0))
  } catch {
    return null
  }
}

/** What is signed: a purpose, the id and the expiry, so no other signature can stand for it. */
const signedText = (id: string, expires: number) =>
  new TextEncoder().encode(`share-preview:${id}:${expires}`)

/** The path of a link: /preview/<id>.<expiry seconds>.<signature>. */
export async function previewPath(secret: string, id: string, expires: number): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), signedText(id, expires))
  return `${PREVIEW_BASE}${id}.${expires}.${toBase64Url(signature)}`
}

const LINK = /^([0-9a-f]{32})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/

/**
 * The stored link that `link` (the path after /preview/) names, when its signature verifies,
 * it has not expired at `now` (ms) and it has not been revoked; otherwise null.
 */
export async function openPreview(
  db: D1Database,
  secret: string,
  link: string,
  now: number,
): Promise<SharePreviewRow | null> {
  const match = LINK.exec(link)
  if (!match) return null
  const [, id = '', expiresText = '', signatureText = ''] = match
  const expires = Number(expiresText)
  const signature = fromBase64Url(signatureText)
  if (!signature) return null
  // One link, one spelling: an expiry with a leading zero, or a signature whose last character's
  // spare bits differ, would verify as the same link; only the link as made is one.
  if (String(expires) !== expiresText || toBase64Url(signature.buffer) !== signatureText)
    return null
  // crypto.subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(secret),
    signature,
    signedText(id, expires),
  )
  if (!valid || expires * 1000 <= now) return null
  const row = await getSharePreview(db, id)
  if (!row || row.revoked_at !== null) return null
  const stored = Date.parse(row.expires_at)
  if (stored !== expires * 1000 || stored <= now) return null
  return row
}

/** A stored link as the write API answers with it: the row and its full URL. */
async function withUrl(c: Context<AdminEnv>, secret: string, row: SharePreviewRow) {
  const expires = Math.floor(Date.parse(row.expires_at) / 1000)
  const url = new URL(await previewPath(secret, row.id, expires), c.req.url)
  return { ...row, url: url.href }
}

function unavailable(c: Context<AdminEnv>): Response {
  return problem(
    c,
    'preview-unavailable',
    'This deployment has no PREVIEW_SECRET (at least 32 characters) to sign share-preview links with. Set it with `npx wrangler secret put PREVIEW_SECRET`.',
  )
}

/**
 * POST /api/v1/admin/previews: a new link, for 24 hours from now (201, its URL in Location).
 * An `eventId` that names no event, or a deleted one, gets 422 invalid-body naming `event_id`.
 */
export async function createSharePreview(
  c: Context<AdminEnv>,
  eventId: string | null,
): Promise<Response> {
  const secret = previewSecret(c.env, c.req.url)
  if (!secret) return unavailable(c)
  // The page opens at that event, so it must be one the preview shows: a draft or a published
  // event, not deleted.
  if (eventId !== null) {
    const event = await getRow(c.env.DB, 'events', eventId)
    if (!event || event.deleted_at !== null) {
      return invalid(c, [
        {
          field: 'event_id',
          message: event
            ? `The event "${eventId}" is deleted; restore it first, or leave event_id out to open at the start of the story.`
            : `There is no event "${eventId}". Give an event's id (GET /api/v1/admin/events lists them), or leave event_id out to open at the start of the story.`,
        },
      ])
    }
  }
  const id = [...crypto.getRandomValues(new Uint8Array(16))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
  // Whole seconds, as the link carries them.
  const expires = Math.floor((Date.now() + PREVIEW_TTL_MS) / 1000)
  const row = await insertSharePreview(c.env.DB, {
    id,
    event_id: eventId,
    created_by: c.get('editor'),
    token_id: c.get('tokenId'),
    expires_at: new Date(expires * 1000).toISOString(),
  })
  const body = await withUrl(c, secret, row)
  c.header('Location', body.url)
  return c.json(body, 201)
}

/** GET /api/v1/admin/previews: the links that have not expired, revoked ones too. */
export async function listSharePreviewLinks(c: Context<AdminEnv>): Promise<Response> {
  const secret = previewSecret(c.env, c.req.url)
  if (!secret) return unavailable(c)
  const rows = await listSharePreviews(c.env.DB, new Date().toISOString())
  return c.json({ data: await Promise.all(rows.map((row) => withUrl(c, secret, row))) })
}

/** POST /api/v1/admin/previews/{id}/revoke: the link answers 404 from now on. */
export async function revokeSharePreviewLink(c: Context<AdminEnv>, id: string): Promise<Response> {
  const secret = previewSecret(c.env, c.req.url)
  if (!secret) return unavailable(c)
  const row = /^[0-9a-f]{32}$/.test(id) ? await revokeSharePreview(c.env.DB, id) : null
  if (!row) {
    return problem(
      c,
      'not-found',
      `There is no share-preview link "${id}"; GET /api/v1/admin/previews lists them.`,
    )
  }
  return c.json(await withUrl(c, secret, row))
}
