// The story: its one row, its data version, and everything the page needs at once.
import { publicColumns } from '../data/tables'
import type { Category, Chapter, Place, Story, StoryMeta } from '../model'
import { selectList } from './columns'
import { listPublishedEvents } from './events'
import { WATERMARK } from './changes'
import { rowsOf, type Db } from './sql'
import { IS_PUBLIC, PUBLIC_EVENT_IDS, publicIdsOf, shownRef } from './visibility'

/** The story's one row, its public columns. */
export const STORY_META = `SELECT ${selectList('story', null, publicColumns('story'))} FROM story WHERE id = 1`

export const CHAPTERS = `SELECT ${selectList('chapters', null, publicColumns('chapters'))} FROM chapters
  WHERE deleted_at IS NULL ORDER BY position`

export const CATEGORIES = `SELECT ${selectList('categories', null, publicColumns('categories'))}
  FROM categories WHERE deleted_at IS NULL ORDER BY position`

/**
 * The public places (visibility.ts), each with how many public events link to it, before their
 * order: a caller may add keyset terms (`AND ...`) over `p`, then PLACES_ORDER.
 */
export const PLACES_WHERE = `SELECT ${selectList('places', 'p', publicColumns('places'), { parent_id: shownRef('places', 'p.parent_id') })},
    (SELECT count(*) FROM event_places ep WHERE ep.place_id = p.id
       AND ep.event_id IN (${PUBLIC_EVENT_IDS})) AS event_count
  FROM places p WHERE p.id IN (${publicIdsOf('places')})`

/** The order of the public places: by kind, then name, then id (a total order, for keysets). */
export const PLACES_ORDER = 'ORDER BY p.kind, p.name, p.id'

/** The public places, each with how many public events link to it, in PLACES_ORDER. */
export const PLACES = `${PLACES_WHERE} ${PLACES_ORDER}`

/**
 * Everything the page needs: two round trips in parallel (three for a chapter). With `chapter` (a
 * chapter's id), the chapter's part of the story: the same story row, chapters, categories and
 * places as the whole story, and only that chapter's events and their figures, so the parts of
 * every chapter together hold the whole story's events and figures, each once. A chapter id
 * that names no chapter gives a part with no events (the caller tells it from `chapters`).
 * Null when there is no story.
 */
export async function getStory(db: Db, chapter?: string): Promise<Story | null> {
  const [events, [meta, chapters, categories, places]] = await Promise.all([
    listPublishedEvents(db, chapter),
    db.batch([
      db.prepare(STORY_META),
      db.prepare(CHAPTERS),
      db.prepare(CATEGORIES),
      db.prepare(PLACES),
    ]),
  ])
  const story = rowsOf<StoryMeta>(meta)[0]
  if (!story) return null
  return {
    story,
    chapters: rowsOf<Chapter>(chapters),
    categories: rowsOf<Category>(categories),
    events,
    figures: events.flatMap((e) => e.figures.map((f) => ({ ...f, event_id: e.id }))),
    places: rowsOf<Place>(places),
  }
}

export async function getStoryMeta(db: Db): Promise<StoryMeta | null> {
  return db.prepare(STORY_META).first<StoryMeta>()
}

/** The number every change moves on: one indexed read of one row. 0 when there is no story. */
export async function getDataVersion(db: Db): Promise<number> {
  return (await getFreshness(db)).dataVersion
}

/** How fresh the data a read is about to see is: its data version and its sync watermark. */
export interface Freshness {
  /** The number every change moves on; 0 when there is no story. */
  dataVersion: number
  /**
   * The moment of the newest change (ISO 8601 UTC): every change the following reads of the same
   * session do not show was made at or after it (see changes.ts). Null when there is no story.
   */
  watermark: string | null
}

/**
 * The data version and the sync watermark, in one read of one row and one index. Read it before
 * the data it describes, in the same session.
 */
export async function getFreshness(db: Db): Promise<Freshness> {
  const row = await db
    .prepare(`SELECT data_version, ${WATERMARK} AS watermark FROM story WHERE id = 1`)
    .first<{ data_version: number; watermark: string }>()
  return { dataVersion: row?.data_version ?? 0, watermark: row?.watermark ?? null }
}

/**
 * A cheap query that proves the database answers: how many events the public API lists
 * (visibility.ts), never drafts or deleted rows, whose number is not public.
 */
export async function ping(db: Db): Promise<number> {
  const row = await db
    .prepare(`SELECT count(*) AS n FROM events e WHERE ${IS_PUBLIC}`)
    .first<{ n: number }>()
  return row?.n ?? 0
}
