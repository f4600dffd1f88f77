// Schemas every route shares: problems, response metadata, links and the documented responses.
import { z } from '@hono/zod-openapi'
import { PROBLEM_TYPES, type ProblemSlug } from '../lib/problem-types'
import { REVALIDATE } from '../lib/cache-control'

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/api/v1/problems/invalid-parameter' }),
    title: z.string().openapi({ example: 'Invalid Parameter' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({
      example: 'from must be a real calendar date written YYYY-MM-DD, such as 2022-09-19.',
    }),
    instance: z.string().optional().openapi({ example: '/api/v1/events' }),
    parameter: z.string().optional().openapi({
      description: 'The parameter that was wrong (for 400 responses).',
      example: 'from',
    }),
    invalid_params: z
      .array(z.object({ name: z.string(), reason: z.string() }))
      .optional()
      .openapi({ description: 'Every parameter that was wrong, and why.' }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem details object.' })

export const SourceSchema = z
  .object({
    outlet: z.string(),
    title: z.string(),
    period: z.string(),
    url: z.string().nullable().openapi({ format: 'uri' }),
  })
  .openapi('Source', { description: 'The article the dataset is built from, to be credited.' })

export const LicenseSchema = z
  .object({
    name: z
      .string()
      .openapi({ example: 'Creative Commons Attribution 4.0 International (CC BY 4.0)' }),
    url: z
      .string()
      .openapi({ format: 'uri', example: 'https://creativecommons.org/licenses/by/4.0/' }),
  })
  .openapi('License', {
    description: 'The licence of the data: reuse it under these terms, crediting the source.',
  })

export const MetaSchema = z
  .object({
    data_version: z.number().int().openapi({
      description: 'Moves on with every change to the data; part of every ETag.',
    }),
    generated_at: z.string().openapi({ format: 'date-time' }),
    source: SourceSchema.nullable(),
    license: LicenseSchema.nullable(),
    creator: z.string().nullable().openapi({ description: 'Who compiled the dataset.' }),
    publisher: z.string().nullable().openapi({ description: 'Who publishes the dataset.' }),
  })
  .openapi('Meta')

export const ListMetaSchema = MetaSchema.extend({
  count: z.number().int().openapi({ description: 'How many items this response holds.' }),
}).openapi('ListMeta')

export const LinksSchema = z
  .object({
    self: z.string().openapi({ format: 'uri' }),
    next: z.string().nullable().openapi({
      format: 'uri',
      description: 'The next page, or null on the last page.',
    }),
  })
  .openapi('Links')

/** The If-None-Match request header every public read takes (an OpenAPI header parameter). */
export const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header' as const,
  required: false,
  description:
    'An ETag this route sent before. While it is still current the answer is 304 with no body.',
  schema: { type: 'string' as const },
}

const CACHE_HEADERS = {
  ETag: {
    description:
      'Strong validator from the data version and the request; send it back in If-None-Match.',
    schema: { type: 'string' as const },
  },
  'Cache-Control': {
    description: `${REVALIDATE}: keep the answer, but ask again before each use with its ETag in If-None-Match (a 304 has no body), so an editor's change reaches you on your next request.`,
    schema: { type: 'string' as const },
  },
}

/** A cacheable 200 response in one media type. */
export function ok<T extends z.ZodType>(
  schema: T,
  description: string,
  mediaType = 'application/json',
  headers: Record<string, { description: string; schema: { type: 'string' } }> = {},
) {
  return {
    200: {
      description,
      headers: { ...CACHE_HEADERS, ...headers },
      content: { [mediaType]: { schema } },
    },
  }
}

const problemContent = { 'application/problem+json': { schema: ProblemSchema } }

/**
 * The 304 of a cached public read (a 200 with an ETag). The document adds it, with the
 * If-None-Match parameter, to every such operation (routes/openapi.ts), and to no other.
 */
export const NOT_MODIFIED = {
  description: 'Not modified: the If-None-Match ETag is current.',
  headers: CACHE_HEADERS,
}

/**
 * The problem responses (RFC 9457) a public read can give: a bad or unknown parameter, the rate
 * limit, and the `extra` problems of the route. A cached read's 304 is added by the document.
 */
export function errors(...extra: ProblemSlug[]) {
  const slugs: ProblemSlug[] = ['invalid-parameter', 'unknown-parameter', 'rate-limited', ...extra]
  const byStatus = new Map<number, ProblemSlug[]>()
  for (const slug of slugs) {
    const status = PROBLEM_TYPES[slug].status
    byStatus.set(status, [...(byStatus.get(status) ?? []), slug])
  }
  const responses: Record<number, { description: string; headers?: object; content?: object }> = {}
  for (const [status, list] of byStatus) {
    responses[status] = {
      description: list
        .map((slug) => `${PROBLEM_TYPES[slug].title} (/api/v1/problems/${slug})`)
        .join('; '),
      ...(status === 429
        ? {
            headers: {
              'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
            },
          }
        : {}),
      content: problemContent,
    }
  }
  return responses
}

/** The body of a list: `{ data, links, meta }`. */
export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ data: z.array(item), links: LinksSchema, meta: ListMetaSchema }).openapi(name)
}

/** The body of one item: `{ data, links, meta }`. */
export function oneOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ data: item, links: LinksSchema, meta: MetaSchema }).openapi(name)
}
