// What every part of the signed-in editor shares: the API client, the form choices and a way to
// announce results to screen readers. A token that stops working signs the editor out from the
// client itself (see api.ts), so no view has to.
import { getContext, setContext } from 'svelte'
import type { Client } from './api'
import type { Options } from './types'

export interface EditorContext {
  readonly client: Client
  readonly options: Options
  /** Says a result out loud (polite live region). */
  announce(message: string): void
}

const KEY = Symbol('editor')

export const provideEditor = (context: EditorContext) => setContext(KEY, context)

export function useEditor(): EditorContext {
  const context = getContext<EditorContext | undefined>(KEY)
  if (!context) throw new Error('useEditor() outside the signed-in editor')
  return context
}
