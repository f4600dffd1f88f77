// The story as Knight Lab TimelineJS JSON: a title slide, one slide per event (unique_id is
// our stable id, group its category) and one era per chapter (ending after it starts, whatever
// the chapter's dates). Plain-text fields are escaped;
// the body's Markdown becomes HTML through the allow-list sanitiser; every slide's HTML is
// balanced (parsed and written back out), so it cannot close TimelineJS's own elements.
// TimelineJS's format has no field for terms of reuse, so the title slide carries them where
// readers see them: the credit, the licence (linked) and the source article (linked).
import { escapeHtml } from '../lib/html'
import { balancedHtml } from '../lib/rich-text'
import type { Category, Chapter, Story, StoryEvent, StoryMeta } from '../model'
import { formatDate } from '../shared/format'
import { jsonChunks } from './json-stream'
import type { ExportReader } from './reader'

export interface TimelineDate {
  year: number
  month?: number
  day?: number
  display_date?: string
}
export interface TimelineText {
  headline: string
  text: string
}
export interface TimelineSlide {
  start_date: TimelineDate
  text: TimelineText
  group: string
  unique_id: string
  autolink: boolean
}
export interface TimelineEra {
  start_date: TimelineDate
  end_date: TimelineDate
  text: TimelineText
}
export interface Timeline {
  title: { text: TimelineText; unique_id: string }
  events: TimelineSlide[]
  eras: TimelineEra[]
  scale: 'human'
}

/**
 * A TimelineJS date from a YYYY-MM-DD date and its precision ('day', 'month' or 'year'), with the
 * display text the page uses too ('13 July 2022', 'July 2022', '2022').
 */
export function timelineDate(date: string, precision = 'day'): TimelineDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const display_date = formatDate(date, precision)
  if (precision === 'year') return { year, display_date }
  if (precision === 'month') return { year, month, display_date }
  return { year, month, day, display_date }
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`

function slideText(event: Omit<StoryEvent, 'quotes'>): string {
  const parts = [paragraph(event.summary)]
  if (event.body_html) parts.push(event.body_html)
  for (const note of event.notes) {
    const label = note.kind === 'correction' ? 'Correction' : 'Note'
    parts.push(`<p><em>${label}: ${escapeHtml(note.text)}</em></p>`)
  }
  if (event.outlets.length) {
    parts.push(paragraph(`Sources: ${event.outlets.map((o) => o.name).join(', ')}.`))
  }
  return balancedHtml(parts.join('\n'))
}

/** The calendar day after a YYYY-MM-DD date, as YYYY-MM-DD (UTC arithmetic, no time zone). */
export function dayAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10)
}

/**
 * A chapter as a TimelineJS era. The era ends at the start of the day after the chapter's last
 * day (an exclusive end), so it covers the whole last day and always ends after it starts:
 * TimelineJS drops an end date equal to the start date and then refuses the whole timeline ("All
 * eras must have start and end dates"), which a one-day chapter would otherwise cause. Its
 * display date stays the chapter's own last day.
 */
export function era(chapter: Chapter): TimelineEra {
  return {
    start_date: timelineDate(chapter.start_date),
    end_date: {
      ...timelineDate(dayAfter(chapter.end_date)),
      display_date: formatDate(chapter.end_date, 'day'),
    },
    text: { headline: escapeHtml(chapter.title), text: paragraph(chapter.dek) },
  }
}

const link = (href: string | null, text: string) =>
  href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text)

/**
 * The title slide's terms of reuse as HTML: who compiled and publishes the data, its licence
 * (linked) and the source article to credit (linked when it has an address).
 */
export function termsHtml(meta: StoryMeta): string {
  return [
    `<p>Data compiled by ${escapeHtml(meta.creator)} and published by ${escapeHtml(meta.publisher)} under ${link(meta.license_url, meta.license_name)}.</p>`,
    `<p>Source: ${escapeHtml(meta.source_outlet)}, ${link(meta.source_url, `“${meta.source_title}”`)}, ${escapeHtml(meta.source_period)}.</p>`,
  ].join('\n')
}

/** The title slide: the story's title, its dek, its credit and the terms of reuse. */
function titleSlide(meta: StoryMeta): Timeline['title'] {
  return {
    unique_id: 'title',
    text: {
      headline: escapeHtml(meta.title),
      text: [paragraph(meta.dek), paragraph(meta.credit), termsHtml(meta)].join('\n'),
    },
  }
}

/** An event's slide; `labels` names each category id (the slide's group). */
const slide =
  (labels: ReadonlyMap<string, string>) =>
  (event: Omit<StoryEvent, 'quotes'>): TimelineSlide => ({
    start_date: timelineDate(event.date, event.date_precision),
    text: { headline: escapeHtml(event.headline), text: slideText(event) },
    group: labels.get(event.category) ?? event.category,
    unique_id: event.id,
    // Our text carries its own links; TimelineJS must not turn other text into links.
    autolink: false,
  })

const categoryLabels = (categories: readonly Category[]) =>
  new Map(categories.map((c) => [c.id, c.label]))

/** The whole story as a TimelineJS timeline (see the file's header). */
export function storyTimeline(story: Story): Timeline {
  return {
    title: titleSlide(story.story),
    events: story.events.map(slide(categoryLabels(story.categories))),
    eras: story.chapters.map(era),
    scale: 'human',
  }
}

/**
 * The same timeline as storyTimeline() as JSON text, read from `reader` a page of events at a
 * time: the same text as JSON.stringify(storyTimeline(...)) for the same data.
 */
export function timelineChunks(reader: ExportReader): AsyncGenerator<string> {
  const toSlide = slide(categoryLabels(reader.categories))
  return jsonChunks(
    {
      title: titleSlide(reader.meta),
      events: null,
      eras: reader.chapters.map(era),
      scale: 'human',
    },
    {
      events: async function* () {
        for await (const events of reader.events()) yield events.map(toSlide)
      },
    },
  )
}
