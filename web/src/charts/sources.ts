// Who a mark credits: the outlets that published, reported or stated an event (not the review
// that compiled it), or the compiler when the review is the only source. Every mark of a
// cumulative chart credits its own event's outlets; the credit line under the graphic lists them.
import type { Story, StoryEvent } from '../../../worker/model'
import { creditedOutlets } from '../../../worker/shared/sources'

/**
 * An outlet's short name, for the marks: the shorter of a name and the part of it in brackets.
 * 'Cambodian Journalists Alliance Association (CamboJA)' -> 'CamboJA';
 * 'VOD (Voice of Democracy)' -> 'VOD'; 'Phnom Penh Post' -> 'Phnom Penh Post'.
 */
export function shortName(name: string): string {
  const match = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name)
  if (!match) return name
  const [, before = '', inside = ''] = match
  return before && before.length <= inside.length ? before : inside
}

/**
 * The names of the outlets an event credits for its facts, in the event's order: every outlet
 * but the one that only compiled it; when there is none, the compiler. The compiler goes by its
 * short name ('CamboJA') either way.
 */
export function eventSources(
  event: Pick<StoryEvent, 'outlets'>,
  story: Pick<Story, 'story'>,
): string[] {
  const compiler = story.story.source_outlet
  const outlets = creditedOutlets(event.outlets).map((o) =>
    o.name === compiler ? shortName(compiler) : o.name,
  )
  return outlets.length ? outlets : [shortName(compiler)]
}

/** The short names of the outlets an event credits (see eventSources), as its marks name them. */
export function markSources(
  event: Pick<StoryEvent, 'outlets'>,
  story: Pick<Story, 'story'>,
): string[] {
  return eventSources(event, story).map(shortName)
}

/** The distinct names of `lists`, in order of first appearance. */
export function distinct(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())]
}
