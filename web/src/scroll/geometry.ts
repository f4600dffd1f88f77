// Which step is active for a given layout: the last one whose top has passed the trigger line.
// Scrollama's callbacks say the same while scrolling; this answers it at any moment (on load,
// after a jump, after a resize), so the two can never disagree for long.

/** `tops` are the steps' top edges in viewport pixels, in reading order. */
export function activeIndexAt(tops: readonly number[], trigger: number): number | null {
  let active: number | null = null
  for (const [index, top] of tops.entries()) {
    if (top <= trigger) active = index
    else break
  }
  return active
}

/** The window scroll position that puts a step's top just past the trigger line. */
export function scrollTargetFor(
  stepTop: number,
  scrollY: number,
  trigger: number,
  margin: number,
): number {
  return Math.max(0, Math.round(scrollY + stepTop - trigger + margin))
}
