// The numbers scene: the government's own tallies (cases, requests, complaints, reports) as bars
// in one panel per measure, each on its own labelled axis that stays the same on every step; a
// step draws its event's measures with every tally of them so far, one series per report and
// period length.
// Two rules: a before/after pair of one kind in one event comes right after the map's
// complaints; a national tally on its own comes after the people scene.
import type { Figure } from '../../../../../worker/model'
import {
  compareIsoDates,
  formatLongDate,
  formatNumber,
  formatValue,
  listOf,
} from '../../../../../worker/shared/format'
import { GOVERNMENT_UNITS, nationalTallies, placeIndex } from '../../figures'
import { distinct, eventSources } from '../../sources'
import { keyInWords } from '../../qualifiers'
import { defineScene } from '../types'
import { summarisedMarks, summarises } from '../words'
import {
  NO_TALLIES,
  TO_COME,
  numbersContent,
  numbersModel,
  periodLabel,
  type NumbersContent,
} from './model'

/** A before/after pair: tallies of one kind in one event covering different periods. */
export function hasComparison(tallies: Figure[]): boolean {
  return tallies.some((f) => {
    const periods = tallies.filter((g) => g.unit === f.unit).map((g) => g.period ?? '')
    return new Set(periods).size >= 2
  })
}

const quote = (text: string) => `“${text}”`

// The ids of the scene's steps, per list of steps (the registry gives a story's list once), so
// the content's frame is worked out once per story rather than at every step.
const stepIdLists = new WeakMap<readonly { event: { id: string } }[], string[]>()
const stepIdsOf = (steps: readonly { event: { id: string } }[]): string[] => {
  let ids = stepIdLists.get(steps)
  if (!ids) {
    ids = steps.map((step) => step.event.id)
    stepIdLists.set(steps, ids)
  }
  return ids
}

/** The caption of the table that lists every tally (the words point to it when they count). */
export const NUMBERS_TABLE = 'The government’s figures'

/**
 * The numbers scene in words, from what it draws. Every series is named while the step draws at
 * most LISTED_MARKS_MAX bars besides the lit ones; past that, the lit series are named and the
 * other bars counted (they are listed in the table under the graphic), so the words stay short
 * in a long story.
 */
export function describeNumbers(content: NumbersContent): string {
  if (!content.panels.some((p) => p.lit.length || p.others)) {
    const toCome = content.panels.some((p) => p.toCome > 0)
      ? ` Pale bands keep the rows of the figures later in the story, each marked ${quote(TO_COME)}.`
      : ''
    return `Bars for the government’s own figures: ${quote(NO_TALLIES)}${toCome}`
  }
  const litBars = content.panels.reduce(
    (n, p) => n + p.lit.reduce((m, s) => m + s.bars.filter((b) => b.active).length, 0),
    0,
  )
  const others = content.panels.reduce((n, p) => n + p.others, 0)
  // Past the limit the other bars are counted, so the panels' whole lists are never built.
  const counting = summarises(others)
  const series = (s: NumbersContent['series'][number]) => {
    const bars = s.bars.map((b) => quote(b.label)).join(', ')
    const note = s.note ? `, ${quote(s.note)}` : ''
    return s.bars.length > 1 ? `${quote(s.title)}, one series: ${bars}${note}` : `${bars}${note}`
  }
  const panel = (p: NumbersContent['panels'][number]) => {
    const lit = p.lit
    const others = counting || !p.others ? [] : p.series.filter((s) => !s.active)
    return `${p.counts}, on an axis from 0 to ${formatNumber(p.axis.max)} ${p.counts}${!counting || lit.length ? ':' : ''}${lit.length ? ` lit, ${lit.map(series).join('; ')}` : ''}${others.length ? `${lit.length ? ';' : ''} ${lit.length ? 'also drawn' : 'drawn'}, ${others.map(series).join('; ')}` : ''}`
  }
  const counted = counting
    ? ` ${litBars ? 'Also drawn' : 'Drawn'}: ${summarisedMarks(others, 'bars', NUMBERS_TABLE, litBars > 0)}.`
    : ''
  const key = content.key.length ? ` Key: ${keyInWords(content.key)}.` : ''
  // A measure keeps a row for each of its figures in the story: those to come are pale bands.
  const toCome = content.panels.some((p) => p.toCome > 0)
    ? ` Pale bands keep the rows of this measure’s figures later in the story, each marked ${quote(TO_COME)}.`
    : ''
  const count = content.panels.length
  return `Bars for the government’s own figures so far, ${count > 1 ? 'in panels, one per measure, each' : 'in one panel for this measure,'} on its own axis that stays the same on every step, so unlike counts never share a scale; each label or heading says what is counted and who reported it, and figures join one series only when one report gave them together for periods of one length. ${content.panels.map(panel).join('. ')}.${counted}${toCome}${key}`
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
  content: ({ story, spec, places, steps }) =>
    numbersContent({
      story,
      places,
      activeId: spec.eventId || null,
      activeFigureIds: spec.figureIds,
      stepIds: stepIdsOf(steps),
    }),
  model: ({ content, width, height }) => numbersModel({ content, width, height }),
  lit: (model) => ({
    eventIds: [],
    placeIds: [],
    figureIds: model.series.flatMap((s) => s.bars.filter((b) => b.active).map((b) => b.figureId)),
  }),
  describe: describeNumbers,
  sources: (content) => distinct(content.series.map((s) => s.sources)),
  text: (story) => {
    const places = placeIndex(story)
    const rows = story.events.flatMap((e) => nationalTallies(e, places).map((f) => ({ f, e })))
    const pairs = story.events.flatMap((e) => {
      const tallies = nationalTallies(e, places)
      return Object.keys(GOVERNMENT_UNITS).flatMap((unit) => {
        const mine = tallies
          .filter((f) => f.unit === unit)
          .sort((a, b) => compareIsoDates(a.period_start ?? '', b.period_start ?? ''))
        if (new Set(mine.map((f) => f.period)).size < 2) return []
        const parts = mine.map((f) => `${formatValue(f)} (${periodLabel(f, e.date)})`)
        return [`${GOVERNMENT_UNITS[unit]}: ${parts.join(', then ')}`]
      })
    })
    return {
      title: 'The government’s own figures',
      alt: `Bars for the government’s own tallies of cases, requests, complaints and reports, one panel per measure, each on its own axis, each series headed by what it counts and who reported it, each bar by the period it covers; figures join a series only when one report gave them together; each measure keeps a row for every figure the story gives it, those still to come drawn as pale bands marked ${quote(TO_COME)}.${pairs.length ? ` ${pairs.join('. ')}.` : ''}`,
      tables: [
        {
          caption: NUMBERS_TABLE,
          columns: ['Kind', 'Figure', 'Period', 'Reported', 'Source'],
          rows: rows.map(({ f, e }) => [
            GOVERNMENT_UNITS[f.unit] ?? f.unit,
            formatValue(f),
            periodLabel(f, e.date),
            formatLongDate(e.date),
            listOf(eventSources(e, story)),
          ]),
        },
      ],
      notes: [],
    }
  },
})
