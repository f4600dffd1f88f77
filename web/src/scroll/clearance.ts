// How much of the viewport the story's text cannot use: the sticky graphic when it sits above the
// steps (phones held upright) and the fixed event buttons when they span the steps' column
// (narrow screens). Both are measured, never assumed, and written as CSS custom properties on the
// root element, where the page's scroll padding (so jumps, fragment links and keyboard focus land
// below the graphic and above the buttons), the trigger line and the page's bottom padding use
// them:
//   --graphic-clearance  pixels covered at the top of the viewport;
//   --nav-clearance      pixels covered at the bottom (0 where the buttons are not fixed).
// Returns a function that stops watching.

export interface ClearanceTargets {
  /** The sticky graphic's box (position: sticky when it is in use). */
  graphic: HTMLElement
  /** The steps' column: what must stay uncovered. */
  column: HTMLElement
  /** The fixed event buttons (null when they are not on the page). */
  nav: HTMLElement | null
}

export interface Clearance {
  top: number
  bottom: number
}

const overlapsColumn = (box: DOMRect, column: DOMRect) =>
  box.width > 0 && box.height > 0 && box.left < column.right && box.right > column.left

/** Measures the clearances now (layout reads only). */
export function measureClearance({ graphic, column, nav }: ClearanceTargets): Clearance {
  const columnBox = column.getBoundingClientRect()
  const graphicBox = graphic.getBoundingClientRect()
  const graphicStyle = getComputedStyle(graphic)
  const top =
    graphicStyle.position === 'sticky' && overlapsColumn(graphicBox, columnBox)
      ? (Number.parseFloat(graphicStyle.top) || 0) + graphicBox.height
      : 0
  const navBox = nav?.getBoundingClientRect()
  const navFixed = nav ? getComputedStyle(nav).position === 'fixed' : false
  const bottom =
    navBox && navFixed && overlapsColumn(navBox, columnBox)
      ? Math.max(0, document.documentElement.clientHeight - navBox.top)
      : 0
  return { top: Math.ceil(top), bottom: Math.ceil(bottom) }
}

/**
 * Keeps --graphic-clearance and --nav-clearance up to date as the graphic, the buttons, the
 * column or the window change size; `onChange` runs after each change is written.
 */
export function watchClearance(
  targets: ClearanceTargets,
  onChange: (clearance: Clearance) => void,
): () => void {
  const root = document.documentElement
  let last: Clearance | null = null
  let frame = 0
  const update = () => {
    frame = 0
    const next = measureClearance(targets)
    if (last && next.top === last.top && next.bottom === last.bottom) return
    last = next
    root.style.setProperty('--graphic-clearance', `${next.top}px`)
    root.style.setProperty('--nav-clearance', `${next.bottom}px`)
    onChange(next)
  }
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update)
  }
  const observer = new ResizeObserver(schedule)
  observer.observe(targets.graphic)
  observer.observe(targets.column)
  if (targets.nav) observer.observe(targets.nav)
  window.addEventListener('resize', schedule)
  update()
  return () => {
    cancelAnimationFrame(frame)
    observer.disconnect()
    window.removeEventListener('resize', schedule)
    root.style.removeProperty('--graphic-clearance')
    root.style.removeProperty('--nav-clearance')
  }
}
