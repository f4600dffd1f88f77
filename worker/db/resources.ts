// The reference collections: places, actors, outlets, categories, chapters and figures.
import { publicColumns } from '../data/tables'
import type {
  Actor,
  CategorySummary,
  ChapterSummary,
  FigureWithEvent,
  Outlet,
  Place,
} from '../model'
import { selectList } from './columns'
import { CATEGORIES, CHAPTERS, PLACES } from './story'
import { JSON_LIST, type Db } from './sql'
import { IS_PUBLIC, PLACE_TREE, PUBLIC_EVENT_IDS, publicIdsOf, shownRef } from './visibility'

const all = async <T>(db: Db, sql: string, ...binds: unknown[]): Promise<T[]> =>
  (
    await db
      .prepare(sql)
      .bind(...binds)
      .all<T>()
  ).results

/** The public places (visibility.ts). */
export const listPlaces = (db: Db) => all<Place>(db, PLACES)

/**
 * The public actors (visibility.ts), each with how many public events link to it, before their
 * order: a caller may add keyset terms (`AND ...`) over `a`, then ACTORS_ORDER.
 */
export const ACTORS_WHERE = `SELECT ${selectList('actors', 'a', publicColumns('actors'))},
       (SELECT count(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = a.id
          AND ea.event_id IN (${PUBLIC_EVENT_IDS})) AS event_count
     FROM actors a WHERE a.id IN (${publicIdsOf('actors')})`

/** The order of the public actors: by name, then id (a total order, for keysets). */
export const ACTORS_ORDER = 'ORDER BY a.name, a.id'

/** The public actors (visibility.ts), each with how many public events link to it. */
export const listActors = (db: Db) => all<Actor>(db, `${ACTORS_WHERE} ${ACTORS_ORDER}`)

/** The public outlets (visibility.ts), each with how many public events link to it. */
export const listOutlets = (db: Db) =>
  all<Outlet>(
    db,
    `SELECT ${selectList('outlets', 'o', publicColumns('outlets'))},
       (SELECT count(*) FROM event_outlets eo WHERE eo.outlet_id = o.id
          AND eo.event_id IN (${PUBLIC_EVENT_IDS})) AS event_count
     FROM outlets o WHERE o.id IN (${publicIdsOf('outlets')})
     ORDER BY o.name, o.id`,
  )

/** The public categories, each with how many public events it holds. */
export const listCategories = (db: Db) =>
  all<CategorySummary>(
    db,
    `SELECT c.*, (SELECT count(*) FROM events e WHERE e.category = c.id AND ${IS_PUBLIC}) AS event_count
     FROM (${CATEGORIES}) c`,
  )

/** The public chapters, each with how many public events it holds. */
export const listChapters = (db: Db) =>
  all<ChapterSummary>(
    db,
    `SELECT c.*, (SELECT count(*) FROM events e WHERE e.chapter = c.id AND ${IS_PUBLIC}) AS event_count
     FROM (${CHAPTERS}) c`,
  )

export interface FigureFilters {
  measure?: string[]
  unit?: string[]
  event?: string[]
  place?: string[]
}

/** Public figures (of public events), in the events' order, filtered. Every value is bound. */
export async function listFigures(db: Db, filters: FigureFilters): Promise<FigureWithEvent[]> {
  const where = ['f.deleted_at IS NULL', IS_PUBLIC]
  const binds: string[] = []
  const lists: [keyof FigureFilters, string][] = [
    ['measure', `f.measure IN (${JSON_LIST})`],
    ['unit', `f.unit IN (${JSON_LIST})`],
    ['event', `f.event_id IN (${JSON_LIST})`],
    ['place', `f.place_id IN (${PLACE_TREE})`],
  ]
  for (const [name, sql] of lists) {
    const values = filters[name]
    if (!values?.length) continue
    where.push(sql)
    binds.push(JSON.stringify(values))
  }
  return all<FigureWithEvent>(
    db,
    `SELECT ${selectList('figures', 'f', ['event_id', ...publicColumns('figures')], { place_id: shownRef('places', 'f.place_id') })}
     FROM figures f JOIN events e ON e.id = f.event_id
     WHERE ${where.join(' AND ')}
     ORDER BY e.date, e.id, f.position, f.id`,
    ...binds,
  )
}
