// The reader's other ways through the story besides scrolling: the j/k keys, a changed #event-
// hash, and in-page links to a step (which jump straight there instead of scrolling past every
// step between). Returns a function that removes the listeners.
import { eventIdFromUrl } from '../story/location'
import { stepMoveFor, type StepMove } from './keys'

export interface ControlOptions {
  ids: ReadonlySet<string>
  move: (direction: StepMove) => void
  goTo: (id: string, smooth: boolean) => void
}

export function attachControls({ ids, move, goTo }: ControlOptions): () => void {
  const onKey = (event: KeyboardEvent) => {
    const direction = stepMoveFor(event)
    if (!direction) return
    event.preventDefault()
    move(direction)
  }
  const onHashChange = () => {
    const id = eventIdFromUrl(new URL(location.href), ids)
    if (id) goTo(id, false)
  }
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return
    if (!(event.target instanceof Element)) return
    const link = event.target.closest<HTMLAnchorElement>('a[href^="#event-"]')
    const id = link && eventIdFromUrl(new URL(link.href), ids)
    if (!id) return
    event.preventDefault()
    goTo(id, true)
  }
  document.addEventListener('keydown', onKey)
  document.addEventListener('click', onClick)
  window.addEventListener('hashchange', onHashChange)
  return () => {
    document.removeEventListener('keydown', onKey)
    document.removeEventListener('click', onClick)
    window.removeEventListener('hashchange', onHashChange)
  }
}
