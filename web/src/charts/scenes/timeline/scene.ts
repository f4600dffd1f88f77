// The timeline scene: every event by date, one row per category, chapters as bands, the active
// event lit and labelled. It draws the overview (no event active) and every event no other
// scene takes (its one rule matches everything, last).
import { formatLongDate, formatMonthYear } from '../../../../../worker/shared/format'
import { defineScene } from '../types'
import { timelineContent, timelineModel, type TimelineContent } from './model'

const quote = (text: string) => `“${text}”`

/** The timeline in words, from what it draws. */
export function describeTimeline(content: TimelineContent): string {
  const last = new Date(Date.parse(content.domain[1]) - 86_400_000).toISOString().slice(0, 10)
  const frame = `Timeline of the year: every event a dot in its category’s row, the story’s chapters as numbered bands, on a time axis from ${formatMonthYear(content.domain[0])} to ${formatMonthYear(last)}.`
  if (content.overview) return `${frame} ${quote(content.overview)}.`
  if (!content.active) return frame
  const row = content.rows.find((r) => r.active)
  const band = content.bands.find((b) => b.active)
  const where = [
    row ? ` in the row ${quote(row.label)}` : '',
    band ? `, in the band of chapter ${band.number}, ${quote(band.title)}` : '',
  ].join('')
  return `${frame} Lit and labelled: the dot of ${quote(content.active.date)}, ${quote(content.active.headline)},${where}; the dots before it filled, those after it open.`
}

export const timelineScene = defineScene({
  name: 'timeline',
  title: () => 'The year, event by event',
  overview: true,
  usesProgress: true,
  rules: [
    // Any event no other scene takes: only the country, or only places abroad.
    {
      priority: 100,
      match: () => ({}),
    },
  ],
  content: ({ story, spec }) =>
    timelineContent({
      events: story.events,
      categories: story.categories,
      chapters: story.chapters,
      activeId: spec.eventId || null,
    }),
  model: ({ content, width, height, progress }) =>
    timelineModel({ content, width, height, progress }),
  lit: (model) => ({
    eventIds: [
      ...new Set([
        ...model.marks.filter((m) => m.active).map((m) => m.id),
        ...(model.label ? [model.label.eventId] : []),
      ]),
    ],
    placeIds: [],
    figureIds: [],
  }),
  describe: describeTimeline,
  text: (story) => {
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
      title: 'Timeline of the year',
      alt: `A timeline of ${story.events.length} events${span}, one row for each of ${story.categories.length} categories, with the story’s ${story.chapters.length} chapters as bands.${most ? ` The busiest row is “${most.label}”, with ${most.count} events.` : ''}`,
      tables: [
        {
          caption: 'Every event, by date',
          columns: ['Date', 'Event', 'Category', 'Chapter'],
          rows: story.events.map((e) => [
            formatLongDate(e.date),
            e.headline,
            category(e.category),
            chapter(e.chapter),
          ]),
        },
      ],
      notes: [],
    }
  },
})
