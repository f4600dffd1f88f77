// Valid values to mix with hostile ones: ids read from the running worker, and the write API's
// fixed lists from the same schemas the worker validates with.
import { ACTOR_KINDS, ACTOR_ROLES } from '../../worker/schemas/actors'
import { MEASURES, QUALIFIERS, UNITS } from '../../worker/schemas/figures'
import { OUTLET_KINDS, OUTLET_ROLES } from '../../worker/schemas/outlets'
import { PLACE_KINDS } from '../../worker/schemas/places'
import { adminTargets, publicTargets, type Target, type VocabKey } from './targets'

export type Vocabulary = Record<VocabKey, string[]> & {
  lists: {
    qualifiers: readonly string[]
    units: readonly string[]
    measures: readonly string[]
    placeKinds: readonly string[]
    actorKinds: readonly string[]
    actorRoles: readonly string[]
    outletKinds: readonly string[]
    outletRoles: readonly string[]
  }
}

/** Calls the worker: GET path, answers the parsed JSON (or throws with the status). */
export type GetJson = (path: string) => Promise<unknown>

interface Listed {
  data: { id: string | number }[]
}
interface StoryBody {
  data: {
    events: {
      id: string
      figures: { id: number }[]
      notes: { id: number }[]
      quotes: { id: number }[]
    }[]
  }
}

const ids = (body: unknown) => (body as Listed).data.map((row) => String(row.id))

export async function loadVocabulary(get: GetJson): Promise<Vocabulary> {
  const [events, places, actors, outlets, categories, chapters, problems, story] =
    await Promise.all([
      get('/api/v1/events?fields=id&limit=100'),
      get('/api/v1/places'),
      get('/api/v1/actors'),
      get('/api/v1/outlets'),
      get('/api/v1/categories'),
      get('/api/v1/chapters'),
      get('/api/v1/problems'),
      get('/api/v1/story'),
    ])
  const storyEvents = (story as StoryBody).data.events
  const nested = (key: 'figures' | 'notes' | 'quotes') =>
    storyEvents.flatMap((e) => e[key].map((row) => String(row.id)))
  return {
    events: ids(events),
    places: ids(places),
    actors: ids(actors),
    outlets: ids(outlets),
    categories: ids(categories),
    chapters: ids(chapters),
    problems: (problems as { data: { type: string }[] }).data.map((p) =>
      p.type.replace(/^.*\//, ''),
    ),
    figures: nested('figures'),
    notes: nested('notes'),
    quotes: nested('quotes'),
    revisions: ['1', '2', '3', '5', '8', '13', '21', '34'],
    lists: {
      qualifiers: QUALIFIERS,
      units: UNITS,
      measures: MEASURES,
      placeKinds: PLACE_KINDS,
      actorKinds: ACTOR_KINDS,
      actorRoles: ACTOR_ROLES,
      outletKinds: OUTLET_KINDS,
      outletRoles: OUTLET_ROLES,
    },
  }
}

/** The public and the admin routes, from the worker's OpenAPI document. */
export async function loadTargets(
  get: GetJson,
): Promise<{ publicTargets: Target[]; adminTargets: Target[] }> {
  const doc = (await get('/api/v1/openapi.json')) as Parameters<typeof publicTargets>[0]
  return { publicTargets: publicTargets(doc), adminTargets: adminTargets(doc) }
}
