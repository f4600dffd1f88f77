// RFC 9457 problem details: every error the API gives is one of these.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { PROBLEM_TYPES, type ProblemSlug } from './problem-types'

// Relative type URIs (RFC 9457, section 3.1.1) resolve against the API's own origin and never change.
export const PROBLEM_TYPE_BASE = '/api/v1/problems/'

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  [extension: string]: unknown
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  slug: string,
  title: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): Response {
  const body: Problem = {
    type: PROBLEM_TYPE_BASE + slug,
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

/** A problem of one of the API's registered types: status and title come from the registry. */
export function apiProblem(
  c: Context,
  slug: ProblemSlug,
  detail: string,
  extensions: Record<string, unknown> = {},
): Response {
  const { status, title } = PROBLEM_TYPES[slug]
  return problem(c, status, slug, title, detail, extensions)
}
