// The write API's Hono environment: the app's bindings, the editor who signed the request, and what
// the request gates (admin/request.ts) found before the route's handler runs.
import type { AppEnv } from '../lib/types'
import type { Role } from './roles'

/** The admin routes' environment: the app's, plus the editor and the gates' findings. */
export interface AdminEnv extends AppEnv {
  Variables: AppEnv['Variables'] & {
    /** The name of the editor whose token signed the request (set by requireEditor). */
    editor: string
    /** The id of that editor's token (editor_tokens.id; set by requireEditor). */
    tokenId: number
    /** The role of that editor's token (set by requireEditor; admin/roles.ts says what it may do). */
    role: Role
    /** The request body as sent, once the JSON gate has accepted it (for the idempotency hash). */
    bodyText?: string
    /** A create's Idempotency-Key and the hash of its request, when the request carried a key. */
    idempotency?: { key: string; requestHash: string }
  }
}
