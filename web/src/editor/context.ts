// What every part of the signed-in editor shares: the API client, the form choices and a way to
// announce results to screen readers. A token that stops working signs the editor out from the
// client itself (see api.ts), so no view has to.
import { getContext, setContext } from 'svelte'
import type { Client } from './api'
import type { EditorAction } from '../../../worker/admin/roles'
import type { Identity, Options } from './types'

export interface EditorContext {
  readonly client: Client
  readonly options: Options
  /** Who is signed in, with their role and what it may do. */
  readonly identity: Identity
  /** Says a result out loud (polite live region). */
  announce(message: string): void
}

const KEY = Symbol('editor')

/** Whether the signed-in editor's role may take `action` (the API's own table, from GET /me). */
export const mayDo = (identity: Identity, action: EditorAction): boolean =>
  identity.may[action] === true

/**
 * Why the signed-in editor sees no button for `action`, in words: the roles that may take it and
 * what to do instead (ask one of them, or for a token with that role).
 */
export function whyNot(identity: Identity, action: EditorAction): string {
  const { roles, words } = identity.actions[action]
  const who = roles.map((r) => `a ${r}`).join(' or ')
  return `Only ${who} can ${words}; your token is a ${identity.role}’s. Ask ${who} to do it, or ask for a ${roles[0] ?? 'publisher'} token.`
}

export const provideEditor = (context: EditorContext) => setContext(KEY, context)

export function useEditor(): EditorContext {
  const context = getContext<EditorContext | undefined>(KEY)
  if (!context) throw new Error('useEditor() outside the signed-in editor')
  return context
}
