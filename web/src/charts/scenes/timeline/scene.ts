// The timeline scene: every event by date, one row per category, chapters as bands, the active
// event lit and labelled. It draws the overview (no event active) and every event no other
// scene takes (its one rule matches everything, last).
import { formatLongDate, formatShortDate } from '../../../../../worker/shared/format'
import { defineScene } from '../types'
import { timelineModel } from './model'

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
  model: ({ story, spec, width, height, progress }) =>
    timelineModel({
      events: story.events,
      categories: story.categories,
      chapters: story.chapters,
      activeId: spec.eventId || null,
      width,
      height,
      progress,
    }),
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
  describe: ({ event, story }) => {
    const index = story.events.findIndex((e) => e.id === event.id)
    const category = story.categories.find((c) => c.id === event.category)?.label ?? event.category
    const chapter = story.chapters.find((c) => c.id === event.chapter)?.title
    const inChapter = chapter ? `, in the chapter “${chapter}”` : ''
    return `Timeline of the year: this event, on ${formatLongDate(event.date)}, is lit in the “${category}” row${inChapter}; it is event ${index + 1} of ${story.events.length}.`
  },
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
            formatShortDate(e.date),
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
