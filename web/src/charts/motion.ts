// Client-only transitions with d3-transition. They animate only inline styles the components
// never set (opacity, transform), and clear them when done or interrupted, so the marks always
// end in the state the components drew. Under reduced motion none of them starts: callers pass
// their own flag, and each function asks the page's motion store again.
import { select } from 'd3-selection'
import 'd3-transition'
import { reducedMotion } from '../story/motion.svelte'

const clear = (...names: string[]) =>
  function (this: Element) {
    for (const name of names) (this as SVGElement).style.removeProperty(name)
  }

/** Fades the matching elements in from transparent. */
export function fadeIn(root: Element, selector: string, duration = 300): void {
  if (reducedMotion.current) return
  select(root)
    .selectAll<SVGElement, unknown>(selector)
    .interrupt()
    .style('opacity', '0')
    .transition()
    .duration(duration)
    .style('opacity', '1')
    .on('end interrupt', clear('opacity'))
}

/** Grows the matching elements from nothing, along x ('x') or from their centre ('both'). */
export function grow(root: Element, selector: string, axis: 'x' | 'both', duration = 450): void {
  if (reducedMotion.current) return
  const from = axis === 'x' ? 'scale(0, 1)' : 'scale(0)'
  select(root)
    .selectAll<SVGElement, unknown>(selector)
    .interrupt()
    .style('transform-box', 'fill-box')
    .style('transform-origin', axis === 'x' ? '0 50%' : '50% 50%')
    .style('transform', from)
    .transition()
    .duration(duration)
    .style('transform', axis === 'x' ? 'scale(1, 1)' : 'scale(1)')
    .on('end interrupt', clear('transform', 'transform-box', 'transform-origin'))
}
