// The references between story tables, read from the table registry (tables.ts): which column of
// which table holds the id of a row of another. Two kinds: a row that *belongs* to an event (its
// figures, quotes, notes and its links to places, actors and outlets, by their event column) goes
// with the event; any other reference (an event's category and chapter, a link's place, actor or
// outlet, a figure's place, a quote's speaker and outlet, a place's parent) *uses* the row it
// names. The referential rules (a used row cannot be soft-deleted; nothing live may name a
// deleted row), the change feed (an event changes when a row it embeds changes) and the 409 that
// lists what uses a row are all written from this one list.
import { REGISTRY, STORY_TABLES, type AnyTableDef, type TableName } from './tables'

/** One column of `table` that holds the id of a row of `target`. */
export interface Reference {
  table: TableName
  column: string
  target: TableName
  /** Whether the column takes NULL (so the reference can be detached by clearing it). */
  nullable: boolean
  /**
   * Whether this is the column that ties the row to its event (the row belongs to the event and
   * goes with it), rather than a use of the row it names.
   */
  owner: boolean
}

/** The tables the references are read from: the registry, or (in tests) a changed copy of it. */
export type Tables = { readonly [T in TableName]: AnyTableDef }

/** Every reference between story tables, in the registry's order of tables and columns. */
export function referencesOf(tables: Tables = REGISTRY): Reference[] {
  return STORY_TABLES.flatMap((table) => {
    const def = tables[table]
    return Object.entries(def.columns).flatMap(([column, spec]) =>
      spec.references
        ? [
            {
              table,
              column,
              target: spec.references,
              nullable: spec.nullable,
              owner: column === def.eventColumn && spec.references === 'events',
            },
          ]
        : [],
    )
  })
}

/** Every reference of the registry. */
export const REFERENCES: readonly Reference[] = referencesOf()

/** The references that use a row of `target` (ownership by an event left out). */
export const usesOf = (target: TableName, references: readonly Reference[] = REFERENCES) =>
  references.filter((r) => r.target === target && !r.owner)

/** Whether rows of `table` are soft-deleted (it has a `deleted_at` column). */
export const softDeletes = (table: TableName, tables: Tables = REGISTRY) =>
  'deleted_at' in tables[table].columns

/** The link tables: rows that only tie an event to a place, actor or outlet (composite keys). */
export const LINK_TABLES = STORY_TABLES.filter((t) => REGISTRY[t].key === 'composite')
/** One of {@link LINK_TABLES}. */
export type LinkTable = 'event_places' | 'event_actors' | 'event_outlets'

/** Whether `table` is a link table. */
export const isLinkTable = (table: string): table is LinkTable =>
  (LINK_TABLES as readonly string[]).includes(table)
