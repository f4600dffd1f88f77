// The tables editors write to, and what of each they may write. The column names here are the only
// identifiers the admin SQL uses (an allow-list); every value is bound.
import type { z } from '@hono/zod-openapi'
import {
  ActorWrite,
  ChapterWrite,
  EventPatch,
  EventWrite,
  FigureWrite,
  NoteWrite,
  OutletWrite,
  PlaceWrite,
  QuoteWrite,
  StoryPatch,
  patchOf,
} from '../schemas/writes'

export interface TableSpec {
  /** The table's name in SQL and in the URL (/api/v1/admin/<name>). */
  name: EditableTable
  /** Text slugs chosen by the editor, or integer ids the database assigns. */
  key: 'slug' | 'serial'
  /** Columns an editor writes (create); a PATCH may touch all but `immutable`. */
  columns: readonly string[]
  immutable: readonly string[]
  create: z.ZodObject
  patch: z.ZodObject
  /** The column that ties a row to its event, if any (for an event's revisions). */
  eventColumn: string | null
  /** Columns that hold references to other tables: column -> table. */
  references: Readonly<Record<string, EditableTable | 'categories'>>
}

export const EDITABLE_TABLES = [
  'events',
  'figures',
  'notes',
  'quotes',
  'places',
  'actors',
  'outlets',
  'chapters',
] as const
export type EditableTable = (typeof EDITABLE_TABLES)[number]

const keysOf = (schema: z.ZodObject) => Object.keys(schema.shape)

function spec(
  name: EditableTable,
  key: TableSpec['key'],
  create: z.ZodObject,
  options: {
    immutable?: string[]
    patch?: z.ZodObject
    eventColumn?: string | null
    references?: TableSpec['references']
  } = {},
): TableSpec {
  const immutable = options.immutable ?? (key === 'slug' ? ['id'] : [])
  return {
    name,
    key,
    columns: keysOf(create),
    immutable,
    create,
    patch: options.patch ?? patchOf(create, immutable),
    eventColumn: options.eventColumn ?? null,
    references: options.references ?? {},
  }
}

export const TABLES: Record<EditableTable, TableSpec> = {
  events: spec('events', 'slug', EventWrite, {
    patch: EventPatch,
    eventColumn: 'id',
    references: { category: 'categories', chapter: 'chapters' },
  }),
  figures: spec('figures', 'serial', FigureWrite, {
    immutable: ['event_id'],
    eventColumn: 'event_id',
    references: { event_id: 'events', place_id: 'places' },
  }),
  notes: spec('notes', 'serial', NoteWrite, {
    immutable: ['event_id'],
    eventColumn: 'event_id',
    references: { event_id: 'events' },
  }),
  quotes: spec('quotes', 'serial', QuoteWrite, {
    immutable: ['event_id'],
    eventColumn: 'event_id',
    references: { event_id: 'events', speaker_id: 'actors', outlet_id: 'outlets' },
  }),
  places: spec('places', 'slug', PlaceWrite, { references: { parent_id: 'places' } }),
  actors: spec('actors', 'slug', ActorWrite),
  outlets: spec('outlets', 'slug', OutletWrite),
  chapters: spec('chapters', 'slug', ChapterWrite),
}

/** Columns of an event that are not plain columns: its links, replaced as whole lists. */
export const EVENT_LINKS = ['places', 'outlets', 'actors'] as const

/** The story row's editable fields. */
export const STORY_COLUMNS = keysOf(StoryPatch)
export { StoryPatch }

export function isEditableTable(name: string): name is EditableTable {
  return (EDITABLE_TABLES as readonly string[]).includes(name)
}
