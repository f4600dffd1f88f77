// The people scene: every report of people rescued, released, returned, escaped, stranded or
// held captive, up to the active event, by nationality; with the estimate of people held captive
// drawn to scale against each report of people freed. It takes any event that counts people,
// unless the event is a before/after comparison of the government's tallies.
import { formatShortDate, formatValue, listOf } from '../../../../../worker/shared/format'
import { eventsSoFar, isCaptiveEstimate, isFreed, isHuman } from '../../figures'
import { defineScene } from '../types'
import { peopleModel } from './model'

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
  model: ({ story, spec, width, height }) =>
    peopleModel({
      events: eventsSoFar(story, spec.eventId || null),
      activeFigureIds: spec.figureIds,
      width,
      height,
    }),
  lit: (model) => {
    const figures = new Set<number>()
    for (const b of model.bars) if (b.active) figures.add(b.figureId)
    if (model.scale?.estimate.active) figures.add(model.scale.estimate.figureId)
    for (const s of model.scale?.squares ?? []) if (s.active) figures.add(s.figureId)
    return { eventIds: [], placeIds: [], figureIds: [...figures] }
  },
  describe: ({ event, spec }) => {
    const figures = event.figures.filter((f) => spec.figureIds.includes(f.id))
    const adds = `This event adds ${listOf(figures.map((f) => f.display))}.`
    const scale =
      spec.mode === 'scale'
        ? ' The estimate is drawn as a large square, with each report of people freed so far drawn inside it at the same scale.'
        : ''
    return `Chart of reports of people freed or still held, by nationality, up to this event. ${adds}${scale}`
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
  },
})
