// Which forms of the editor page hold unsaved changes, and the guard that asks before they are
// left: a link inside the page (the event list, the story page, another view) asks first, and so
// does the browser before it unloads the page (reload, closing the tab, typing an address).
// `keepUnsaved` ties one form to both: the guard, and its draft in this tab's sessionStorage.
import { onDestroy } from 'svelte'
import { dropDraft, keepDraft, keptNow } from './drafts'

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

/** What `keepUnsaved` reads of a form each time it changes. */
export interface FormState<T> {
  /** Where its draft is kept (drafts.ts): it may change, as when a new row is first saved. */
  key: string
  /** The form holds changes that are not saved. */
  dirty: boolean
  /** The form's fields as typed. */
  fields: T
  /** The fields as loaded (or as a new row starts). */
  base: T
  /** The row's version the base was read at (0 for a new row). */
  version: number
}

/**
 * Keeps one form's unsaved changes from being lost: while `state().dirty`, the leave guard asks
 * before the page goes and the fields are kept as a draft under `state().key` (drafts.ts); once
 * clean, the draft is dropped, and so is the one under a key the form no longer uses. Call it
 * while a component is set up: the form stops counting as unsaved when the component goes, but
 * its draft stays for the next visit (drop it with `dropDraft` when the row is deleted or a new
 * one discarded).
 */
export function keepUnsaved<T>(state: () => FormState<T>): void {
  let last = ''
  $effect(() => {
    const { key, dirty: unsaved, fields, base, version } = state()
    if (last && last !== key) {
      setUnsaved(last, false)
      dropDraft(last)
    }
    last = key
    setUnsaved(key, unsaved)
    if (unsaved) {
      keepDraft<T>(key, {
        fields: $state.snapshot(fields) as T,
        base: $state.snapshot(base) as T,
        version,
        kept_at: keptNow(),
      })
    } else {
      dropDraft(key)
    }
  })
  onDestroy(() => {
    if (last) setUnsaved(last, false)
  })
}
