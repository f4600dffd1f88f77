// Client-only transitions with the Web Animations API (element.animate): the browser runs them
// on the compositor where it can, and they need no library. They animate only opacity and
// transform, leave nothing behind when they end (no fill), so the marks always end in the state
// the components drew. Under reduced motion none of them starts: callers pass their own flag,
// and each function asks the page's motion store again.
import { reducedMotion } from '../story/motion.svelte'

const EASE = 'cubic-bezier(0.33, 1, 0.68, 1)'

/**
 * The animation each mark last started here. A mark's earlier animation is cancelled through
 * this map, not `getAnimations()`: that call brings the page's style up to date, so asking it of
 * each mark right after the one before it was given an animation recalculated the style once per
 * mark (most of a step's script time on a phone). Only these functions animate the marks.
 */
const started = new WeakMap<Element, Animation>()

function each(root: Element, selector: string, run: (el: Element) => Animation): void {
  if (reducedMotion.current || typeof root.animate !== 'function') return
  for (const el of root.querySelectorAll(selector)) {
    started.get(el)?.cancel()
    started.set(el, run(el))
  }
}

/** Fades the elements matching `selector` inside `root` in from transparent, over `duration` ms. */
export function fadeIn(root: Element, selector: string, duration = 300): void {
  each(root, selector, (el) =>
    el.animate([{ opacity: 0 }, { opacity: 1 }], { duration, easing: EASE }),
  )
}

/**
 * Grows the elements matching `selector` inside `root` from nothing over `duration` ms: along
 * x from their left edge ('x'), or from their centre ('both').
 */
export function grow(root: Element, selector: string, axis: 'x' | 'both', duration = 450): void {
  const origin = axis === 'x' ? '0 50%' : '50% 50%'
  const from = axis === 'x' ? 'scale(0, 1)' : 'scale(0)'
  const to = axis === 'x' ? 'scale(1, 1)' : 'scale(1)'
  each(root, selector, (el) =>
    el.animate(
      [
        { transform: from, transformOrigin: origin, transformBox: 'fill-box' },
        { transform: to, transformOrigin: origin, transformBox: 'fill-box' },
      ],
      { duration, easing: EASE },
    ),
  )
}
