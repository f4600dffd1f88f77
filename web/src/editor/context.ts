// What every part of the signed-in editor shares: the API client, the form choices, a way to
// announce results to screen readers, and what to do when the token stops working.
import { getContext, setContext } from 'svelte'
import type { Client } from './api'
import type { Options } from './types'

export interface EditorContext {
  readonly client: Client
  readonly options: Options
  /** Says a result out loud (polite live region). */
  announce(message: string): void
  /** The token was refused: back to the sign-in form. */
  signedOut(reason: string): void
}

const KEY = Symbol('editor')

export const provideEditor = (context: EditorContext) => setContext(KEY, context)

export function useEditor(): EditorContext {
  const context = getContext<EditorContext | undefined>(KEY)
  if (!context) throw new Error('useEditor() outside the signed-in editor')
  return context
}
