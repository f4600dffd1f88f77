// The people scene: every report of people rescued, released, returned, escaped, stranded or held
// captive, up to the active event, on one axis for the whole story; with the estimate of people
// held captive drawn to scale on its own step, beside a square for each report of people freed.
// It takes any event that counts people, unless the event is a before/after comparison of the
// government's tallies.
import {
  formatLongDate,
  formatNumber,
  formatValue,
  isolate,
  listOf,
} from '../../../../../worker/shared/format'
import { isCaptiveEstimate, isFreed, isHuman } from '../../figures'
import { distinct, eventSources } from '../../sources'
import { keyInWords } from '../../qualifiers'
import { defineScene } from '../types'
import { summarisedMarks, summarises } from '../words'
import { NO_REPORTS, TO_COME, peopleContent, peopleModel, type PeopleContent } from './model'

const quote = (text: string) => `“${text}”`

/** The caption of the table that lists every report (the words point to it when they count). */
export const PEOPLE_TABLE = 'Reports of people freed or still held'

/**
 * The people scene in words, from what it draws. Every mark is named while the step draws at most
 * LISTED_MARKS_MAX besides the lit ones; past that, the lit ones are named and the rest counted
 * (they are listed in the table under the graphic), so the words stay short in a long story.
 */
export function describePeople(content: PeopleContent): string {
  const key = content.key.length ? ` Key: ${keyInWords(content.key)}.` : ''
  if (content.mode === 'scale') {
    const estimate = content.estimate!
    const lit = content.squares.filter((r) => r.active)
    const others = content.squares.length - lit.length
    const named = summarises(others) ? lit : content.squares
    const listed = named.map((r) => quote(r.label)).join('; ')
    const counted = summarises(others)
      ? ` ${lit.length ? 'Also drawn' : 'Drawn'}: ${summarisedMarks(others, 'squares', PEOPLE_TABLE, lit.length > 0)}.`
      : ''
    const squares = content.squares.length
      ? ` ${content.squaresTitle}${listed ? ` ${listed}.` : ''}${counted}`
      : ''
    return `A square for the estimate, ${quote(estimate.label)}, its area to scale.${squares}${key}`
  }
  const { lit } = content
  // The rows of reports later in the story are kept as captioned bands (see the model).
  const toCome =
    content.frame.length > lit.length + content.others
      ? ` Pale bands keep the rows of the reports later in the story, each marked ${quote(TO_COME)}.`
      : ''
  if (!lit.length && !content.others) {
    const note = content.note ? ` ${quote(content.note)}.` : ''
    return `Bars for reports of people freed or still held: ${quote(NO_REPORTS)}${note}${toCome}`
  }
  const axis = `one axis for every step, from 0 to ${formatNumber(content.axis.max)} people`
  const litWords = lit.length ? ` Lit: ${lit.map((r) => quote(r.label)).join('; ')}.` : ''
  // Past the limit the other reports are counted, so the whole list is never built for words.
  const otherWords = !content.others
    ? ''
    : summarises(content.others)
      ? ` ${lit.length ? 'Also drawn' : 'Drawn'}: ${summarisedMarks(content.others, 'reports', PEOPLE_TABLE, lit.length > 0)}.`
      : ` ${lit.length ? 'Also drawn' : 'Drawn'}: ${content.reports
          .filter((r) => !r.active)
          .map((r) => quote(r.label))
          .join('; ')}.`
  const note = content.note ? ` Under the bars: ${quote(content.note)}.` : ''
  return `Bars for the reports of people freed or still held so far, by nationality, on ${axis}; reports may count the same people twice, so they are not added up.${litWords}${otherWords}${toCome}${note}${key}`
}

export const peopleScene = defineScene({
  name: 'people',
  title: () => 'People freed and still held, as reported',
  rules: [
    // People freed or still held; the estimate of people held captive gets its scale view.
    {
      priority: 30,
      match: ({ event }) => {
        const human = event.figures.filter(isHuman)
        if (!human.length) return null
        return {
          mode: human.some(isCaptiveEstimate) ? 'scale' : 'reports',
          figureIds: human.map((f) => f.id),
        }
      },
    },
  ],
  content: ({ story, spec }) =>
    peopleContent({
      story,
      activeId: spec.eventId || null,
      activeFigureIds: spec.figureIds,
      mode: spec.mode === 'scale' ? 'scale' : 'reports',
    }),
  model: ({ content, width, height }) => peopleModel({ content, width, height }),
  lit: (model) => {
    const figures = new Set<number>()
    for (const b of model.bars) if (b.active) figures.add(b.figureId)
    if (model.scale?.estimate.active) figures.add(model.scale.estimate.figureId)
    for (const s of model.scale?.squares ?? []) if (s.active) figures.add(s.figureId)
    return { eventIds: [], placeIds: [], figureIds: [...figures] }
  },
  describe: describePeople,
  sources: (content) => {
    const drawn =
      content.mode === 'scale'
        ? [content.estimate!, ...content.squares]
        : [...content.reports, ...(content.note && content.estimate ? [content.estimate] : [])]
    return distinct(drawn.map((r) => r.sources))
  },
  text: (story) => {
    const rows = story.events.flatMap((e) => e.figures.filter(isHuman).map((f) => ({ f, e })))
    const freed = rows.filter((r) => isFreed(r.f))
    const largest = [...freed].sort((a, b) => b.f.value - a.f.value)[0]
    const estimate = rows
      .filter((r) => isCaptiveEstimate(r.f))
      .sort((a, b) => b.f.value - a.f.value)[0]
    const nationalities = [...new Set(rows.map((r) => r.f.nationality).filter((n) => n !== null))]
    return {
      title: 'People freed and still held',
      alt: `${rows.length} reports of people rescued, released, returned, escaped, stranded or held captive${nationalities.length ? `, naming ${listOf(nationalities)} nationals among others` : ''}, as bars on one axis for the whole story; on each step the rows of reports still to come are kept as pale bands, marked ${quote(TO_COME)}.${largest ? ` The largest report of people freed: ${isolate(largest.f.display)}.` : ''}${estimate ? ` The estimate of ${isolate(estimate.f.display)} is drawn to scale, as a square beside a square for each report of people freed.` : ''} Reports may count the same people twice, so they are not added up.`,
      tables: [
        {
          caption: PEOPLE_TABLE,
          columns: ['Reported', 'What was reported', 'Figure', 'Nationality', 'Source'],
          rows: rows.map(({ f, e }) => [
            formatLongDate(e.date),
            f.display,
            `${formatValue(f)} ${f.measure}`,
            f.nationality ?? 'not given',
            listOf(eventSources(e, story)),
          ]),
        },
      ],
      notes: [],
    }
  },
})
