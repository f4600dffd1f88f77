// Building blocks for query parameters. Each says, when a value is wrong, what it must look like.
import { z } from '@hono/zod-openapi'
import { ID_PATTERN } from '../data/values'

/** Ids are slugs: lowercase letters, digits and hyphens (the rule lives in data/values.ts). */
export { ID_PATTERN }

/** The most values one repeatable parameter takes. */
export const MAX_VALUES = 20

const toList = (value: unknown) =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value]

/** A repeatable id filter: `?place=kandal&place=pursat` matches either. */
export function idList(name: string, collection: string, example: string, description: string) {
  return z
    .preprocess(
      toList,
      z
        .array(
          z
            .string()
            .regex(
              ID_PATTERN,
              `${name} must be an id: lowercase letters, digits and hyphens, such as "${example}". The ids are listed at /api/v1/${collection}.`,
            ),
        )
        .max(MAX_VALUES, `Give ${name} at most ${MAX_VALUES} times.`),
    )
    .optional()
    .openapi({
      description: `${description} Repeat the parameter to match any of several.`,
      example: [example],
    })
}

/** A repeatable filter over a fixed list of values. */
export function enumList<const T extends readonly [string, ...string[]]>(
  name: string,
  values: T,
  description: string,
) {
  return z
    .preprocess(
      toList,
      z
        .array(z.enum(values, { error: `${name} must be one of: ${values.join(', ')}.` }))
        .max(MAX_VALUES, `Give ${name} at most ${MAX_VALUES} times.`),
    )
    .optional()
    .openapi({
      description: `${description} Repeat the parameter to match any of several.`,
      example: [values[0]],
    })
}

/** A calendar date as YYYY-MM-DD; impossible dates such as 2023-02-30 are refused. */
export function isoDate(name: string, description: string, example: string) {
  return z.iso
    .date({ error: `${name} must be a real calendar date written YYYY-MM-DD, such as ${example}.` })
    .optional()
    .openapi({ description, example })
}

/** A moment as ISO 8601 with a time zone, normalised to UTC with milliseconds. */
export function isoDateTime(name: string, description: string, example: string) {
  return z.iso
    .datetime({
      offset: true,
      error: `${name} must be an ISO 8601 date and time with a time zone, such as ${example} (a meta.generated_at value works).`,
    })
    .transform((value) => new Date(value).toISOString())
    .optional()
    .openapi({ type: 'string', format: 'date-time', description, example })
}

/** A page size: a whole number from 1 to max. */
export function pageLimit(max: number) {
  const message = `limit must be a whole number from 1 to ${max}.`
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().int().min(1, message).max(max, message))
    .optional()
    .openapi({
      type: 'integer',
      minimum: 1,
      maximum: max,
      default: max,
      description: `How many items a page holds (1 to ${max}; default ${max}).`,
    })
}

/**
 * The query of a route: exactly these parameters. Any other parameter is refused, so a
 * misspelt filter never returns unfiltered data.
 */
export function strictQuery<const S extends z.ZodRawShape>(shape: S) {
  const names = Object.keys(shape)
  const accepts = names.length
    ? `This route takes only: ${names.join(', ')}.`
    : 'This route takes no query parameters.'
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}. ${accepts} Remove it or check its spelling.`
        : undefined,
  })
}

/** The query of a route that takes no parameters at all. */
export const NoQuery = strictQuery({})
