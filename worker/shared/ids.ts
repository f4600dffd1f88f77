// How a new event's id is made from its date and headline, the same way on the editor page (its
// suggestion while the editor types) and in the bulk import (a TimelineJS sheet has no ids).

/**
 * A suggested id for a new event: its date (YYYY-MM-DD) and the first six words of its headline,
 * lowercased, accents removed, anything but letters and digits turned into hyphens, at most 80
 * characters, such as "2022-09-19-sar-kheng-lists-289-complaints". It matches the events' id rule
 * (lowercase letters, digits and hyphens) whenever `date` does.
 */
export function suggestEventId(date: string, headline: string): string {
  const words = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 6)
  return [date, ...words].filter(Boolean).join('-').slice(0, 80).replace(/-+$/, '')
}
