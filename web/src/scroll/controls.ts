// The reader's other ways through the story besides scrolling: the j/k keys, links to an event
// (?event=<id>, or the older #event-<id>) followed on the page or arriving as a changed fragment,
// and keyboard focus moving into a step (Tab). Links jump straight to their step instead of
// scrolling past every step between. Returns a function that removes the listeners.
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
}

/** A link the page handles itself: to this page, naming one of the story's events. */
function eventOfLink(link: HTMLAnchorElement, ids: ReadonlySet<string>): string | null {
  if (link.target && link.target !== '_self') return null
  if (link.hasAttribute('download')) return null
  const url = new URL(link.href)
  if (url.origin !== location.origin || url.pathname !== location.pathname) return null
  return eventIdFromUrl(url, ids)
}

export function attachControls({ ids, move, follow, focusStep }: ControlOptions): () => void {
  const onKey = (event: KeyboardEvent) => {
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
  window.addEventListener('hashchange', onHashChange)
  return () => {
    document.removeEventListener('keydown', onKey)
    document.removeEventListener('click', onClick)
    document.removeEventListener('focusin', onFocus)
    window.removeEventListener('hashchange', onHashChange)
  }
}
