// What is linked to events (places, actors, outlets, figures, quotes, notes), loaded in one batch.
import type { ActorRef, Figure, Note, OutletRef, PlaceRef, Quote } from '../model'
import { JSON_LIST, PUBLIC_EVENT_IDS, livePlace, rowsOf, type Db } from './sql'

export const LINKED_KINDS = ['places', 'actors', 'outlets', 'figures', 'quotes', 'notes'] as const
export type LinkedKind = (typeof LINKED_KINDS)[number]

export interface Linked {
  places: PlaceRef[]
  actors: ActorRef[]
  outlets: OutletRef[]
  figures: Figure[]
  quotes: Quote[]
  notes: Note[]
}

/** Which events to load links for: every public one, or the bound JSON list of ids. */
type Scope = 'public' | 'listed'
const SCOPE: Record<Scope, string> = { public: PUBLIC_EVENT_IDS, listed: JSON_LIST }

const SQL: Record<LinkedKind, (scope: string) => string> = {
  places: (scope) => `SELECT ep.event_id, p.id, p.name, p.kind, p.iso_code, p.latitude, p.longitude
    FROM event_places ep JOIN places p ON p.id = ep.place_id AND p.deleted_at IS NULL
    WHERE ep.event_id IN (${scope}) ORDER BY ep.event_id, ep.position, p.id`,
  actors: (scope) => `SELECT ea.event_id, a.id, a.name, a.kind, ea.role
    FROM event_actors ea JOIN actors a ON a.id = ea.actor_id AND a.deleted_at IS NULL
    WHERE ea.event_id IN (${scope}) ORDER BY ea.event_id, ea.position, a.id`,
  outlets: (scope) => `SELECT eo.event_id, o.id, o.name, o.kind, eo.role
    FROM event_outlets eo JOIN outlets o ON o.id = eo.outlet_id AND o.deleted_at IS NULL
    WHERE eo.event_id IN (${scope}) ORDER BY eo.event_id, eo.position, o.id`,
  figures: (scope) => `SELECT f.event_id, f.id, f.value, f.value_max, f.qualifier, f.unit,
      f.measure, f.subject, f.nationality, ${livePlace('f.place_id')} AS place_id, f.period,
      f.period_start, f.period_end, f.display
    FROM figures f WHERE f.deleted_at IS NULL AND f.event_id IN (${scope})
    ORDER BY f.event_id, f.position, f.id`,
  quotes: (scope) => `SELECT q.event_id, q.id, q.text, a.id AS speaker_id, a.name AS speaker_name,
      o.id AS outlet_id, o.name AS outlet_name
    FROM quotes q JOIN actors a ON a.id = q.speaker_id
    LEFT JOIN outlets o ON o.id = q.outlet_id
    WHERE q.deleted_at IS NULL AND q.event_id IN (${scope})
    ORDER BY q.event_id, q.position, q.id`,
  notes: (scope) => `SELECT event_id, id, kind, field, text, source_said
    FROM notes WHERE deleted_at IS NULL AND event_id IN (${scope})
    ORDER BY event_id, position, id`,
}

interface QuoteRow {
  event_id: string
  id: number
  text: string
  speaker_id: string
  speaker_name: string
  outlet_id: string | null
  outlet_name: string | null
}

const toQuote = (q: QuoteRow): Quote => ({
  id: q.id,
  text: q.text,
  speaker: { id: q.speaker_id, name: q.speaker_name },
  outlet: q.outlet_id && q.outlet_name ? { id: q.outlet_id, name: q.outlet_name } : null,
})

function groupByEvent<T extends { event_id: string }, U>(
  rows: T[],
  map: (row: T) => U,
): Map<string, U[]> {
  const groups = new Map<string, U[]>()
  for (const row of rows) {
    const list = groups.get(row.event_id)
    if (list) list.push(map(row))
    else groups.set(row.event_id, [map(row)])
  }
  return groups
}

function withoutEventId<T extends { event_id: string }>(row: T): Omit<T, 'event_id'> {
  const { event_id: _, ...rest } = row
  return rest
}

export type LinkedByEvent = (id: string) => Partial<Linked>

/**
 * The linked rows of the given events (or of every public event), of the kinds asked for.
 * One round trip; kinds not asked for are not queried.
 */
export async function loadLinked(
  db: Db,
  events: string[] | 'public',
  kinds: readonly LinkedKind[] = LINKED_KINDS,
): Promise<LinkedByEvent> {
  if (kinds.length === 0 || events.length === 0) return () => ({})
  const scope: Scope = events === 'public' ? 'public' : 'listed'
  const statements = kinds.map((kind) => {
    const statement = db.prepare(SQL[kind](SCOPE[scope]))
    return scope === 'listed' ? statement.bind(JSON.stringify(events)) : statement
  })
  const results = await db.batch(statements)
  const groups = new Map<LinkedKind, Map<string, unknown[]>>()
  kinds.forEach((kind, i) => {
    const rows = rowsOf<{ event_id: string }>(results[i])
    groups.set(
      kind,
      kind === 'quotes'
        ? groupByEvent(rows as QuoteRow[], toQuote)
        : groupByEvent(rows, withoutEventId),
    )
  })
  return (id) =>
    Object.fromEntries(
      kinds.map((kind) => [kind, groups.get(kind)?.get(id) ?? []]),
    ) as Partial<Linked>
}
