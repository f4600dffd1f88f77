// GET /api/v1/problems and /api/v1/problems/{slug}: what each problem type URI means, for every
// type the worker sends (public API and write API: one registry, lib/problem-types.ts).
import { createRoute, z } from '@hono/zod-openapi'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { problem, problemUri } from '../lib/problem'
import { PROBLEM_SLUGS, PROBLEM_TYPES, isProblemSlug, type ProblemSlug } from '../lib/problem-types'
import { errors, ok } from '../schemas/common'
import { NoQuery } from '../schemas/query'

export const problems = createApi()

const ProblemTypeSchema = z
  .object({
    type: z.string().openapi({ example: '/api/v1/problems/invalid-parameter' }),
    title: z.string(),
    status: z.number().int(),
    description: z.string(),
    fix: z.string(),
  })
  .openapi('ProblemType')

const describe = (slug: ProblemSlug) => ({ type: problemUri(slug), ...PROBLEM_TYPES[slug] })

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Meta'],
  summary: 'Every problem type the API gives',
  description: 'The registry of RFC 9457 problem types: slug, status, title and what to do.',
  request: { query: NoQuery },
  responses: {
    ...ok(
      z.object({ data: z.array(ProblemTypeSchema) }).openapi('ProblemTypeList'),
      'The problem types.',
    ),
    ...errors(),
  },
})

problems.openapi(listRoute, (c) =>
  cachedResponse(c, async () => c.json({ data: PROBLEM_SLUGS.map(describe) }, 200)),
)

const oneRoute = createRoute({
  method: 'get',
  path: '/{slug}',
  tags: ['Meta'],
  summary: 'What one problem type means and how to fix it',
  description: 'One problem type’s page: what it means and how to fix the request.',
  request: {
    params: z.object({
      slug: z.string().openapi({
        param: { name: 'slug', in: 'path' },
        description: 'The problem type’s slug, the last part of its `type` URI.',
        example: 'invalid-parameter',
      }),
    }),
    query: NoQuery,
  },
  responses: {
    ...ok(ProblemTypeSchema, 'The problem type.'),
    ...errors('not-found'),
  },
})

problems.openapi(oneRoute, (c) => {
  const { slug } = c.req.valid('param')
  if (!isProblemSlug(slug)) {
    return problem(
      c,
      'not-found',
      `There is no problem type "${slug}". The list is at /api/v1/problems.`,
      {
        parameter: 'slug',
      },
    )
  }
  return cachedResponse(c, async () => c.json(describe(slug), 200))
})
