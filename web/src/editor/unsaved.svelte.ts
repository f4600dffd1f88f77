// Which forms of the editor page hold unsaved changes, and the guard that asks before they are
// left: a link inside the page (the event list, the story page, another view) asks first, so do
// Back, Forward and a typed address within the page (the view follows the address's hash), so
// does signing out, and so does the browser before it unloads the page (reload, closing the tab,
// typing another address).
// `keepUnsaved` ties one form to both: the guard, and its draft in this tab's sessionStorage.
import { onDestroy } from 'svelte'
import { dropDraft, keepDraft, keptNow } from './drafts'
import { isViewHash } from './route'

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

/** The next hash change is the page's own, after a save (goToSaved): it is not asked about. */
let passNext = false

/**
 * Moves the page to `href` (a hash such as "#/events/<id>") without asking: what the editor
 * leaves was just saved, though the form may not have marked itself clean yet.
 */
export function goToSaved(href: string): void {
  if (href === location.hash) return
  passNext = true
  location.hash = href
  // Should the browser see no change after all, the pass must not outlive this move.
  setTimeout(() => (passNext = false), 1000)
}

/** Whether a link leads into this same page (its hash aside). */
const sameDocument = (link: HTMLAnchorElement): boolean =>
  link.origin === location.origin &&
  link.pathname === location.pathname &&
  link.search === location.search

/**
 * Whether the editor may leave what they are on (sign out, for one): true at once when nothing is
 * unsaved, else their answer to LEAVE_QUESTION (window.confirm unless `confirmLeave` is given).
 */
export function mayLeave(
  confirmLeave: (question: string) => boolean = (q) => window.confirm(q),
): boolean {
  return !hasUnsaved() || confirmLeave(LEAVE_QUESTION)
}

/**
 * Installs the leave guard on `window` and returns its removal. `confirmLeave` asks the editor
 * (window.confirm unless given) and says whether to go on. Install it before the page's own
 * `hashchange` listener: a hash change the editor refuses is stopped before the view follows it,
 * and the address is put back (replaceState, so no new history entry and no second event).
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
    // A place in this page (the skip link): nothing is left.
    if (sameDocument(link) && !isViewHash(link.hash)) return
    if (mayLeave(confirmLeave)) {
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
  // Back, Forward or a hash typed in the address bar: the address has already changed, so a
  // "no" puts it back. A link's change was asked about on its click.
  const onHashChange = (event: HashChangeEvent) => {
    const own = passNext
    passNext = false
    if (own || leaving || !isViewHash(location.hash) || mayLeave(confirmLeave)) return
    event.stopImmediatePropagation()
    history.replaceState(history.state, '', event.oldURL)
  }
  document.addEventListener('click', onClick, true)
  window.addEventListener('hashchange', onHashChange)
  window.addEventListener('beforeunload', onBeforeUnload)
  return () => {
    document.removeEventListener('click', onClick, true)
    window.removeEventListener('hashchange', onHashChange)
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
