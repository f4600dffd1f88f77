// The j/k keys: next and previous event, unless the reader is typing or holding a modifier.
export type StepMove = 'next' | 'previous'

const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])'

export function stepMoveFor(event: KeyboardEvent): StepMove | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return null
  if (event.target instanceof Element && event.target.closest(TYPING)) return null
  if (event.key === 'j') return 'next'
  if (event.key === 'k') return 'previous'
  return null
}
