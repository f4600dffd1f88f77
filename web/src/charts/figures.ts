// What kind of number a figure is, and where a place lies: the rules every scene shares.
import type { Figure, Place, PlaceRef, Story, StoryEvent } from '../../../worker/model'

/** Measures that count people freed from, or still inside, the compounds. */
export const HUMAN_MEASURES = [
  'rescued',
  'released',
  'returned',
  'escaped',
  'stranded',
  'held captive',
] as const
/** Of those, the ones that count people who got out. */
export const FREED_MEASURES = ['rescued', 'released', 'returned', 'escaped'] as const

/** The government's own tallies, with the title each gets in the numbers scene. */
export const GOVERNMENT_UNITS: Readonly<Record<string, string>> = {
  cases: 'Trafficking cases',
  requests: 'Requests for help or intervention',
  complaints: 'Complaints received',
  reports: 'Reports of human trafficking',
}

type FigureLike = Pick<Figure, 'unit' | 'measure'>

/** A count of people freed from, or still inside, the compounds. */
export const isHuman = (f: FigureLike): boolean =>
  f.unit === 'people' && (HUMAN_MEASURES as readonly string[]).includes(f.measure)
/** A count of people who got out (rescued, released, returned, escaped). */
export const isFreed = (f: FigureLike): boolean =>
  f.unit === 'people' && (FREED_MEASURES as readonly string[]).includes(f.measure)
/** The estimate of people held captive (set against the rescues for scale). */
export const isCaptiveEstimate = (f: FigureLike): boolean =>
  f.unit === 'people' && f.measure === 'held captive'
/** One of the government's own tallies: its unit is a government unit and it counts that unit. */
export const isGovernmentTally = (f: FigureLike): boolean =>
  f.unit in GOVERNMENT_UNITS && f.measure === f.unit

// One index for each list of places: every step of a story asks for the same one.
const placeIndexes = new WeakMap<readonly Place[], Map<string, Place>>()

/**
 * The story's places by id. Built once per list of places (the story's, which every step shares)
 * and then handed out again, so callers must read it, never change it.
 */
export function placeIndex(story: Pick<Story, 'places'>): Map<string, Place> {
  let index = placeIndexes.get(story.places)
  if (!index) {
    index = new Map(story.places.map((p) => [p.id, p]))
    placeIndexes.set(story.places, index)
  }
  return index
}

/** The province a place lies in (itself if it is one), following parent links. */
export function provinceOf(
  id: string | null,
  places: Map<string, Pick<Place, 'id' | 'kind' | 'parent_id' | 'iso_code'>>,
): { id: string; iso_code: string } | null {
  const seen = new Set<string>()
  let place = id ? places.get(id) : undefined
  while (place && !seen.has(place.id)) {
    if (place.kind === 'province' && place.iso_code)
      return { id: place.id, iso_code: place.iso_code }
    seen.add(place.id)
    place = place.parent_id ? places.get(place.parent_id) : undefined
  }
  return null
}

/** True for Cambodia itself and for every place inside it. */
export function inCambodia(
  place: Pick<PlaceRef, 'id' | 'kind' | 'iso_code'>,
  places: Map<string, Pick<Place, 'id' | 'kind' | 'parent_id' | 'iso_code'>>,
): boolean {
  const seen = new Set<string>()
  let current: Pick<Place, 'id' | 'kind' | 'iso_code'> & { parent_id?: string | null } = place
  for (;;) {
    if (current.iso_code === 'KH' || current.iso_code?.startsWith('KH-')) return true
    seen.add(current.id)
    const parentId = current.parent_id ?? places.get(current.id)?.parent_id
    const parent = parentId ? places.get(parentId) : undefined
    if (!parent || seen.has(parent.id)) return false
    current = parent
  }
}

/** Figures that give complaints per province: the place is a province or lies inside one. */
export function provinceComplaints(
  event: Pick<StoryEvent, 'figures'>,
  places: Map<string, Place>,
): Figure[] {
  return event.figures.filter(
    (f) => f.unit === 'complaints' && provinceOf(f.place_id, places) !== null,
  )
}

/** Tallies for the whole country (per-province counts belong to the map). */
export function nationalTallies(
  event: Pick<StoryEvent, 'figures'>,
  places: Map<string, Place>,
): Figure[] {
  return event.figures.filter(
    (f) => isGovernmentTally(f) && provinceOf(f.place_id, places) === null,
  )
}

/** Events up to and including the active one, in story order (all of them when none is). */
export function eventsSoFar(story: Pick<Story, 'events'>, activeId: string | null): StoryEvent[] {
  const index = activeId ? story.events.findIndex((e) => e.id === activeId) : -1
  return index < 0 ? story.events : story.events.slice(0, index + 1)
}
