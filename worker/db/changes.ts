// The change feed (`updated_since`), read from the audit trail, which records every change however
// it was made (write API or raw SQL), deletes included. For a moment T:
// - an event has changed since T when a revision at or after T touched its row, one of its link
//   rows, figures, quotes or notes, or a row whose fields it embeds: the places, actors and outlets
//   it links to or its figures and quotes name, its chapter and its category (the list is read
//   from the registry's references). Rows loaded by a migration have no revision: their
//   `updated_at` counts as one.
// - a tombstone is due for an event that was public at some moment at or after T (its state when
//   its first revision since T was made, or a state a revision since T left it in) and is not
//   public now, whether unpublished, soft-deleted or deleted with raw SQL. An event that was never
//   public in that time, such as a draft, never gets one.
// "At or after": a change made in the very millisecond of the watermark is sent again next time
// rather than missed. Every moment compared is ISO 8601 UTC with milliseconds (the triggers refuse
// any other form), so text order is time order.
import { REFERENCES } from '../data/references'
import { REGISTRY, STORY_TABLES, publicColumns } from '../data/tables'
import { PUBLIC_EVENT_IDS, stateIsPublic } from './visibility'

/** A piece of SQL and how many times the moment T must be bound for it, in order. */
export interface SinceSql {
  sql: string
  /** The number of `?` in `sql`, each of which takes T. */
  binds: number
}

/**
 * Whether event `e` (an alias) changed at or after T. A disjunction of indexed look-ups rather
 * than one compound SELECT (D1 caps the terms of a compound SELECT); the subqueries that do not
 * depend on `e` are evaluated once.
 */
export function changedSince(e: string): SinceSql {
  const parts: string[] = [
    `EXISTS (SELECT 1 FROM revisions r WHERE r.event_id = ${e}.id AND r.at >= ?)`,
  ]
  let binds = 1
  /** Rows of `target` changed at or after T: by their revisions, or loaded since (no revision). */
  const changedRows = (target: string) => {
    const loaded = 'updated_at' in REGISTRY[target as keyof typeof REGISTRY].columns
    binds += loaded ? 2 : 1
    return `(SELECT row_id FROM revisions WHERE table_name = '${target}' AND at >= ?)${
      loaded ? ` OR {} IN (SELECT id FROM ${target} WHERE updated_at >= ?)` : ''
    }`
  }
  for (const table of STORY_TABLES) {
    const def = REGISTRY[table]
    if (!def.eventColumn) continue
    const own = table === 'events' ? null : table
    // Its own rows, loaded by a migration (no revision of their own).
    if ('updated_at' in def.columns) {
      parts.push(
        own
          ? `EXISTS (SELECT 1 FROM ${own} x WHERE x.${def.eventColumn} = ${e}.id AND x.updated_at >= ?)`
          : `${e}.updated_at >= ?`,
      )
      binds += 1
    }
    // Rows it embeds: through its own columns, its links, its figures and its quotes.
    for (const ref of REFERENCES.filter((r) => r.table === table && !r.owner)) {
      const column = own ? `x.${ref.column}` : `${e}.${ref.column}`
      const test = `${column} IN ${changedRows(ref.target).replace('{}', column)}`
      parts.push(
        own
          ? `EXISTS (SELECT 1 FROM ${own} x WHERE x.${def.eventColumn} = ${e}.id AND (${test}))`
          : `(${test})`,
      )
    }
  }
  return { sql: `(${parts.join('\n      OR ')})`, binds }
}

/** The revisions of event `g.id` at or after T (needs one bind of T). */
const EVENT_REVISIONS = `FROM revisions r WHERE r.table_name = 'events' AND r.row_id = g.id AND r.at >= ?`

/**
 * The tombstones due since T: `id`, `gone_at` (its last change) and `date` (its date when it was
 * last public, for paging in date order).
 */
export function tombstonesSince(): SinceSql {
  return {
    sql: `SELECT g.id, g.gone_at, coalesce(
        (SELECT json_extract(r.after, '$.date') ${EVENT_REVISIONS} AND ${stateIsPublic('r.after')}
          ORDER BY r.id DESC LIMIT 1),
        (SELECT json_extract(r.before, '$.date') ${EVENT_REVISIONS} ORDER BY r.id LIMIT 1)) AS date
      FROM (SELECT row_id AS id, max(at) AS gone_at FROM revisions
            WHERE table_name = 'events' AND at >= ? GROUP BY row_id) g
      WHERE g.id NOT IN (${PUBLIC_EVENT_IDS})
        AND (EXISTS (SELECT 1 ${EVENT_REVISIONS} AND ${stateIsPublic('r.after')})
          OR coalesce((SELECT ${stateIsPublic('r.before')} ${EVENT_REVISIONS} ORDER BY r.id LIMIT 1), 0))`,
    binds: 5,
  }
}

/** A tombstone row in the event columns' shape: its id and date, NULL for every other column. */
export const TOMBSTONE_COLUMNS = publicColumns('events')
  .map((column) =>
    column === 'id' || column === 'date' ? `t.${column} AS ${column}` : `NULL AS ${column}`,
  )
  .join(', ')

/**
 * The sync watermark of a read: the moment of the newest change the database holds (or, with no
 * revision yet, when its data was last loaded). Read before the data it vouches for, in the same
 * session, so every change the data does not show is recorded at this moment or later.
 */
export const WATERMARK = `coalesce((SELECT max(at) FROM revisions), (SELECT updated_at FROM story WHERE id = 1))`
