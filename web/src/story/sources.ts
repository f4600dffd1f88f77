// Who reported what: every outlet the story cites, with the events it stands behind.
import type { Note, Story, StoryEvent } from '../../../worker/model'

export interface SourceEntry {
  id: string
  name: string
  kind: string
  events: StoryEvent[]
}

/** Every outlet named on an event, most-cited first, then by name. */
export function sourcesOf(story: Story): SourceEntry[] {
  const byId = new Map<string, SourceEntry>()
  for (const event of story.events) {
    for (const outlet of event.outlets) {
      const entry = byId.get(outlet.id) ?? { ...pick(outlet), events: [] }
      entry.events.push(event)
      byId.set(outlet.id, entry)
    }
  }
  return [...byId.values()].sort(
    (a, b) => b.events.length - a.events.length || a.name.localeCompare(b.name),
  )
}

function pick(outlet: { id: string; name: string; kind: string }) {
  return { id: outlet.id, name: outlet.name, kind: outlet.kind }
}

export interface CorrectionEntry {
  event: StoryEvent
  note: Note
}

/** Every correction made to the source, in story order. */
export function correctionsOf(events: StoryEvent[]): CorrectionEntry[] {
  return events.flatMap((event) =>
    event.notes.filter((n) => n.kind === 'correction').map((note) => ({ event, note })),
  )
}

const ROLE_LABELS: Record<string, string> = {
  published: 'Published by',
  reported: 'Reported by',
  statement: 'Statement from',
  compiled: 'Compiled by',
}

/** An event's outlets grouped by how they stand to it: [['Reported by', ['VOD']], ...]. */
export function outletsByRole(event: StoryEvent): [string, string[]][] {
  const groups = new Map<string, string[]>()
  for (const outlet of event.outlets) {
    const label = ROLE_LABELS[outlet.role] ?? 'Source:'
    groups.set(label, [...(groups.get(label) ?? []), outlet.name])
  }
  return [...groups.entries()]
}
