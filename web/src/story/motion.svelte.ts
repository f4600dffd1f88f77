// The reader's motion preference, read in one place for the whole page: the scroll jumps
// (story/controller.ts), the graphic's cross-fades (Graphic.svelte) and the chart transitions
// (charts/motion.ts) all ask this store. Built on Svelte's reactive media query, so whatever
// reads it in a component or an effect follows the system setting as it changes.
import { prefersReducedMotion } from 'svelte/motion'

/** The motion preference; `current` is reactive inside components and effects. */
export interface MotionPreference {
  /**
   * True when the system asks for reduced motion (`prefers-reduced-motion: reduce`): no
   * transitions, no smooth scrolling. False on the server, where nothing moves anyway.
   */
  readonly current: boolean
}

export const reducedMotion: MotionPreference = {
  get current() {
    return prefersReducedMotion.current
  },
}

/**
 * Calls `onChange` with the motion preference now and whenever the system setting changes, for
 * code outside components (the page's `reduce-motion` class). Returns a function that stops.
 */
export function watchReducedMotion(onChange: (reduce: boolean) => void): () => void {
  const query = window.matchMedia('(prefers-reduced-motion: reduce)')
  const report = () => onChange(query.matches)
  query.addEventListener('change', report)
  report()
  return () => query.removeEventListener('change', report)
}
