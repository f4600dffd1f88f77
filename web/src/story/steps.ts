// Where the previous/next moves lead and what the step buttons show, from the active step's place
// in the reading order. Pure functions of indexes, shared by the page's controller and its tests.
import type { StepMove } from '../scroll/keys'

/**
 * The index a previous/next move leads to from `from` (the active step's index, or null before
 * the first step) in a story of `count` steps; null when there is nowhere to go (before the first
 * or past the last). "next" from no active step is the first step; "previous" from it is nowhere.
 */
export function moveTarget(from: number | null, direction: StepMove, count: number): number | null {
  const target =
    from === null ? (direction === 'next' ? 0 : -1) : from + (direction === 'next' ? 1 : -1)
  return target >= 0 && target < count ? target : null
}

/** What the previous/next buttons show for one active step (see StepNav.svelte). */
export interface StepNavState<T> {
  /** Index of the active step, or null before the first. */
  position: number | null
  /** Where "Previous event" leads, or null at the start. */
  previous: T | null
  /** Where "Next event" leads, or null at the end. */
  next: T | null
}

/** The buttons' state with `position` active in `order` (the steps in reading order). */
export function stepNavState<T>(order: readonly T[], position: number | null): StepNavState<T> {
  return {
    position,
    previous: position === null ? null : (order[position - 1] ?? null),
    next: order[position === null ? 0 : position + 1] ?? null,
  }
}
