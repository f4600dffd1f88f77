// The one module that owns SQL. Every value is bound; every identifier comes from this file.
import type {
  ActorRef,
  Category,
  Chapter,
  EventRow,
  Figure,
  Note,
  OutletRef,
  Place,
  PlaceRef,
  Story,
  StoryEvent,
  StoryMeta,
} from './model'

export type * from './model'
const PUBLIC_EVENTS = `SELECT id FROM events WHERE status = 'published' AND deleted_at IS NULL`

const SQL = {
  events: `SELECT id, date, date_precision, headline, summary, body, category, chapter,
             created_at, updated_at, version
           FROM events WHERE status = 'published' AND deleted_at IS NULL
           ORDER BY date, id`,
  places: `SELECT ep.event_id, p.id, p.name, p.kind, p.iso_code, p.latitude, p.longitude
           FROM event_places ep JOIN places p ON p.id = ep.place_id AND p.deleted_at IS NULL
           WHERE ep.event_id IN (${PUBLIC_EVENTS}) ORDER BY ep.event_id, ep.position, p.id`,
  actors: `SELECT ea.event_id, a.id, a.name, a.kind, ea.role
           FROM event_actors ea JOIN actors a ON a.id = ea.actor_id AND a.deleted_at IS NULL
           WHERE ea.event_id IN (${PUBLIC_EVENTS}) ORDER BY ea.event_id, ea.position, a.id`,
  outlets: `SELECT eo.event_id, o.id, o.name, o.kind, eo.role
            FROM event_outlets eo JOIN outlets o ON o.id = eo.outlet_id AND o.deleted_at IS NULL
            WHERE eo.event_id IN (${PUBLIC_EVENTS}) ORDER BY eo.event_id, eo.position, o.id`,
  figures: `SELECT event_id, id, value, value_max, qualifier, unit, measure, subject, nationality,
              place_id, period, period_start, period_end, display
            FROM figures WHERE deleted_at IS NULL AND event_id IN (${PUBLIC_EVENTS})
            ORDER BY event_id, position, id`,
  quotes: `SELECT q.event_id, q.id, q.text, a.id AS speaker_id, a.name AS speaker_name,
             o.id AS outlet_id, o.name AS outlet_name
           FROM quotes q JOIN actors a ON a.id = q.speaker_id
           LEFT JOIN outlets o ON o.id = q.outlet_id
           WHERE q.deleted_at IS NULL AND q.event_id IN (${PUBLIC_EVENTS})
           ORDER BY q.event_id, q.position, q.id`,
  notes: `SELECT event_id, id, kind, field, text, source_said
          FROM notes WHERE deleted_at IS NULL AND event_id IN (${PUBLIC_EVENTS})
          ORDER BY event_id, position, id`,
} as const

type WithEvent<T> = T & { event_id: string }

function groupBy<T extends { event_id: string }>(rows: T[]): Map<string, Omit<T, 'event_id'>[]> {
  const groups = new Map<string, Omit<T, 'event_id'>[]>()
  for (const { event_id, ...rest } of rows) {
    const list = groups.get(event_id)
    if (list) list.push(rest)
    else groups.set(event_id, [rest])
  }
  return groups
}

interface QuoteRow {
  id: number
  text: string
  speaker_id: string
  speaker_name: string
  outlet_id: string | null
  outlet_name: string | null
}

/** Every published event, oldest first, with everything linked to it. One round trip. */
export async function listPublishedEvents(
  db: D1Database | D1DatabaseSession,
): Promise<StoryEvent[]> {
  const [events, places, actors, outlets, figures, quotes, notes] = await db.batch([
    db.prepare(SQL.events),
    db.prepare(SQL.places),
    db.prepare(SQL.actors),
    db.prepare(SQL.outlets),
    db.prepare(SQL.figures),
    db.prepare(SQL.quotes),
    db.prepare(SQL.notes),
  ])
  const byEvent = {
    places: groupBy((places?.results ?? []) as WithEvent<PlaceRef>[]),
    actors: groupBy((actors?.results ?? []) as WithEvent<ActorRef>[]),
    outlets: groupBy((outlets?.results ?? []) as WithEvent<OutletRef>[]),
    figures: groupBy((figures?.results ?? []) as WithEvent<Figure>[]),
    quotes: groupBy((quotes?.results ?? []) as WithEvent<QuoteRow>[]),
    notes: groupBy((notes?.results ?? []) as WithEvent<Note>[]),
  }
  return ((events?.results ?? []) as unknown as EventRow[]).map((event) => ({
    ...event,
    places: byEvent.places.get(event.id) ?? [],
    actors: byEvent.actors.get(event.id) ?? [],
    outlets: byEvent.outlets.get(event.id) ?? [],
    figures: byEvent.figures.get(event.id) ?? [],
    quotes: (byEvent.quotes.get(event.id) ?? []).map((q) => ({
      id: q.id,
      text: q.text,
      speaker: { id: q.speaker_id, name: q.speaker_name },
      outlet: q.outlet_id && q.outlet_name ? { id: q.outlet_id, name: q.outlet_name } : null,
    })),
    notes: byEvent.notes.get(event.id) ?? [],
  }))
}

/** Everything the page needs, in one round trip per table group. */
export async function getStory(db: D1Database | D1DatabaseSession): Promise<Story | null> {
  const [events, [meta, chapters, categories, places]] = await Promise.all([
    listPublishedEvents(db),
    db.batch([
      db.prepare(
        `SELECT title, dek, credit, source_outlet, source_title, source_period, source_url,
           data_version, updated_at FROM story WHERE id = 1`,
      ),
      db.prepare(
        `SELECT id, position, title, dek, start_date, end_date FROM chapters
         WHERE deleted_at IS NULL ORDER BY position`,
      ),
      db.prepare(
        `SELECT id, label, description, position FROM categories
         WHERE deleted_at IS NULL ORDER BY position`,
      ),
      db.prepare(
        `SELECT p.id, p.name, p.kind, p.parent_id, p.iso_code, p.latitude, p.longitude,
           (SELECT count(*) FROM event_places ep WHERE ep.place_id = p.id
              AND ep.event_id IN (${PUBLIC_EVENTS})) AS event_count
         FROM places p WHERE p.deleted_at IS NULL ORDER BY p.kind, p.name`,
      ),
    ]),
  ])
  const story = meta?.results[0] as StoryMeta | undefined
  if (!story) return null
  return {
    story,
    chapters: (chapters?.results ?? []) as unknown as Chapter[],
    categories: (categories?.results ?? []) as unknown as Category[],
    events,
    figures: events.flatMap((e) => e.figures.map((f) => ({ ...f, event_id: e.id }))),
    places: (places?.results ?? []) as unknown as Place[],
  }
}

export async function getStoryMeta(db: D1Database | D1DatabaseSession): Promise<StoryMeta | null> {
  return db
    .prepare(
      `SELECT title, dek, credit, source_outlet, source_title, source_period, source_url,
         data_version, updated_at FROM story WHERE id = 1`,
    )
    .first<StoryMeta>()
}

/** A cheap query that proves the database answers. */
export async function ping(db: D1Database | D1DatabaseSession): Promise<number> {
  const row = await db.prepare('SELECT count(*) AS n FROM events').first<{ n: number }>()
  return row?.n ?? 0
}
