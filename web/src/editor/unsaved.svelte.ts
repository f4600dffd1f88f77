// Which forms of the editor page hold unsaved changes, and the guard that asks before they are
// left: a link inside the page (the event list, the story page, another view) asks first, and so
// does the browser before it unloads the page (reload, closing the tab, typing an address).

/** The question asked before unsaved changes are left behind. */
export const LEAVE_QUESTION =
  'You have unsaved changes. Leave this page anyway? (What you typed is kept in this tab as a draft until you discard it.)'

const dirty = $state<Record<string, boolean>>({})

/** Marks the form `key` as holding unsaved changes, or not. */
export function setUnsaved(key: string, unsaved: boolean): void {
  if (unsaved) dirty[key] = true
  else delete dirty[key]
}

/** Whether any form on the page holds unsaved changes. */
export const hasUnsaved = (): boolean => Object.keys(dirty).length > 0

/**
 * Installs the leave guard on `window` and returns its removal. `confirmLeave` asks the editor
 * (window.confirm unless given) and says whether to go on.
 */
export function installLeaveGuard(
  confirmLeave: (question: string) => boolean = (q) => window.confirm(q),
): () => void {
  let leaving = false
  const onClick = (event: MouseEvent) => {
    if (!hasUnsaved() || event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const link = (event.target as Element | null)?.closest?.('a[href]')
    if (!(link instanceof HTMLAnchorElement) || link.target === '_blank') return
    if (link.hasAttribute('download')) return
    if (confirmLeave(LEAVE_QUESTION)) {
      // The editor said yes: the unload that may follow must not ask again.
      leaving = true
      setTimeout(() => (leaving = false), 1000)
    } else {
      event.preventDefault()
    }
  }
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsaved() || leaving) return
    event.preventDefault()
    // Older browsers show the dialog only when returnValue is set.
    event.returnValue = ''
  }
  document.addEventListener('click', onClick, true)
  window.addEventListener('beforeunload', onBeforeUnload)
  return () => {
    document.removeEventListener('click', onClick, true)
    window.removeEventListener('beforeunload', onBeforeUnload)
  }
}
