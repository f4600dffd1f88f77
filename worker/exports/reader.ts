// What a streamed export reads: the small context every export starts from, and the public rows
// a page at a time (worker/db/exports.ts reads them from D1 with keyset pagination and the
// visibility rule). An export written from a reader holds one page of rows at a time, never the
// whole story; every iteration reads the pages afresh, so a file can be written twice (the zip's
// sizes and hashes, then its bytes) without holding it. `changed()` tells whether an editor's
// write came while the pages were read (they then show it from that page on).
import {
  actorPages,
  dataVersion,
  eventPages,
  eventsAtPlacePages,
  EXPORT_PAGE_ROWS,
  placeNames,
  placePages,
  readExportStart,
  type EventAtPlace,
  type ExportEvent,
} from '../db/exports'
import type { Db } from '../db/sql'
import type { Actor, Category, Chapter, Place, StoryMeta } from '../model'

/**
 * What every export says about the data as a whole, whether it is read all at once
 * (ExportSource) or a page at a time (ExportReader): the story's row, its chapters and
 * categories, the site's origin and the moment of the newest change.
 */
export interface ExportContext {
  meta: StoryMeta
  chapters: Chapter[]
  categories: Category[]
  /** The site's origin, e.g. 'https://example.org' (no trailing slash): links are absolute. */
  origin: string
  /** The moment of the newest change to the data (ISO 8601 UTC), e.g. as a file's date. */
  modified: string
}

/** The data of every export, read a page at a time (see the file's header). */
export interface ExportReader extends ExportContext {
  /** How many public events there are. */
  eventCount: number
  /** The first and last date of the public events (YYYY-MM-DD), or null when there are none. */
  dates: { first: string; last: string } | null
  /** The public events in the story's order (date, then id), a page at a time. */
  events(): AsyncIterable<ExportEvent[]>
  /** The public places in their order (kind, name, id), a page at a time. */
  places(): AsyncIterable<Place[]>
  /** The public actors in their order (name, id), a page at a time. */
  actors(): AsyncIterable<Actor[]>
  /** The public events at the place `id`, in the story's order, a page at a time. */
  eventsAt(id: string): AsyncIterable<EventAtPlace[]>
  /** The names of the places `ids` (places named by public events' figures), by id. */
  placeNames(ids: readonly string[]): Promise<Map<string, string>>
  /** Whether the data version has moved on since the reader was made (one read of one row). */
  changed(): Promise<boolean>
}

/** Where a reader's links point and how it pages. */
export interface ReaderOptions {
  /** The site's origin, e.g. 'https://example.org' (no trailing slash). */
  origin: string
  /**
   * The moment of the newest change (ISO 8601 UTC), usually the sync watermark read before the
   * data; null takes the story's own `updated_at`.
   */
  modified: string | null
  /** Rows per page (default EXPORT_PAGE_ROWS); smaller in tests, to cross page boundaries. */
  pageRows?: number
}

/**
 * A reader of the public data in `db` (a D1 database or session), or null when the database
 * has no story. Reads the context now (one batch), the pages when they are iterated.
 */
export async function d1Reader(db: Db, options: ReaderOptions): Promise<ExportReader | null> {
  const start = await readExportStart(db)
  if (!start) return null
  const version = start.meta.data_version
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS
  return {
    meta: start.meta,
    chapters: start.chapters,
    categories: start.categories,
    origin: options.origin,
    modified: options.modified ?? start.meta.updated_at,
    eventCount: start.eventCount,
    dates: start.dates,
    events: () => eventPages(db, pageRows),
    places: () => placePages(db, pageRows),
    actors: () => actorPages(db, pageRows),
    eventsAt: (id) => eventsAtPlacePages(db, id, pageRows),
    placeNames: (ids) => placeNames(db, ids),
    changed: async () => (await dataVersion(db)) !== version,
  }
}
