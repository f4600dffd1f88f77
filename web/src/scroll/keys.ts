// The j/k keys: next and previous event, unless the reader is typing or holding a modifier.
export type StepMove = 'next' | 'previous'

const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])'

/** The move a key press asks for: j next, k previous; null for any other key or while typing. */
export function stepMoveFor(event: KeyboardEvent): StepMove | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return null
  if (event.target instanceof Element && event.target.closest(TYPING)) return null
  if (event.key === 'j') return 'next'
  if (event.key === 'k') return 'previous'
  return null
}
