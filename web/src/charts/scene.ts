// Which scene the sticky graphic shows for an event, and what it lights, decided from the
// event's own data (category, figures, places), never from its position in the story; plus a
// short description of that state for screen readers.
import type { Figure, Story, StoryEvent } from '../../../worker/model'
import { inCambodia, isCaptiveEstimate, isHuman, placeIndex, provinceComplaints } from './figures'
import { formatLongDate, formatValue, listOf } from '../../../worker/shared/format'
import { nationalTallies, periodLabel } from './models/numbers'

export type SceneName = 'timeline' | 'map' | 'people' | 'numbers'

export interface SceneSpec {
  scene: SceneName
  eventId: string
  placeIds: string[]
  figureIds: number[]
  /** map: 'complaints' | 'places'; people: 'scale' | 'reports'; numbers: 'compare' | 'totals' */
  mode?: string
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)]
const ids = (fs: Figure[]) => fs.map((f) => f.id)

/** A before/after pair: tallies of one kind in one event covering different periods. */
function hasComparison(tallies: Figure[]): boolean {
  return tallies.some((f) => {
    const periods = tallies.filter((g) => g.unit === f.unit).map((g) => g.period ?? '')
    return new Set(periods).size >= 2
  })
}

export function sceneFor(event: StoryEvent, story: Story): SceneSpec {
  const places = placeIndex(story)
  const base = { eventId: event.id, placeIds: [] as string[], figureIds: [] as number[] }

  const complaints = provinceComplaints(event, places)
  const tallies = nationalTallies(event, places)
  if (complaints.length) {
    const totals = tallies.filter((f) => f.unit === 'complaints')
    return {
      ...base,
      scene: 'map',
      mode: 'complaints',
      placeIds: unique(complaints.map((f) => f.place_id!)),
      figureIds: ids([...complaints, ...totals]),
    }
  }
  if (tallies.length && hasComparison(tallies)) {
    return { ...base, scene: 'numbers', mode: 'compare', figureIds: ids(tallies) }
  }
  const human = event.figures.filter(isHuman)
  if (human.length) {
    const mode = human.some(isCaptiveEstimate) ? 'scale' : 'reports'
    return { ...base, scene: 'people', mode, figureIds: ids(human) }
  }
  if (tallies.length) return { ...base, scene: 'numbers', mode: 'totals', figureIds: ids(tallies) }
  const local = event.places.filter((p) => p.kind !== 'country' && inCambodia(p, places))
  if (local.length) {
    return {
      ...base,
      scene: 'map',
      mode: 'places',
      placeIds: unique(event.places.map((p) => p.id)),
    }
  }
  return { ...base, scene: 'timeline' }
}

export function describeStep(event: StoryEvent, story: Story): string {
  const spec = sceneFor(event, story)
  const figures = event.figures.filter((f) => spec.figureIds.includes(f.id))
  const places = placeIndex(story)
  const name = (id: string) =>
    places.get(id)?.name ?? event.places.find((p) => p.id === id)?.name ?? id

  switch (spec.scene) {
    case 'map': {
      if (spec.mode === 'complaints') {
        const local = provinceComplaints({ figures }, places)
        const parts = local.map((f) => `${name(f.place_id!)} ${formatValue(f)}`)
        const totals = figures.filter((f) => !local.includes(f)).map((f) => f.display)
        const all = totals.length ? ` In all: ${listOf(totals)}.` : ''
        return `Map of Cambodia with a circle for each place's complaints, its area in proportion to the count: ${listOf(parts)}.${all}`
      }
      const inside = event.places.filter((p) => p.kind !== 'country' && inCambodia(p, places))
      const abroad = event.places.filter((p) => !inCambodia(p, places))
      const also = abroad.length
        ? ` Also named, outside the map: ${listOf(abroad.map((p) => p.name))}.`
        : ''
      return `Map of Cambodia marking ${listOf(inside.map((p) => p.name))}.${also}`
    }
    case 'people': {
      const adds = `This event adds ${listOf(figures.map((f) => f.display))}.`
      const scale =
        spec.mode === 'scale'
          ? ' The estimate is drawn as a large square, with each report of people freed so far drawn inside it at the same scale.'
          : ''
      return `Chart of reports of people freed or still held, by nationality, up to this event. ${adds}${scale}`
    }
    case 'numbers': {
      const parts = figures.map(
        (f) => `${formatValue(f)} ${f.unit} (${periodLabel(f, event.date)})`,
      )
      return `Bar chart of the government's own figures up to this event. This event adds ${listOf(parts)}.`
    }
    default: {
      const index = story.events.findIndex((e) => e.id === event.id)
      const category =
        story.categories.find((c) => c.id === event.category)?.label ?? event.category
      const chapter = story.chapters.find((c) => c.id === event.chapter)?.title
      const inChapter = chapter ? `, in the chapter “${chapter}”` : ''
      return `Timeline of the year: this event, on ${formatLongDate(event.date)}, is lit in the “${category}” row${inChapter}; it is event ${index + 1} of ${story.events.length}.`
    }
  }
}
