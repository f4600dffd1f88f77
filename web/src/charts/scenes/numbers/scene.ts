// The numbers scene: the government's own tallies (cases, requests, complaints, reports) as
// bars, one panel per kind, up to the active event. Two rules: a before/after pair of one kind
// in one event comes right after the map's complaints; a national tally on its own comes after
// the people scene.
import type { Figure } from '../../../../../worker/model'
import { formatShortDate, formatValue, listOf } from '../../../../../worker/shared/format'
import { eventsSoFar, GOVERNMENT_UNITS, nationalTallies, placeIndex } from '../../figures'
import { defineScene } from '../types'
import { numbersModel, periodLabel } from './model'

/** A before/after pair: tallies of one kind in one event covering different periods. */
export function hasComparison(tallies: Figure[]): boolean {
  return tallies.some((f) => {
    const periods = tallies.filter((g) => g.unit === f.unit).map((g) => g.period ?? '')
    return new Set(periods).size >= 2
  })
}

export const numbersScene = defineScene({
  name: 'numbers',
  title: () => 'The government’s own figures',
  rules: [
    // A before/after pair of one government tally, even beside rescues.
    {
      priority: 20,
      match: ({ event, places }) => {
        const tallies = nationalTallies(event, places)
        if (!tallies.length || !hasComparison(tallies)) return null
        return { mode: 'compare', figureIds: tallies.map((f) => f.id) }
      },
    },
    // A national government tally on its own.
    {
      priority: 40,
      match: ({ event, places }) => {
        const tallies = nationalTallies(event, places)
        if (!tallies.length) return null
        return { mode: 'totals', figureIds: tallies.map((f) => f.id) }
      },
    },
  ],
  model: ({ story, spec, width, height }) =>
    numbersModel({
      events: eventsSoFar(story, spec.eventId || null),
      places: placeIndex(story),
      activeFigureIds: spec.figureIds,
      width,
      height,
    }),
  lit: (model) => ({
    eventIds: [],
    placeIds: [],
    figureIds: model.panels.flatMap((p) => p.bars.filter((b) => b.active).map((b) => b.figureId)),
  }),
  describe: ({ event, spec }) => {
    const figures = event.figures.filter((f) => spec.figureIds.includes(f.id))
    const parts = figures.map((f) => `${formatValue(f)} ${f.unit} (${periodLabel(f, event.date)})`)
    return `Bar chart of the government's own figures up to this event. This event adds ${listOf(parts)}.`
  },
  text: (story) => {
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
  },
})
