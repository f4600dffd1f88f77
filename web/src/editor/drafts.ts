// Unsaved form state kept in this tab's sessionStorage, so a reload (or a crash of the tab's page)
// never loses what the editor typed. One draft per form: the fields as typed, the row as it was
// loaded (the base of a three-way merge with what is stored when the draft comes back) and when
// it was kept. Storage that is off or full keeps nothing and says nothing: the leave guard still
// asks before the page goes.

/** One kept draft: the form as typed, the row it started from, and when it was kept. */
export interface KeptDraft<T> {
  /** The form's fields as the editor left them. */
  fields: T
  /** The fields as loaded from the server when the editor started typing. */
  base: T
  /** The row's version the base was read at. */
  version: number
  /** When the draft was kept (ISO 8601). */
  kept_at: string
}

const PREFIX = 'year-in-review:editor-draft:'

/** When a draft is kept: now, as ISO 8601. */
export const keptNow = () => new Date().toISOString()

/** The storage key of one form's draft, such as "event:2022-09-19-...". */
export const draftKey = (form: string, id: string) => `${PREFIX}${form}:${id}`

/** The draft kept under `key`, or null when there is none (or it cannot be read). */
export function readDraft<T>(key: string, storage: Storage = sessionStorage): KeptDraft<T> | null {
  try {
    const text = storage.getItem(key)
    if (!text) return null
    const draft = JSON.parse(text) as KeptDraft<T>
    return draft && typeof draft === 'object' && 'fields' in draft && 'base' in draft ? draft : null
  } catch {
    return null
  }
}

/** Keeps a draft under `key` (nothing happens when storage is off or full). */
export function keepDraft<T>(key: string, draft: KeptDraft<T>, storage: Storage = sessionStorage) {
  try {
    storage.setItem(key, JSON.stringify(draft))
  } catch {
    // Storage off or full: the leave guard still asks before the page goes.
  }
}

/** Forgets the draft under `key` (after a save, or when the editor discards it). */
export function dropDraft(key: string, storage: Storage = sessionStorage) {
  try {
    storage.removeItem(key)
  } catch {
    // Nothing was kept.
  }
}

/**
 * The keys ("new-1", "new-2", ...) of the new rows of one kind (such as "quote") under one event
 * that this tab kept drafts of: the rows to open again, with what was typed, after a reload.
 * New rows are numbered from 1 on the page; numbers up to 50 are looked at.
 */
export function keptNewRows(form: string, eventId: string, storage: Storage = sessionStorage) {
  return Array.from({ length: 50 }, (_, i) => `new-${i + 1}`).filter(
    (key) => readDraft(draftKey(form, `${eventId}:${key}`), storage) !== null,
  )
}
