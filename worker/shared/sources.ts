// Who an event's facts are credited to: the one rule the charts' marks and credit lines and the
// partners' figures.csv both follow.

/**
 * The outlets an event credits for its facts, in the event's order: every outlet that published,
 * reported or stated it (role other than 'compiled'), never the review that only compiled it.
 * Empty when the compiler is the event's only source; callers then credit the compiler (the
 * story's `source_outlet`). `outlets` are the event's outlet rows with their `role`.
 */
export function creditedOutlets<O extends { role: string }>(outlets: readonly O[]): O[] {
  return outlets.filter((o) => o.role !== 'compiled')
}
