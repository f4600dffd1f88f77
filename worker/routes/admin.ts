// The write API under /api/v1/admin: editors only (bearer token, and Cloudflare Access when
// configured), never cached, no CORS, bodies of at most 64 KB. Every route is declared with
// createRoute, so /api/v1/openapi.json documents it (tag Editors, security bearerAuth) and the
// editor page calls it through Hono's typed client (AdminApi). The token is checked first on
// every path, so a client without one learns nothing (401), not even which methods a path takes;
// with a token, a wrong method gets 405 with Allow, an unknown path 404.
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { TrieRouter } from 'hono/router/trie-router'
import { requireEditor } from '../admin/auth'
import { checkRow, parseBody } from '../admin/checks'
import { JSON_BODY, MERGE_PATCH, ifMatch, jsonBody, revisionIdGate } from '../admin/request'
import { missing, readRow, sendRow } from '../admin/respond'
import { restoreRevision } from '../admin/restore'
import { EDITABLE_TABLES, EVENT_LINKS, STORY_COLUMNS, StoryPatch, TABLES } from '../admin/tables'
import type { AdminEnv } from '../admin/types'
import { writeErrorResponse } from '../admin/write-errors'
import { getPreviewStory, getStoryRow, listOptions, type Row } from '../db/admin'
import { updateStory } from '../db/admin-writes'
import { listRowRevisions } from '../db/revisions'
import { problem } from '../lib/problem'
import { ACTOR_ROLES } from '../schemas/actors'
import { MEASURES, QUALIFIERS, UNITS } from '../schemas/figures'
import { OUTLET_ROLES } from '../schemas/outlets'
import { createAdminApi, handle, onInvalid } from './admin-api'
import {
  BEARER_AUTH,
  BEARER_SCHEME,
  EDITORS_TAG,
  EDITOR_SECURITY,
  EditorSchema,
  EventRowSchema,
  EventSummarySchema,
  IF_MATCH,
  OptionsSchema,
  PreviewSchema,
  RestoredSchema,
  RevisionListSchema,
  StoryPatchSchema,
  StoryRowSchema,
  ValidateBodySchema,
  ValidationSchema,
  ROWS,
  json,
  problems,
  withEtag,
} from './admin-schemas'
import { eventsApi, tableApi } from './admin-tables'

/** Where the write API is mounted. */
export const ADMIN_BASE = '/api/v1/admin'

export const MAX_BODY_BYTES = 64 * 1024

const tags = [EDITORS_TAG]
const security = EDITOR_SECURITY

const base = createAdminApi()
base.openAPIRegistry.registerComponent('securitySchemes', BEARER_AUTH, BEARER_SCHEME)
base.use('*', async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
})
base.use(
  '*',
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      problem(c, 'payload-too-large', `A request body may be at most ${MAX_BODY_BYTES / 1024} KB.`),
  }),
)
base.use('*', requireEditor)

const me = createRoute({
  method: 'get',
  path: '/me',
  tags,
  security,
  summary: 'Who the token belongs to',
  responses: { 200: json(EditorSchema, 'The editor.'), ...problems() },
})

const options = createRoute({
  method: 'get',
  path: '/options',
  tags,
  security,
  summary: 'Ids and names for forms, and the allowed qualifiers, units, measures, kinds and roles',
  responses: { 200: json(OptionsSchema, 'The choices.'), ...problems() },
})

const validate = createRoute({
  method: 'post',
  path: '/validate',
  tags,
  security,
  summary: 'Run every check a write would run on { table, data, id? }, without writing',
  middleware: [jsonBody([JSON_BODY])],
  request: { body: { required: true, content: { [JSON_BODY]: { schema: ValidateBodySchema } } } },
  responses: {
    200: json(ValidationSchema, 'The verdict: valid, or the field errors a write would get.'),
    ...problems('payload-too-large', 'unsupported-media-type', 'invalid-body'),
  },
})

const preview = createRoute({
  method: 'get',
  path: '/preview',
  tags,
  security,
  summary: 'The story with every draft in it, in the shape of /api/v1/story',
  responses: { 200: json(PreviewSchema, 'The story with drafts.'), ...problems('not-found') },
})

const story = createRoute({
  method: 'get',
  path: '/story',
  tags,
  security,
  summary: 'The story’s title, dek, credit and citation, with its version as ETag',
  responses: { 200: withEtag(StoryRowSchema, 'The story row.'), ...problems('not-found') },
})

const storyPatch = createRoute({
  method: 'patch',
  path: '/story',
  tags,
  security,
  summary: 'Change the story’s title, dek, credit or citation (JSON merge patch)',
  middleware: [jsonBody([JSON_BODY, MERGE_PATCH])],
  request: {
    headers: z.object({ 'If-Match': IF_MATCH }),
    body: {
      required: true,
      content: {
        [JSON_BODY]: { schema: StoryPatchSchema },
        [MERGE_PATCH]: { schema: StoryPatchSchema },
      },
    },
  },
  responses: {
    200: withEtag(StoryRowSchema, 'The story row as it is now.'),
    ...problems(
      'stale-version',
      'payload-too-large',
      'unsupported-media-type',
      'invalid-body',
      'if-match-required',
    ),
  },
})

const storyRevisions = createRoute({
  method: 'get',
  path: '/story/revisions',
  tags,
  security,
  summary: 'The story row’s revisions, newest first',
  responses: { 200: json(RevisionListSchema, 'The revisions.'), ...problems() },
})

const RestoreQuery = z.object({
  to: z
    .enum(['after', 'before'], {
      error:
        'to must be "after" (the state the revision made, the default) or "before" (the state it replaced).',
    })
    .optional()
    .openapi({
      param: { name: 'to', in: 'query' },
      description:
        '"after" (the default): the state the revision made; "before": the state it replaced, which undoes the change.',
    }),
})

const restoreRoute = createRoute({
  method: 'post',
  path: '/revisions/{id}/restore',
  tags,
  security,
  summary: 'Bring a row back to the state a revision recorded (itself a new revision)',
  description:
    'Needs the row’s current ETag in If-Match, except for a row deleted with raw SQL (it comes back whole) and for links between rows.',
  middleware: [revisionIdGate],
  request: {
    params: z.object({
      id: z.string().openapi({
        param: { name: 'id', in: 'path' },
        pattern: '^\\d{1,12}$',
        description: 'The revision’s id, a whole number. Any other id gets 404.',
        example: '120',
      }),
    }),
    query: RestoreQuery,
    headers: z.object({ 'If-Match': IF_MATCH }),
  },
  responses: {
    200: withEtag(RestoredSchema, 'The row as it is now.'),
    ...problems('not-found', 'conflict', 'stale-version', 'invalid-body', 'if-match-required'),
  },
})

/** The write API, every route in it; its type is the editor's typed client's contract. */
export const admin = base
  .openapi(
    me,
    handle(me, (c) => c.json({ name: c.get('editor') })),
  )
  .openapi(
    options,
    handle(options, async (c) =>
      c.json({
        ...(await listOptions(c.env.DB)),
        qualifiers: QUALIFIERS,
        units: UNITS,
        measures: MEASURES,
        note_kinds: ['correction', 'context'],
        outlet_roles: OUTLET_ROLES,
        actor_roles: ACTOR_ROLES,
      }),
    ),
  )
  .openapi(
    validate,
    handle(validate, async (c) => {
      const { table, data, id } = c.req.valid('json')
      if (table === 'story') {
        const parsed = parseBody(StoryPatch, data)
        return c.json({ valid: parsed.errors.length === 0, errors: parsed.errors })
      }
      const existing = id === undefined ? null : await readRow(c, table, id)
      const parsed = parseBody(existing ? TABLES[table].patch : TABLES[table].create, data)
      if (!parsed.data) return c.json({ valid: false, errors: parsed.errors })
      // Links are checked only as the body gives them (the stored ones are already valid).
      const changes = parsed.data as Row
      const links = Object.fromEntries(
        EVENT_LINKS.filter((l) => l in changes).map((l) => [l, changes[l]]),
      )
      const row: Row = { ...(existing ?? {}), ...changes }
      const errors = await checkRow(c.env.DB, table, row, links)
      return c.json({ valid: errors.length === 0, errors })
    }),
    onInvalid({ json: ValidateBodySchema }),
  )
  .openapi(
    preview,
    handle(preview, async (c) => {
      const data = await getPreviewStory(c.env.DB)
      if (!data) return missing(c, 'story', 1)
      return c.json({
        data,
        meta: {
          data_version: data.story.data_version,
          generated_at: new Date().toISOString(),
          preview: true,
        },
      })
    }),
  )
  .openapi(
    story,
    handle(story, async (c) => {
      const row = await getStoryRow(c.env.DB)
      return row ? sendRow(c, row) : missing(c, 'story', 1)
    }),
  )
  .openapi(
    storyPatch,
    handle(storyPatch, async (c) => {
      const version = ifMatch(c)
      if (!version.ok) return version.response
      const changes = c.req.valid('json') as Row
      try {
        await updateStory(c.env.DB, version.value, changes, STORY_COLUMNS, c.get('editor'))
      } catch (err) {
        const response = writeErrorResponse(c, err)
        if (response) return response
        throw err
      }
      return sendRow(c, (await getStoryRow(c.env.DB))!)
    }),
    onInvalid({ json: StoryPatchSchema }),
  )
  .openapi(
    storyRevisions,
    handle(storyRevisions, async (c) =>
      c.json({ data: await listRowRevisions(c.env.DB, 'story', '1') }),
    ),
  )
  .openapi(
    restoreRoute,
    handle(restoreRoute, (c) =>
      restoreRevision(c, Number(c.req.valid('param').id), c.req.valid('query').to ?? 'after'),
    ),
    onInvalid({ query: RestoreQuery }),
  )
  .route('/events', eventsApi(EventRowSchema, EventSummarySchema))
  .route('/figures', tableApi('figures', ROWS.figures))
  .route('/notes', tableApi('notes', ROWS.notes))
  .route('/quotes', tableApi('quotes', ROWS.quotes))
  .route('/places', tableApi('places', ROWS.places))
  .route('/actors', tableApi('actors', ROWS.actors))
  .route('/outlets', tableApi('outlets', ROWS.outlets))
  .route('/chapters', tableApi('chapters', ROWS.chapters))

/** The write API's routes and their types, for the editor's typed client (`hc<AdminApi>`). */
export type AdminApi = typeof admin

const METHOD_ORDER = ['GET', 'POST', 'PATCH', 'DELETE']
let routeMethods: TrieRouter<string> | undefined

/** The methods some route of the write API takes at `path` (relative to ADMIN_BASE), in a fixed order. */
export function allowedMethods(path: string): string[] {
  if (!routeMethods) {
    routeMethods = new TrieRouter<string>()
    for (const route of admin.routes) {
      if (route.method !== 'ALL') routeMethods.add('ALL', route.path, route.method)
    }
  }
  const found = new Set(routeMethods.match('GET', path)[0].map(([method]) => method))
  return METHOD_ORDER.filter((m) => found.has(m))
}

/** Any other request that got past the token: 405 with Allow when the path exists, else 404. */
function noRoute(c: Context<AdminEnv>) {
  const path = new URL(c.req.url).pathname
  const allowed = allowedMethods(path.slice(ADMIN_BASE.length) || '/')
  if (allowed.length) {
    c.header('Allow', allowed.join(', '))
    return problem(
      c,
      'method-not-allowed',
      `${c.req.method} is not a method of ${path}; it takes ${allowed.join(', ')}.`,
    )
  }
  return problem(
    c,
    'not-found',
    `There is no write-API route at ${path}. Editable tables: ${EDITABLE_TABLES.join(', ')}, and ${ADMIN_BASE}/story; /api/v1/openapi.json lists every route (tag ${EDITORS_TAG}).`,
  )
}

admin.all('*', noRoute)
