// Revisions side by side: every field of the row before and after a change, the changed ones
// marked, and which version of the row a restore must name in If-Match.
import { fieldLabel } from '../../../worker/data/labels'
import type { Revision } from './types'

/** One field of a revision, before and after. */
export interface DiffRow {
  /** The column's name, as SQL and the API know it. */
  field: string
  /** What the editor page calls the field (worker/data/labels.ts), or the column's name. */
  label: string
  before: string
  after: string
  changed: boolean
}

/** Bookkeeping fields that move on every change and say nothing about the content. */
const BOOKKEEPING = new Set(['version', 'updated_at', 'created_at'])

export function showValue(value: unknown): string {
  if (value === undefined) return ''
  if (value === null) return '(empty)'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export function diffRows(revision: Revision): DiffRow[] {
  const before = revision.before ?? {}
  const after = revision.after ?? {}
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return fields.map((field) => ({
    field,
    label: fieldLabel(revision.table_name, field) ?? field,
    before: revision.before ? showValue(before[field]) : '',
    after: revision.after ? showValue(after[field]) : '',
    changed:
      revision.action === 'update'
        ? JSON.stringify(before[field]) !== JSON.stringify(after[field])
        : !BOOKKEEPING.has(field),
  }))
}

/**
 * The content fields a change touched (bookkeeping left out), by their labels on the editor page,
 * for a one-line summary.
 */
export function changedFields(revision: Revision): string[] {
  return diffRows(revision)
    .filter((row) => row.changed && !BOOKKEEPING.has(row.field))
    .map((row) => row.label)
}

/** The tables whose restore names the event's own version: the event and its links. */
const EVENT_VERSIONED = new Set(['events', 'event_places', 'event_actors', 'event_outlets'])

/**
 * The version a restore of `revision` must name in If-Match (`revisions` newest first). The
 * event itself and its links (whose changes move the event's version without a revision of the
 * event) name `eventVersion`, the event as loaded; any other row the newest revision of the same
 * row: the state it left, or for a row deleted with SQL the version it had when deleted.
 */
export function currentVersion(
  revisions: Revision[],
  revision: Revision,
  eventVersion?: number,
): number | undefined {
  if (eventVersion !== undefined && EVENT_VERSIONED.has(revision.table_name)) {
    const newest = revisions.find(
      (r) => r.table_name === revision.table_name && r.row_id === revision.row_id,
    )
    // An event deleted with SQL has no loaded version: it is named by the one it was deleted at.
    if (!(revision.table_name === 'events' && newest?.action === 'delete')) return eventVersion
  }
  const newest = revisions.find(
    (r) => r.table_name === revision.table_name && r.row_id === revision.row_id,
  )
  const state = newest?.action === 'delete' ? newest.before : (newest?.after ?? null)
  return typeof state?.version === 'number' ? state.version : undefined
}

/** Whether a revision holds a state to go back to (a delete's `before`, anything else's `after`). */
export function restorable(revision: Revision): boolean {
  return (revision.action === 'delete' ? revision.before : revision.after) !== null
}

const TABLE_NAMES: Record<string, string> = {
  events: 'Event',
  figures: 'Figure',
  notes: 'Note',
  quotes: 'Quote',
  event_places: 'Place link',
  event_actors: 'Actor link',
  event_outlets: 'Outlet link',
}

export function tableLabel(table: string): string {
  return TABLE_NAMES[table] ?? table
}
