// Which step is active for a given layout, how far the reader is through it, and where a jump
// lands. Scrollama's callbacks say which step is active while scrolling; these answer it at any
// moment (on load, after a jump, after a resize), so the two can never disagree for long.

/**
 * The active step: the last one whose top has passed the trigger line, or null before the first.
 * `tops` are the steps' top edges in viewport pixels, in reading order.
 */
export function activeIndexAt(tops: readonly number[], trigger: number): number | null {
  let active: number | null = null
  for (const [index, top] of tops.entries()) {
    if (top <= trigger) active = index
    else break
  }
  return active
}

/**
 * How far the trigger line has moved through a step, 0 (at its top) to 1 (at its bottom).
 * `top` and `height` are the step's box in viewport pixels; `trigger` the line's position.
 */
export function progressAt(top: number, height: number, trigger: number): number {
  if (height <= 0) return trigger >= top ? 1 : 0
  return Math.min(1, Math.max(0, (trigger - top) / height))
}

/**
 * The window scroll position that puts a step's top `inset` pixels below the top of the viewport
 * (its scroll margin plus the page's scroll padding, i.e. just below the sticky graphic), within
 * the page's scroll range (0 to `maxScroll`).
 */
export function scrollTargetFor(
  stepTop: number,
  scrollY: number,
  inset: number,
  maxScroll: number,
): number {
  return Math.min(maxScroll, Math.max(0, Math.round(scrollY + stepTop - inset)))
}
