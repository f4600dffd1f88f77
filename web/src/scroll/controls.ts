// The reader's other ways through the story besides scrolling: the j/k keys, links to an event
// (?event=<id>, or the older #event-<id>) followed on the page or arriving as a changed fragment,
// and keyboard focus moving into a step (Tab). Links jump straight to their step instead of
// scrolling past every step between. Returns a function that removes the listeners.
// Tab goes on from where the reader is. Once a scroll of any kind (wheel, touch, keys, the
// scrollbar, a script; not a jump of the page's own under way) has left the focus behind (a
// focused part of the story off the screen; a fixed button, or nothing, focused and the page
// moved half a screen since), the next Tab or Shift+Tab lands on the first link or button of
// the page's flow from the reader's place on: on the screen below the sticky graphic, or the
// next one after it, from the active step on. It never goes on from the old focus and scrolls
// the story back to it.
import { eventIdFromHash, eventIdFromUrl } from '../story/location'
import { stepMoveFor, type StepMove } from './keys'

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

const LISTEN = { capture: true, passive: true } as const

/** A band of the viewport, in CSS px from its top. */
interface Band {
  top: number
  bottom: number
}

/**
 * The band of the viewport the reader sees the page's flow in: below the sticky graphic while it
 * covers the top of the screen (the page's scroll-padding, which scroll/clearance.ts measures, as
 * far as the graphic's box still reaches once it scrolls away) and above the buttons' bar.
 */
function readingArea(): Band {
  const style = getComputedStyle(document.documentElement)
  const graphic = document.getElementById('graphic')?.getBoundingClientRect()
  const stuck = graphic && graphic.top <= 1 && graphic.bottom > 0
  return {
    top: stuck ? Math.min(pixels(style.scrollPaddingTop), graphic.bottom) : 0,
    bottom: window.innerHeight - pixels(style.scrollPaddingBottom),
  }
}

/** Whether `el`'s box crosses `band` at all. */
function crosses(el: Element, band: Band): boolean {
  const box = el.getBoundingClientRect()
  return box.height + box.width > 0 && box.bottom > band.top && box.top < band.bottom
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
 * Where Tab starts from the reader's place: the first element Tab can focus in `root`'s flow, in
 * document order, that is in the reading area or after it, from the active step on (the end of
 * the step before may show above it); else from the top of `root`. Null when there is none.
 */
function tabStart(root: Element): HTMLElement | null {
  const area = readingArea()
  const reachable = (el: HTMLElement) =>
    el.getClientRects().length > 0 &&
    !el.closest('[inert], [aria-hidden="true"]') &&
    el.getBoundingClientRect().bottom > area.top &&
    !heldInPlace(el, root)
  const all = [...root.querySelectorAll<HTMLElement>(TABBABLE)]
  const active = root.querySelector('.step[data-active="true"]')
  const fromActive = active
    ? all.filter(
        (el) =>
          active.contains(el) ||
          (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      )
    : []
  return fromActive.find(reachable) ?? all.find(reachable) ?? null
}

export function attachControls({
  ids,
  move,
  follow,
  focusStep,
  jumping,
}: ControlOptions): () => void {
  // The page's scroll position when the focus last moved or the reader last pointed: where the
  // place Tab starts from was set (a click in the text sets it too, with nothing focused).
  let anchoredAt = window.scrollY
  const anchor = () => {
    anchoredAt = window.scrollY
  }
  /**
   * Whether the focus (or, with none, the place Tab starts from) was left behind by a scroll of
   * any kind (wheel, touch, keys, the scrollbar, a script): an element of the flow off the screen,
   * or nothing focused or a fixed button focused with the page moved half a screen since.
   */
  const leftBehind = (focused: Element | null): boolean => {
    if (jumping()) return false
    const moved = Math.abs(window.scrollY - anchoredAt) > window.innerHeight / 2
    if (!focused || focused === document.body || focused === document.documentElement) {
      return moved
    }
    if (heldInPlace(focused, document.body)) return moved
    return !crosses(focused, { top: 0, bottom: window.innerHeight })
  }
  const onTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.defaultPrevented) return
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const main = document.getElementById('main')
    if (!main || !leftBehind(document.activeElement)) return
    const start = tabStart(main)
    if (!start || start === document.activeElement) return
    event.preventDefault()
    // One already on the screen is focused where it is (the page's scroll padding keeps room for
    // the sticky graphic even where it has scrolled away); one after the screen is scrolled to.
    start.focus({ preventScroll: crosses(start, { top: 0, bottom: window.innerHeight }) })
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
  document.addEventListener('pointerdown', anchor, LISTEN)
  document.addEventListener('focusin', anchor)
  window.addEventListener('hashchange', onHashChange)
  return () => {
    document.removeEventListener('keydown', onKey)
    document.removeEventListener('click', onClick)
    document.removeEventListener('focusin', onFocus)
    document.removeEventListener('pointerdown', anchor, LISTEN)
    document.removeEventListener('focusin', anchor)
    window.removeEventListener('hashchange', onHashChange)
  }
}
