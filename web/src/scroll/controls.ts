// The reader's other ways through the story besides scrolling: the j/k keys, links to an event
// (?event=<id>, or the older #event-<id>) followed on the page or arriving as a changed fragment,
// and keyboard focus moving into a step (Tab). Links jump straight to their step instead of
// scrolling past every step between. Returns a function that removes the listeners.
// Tab goes on from where the reader is: once they have scrolled the focused element off the
// screen (wheel, touch, keys, the scrollbar; not while a jump of the page's own is under way), or
// scrolled by wheel, touch or keys with no element focused since they last pointed, the next Tab
// or Shift+Tab lands on the first link or button of the page's flow on the screen (below the
// sticky graphic, from the active step on), as the browser would from a click there, instead of
// going on from the old focus and scrolling the story back to it.
import { eventIdFromHash, eventIdFromUrl } from '../story/location'
import { stepMoveFor, type StepMove } from './keys'
import { SCROLL_KEYS } from './scroller'

export interface ControlOptions {
  ids: ReadonlySet<string>
  /** j or k was pressed. */
  move: (direction: StepMove) => void
  /** The reader followed a link to an event on this page (or changed the fragment to one). */
  follow: (id: string) => void
  /** Keyboard focus moved into the step of an event (Tab, Shift+Tab, a screen reader's focus). */
  focusStep: (id: string) => void
  /** Whether a jump of the page's own (keys, links, Tab) is still scrolling to its step. */
  jumping: () => boolean
}

/** A link the page handles itself: to this page, naming one of the story's events. */
function eventOfLink(link: HTMLAnchorElement, ids: ReadonlySet<string>): string | null {
  if (link.target && link.target !== '_self') return null
  if (link.hasAttribute('download')) return null
  const url = new URL(link.href)
  if (url.origin !== location.origin || url.pathname !== location.pathname) return null
  return eventIdFromUrl(url, ids)
}

/** What Tab can focus (disabled controls and tabindex=-1 aside). */
const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(', ')

const pixels = (value: string) => Number.parseFloat(value) || 0

/** The reader's own moves of the page, and how they are listened to. */
const MOVES = ['wheel', 'touchmove', 'keydown'] as const
const LISTEN = { capture: true, passive: true } as const

/**
 * The part of the viewport the reader sees the page's flow in (CSS px from its top): below what
 * the sticky graphic covers and above the buttons' bar, as the page's scroll-padding says
 * (scroll/clearance.ts measures both).
 */
function readingArea(): { top: number; bottom: number } {
  const style = getComputedStyle(document.documentElement)
  return {
    top: pixels(style.scrollPaddingTop),
    bottom: window.innerHeight - pixels(style.scrollPaddingBottom),
  }
}

/** Whether `el`'s box crosses the band `area` of the viewport (CSS px from its top) at all. */
function inReadingArea(el: Element, area: { top: number; bottom: number }): boolean {
  const box = el.getBoundingClientRect()
  return box.height + box.width > 0 && box.bottom > area.top && box.top < area.bottom
}

/** Whether `el` sits in something fixed or sticky (the buttons' bar, the graphic): not the flow. */
function heldInPlace(el: Element, root: Element): boolean {
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    const position = getComputedStyle(at).position
    if (position === 'fixed' || position === 'sticky') return true
  }
  return false
}

/**
 * The first element Tab can focus in `root`'s flow, in document order, that the reader sees in
 * the reading area: from the active step on where one is in view (the end of the step before
 * may show above it), else from the top; null when there is none (Tab is left to the browser).
 */
function firstTabbableInView(root: Element): HTMLElement | null {
  const area = readingArea()
  const seenIn = (band: { top: number; bottom: number }) => (el: HTMLElement) =>
    el.getClientRects().length > 0 &&
    !el.closest('[inert], [aria-hidden="true"]') &&
    inReadingArea(el, band) &&
    !heldInPlace(el, root)
  const seen = seenIn(area)
  const onScreen = seenIn({ top: 0, bottom: window.innerHeight })
  const all = [...root.querySelectorAll<HTMLElement>(TABBABLE)]
  const active = root.querySelector('.step[data-active="true"]')
  const fromActive = active
    ? all.filter(
        (el) =>
          active.contains(el) ||
          (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      )
    : []
  return fromActive.find(seen) ?? all.find(seen) ?? all.find(onScreen) ?? null
}

export function attachControls({
  ids,
  move,
  follow,
  focusStep,
  jumping,
}: ControlOptions): () => void {
  // When the reader last moved the page (wheel, touch, a scrolling key) and last pointed
  // (performance.now() ms): a click in the text sets where Tab starts from, a move leaves it.
  let movedAt = -Infinity
  let pointedAt = -Infinity
  const onMove = (event: Event) => {
    if (event instanceof KeyboardEvent && !SCROLL_KEYS.has(event.key)) return
    movedAt = performance.now()
  }
  const onPointer = () => {
    pointedAt = performance.now()
  }
  /** Whether the focus (or, with none, the place Tab starts from) was left behind by a scroll. */
  const leftBehind = (focused: Element | null): boolean => {
    if (jumping()) return false
    if (!focused || focused === document.body || focused === document.documentElement) {
      return movedAt > pointedAt
    }
    const screen = { top: 0, bottom: window.innerHeight }
    return !inReadingArea(focused, screen) && !heldInPlace(focused, document.body)
  }
  const onTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.defaultPrevented) return
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const main = document.getElementById('main')
    if (!main || !leftBehind(document.activeElement)) return
    const start = firstTabbableInView(main)
    if (!start || start === document.activeElement) return
    event.preventDefault()
    start.focus()
  }
  const onKey = (event: KeyboardEvent) => {
    onTab(event)
    const direction = stepMoveFor(event)
    if (!direction) return
    event.preventDefault()
    move(direction)
  }
  const onHashChange = () => {
    const id = eventIdFromHash(location.hash, ids)
    if (id) follow(id)
  }
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    if (!(event.target instanceof Element)) return
    const link = event.target.closest<HTMLAnchorElement>('a[href]')
    const id = link && eventOfLink(link, ids)
    if (!id) return
    event.preventDefault()
    follow(id)
  }
  const onFocus = (event: FocusEvent) => {
    if (!(event.target instanceof Element)) return
    // Keyboard focus only: a pointer that focuses a link on its way to clicking it is handled
    // by the click.
    if (!event.target.matches(':focus-visible')) return
    const id = event.target.closest<HTMLElement>('.step[data-event-id]')?.dataset.eventId
    if (id && ids.has(id)) focusStep(id)
  }
  document.addEventListener('keydown', onKey)
  document.addEventListener('click', onClick)
  document.addEventListener('focusin', onFocus)
  document.addEventListener('pointerdown', onPointer, LISTEN)
  for (const type of MOVES) window.addEventListener(type, onMove, LISTEN)
  window.addEventListener('hashchange', onHashChange)
  return () => {
    document.removeEventListener('keydown', onKey)
    document.removeEventListener('click', onClick)
    document.removeEventListener('focusin', onFocus)
    document.removeEventListener('pointerdown', onPointer, LISTEN)
    for (const type of MOVES) window.removeEventListener(type, onMove, LISTEN)
    window.removeEventListener('hashchange', onHashChange)
  }
}
