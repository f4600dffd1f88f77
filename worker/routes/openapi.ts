// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the public API and the write API,
// generated from the same zod schemas that validate the requests.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { getStoryMeta } from '../db'
import { createApi } from '../lib/api'
import { EDITORS_TAG } from './admin-schemas'
import { cachedResponse } from '../http/cache'
import { isPublicData } from '../lib/headers'
import { readSession } from '../lib/session'
import type { AppEnv } from '../lib/types'
import type { StoryMeta } from '../model'
import { errors, IF_NONE_MATCH, NOT_MODIFIED, ok } from '../schemas/common'
import { NoQuery } from '../schemas/query'

const CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Year in Review: partner API',
    version: '1.0.0',
    summary:
      'Events, figures, places and exports of CamboJA’s Year in Review (July 2022 to June 2023).',
    description: `Read-only and public. Every response carries a strong ETag (send it back in If-None-Match
for a 304) and is cached at the edge until the data changes. Errors are RFC 9457 problem details;
each type URI (/api/v1/problems/...) explains itself. Unknown query parameters are refused.
Reuse the data under the licence given here and in meta.license, crediting the source given in
meta.source.

The routes tagged Editors are the write API under /api/v1/admin, for the story's editors only
(bearerAuth): never cached, no CORS, bodies of at most 64 KB.`,
  },
  tags: [
    { name: 'Events', description: 'The timeline, filtered, paged and syncable.' },
    { name: 'Figures', description: 'Every number in the story.' },
    { name: 'Reference', description: 'Places, actors, outlets, categories and chapters.' },
    { name: 'Story', description: 'Everything at once, as the page loads it.' },
    {
      name: 'Exports',
      description:
        'CSV tables (?bom=1 for Excel), GeoJSON, TimelineJS, JSON-LD, and every file in one zip with a Frictionless data package.',
    },
    { name: 'Meta', description: 'The document, the docs, problem types and health.' },
    {
      name: EDITORS_TAG,
      description: `The write API, for editors with a token. Writes to a row need its ETag in If-Match (428 without, 412 when stale); creates take an Idempotency-Key; a PATCH is a JSON merge patch; bad bodies get 422 with field-level errors. Every path needs the token first (401), so a client without one learns nothing about the routes; with one, a method a path does not take gets 405 with Allow.`,
    },
  ],
}

type Document = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>
type Operation = Record<string, unknown> & {
  operationId?: string
  parameters?: Record<string, unknown>[]
  responses?: Record<string, { headers?: Record<string, unknown> }>
}
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/**
 * The operationId of an operation without one, from its method and path, in camelCase:
 * GET /api/v1/events/{id} -> getEventsById, GET /api/v1/events.csv -> getEventsCsv,
 * POST /api/v1/admin/revisions/{id}/restore -> postAdminRevisionsByIdRestore.
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1(?=\/|$)/, '')
    .split(/[/.-]+/)
    .filter(Boolean)
    .map((part) => part.replace(/^\{(\w+)\}$/, (_, name: string) => `by-${name}`))
    .flatMap((part) => part.split('-'))
  return [method, ...words]
    .map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('')
}

/**
 * What every operation gets whatever route declared it: an operationId (unique; a clash is a
 * programming error and throws), and on every cached public read (a 200 with an ETag), and on no
 * other operation, the If-None-Match header and the 304 that http/cache.ts answers it with.
 */
function completed(document: Document): Document {
  const seen = new Set<string>()
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method]
      if (!op) continue
      op.operationId ??= operationIdOf(method, path)
      if (seen.has(op.operationId)) throw new Error(`operationId ${op.operationId} is used twice`)
      seen.add(op.operationId)
      if (method === 'get' && isPublicData(path) && op.responses?.['200']?.headers?.ETag) {
        op.parameters = [...(op.parameters ?? []), IF_NONE_MATCH]
        op.responses = Object.fromEntries(
          Object.entries({ ...op.responses, 304: NOT_MODIFIED }).sort(([a], [b]) =>
            a.localeCompare(b),
          ),
        )
      }
    }
  }
  return document
}

/**
 * The document as served at `origin`: the server is that origin, and the licence and contact are
 * the story's current ones (editors set them; see the story table in worker/data/tables.ts).
 */
function served(document: Document, story: StoryMeta | null, origin: string): Document {
  return {
    ...document,
    info: {
      ...document.info,
      ...(story
        ? {
            license: { name: story.license_name, url: story.license_url },
            contact: { name: story.publisher, url: `${origin}/` },
          }
        : {}),
    },
    servers: [{ url: origin, description: 'This site: the API lives under /api/v1.' }],
  }
}

/** The document route for `root`, which must have every other route mounted when it is asked. */
export function openApi(root: OpenAPIHono<AppEnv>): OpenAPIHono<AppEnv> {
  const api = createApi()
  let document: Document | undefined
  const route = createRoute({
    method: 'get',
    path: '/',
    tags: ['Meta'],
    summary: 'This OpenAPI 3.1 document',
    description:
      'The contract of the public API and the write API, with the licence of the data and this site as its server.',
    request: { query: NoQuery },
    responses: {
      ...ok(z.record(z.string(), z.unknown()).openapi('OpenAPIDocument'), 'The OpenAPI document.'),
      ...errors(),
    },
  })
  api.openapi(route, (c) =>
    cachedResponse(c, async () => {
      document ??= completed(root.getOpenAPI31Document(CONFIG))
      const story = await getStoryMeta(readSession(c))
      const body = served(document, story, new URL(c.req.url).origin)
      return c.json(body as unknown as Record<string, unknown>, 200)
    }),
  )
  return api
}
