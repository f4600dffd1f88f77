// Every resource is a small OpenAPIHono app made here, so all of them turn a failed validation
// into the same problem+json response.
import { OpenAPIHono, type Hook } from '@hono/zod-openapi'
import { apiProblem } from './problem'
import type { AppEnv } from './types'

interface InvalidParam {
  name: string
  reason: string
  unknown?: true
}

/** Turns zod's issues into RFC 9457 problem details that name each offending parameter. */
export const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined
  const invalid: InvalidParam[] = []
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        invalid.push({ name: key, reason: issue.message, unknown: true })
      continue
    }
    const name = String(issue.path[0] ?? '')
    const given = result.target === 'query' ? (c.req.queries(name)?.length ?? 0) : 0
    const repeated = given > 1 && issue.path.length === 1 && issue.code !== 'too_big'
    const reason = repeated ? `${name} was given ${given} times; give it once.` : issue.message
    if (!invalid.some((p) => p.name === name)) invalid.push({ name, reason })
  }
  const [first] = invalid
  if (!first) return apiProblem(c, 'invalid-parameter', 'The request is not valid.')
  const more = invalid.length > 1 ? ` (${invalid.length - 1} more in invalid_params.)` : ''
  return apiProblem(
    c,
    first.unknown ? 'unknown-parameter' : 'invalid-parameter',
    first.reason + more,
    {
      parameter: first.name,
      invalid_params: invalid.map(({ name, reason }) => ({ name, reason })),
    },
  )
}

export function createApi(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
}
