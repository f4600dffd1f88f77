// Opaque keyset cursors for the events listing. A cursor carries the query parameters (filters
// and sort) of the listing it belongs to and the position after which the next page starts,
// plus a checksum, so a cursor that was altered or cut short is refused instead of misread.
// The checksum is not a secret: the route validates the carried parameters again, exactly as
// it validates a query string.
import { sha256Hex } from './sha256'

export interface CursorState {
  params: Record<string, unknown>
  after: { date: string; id: string }
}

const VERSION = 1
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

export async function encodeCursor(state: CursorState): Promise<string> {
  const payload = toBase64Url(JSON.stringify({ v: VERSION, ...state }))
  return `${payload}.${await tagOf(payload)}`
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/

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
    ID.test(after.id)
  )
}

/** The state in a cursor, or null when the cursor is not one this API made. */
export async function decodeCursor(cursor: string): Promise<CursorState | null> {
  const [payload, tag, ...rest] = cursor.split('.')
  if (!payload || !tag || rest.length > 0) return null
  if (tag !== (await tagOf(payload))) return null
  try {
    const value: unknown = JSON.parse(fromBase64Url(payload))
    if (!isState(value)) return null
    return { params: value.params as Record<string, unknown>, after: value.after }
  } catch {
    return null
  }
}
