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

/**
 * The reader's place in a step, kept across a change of layout width. The place is the point of
 * the step at the top of the text the reader can see: `through` (0-1, as progressAt gives it
 * for that line) of the step was at `inset`, the line a jump puts a step's top on (its scroll
 * margin plus the page's scroll padding: just below a sticky graphic). That point is put back on
 * the inset line as laid out now, so the reader sees the same words first; a reader at the
 * step's start (0) sees its headline where a jump would put it. The step must stay the active
 * one (activeIndexAt): its top is kept at or above the trigger line and its bottom below it.
 * `stepTop`, `height`, `inset` and `trigger` are viewport pixels as laid out now; returns the
 * window scroll position (px, within 0 to `maxScroll`).
 */
export function scrollToKeepPlace(
  stepTop: number,
  height: number,
  through: number,
  inset: number,
  trigger: number,
  scrollY: number,
  maxScroll: number,
): number {
  const h = Math.max(0, height)
  const wanted = inset - Math.min(1, Math.max(0, through)) * h
  // Where the step's top may go and the step still be the active one.
  const highest = trigger - h + 1
  const top = Math.min(trigger, Math.max(highest, wanted))
  return Math.min(maxScroll, Math.max(0, Math.round(scrollY + stepTop - top)))
}
