// What is linked to events (places, actors, outlets, figures, quotes, notes), loaded in one batch:
// live rows only, as the visibility rule says (visibility.ts).
import { publicColumns, refColumns, type PublicRow } from '../data/tables'
import type { ActorRef, Figure, Note, OutletRef, PlaceRef, Quote } from '../model'
import { selectList } from './columns'
import { JSON_LIST, rowsOf, type Db } from './sql'
import { PUBLIC_EVENT_IDS, shownRef } from './visibility'

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
  places: (scope) => `SELECT ep.event_id, ${selectList('places', 'p', refColumns('places'))}
    FROM event_places ep JOIN places p ON p.id = ep.place_id AND p.deleted_at IS NULL
    WHERE ep.event_id IN (${scope}) ORDER BY ep.event_id, ep.position, p.id`,
  actors: (scope) => `SELECT ea.event_id, ${selectList('actors', 'a', refColumns('actors'))},
      ${selectList('event_actors', 'ea', publicColumns('event_actors'))}
    FROM event_actors ea JOIN actors a ON a.id = ea.actor_id AND a.deleted_at IS NULL
    WHERE ea.event_id IN (${scope}) ORDER BY ea.event_id, ea.position, a.id`,
  outlets: (scope) => `SELECT eo.event_id, ${selectList('outlets', 'o', refColumns('outlets'))},
      ${selectList('event_outlets', 'eo', publicColumns('event_outlets'))}
    FROM event_outlets eo JOIN outlets o ON o.id = eo.outlet_id AND o.deleted_at IS NULL
    WHERE eo.event_id IN (${scope}) ORDER BY eo.event_id, eo.position, o.id`,
  figures: (scope) => `SELECT f.event_id,
      ${selectList('figures', 'f', publicColumns('figures'), { place_id: shownRef('places', 'f.place_id') })}
    FROM figures f WHERE f.deleted_at IS NULL AND f.event_id IN (${scope})
    ORDER BY f.event_id, f.position, f.id`,
  // A quote names its speaker and outlet: their ids and names come from the rows they name.
  quotes: (scope) => `SELECT q.event_id, ${selectList('quotes', 'q', publicColumns('quotes'))},
      a.id AS speaker_id, a.name AS speaker_name, o.id AS outlet_id, o.name AS outlet_name
    FROM quotes q JOIN actors a ON a.id = q.speaker_id AND a.deleted_at IS NULL
    LEFT JOIN outlets o ON o.id = q.outlet_id AND o.deleted_at IS NULL
    WHERE q.deleted_at IS NULL AND q.event_id IN (${scope})
    ORDER BY q.event_id, q.position, q.id`,
  notes: (scope) => `SELECT event_id, ${selectList('notes', null, publicColumns('notes'))}
    FROM notes WHERE deleted_at IS NULL AND event_id IN (${scope})
    ORDER BY event_id, position, id`,
}

/** A quote's public columns, its event, and the ids and names of its speaker and outlet. */
type QuoteRow = PublicRow<'quotes'> & {
  event_id: string
  speaker_id: string
  speaker_name: string
  outlet_id: string | null
  outlet_name: string | null
}

const toQuote = (q: QuoteRow): Quote => {
  const { event_id: _, speaker_id, speaker_name, outlet_id, outlet_name, ...own } = q
  return {
    ...own,
    speaker: { id: speaker_id, name: speaker_name },
    outlet: outlet_id && outlet_name ? { id: outlet_id, name: outlet_name } : null,
  }
}

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
