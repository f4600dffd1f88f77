// The editor's token lives in sessionStorage only: gone when the tab closes, never in a URL.
const KEY = 'year-in-review:editor-token'

export function savedToken(storage: Storage = sessionStorage): string | null {
  try {
    return storage.getItem(KEY)
  } catch {
    return null
  }
}

export function saveToken(token: string, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(KEY, token)
  } catch {
    // Storage may be off (private mode, policy): the token then lasts as long as the page.
  }
}

export function forgetToken(storage: Storage = sessionStorage): void {
  try {
    storage.removeItem(KEY)
  } catch {
    // Nothing was stored.
  }
}
