// Limits shown before they are hit: how much more an event's body can take. Two limits meet
// there: the body's own (EVENT_BODY_MAX characters) and the write API's request size
// (MAX_WRITE_BYTES, 64 KB, for the whole form sent as JSON); the tighter one counts. Both come
// from worker/data/values.ts, where the API takes them from too.
import { EVENT_BODY_MAX, MAX_WRITE_BYTES } from '../../../worker/data/values'
import { formatNumber } from '../../../worker/shared/format'

const UTF8 = new TextEncoder()
/** Bytes of `text` in UTF-8. */
const bytesOf = (text: string) => UTF8.encode(text).length
/** Room kept for the request's own JSON around the fields (keys, quotes, escapes). */
const MARGIN = 512

/** How much more the body can take: characters left (negative when over) and the words for it. */
export interface BodyRoom {
  /** Characters that can still be added; negative when the body is over a limit. */
  left: number
  /** "1,204 characters left" (or how far over it is, and which limit). */
  text: string
  /** The message to show at the Body field when over a limit, else null. */
  error: string | null
}

/** The room left in `body`, sent with the other `fields` of the form (as JSON). */
export function bodyRoom(body: string, fields: object): BodyRoom {
  const byChars = EVENT_BODY_MAX - body.length
  const bytesLeft = MAX_WRITE_BYTES - MARGIN - bytesOf(JSON.stringify(fields))
  // Bytes per character of this body (Khmer takes 3, English 1): the request limit in characters.
  const perChar = body.length ? Math.max(1, bytesOf(JSON.stringify(body)) / body.length) : 1
  const byBytes = Math.floor(bytesLeft / perChar)
  const left = Math.min(byChars, byBytes)
  const kb = MAX_WRITE_BYTES / 1024
  if (left >= 0) {
    return {
      left,
      text: `${formatNumber(left)} character${left === 1 ? '' : 's'} left${byBytes < byChars ? ` (a save may be at most ${kb} KB)` : ''}.`,
      error: null,
    }
  }
  const over = `${formatNumber(-left)} character${left === -1 ? '' : 's'}`
  const error =
    byBytes < byChars
      ? `Body is about ${over} too long: a save may be at most ${kb} KB. Shorten it, or move some text to a note.`
      : `Body is ${over} too long: it may be at most ${formatNumber(EVENT_BODY_MAX)} characters.`
  return { left, text: `${over} over the limit.`, error }
}
