// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the public API and the write API,
// generated from the same zod schemas that validate the requests.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { createApi } from '../lib/api'
import { EDITORS_TAG } from './admin-schemas'
import { cachedResponse } from '../http/cache'
import type { AppEnv } from '../lib/types'
import { errors, ok } from '../schemas/common'
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
Credit the source given in meta.source.

The routes tagged Editors are the write API under /api/v1/admin, for the story's editors only
(bearerAuth): never cached, no CORS, bodies of at most 64 KB.`,
  },
  tags: [
    { name: 'Events', description: 'The timeline, filtered, paged and syncable.' },
    { name: 'Figures', description: 'Every number in the story.' },
    { name: 'Reference', description: 'Places, actors, outlets, categories and chapters.' },
    { name: 'Story', description: 'Everything at once, as the page loads it.' },
    { name: 'Exports', description: 'CSV, GeoJSON, TimelineJS and JSON-LD.' },
    { name: 'Meta', description: 'The document, the docs, problem types and health.' },
    {
      name: EDITORS_TAG,
      description: `The write API, for editors with a token. Writes to a row need its ETag in If-Match (428 without, 412 when stale); creates take an Idempotency-Key; a PATCH is a JSON merge patch; bad bodies get 422 with field-level errors. Every path needs the token first (401), so a client without one learns nothing about the routes; with one, a method a path does not take gets 405 with Allow.`,
    },
  ],
}

/** The document route for `root`, which must have every other route mounted when it is asked. */
export function openApi(root: OpenAPIHono<AppEnv>): OpenAPIHono<AppEnv> {
  const api = createApi()
  let document: unknown
  const route = createRoute({
    method: 'get',
    path: '/',
    tags: ['Meta'],
    summary: 'This OpenAPI 3.1 document',
    request: { query: NoQuery },
    responses: {
      ...ok(z.record(z.string(), z.unknown()).openapi('OpenAPIDocument'), 'The OpenAPI document.'),
      ...errors(),
    },
  })
  api.openapi(route, (c) =>
    cachedResponse(c, async () => {
      document ??= root.getOpenAPI31Document(CONFIG)
      return c.json(document as Record<string, unknown>, 200)
    }),
  )
  return api
}
