// What the write API's requests look like on the wire, with nothing of the platform in it (the
// route contract, which the editor page reads by type, uses it too): the media types a body may
// be sent as, and the form of a row id in a path.
import { TABLES, type EditableTable } from '../data/tables'

/** The media type of a write body: JSON. */
export const JSON_BODY = 'application/json'
/** A PATCH's body may also be declared a JSON merge patch (RFC 7396). */
export const MERGE_PATCH = 'application/merge-patch+json'

/** The id of a row keyed by a slug: lowercase letters, digits and hyphens, 1 to 80 of them. */
export const SLUG_ID = /^[a-z0-9][a-z0-9-]{0,79}$/
/** The id of a row (or a revision) the database numbers. */
export const SERIAL_ID = /^\d{1,12}$/

/** The row id in a path, as the table keys it (a whole number or a slug), or null when no row can have it. */
export function rowKey(table: EditableTable, id: string): string | number | null {
  if (TABLES[table].key === 'serial') return SERIAL_ID.test(id) ? Number(id) : null
  return SLUG_ID.test(id) ? id : null
}

/** The pattern a row id of `table` follows, for the OpenAPI document. */
export const rowIdPattern = (table: EditableTable) =>
  (TABLES[table].key === 'serial' ? SERIAL_ID : SLUG_ID).source

/** The key a route of the write API carries its own body limit under (see bodyUpTo). */
export const BODY_LIMIT_KEY = 'x-body-limit'

/** A route's own body limit: at most `maxBytes`, and what to do with a larger body. */
export interface BodyLimit {
  maxBytes: number
  advice: string
}
