// The words of the editor's other screens: each table's title on the page, the tables the changes
// list can filter by (every table with labelled fields, worker/data/labels.ts, and the links
// between an event and its places, outlets and actors), and how a revision reads in a sentence.
import { ROW_NOUNS, type LabelledTable } from '../../../worker/data/labels'
import { changedFields } from './diff'
import type { Revision } from './types'

/** A table's title on the page (the heading of its screen, a choice of the changes filter). */
export const TABLE_TITLES: Record<string, string> = {
  story: 'The story',
  events: 'Events',
  figures: 'Figures',
  notes: 'Notes',
  quotes: 'Quotes',
  places: 'Places',
  actors: 'Actors',
  outlets: 'Outlets',
  chapters: 'Chapters',
  categories: 'Categories',
  event_places: 'An event’s places',
  event_outlets: 'An event’s outlets',
  event_actors: 'An event’s actors',
}

/** The links between an event and other rows: their revisions move the event's version. */
export const LINK_TABLES = ['event_places', 'event_outlets', 'event_actors'] as const

/** The tables GET /api/v1/admin/revisions can filter by, in the order the filter offers them. */
export const CHANGE_TABLES: readonly string[] = [
  ...(Object.keys(ROW_NOUNS) as LabelledTable[]),
  ...LINK_TABLES,
]

/** How a row of `table` is called in a sentence ("place", "link of an event to a place"). */
export function nounOf(table: string): string {
  const nouns: Record<string, string> = ROW_NOUNS
  if (table in nouns) return nouns[table]!
  if (table === 'event_places') return 'event’s place'
  if (table === 'event_outlets') return 'event’s outlet'
  if (table === 'event_actors') return 'event’s actor'
  return table
}

const DONE = { insert: 'added', update: 'changed', delete: 'deleted' } as const

/** One line for a revision: "Place kandal changed: name, latitude". */
export function revisionLine(revision: Revision): string {
  const fields = revision.action === 'update' ? changedFields(revision) : []
  const noun = nounOf(revision.table_name)
  const row = revision.table_name === 'story' ? '' : ` ${revision.row_id}`
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)}${row} ${DONE[revision.action]}${
    fields.length ? `: ${fields.join(', ')}` : ''
  }`
}

/** A moment as the editor reads it: "1 Dec 2026, 09:30:12 UTC". */
export function when(at: string): string {
  const date = new Date(at)
  return Number.isNaN(date.getTime())
    ? at
    : `${date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })} UTC`
}

/** "1 row", "3 rows". */
export const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`
