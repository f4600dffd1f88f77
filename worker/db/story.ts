// The story: its one row, its data version, and everything the page needs at once.
import { publicColumns } from '../data/tables'
import type { Category, Chapter, Place, Story, StoryMeta } from '../model'
import { selectList } from './columns'
import { listPublishedEvents } from './events'
import { PUBLIC_EVENT_IDS, livePlace, rowsOf, type Db } from './sql'

const STORY_META = `SELECT ${selectList('story', null, publicColumns('story'))} FROM story WHERE id = 1`

export const CHAPTERS = `SELECT ${selectList('chapters', null, publicColumns('chapters'))} FROM chapters
  WHERE deleted_at IS NULL ORDER BY position`

export const CATEGORIES = `SELECT ${selectList('categories', null, publicColumns('categories'))}
  FROM categories WHERE deleted_at IS NULL ORDER BY position`

export const PLACES = `SELECT ${selectList('places', 'p', publicColumns('places'), { parent_id: livePlace('p.parent_id') })},
    (SELECT count(*) FROM event_places ep WHERE ep.place_id = p.id
       AND ep.event_id IN (${PUBLIC_EVENT_IDS})) AS event_count
  FROM places p WHERE p.deleted_at IS NULL ORDER BY p.kind, p.name`

/** Everything the page needs: two round trips in parallel. */
export async function getStory(db: Db): Promise<Story | null> {
  const [events, [meta, chapters, categories, places]] = await Promise.all([
    listPublishedEvents(db),
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
  const row = await db
    .prepare('SELECT data_version FROM story WHERE id = 1')
    .first<{ data_version: number }>()
  return row?.data_version ?? 0
}

/** A cheap query that proves the database answers. */
export async function ping(db: Db): Promise<number> {
  const row = await db.prepare('SELECT count(*) AS n FROM events').first<{ n: number }>()
  return row?.n ?? 0
}
