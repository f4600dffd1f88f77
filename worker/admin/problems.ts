// The problems only the write API gives. Same RFC 9457 shape and type URIs as the public ones.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { problem } from '../lib/problem'

export const ADMIN_PROBLEMS = {
  unauthorized: { status: 401, title: 'Unauthorized' },
  'not-found': { status: 404, title: 'Not Found' },
  conflict: { status: 409, title: 'Conflict' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency Key Reused' },
  'stale-version': { status: 412, title: 'Precondition Failed' },
  'invalid-body': { status: 422, title: 'Invalid Body' },
  'payload-too-large': { status: 413, title: 'Payload Too Large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported Media Type' },
  'if-match-required': { status: 428, title: 'Precondition Required' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>

export type AdminProblem = keyof typeof ADMIN_PROBLEMS

export function adminProblem(
  c: Context,
  slug: AdminProblem,
  detail: string,
  extensions: Record<string, unknown> = {},
): Response {
  const { status, title } = ADMIN_PROBLEMS[slug]
  return problem(c, status, slug, title, detail, extensions)
}

export interface FieldError {
  field: string
  message: string
}
