// SQL fragments shared by the db module's files. Constants only: no value is ever pasted in.

/** An event the public may see. `e` is the events table's alias. */
export const IS_PUBLIC = `e.status = 'published' AND e.deleted_at IS NULL`

/** The ids of every event the public may see, as a subquery. */
export const PUBLIC_EVENT_IDS = `SELECT id FROM events WHERE status = 'published' AND deleted_at IS NULL`

/**
 * A reference to a place, kept only while that place is not deleted: the public data never points
 * at a place it does not list. `column` is a column name from the caller's SQL, never a value.
 */
export const livePlace = (column: string) =>
  `(SELECT lp.id FROM places lp WHERE lp.id = ${column} AND lp.deleted_at IS NULL)`

/** A bound JSON array of strings as a subquery (`?` takes JSON.stringify(list)). */
export const JSON_LIST = `SELECT value FROM json_each(?)`

/** The bound places and every place inside them (a province matches its cities and sites). */
export const PLACE_TREE = `WITH RECURSIVE tree(id) AS (
    SELECT id FROM places WHERE id IN (${JSON_LIST})
    UNION SELECT p.id FROM places p JOIN tree ON p.parent_id = tree.id
  ) SELECT id FROM tree`

/**
 * The time an event last changed, counting its figures, quotes and notes, and (through the audit
 * trail) its links to places, actors and outlets, however they were changed. `e` is the event.
 */
export const EVENT_CHANGED_AT = `max(e.updated_at,
    coalesce((SELECT max(updated_at) FROM figures WHERE event_id = e.id), ''),
    coalesce((SELECT max(updated_at) FROM quotes WHERE event_id = e.id), ''),
    coalesce((SELECT max(updated_at) FROM notes WHERE event_id = e.id), ''),
    coalesce((SELECT max(at) FROM revisions WHERE event_id = e.id), ''))`

/** Lower-cased searchable text of an event: its words and the names linked to it. */
export const EVENT_SEARCH_TEXT = `lower(e.headline || char(10) || e.summary || char(10) || e.body
    || char(10) || coalesce((SELECT group_concat(p.name, char(10)) FROM event_places ep
         JOIN places p ON p.id = ep.place_id WHERE ep.event_id = e.id), '')
    || char(10) || coalesce((SELECT group_concat(a.name, char(10)) FROM event_actors ea
         JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = e.id), '')
    || char(10) || coalesce((SELECT group_concat(o.name, char(10)) FROM event_outlets eo
         JOIN outlets o ON o.id = eo.outlet_id WHERE eo.event_id = e.id), ''))`

export type Db = D1Database | D1DatabaseSession

/** The rows of one result of a batch, typed by the caller who wrote the query. */
export function rowsOf<T>(result: D1Result | undefined): T[] {
  return (result?.results ?? []) as T[]
}
