// The events as RFC 4180 CSV: a header row, then one row per event, CRLF line ends; linked
// lists are flattened into one cell each ("; " between items), with their ids in a twin column.
import { stringify } from 'csv-stringify/sync'
import type { Story } from '../model'

export const CSV_COLUMNS = [
  'id',
  'date',
  'date_precision',
  'headline',
  'summary',
  'body',
  'category',
  'category_label',
  'chapter',
  'chapter_title',
  'places',
  'place_ids',
  'actors',
  'actor_ids',
  'outlets',
  'outlet_ids',
  'figures',
  'notes',
  'created_at',
  'updated_at',
  'version',
  'url',
] as const

const join = (items: string[]) => items.join('; ')

export function eventsCsv(story: Story, origin: string): string {
  const categories = new Map(story.categories.map((c) => [c.id, c.label]))
  const chapters = new Map(story.chapters.map((c) => [c.id, c.title]))
  const rows = story.events.map((e) => ({
    id: e.id,
    date: e.date,
    date_precision: e.date_precision,
    headline: e.headline,
    summary: e.summary,
    body: e.body,
    category: e.category,
    category_label: categories.get(e.category) ?? '',
    chapter: e.chapter,
    chapter_title: chapters.get(e.chapter) ?? '',
    places: join(e.places.map((p) => p.name)),
    place_ids: join(e.places.map((p) => p.id)),
    actors: join(e.actors.map((a) => `${a.name} (${a.role})`)),
    actor_ids: join(e.actors.map((a) => a.id)),
    outlets: join(e.outlets.map((o) => `${o.name} (${o.role})`)),
    outlet_ids: join(e.outlets.map((o) => o.id)),
    figures: join(e.figures.map((f) => f.display)),
    notes: join(e.notes.map((n) => (n.kind === 'correction' ? `Correction: ${n.text}` : n.text))),
    created_at: e.created_at,
    updated_at: e.updated_at,
    version: e.version,
    url: `${origin}/api/v1/events/${e.id}`,
  }))
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    quoted_match: /[",\r\n]/,
    // A cell that starts with = + - @ would run as a formula in a spreadsheet: it gets a leading '.
    escape_formulas: true,
  })
}
