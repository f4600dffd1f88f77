// RFC 9457 problem details: every error the worker gives, public API and write API alike, is one
// of the types registered in problem-types.ts.
import type { Context } from 'hono'
import { PROBLEM_TYPES, type ProblemSlug } from './problem-types'

// Relative type URIs (RFC 9457, section 3.1.1) resolve against the API's own origin and never change.
export const PROBLEM_TYPE_BASE = '/api/v1/problems/'

/** The body of a problem+json response: the RFC 9457 members, then any extension members. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  [extension: string]: unknown
}

/** The type URI of a registered problem type, such as /api/v1/problems/not-found. */
export const problemUri = (slug: ProblemSlug) => PROBLEM_TYPE_BASE + slug

/**
 * A problem+json response of a registered type: its status and title come from the registry,
 * `detail` says what was wrong with this request and how to fix it, and `extensions` adds members
 * such as `errors` (field errors of a 422) or `parameter`. Never cached.
 */
export function problem(
  c: Context,
  slug: ProblemSlug,
  detail: string,
  extensions: Record<string, unknown> = {},
): Response {
  const { status, title } = PROBLEM_TYPES[slug]
  const body: Problem = {
    type: problemUri(slug),
    title,
    status,
    detail,
    instance: new URL(c.req.url).pathname,
    ...extensions,
  }
  return c.body(JSON.stringify(body), status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
}

/** The same as problem(): the name the public routes use. */
export const apiProblem = problem
