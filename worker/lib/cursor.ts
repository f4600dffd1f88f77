// Opaque keyset cursors for the events listing. A cursor carries the query parameters (filters
// and sort) of the listing it belongs to, the position after which the next page starts, and the
// listing's sync watermark (the first page's `meta.generated_at`, which every page reports) with
// the database session's bookmark, so later pages read a state at least as new as the first.
// A checksum makes a cursor that was altered or cut short refused instead of misread. The
// checksum is not a secret: the route validates the carried parameters again, exactly as it
// validates a query string. A cursor of an older form (without a watermark) is "expired".
import { sha256Hex } from './sha256'

/** What a cursor carries. */
export interface CursorState {
  params: Record<string, unknown>
  after: { date: string; id: string }
  /** The first page's watermark (ISO 8601 UTC), reported by every page of the walk. */
  watermark: string
  /** The D1 session bookmark after the first page's read, if the platform gave one. */
  bookmark?: string
}

const VERSION = 2
/** The form of the first cursors, which carried no watermark. */
const OLDER = [1]
const TAG_LENGTH = 16

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(
    Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
  )
}

async function tagOf(payload: string): Promise<string> {
  return (await sha256Hex(`events-cursor:${payload}`)).slice(0, TAG_LENGTH)
}

/** A cursor carrying `state`: base64url JSON and a checksum. */
export async function encodeCursor(state: CursorState): Promise<string> {
  const payload = toBase64Url(JSON.stringify({ v: VERSION, ...state }))
  return `${payload}.${await tagOf(payload)}`
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

function isState(value: unknown): value is CursorState & { v: number } {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  const after = v.after as Record<string, unknown> | undefined
  return (
    v.v === VERSION &&
    typeof v.params === 'object' &&
    v.params !== null &&
    !Array.isArray(v.params) &&
    typeof after === 'object' &&
    after !== null &&
    typeof after.date === 'string' &&
    DATE.test(after.date) &&
    typeof after.id === 'string' &&
    ID.test(after.id) &&
    typeof v.watermark === 'string' &&
    MOMENT.test(v.watermark) &&
    (v.bookmark === undefined || (typeof v.bookmark === 'string' && v.bookmark.length <= 500))
  )
}

/**
 * The state in a cursor; "expired" when it is one this API made in an older form (start the
 * listing again); null when it is not one this API made.
 */
export async function decodeCursor(cursor: string): Promise<CursorState | 'expired' | null> {
  const [payload, tag, ...rest] = cursor.split('.')
  if (!payload || !tag || rest.length > 0) return null
  if (tag !== (await tagOf(payload))) return null
  try {
    const value: unknown = JSON.parse(fromBase64Url(payload))
    if (
      typeof value === 'object' &&
      value !== null &&
      OLDER.includes((value as { v?: unknown }).v as number)
    )
      return 'expired'
    if (!isState(value)) return null
    return {
      params: value.params,
      after: value.after,
      watermark: value.watermark,
      ...(value.bookmark === undefined ? {} : { bookmark: value.bookmark }),
    }
  } catch {
    return null
  }
}
