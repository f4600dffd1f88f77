// The event list: each event's status as the editor sees it, and the list filtered by status and
// by words in the headline, id or date.
import type { EventSummary } from './types'

export type ListStatus = 'draft' | 'published' | 'deleted'
export type StatusFilter = ListStatus | 'all'

export function listStatus(event: Pick<EventSummary, 'status' | 'deleted_at'>): ListStatus {
  return event.deleted_at ? 'deleted' : event.status
}

export function filterEvents(
  events: EventSummary[],
  status: StatusFilter,
  query: string,
): EventSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return events
    .filter((e) => status === 'all' || listStatus(e) === status)
    .filter((e) => {
      const text = `${e.headline} ${e.id} ${e.date}`.toLowerCase()
      return words.every((w) => text.includes(w))
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
}

export function countByStatus(events: EventSummary[]): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = {
    all: events.length,
    draft: 0,
    published: 0,
    deleted: 0,
  }
  for (const e of events) counts[listStatus(e)] += 1
  return counts
}
