// Marks kept in story order: what a step of a cumulative scene draws is a prefix of the story's
// marks, found by binary search (d3-array's bisector) rather than a scan of the whole story.
import { bisector } from 'd3-array'

const byAt = bisector((item: { at: number }) => item.at)

/**
 * How many of `items` belong to events up to index `last` of the story: `items` are sorted by
 * `at` (the index of each item's event in the story), so the answer is where `last` would be
 * inserted after its equals. O(log n).
 */
export function countUpTo(items: readonly { at: number }[], last: number): number {
  return byAt.right(items, last)
}
