// The one rule of what the public sees, as SQL fragments, used by every public route, the exports,
// the page (getStory), search, the filters and the change feed. Nothing public is read without it.
//
// - An event is public when it is published, not deleted, and its chapter and category are not
//   deleted. (The database refuses to delete a chapter or category a live event names, so the
//   last two only matter for data older than that rule: an event never names an unlisted id.)
// - A chapter or category is public when it is not deleted.
// - A place, actor or outlet is public when it is not deleted and a public event uses it: links
//   to it, or one of its live figures (a place) or quotes (a speaker, an outlet) names it. The
//   places that contain a public place are public too, so `parent_id` never names an unlisted one.
// - A figure, quote or note is public when it is not deleted and its event is public.
// - A link or reference to a row that is not public is never shown, matched by a filter or by
//   `q`, or counted: links to it are left out, a nullable reference to it reads null, and a quote
//   whose speaker is not public is left out (none of which the database lets live rows do now).
// - The change feed sends a tombstone only for an event that was public at some moment in the
//   period it covers (see changes.ts), so nothing that was never public is named there either.
// The column lists of the references come from the registry (data/references.ts).
import { usesOf } from '../data/references'
import { REGISTRY, type AnyTableDef } from '../data/tables'
import { JSON_LIST } from './sql'

/**
 * Whether the row `row` (an alias, or NEW) of `def` is live: not soft-deleted, and (for a row that
 * belongs to an event) its event not soft-deleted. Live rows are the ones that use other rows:
 * the referential rules (the triggers, the write API's 409) count only them. Public is narrower.
 */
export function liveRow(def: AnyTableDef, row: string): string {
  const parts: string[] = []
  if ('deleted_at' in def.columns) parts.push(`${row}.deleted_at IS NULL`)
  if (def.eventColumn && def.name !== 'events') {
    parts.push(
      `EXISTS (SELECT 1 FROM events le WHERE le.id = ${row}.${def.eventColumn} AND le.deleted_at IS NULL)`,
    )
  }
  return parts.length ? parts.join(' AND ') : '1'
}

/** Whether event `e` (an alias of events) is public. */
export const eventIsPublic = (e: string) =>
  `(${e}.status = 'published' AND ${e}.deleted_at IS NULL
    AND ${e}.category IN (SELECT id FROM categories WHERE deleted_at IS NULL)
    AND ${e}.chapter IN (SELECT id FROM chapters WHERE deleted_at IS NULL))`

/** An event the public may see. `e` is the events table's alias. */
export const IS_PUBLIC = eventIsPublic('e')

/** The ids of every event the public may see, as a subquery. */
export const PUBLIC_EVENT_IDS = `SELECT pe.id FROM events pe WHERE ${eventIsPublic('pe')}`

/** Whether a state of an event recorded in `revisions` (a JSON column) was public in itself. */
export const stateIsPublic = (json: string) =>
  `(json_extract(${json}, '$.status') = 'published' AND json_extract(${json}, '$.deleted_at') IS NULL)`

/** The tables whose rows are public when a public event uses them. */
export type UsedTable = 'places' | 'actors' | 'outlets'

/**
 * The ids of the public rows of a table a public event uses (places, actors, outlets): not
 * deleted, and named by a public event's links or its live figures and quotes, or (a place)
 * containing such a place. Written from the registry's references. `events` is the subquery of
 * the events that count (the public ones unless said otherwise).
 */
export function publicIdsOf(table: UsedTable, events: string = PUBLIC_EVENT_IDS): string {
  const direct: string[] = []
  const nested: string[] = []
  for (const use of usesOf(table)) {
    const def = REGISTRY[use.table]
    if (use.table === table) {
      nested.push(
        `SELECT x.${use.column} FROM ${table} x JOIN used ON x.id = used.id WHERE x.deleted_at IS NULL AND x.${use.column} IS NOT NULL`,
      )
    } else if (def.eventColumn) {
      const live = 'deleted_at' in def.columns ? ' AND x.deleted_at IS NULL' : ''
      direct.push(
        `SELECT x.${use.column} FROM ${use.table} x WHERE x.${def.eventColumn} IN (${events})${live} AND x.${use.column} IS NOT NULL`,
      )
    }
  }
  return `WITH RECURSIVE used(id) AS (${[...direct, ...nested].join(' UNION ')})
    SELECT t.id FROM ${table} t WHERE t.deleted_at IS NULL AND t.id IN (SELECT id FROM used)`
}

/**
 * A nullable reference kept only while the row it names is not deleted (`column` is a column of
 * the caller's SQL, never a value). Used where the naming row is itself public, which makes the
 * named row public too (a figure's place, a quote's outlet, a public place's parent).
 */
export const shownRef = (table: UsedTable, column: string) =>
  `(SELECT sr.id FROM ${table} sr WHERE sr.id = ${column} AND sr.deleted_at IS NULL)`

/** The bound places that are not deleted, and every live place inside them (for `place=`). */
export const PLACE_TREE = `WITH RECURSIVE tree(id) AS (
    SELECT id FROM places WHERE deleted_at IS NULL AND id IN (${JSON_LIST})
    UNION SELECT p.id FROM places p JOIN tree ON p.parent_id = tree.id WHERE p.deleted_at IS NULL
  ) SELECT id FROM tree`

/**
 * The public listing's filters over an event `e`, each taking its bound JSON list of ids: only
 * live rows and live links match, so a deleted row's id matches nothing.
 */
export const EVENT_FILTERS = {
  category: `e.category IN (SELECT id FROM categories WHERE deleted_at IS NULL AND id IN (${JSON_LIST}))`,
  place: `EXISTS (SELECT 1 FROM event_places ep WHERE ep.event_id = e.id AND ep.place_id IN (${PLACE_TREE}))`,
  actor: `EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.id = ea.actor_id AND a.deleted_at IS NULL
    WHERE ea.event_id = e.id AND a.id IN (${JSON_LIST}))`,
  outlet: `EXISTS (SELECT 1 FROM event_outlets eo JOIN outlets o ON o.id = eo.outlet_id AND o.deleted_at IS NULL
    WHERE eo.event_id = e.id AND o.id IN (${JSON_LIST}))`,
} as const

/** The names linked to event `e` from a link table, live ones only, one per line. */
const linkedNames = (link: string, column: string, table: UsedTable) =>
  `coalesce((SELECT group_concat(n.name, char(10)) FROM ${link} l
      JOIN ${table} n ON n.id = l.${column} AND n.deleted_at IS NULL WHERE l.event_id = e.id), '')`

/**
 * Every public event's searchable text, as stored: its headline, summary and body and the names
 * of its live places, actors and outlets, one per line. Folded for search in the worker
 * (lib/fold.ts), never by SQLite's lower(), which folds ASCII only.
 */
export const SEARCH_TEXT = `SELECT e.id, e.headline || char(10) || e.summary || char(10) || e.body
    || char(10) || ${linkedNames('event_places', 'place_id', 'places')}
    || char(10) || ${linkedNames('event_actors', 'actor_id', 'actors')}
    || char(10) || ${linkedNames('event_outlets', 'outlet_id', 'outlets')} AS text
  FROM events e WHERE ${IS_PUBLIC} ORDER BY e.id`
