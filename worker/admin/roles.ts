// What each editor role may do: one table of actions -> roles. The write API's gate (mount() in
// routes/admin-api.ts reads each route's action) refuses with 403 what a role may not do, and
// GET /api/v1/admin/me sends the same table to the editor page, which shows only what the role
// may do. Nothing else decides it. The roles are stored with each token (editor_tokens.role,
// migrations/0014_editor_roles_and_share_previews.sql).
import { z } from '@hono/zod-openapi'

/** The roles a token can carry, least able first. */
export const ROLES = ['writer', 'publisher'] as const

/** A token's role. */
export type Role = (typeof ROLES)[number]

/** Whether `value` names a role. */
export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

/**
 * Every action of the write API, with the roles that may take it and what it is in editors' words
 * (the words go into the 403's detail and next to the page's disabled buttons).
 */
export const EDITOR_ACTIONS = {
  read: { roles: ['writer', 'publisher'], words: 'read rows, drafts and revisions' },
  edit: {
    roles: ['writer', 'publisher'],
    words:
      'create and change rows (new events start as drafts; a writer’s change readers would see at once is kept as a proposal)',
  },
  'share-preview': {
    roles: ['writer', 'publisher'],
    words: 'make and revoke share-preview links',
  },
  publish: { roles: ['publisher'], words: 'publish an event' },
  unpublish: { roles: ['publisher'], words: 'take an event back to draft' },
  delete: { roles: ['publisher'], words: 'delete a row' },
  restore: { roles: ['publisher'], words: 'restore a deleted row or a revision' },
  decide: { roles: ['publisher'], words: 'apply or decline a writer’s proposed change' },
  structure: {
    roles: ['publisher'],
    words:
      'create or change chapters and categories (they have no draft: readers and partners see a change at once)',
  },
  story: {
    roles: ['publisher'],
    words:
      'change the story’s title, dek, credit, source or licence (they have no draft: readers and partners see a change at once)',
  },
  'manage-tokens': { roles: ['publisher'], words: 'make, list and revoke editor tokens' },
} as const satisfies Record<string, { roles: readonly Role[]; words: string }>

/** An action of the write API. */
export type EditorAction = keyof typeof EDITOR_ACTIONS

/** Every action, in the table's order. */
export const ACTIONS = Object.keys(EDITOR_ACTIONS) as EditorAction[]

/** Whether a token of `role` may take `action`. */
export function may(role: Role, action: EditorAction): boolean {
  return (EDITOR_ACTIONS[action].roles as readonly Role[]).includes(role)
}

/** The least role that may take `action` (the one a refusal tells the editor to ask for). */
export function roleNeeded(action: EditorAction): Role {
  return ROLES.find((role) => may(role, action)) ?? 'publisher'
}

/** For each action, whether `role` may take it: what GET /me sends to the page. */
export function permissionsOf(role: Role): Record<EditorAction, boolean> {
  return Object.fromEntries(ACTIONS.map((a) => [a, may(role, a)])) as Record<EditorAction, boolean>
}

/**
 * The detail of a 403: what was refused, the role it needs, and how to get it.
 * `name` and `role` are the signed-in editor's.
 */
export function refusalOf(action: EditorAction, name: string, role: Role): string {
  const needed = roleNeeded(action)
  return (
    `Your token (${name}) has the ${role} role, which may not ${EDITOR_ACTIONS[action].words}: ` +
    `that needs the ${needed} role. Ask a ${needed} to do it, or for a ${needed} token ` +
    `(npm run editor:token -- --name "${name}" --role ${needed}).`
  )
}

/** The OpenAPI extension naming a route's action (read by mount() and shown in the document). */
export const ACTION_KEY = 'x-editor-action'

/** The roles schema, for the document. */
export const RoleSchema = z.enum(ROLES).openapi({
  description:
    'writer: create and edit rows, events as drafts. publisher: also publish, unpublish, delete, restore, change the story row and manage tokens.',
})
