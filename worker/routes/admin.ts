// The write API under /api/v1/admin: editors only (bearer token, and Cloudflare Access when
// configured), never cached, no CORS, bodies of at most 64 KB. Every route of the contract
// (admin-routes.ts, createRoute with the tables' zod schemas) is mounted here, which puts it in
// /api/v1/openapi.json (tag Editors, security bearerAuth); the editor page calls it through Hono's
// typed client (AdminApi). The token is checked first on every path, so a client without one
// learns nothing (401), not even which methods a path takes; with a token, a method a path does
// not take gets 405 with Allow, a path that does not exist 404.
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { TrieRouter } from 'hono/router/trie-router'
import { requireEditor } from '../admin/auth'
import { EDITOR_ACTIONS, permissionsOf } from '../admin/roles'
import { patchChapters } from '../admin/chapters'
import { ImportFileError, importCsv, type ImportReport } from '../admin/import'
import { checkRow, parseBody } from '../admin/checks'
import { JSON_BODY, MERGE_PATCH, rowKey, type BodyLimit } from '../admin/formats'
import { ifMatch, jsonBody, revisionIdGate } from '../admin/request'
import { labelled, type FieldError } from '../admin/problems'
import { missing, readRow, sendRow } from '../admin/respond'
import { restoreRevision } from '../admin/restore'
import {
  createSharePreview,
  listSharePreviewLinks,
  revokeSharePreviewLink,
} from '../admin/share-preview'
import { createToken, revokeTokenById, sendTokens } from '../admin/tokens'
import { EDITABLE_TABLES, EVENT_LINKS, STORY_COLUMNS, StoryPatch, TABLES } from '../data/tables'
import type { AdminEnv } from '../admin/types'
import { writeErrorResponse } from '../admin/write-errors'
import { getPreviewStory, getStoryRow, listOptions, type Row } from '../db/admin'
import { updateStory } from '../db/admin-writes'
import { listRevisions, listRowRevisions } from '../db/revisions'
import { problem } from '../lib/problem'
import { FORM_VALUES, MAX_WRITE_BYTES } from '../data/values'
import { createAdminApi, declaredBodyLimit, mount, validOf } from './admin-api'
import { ADMIN_ROUTES, RestoreQuery, RevisionsQuery, instantOf } from './admin-routes'
import {
  BEARER_AUTH,
  BEARER_SCHEME,
  ChaptersPatchSchema,
  EDITORS_TAG,
  ImportBodySchema,
  SharePreviewCreateSchema,
  TokenCreateSchema,
  ValidateBodySchema,
} from './admin-schemas'
import { mountTable } from './admin-tables'
import { applyProposal, closeWithout, sendProposal, sendProposals } from './admin-proposals'
import { dataChanged } from '../http/freshness'

export type { AdminApi } from './admin-routes'

/** Where the write API is mounted. */
export const ADMIN_BASE = '/api/v1/admin'

/** The largest request body the write API takes, in bytes. */
export const MAX_BODY_BYTES = MAX_WRITE_BYTES

/** The write API's app, every route of the contract mounted on it. */
export const admin = createAdminApi()
admin.openAPIRegistry.registerComponent('securitySchemes', BEARER_AUTH, BEARER_SCHEME)
admin.use('*', async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
  // This isolate serves a write on its next read (others within a second: http/freshness.ts).
  if (!['GET', 'HEAD'].includes(c.req.method) && c.res.status < 400) dataChanged()
})
/** The body-limit middleware for each limit in use, by its bytes. */
const sizeLimits = new Map<number, MiddlewareHandler<AdminEnv>>()
const sizeLimit = ({ maxBytes, advice }: BodyLimit) => {
  let limit = sizeLimits.get(maxBytes)
  if (!limit) {
    const most = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`
    limit = bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        problem(c, 'payload-too-large', `This request's body may be at most ${most}; ${advice}.`),
    })
    sizeLimits.set(maxBytes, limit)
  }
  return limit
}
const WRITE_LIMIT: BodyLimit = {
  maxBytes: MAX_BODY_BYTES,
  advice: 'send less at once (a long text in several writes, or a smaller file)',
}
// Before the token is read: an oversized body is refused without reading it. A route may declare
// a limit of its own (admin-routes.ts, bodyUpTo).
admin.use('*', (c, next) =>
  sizeLimit(
    declaredBodyLimit(c.req.method, c.req.path.slice(ADMIN_BASE.length) || '/') ?? WRITE_LIMIT,
  )(c, next),
)
admin.use('*', requireEditor)

mount(admin, ADMIN_ROUTES.me, (c) =>
  c.json({
    name: c.get('editor'),
    role: c.get('role'),
    may: permissionsOf(c.get('role')),
    actions: EDITOR_ACTIONS,
  }),
)

mount(admin, ADMIN_ROUTES.options, async (c) =>
  c.json({
    ...(await listOptions(c.env.DB)),
    ...FORM_VALUES,
  }),
)

/** Every change across tables, newest first, filtered; a page at a time. */
mount(admin, ADMIN_ROUTES.revisions, async (c) => {
  const query = validOf(c, 'query', RevisionsQuery)
  const limit = query.limit ? Number(query.limit) : 50
  // Instants as revisions record them (…:SS.sssZ), so the database's text order is time order.
  const since = query.since === undefined ? undefined : (instantOf(query.since) ?? undefined)
  const until = query.until === undefined ? undefined : (instantOf(query.until) ?? undefined)
  if (since !== undefined && until !== undefined && until <= since) {
    const message = `until (${query.until}) must come after since (${query.since}); swap them, or leave one out.`
    return problem(c, 'invalid-body', message, { errors: [{ field: 'until', message }] })
  }
  const found = await listRevisions(
    c.env.DB,
    {
      ...(query.actor === undefined ? {} : { actor: query.actor }),
      ...(query.table === undefined ? {} : { table: query.table }),
      ...(query.event === undefined ? {} : { event: query.event }),
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
      ...(query.before === undefined ? {} : { before: Number(query.before) }),
    },
    limit,
  )
  const data = found.slice(0, limit)
  let next: string | null = null
  if (found.length > limit) {
    const url = new URL(c.req.url)
    url.searchParams.set('before', String(data[data.length - 1]!.id))
    next = url.toString()
  }
  return c.json({ data, links: { next } }, 200)
})

/** The bulk import: a dry run by default; with apply, every row in one transaction. */
mount(admin, ADMIN_ROUTES.import, async (c) => {
  const { csv, apply } = validOf(c, 'json', ImportBodySchema)
  let report: ImportReport
  try {
    report = await importCsv(c.env.DB, csv, apply ?? false, c.get('editor'))
  } catch (err) {
    if (err instanceof ImportFileError) {
      return problem(c, 'invalid-body', err.message, {
        errors: [{ field: 'csv', message: err.message }],
      })
    }
    const refused = writeErrorResponse(c, err)
    if (refused) return refused
    throw err
  }
  if (apply && !report.applied && report.counts.refuse > 0) {
    return problem(
      c,
      'invalid-body',
      `${report.counts.refuse} of ${report.rows.length} rows are refused (see report.rows, action "refuse"), so nothing was written. Fix them, or leave them out of the file, and import again.`,
      { report },
    )
  }
  return c.json(report, 200)
})

/** Every check a write would run, without writing. */
mount(
  admin,
  ADMIN_ROUTES.validate,
  async (c) => {
    const { table, data, id } = validOf(c, 'json', ValidateBodySchema)
    // The same words as a refused write's (respond.ts invalid): each field named by its label.
    const verdict = (errors: FieldError[]) =>
      c.json({ valid: errors.length === 0, errors: labelled(table, errors) })
    if (table === 'story') {
      const parsed = parseBody(StoryPatch, data)
      return verdict(parsed.errors)
    }
    // With an id, the verdict is a PATCH's on that row; an id no row of the table has gets what
    // the PATCH would get (there is no such row), never a create's verdict.
    const key = id === undefined ? null : rowKey(table, String(id))
    const existing = key === null ? null : await readRow(c, table, key)
    if (id !== undefined && !existing) {
      // About the request's id, not a field of the row: no label.
      return c.json({
        valid: false,
        errors: [
          {
            field: 'id',
            message: `There is no ${table} row "${String(id)}" to change; leave id out to check a create.`,
          },
        ],
      })
    }
    const parsed = parseBody(existing ? TABLES[table].patch : TABLES[table].create, data)
    if (!parsed.data) return verdict(parsed.errors)
    // Links are checked only as the body gives them (the stored ones are already valid).
    const changes = parsed.data as Row
    const links = Object.fromEntries(
      EVENT_LINKS.filter((l) => l in changes).map((l) => [l, changes[l]]),
    )
    const row: Row = { ...(existing ?? {}), ...changes }
    const errors = await checkRow(
      c.env.DB,
      table,
      row,
      links,
      existing ? Object.keys(changes) : undefined,
    )
    return verdict(errors)
  },
  [jsonBody([JSON_BODY])],
)

/** The story with every draft in it, as the page would show it once they are published. */
mount(admin, ADMIN_ROUTES.preview, async (c) => {
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
})

mount(admin, ADMIN_ROUTES.story, async (c) => {
  const row = await getStoryRow(c.env.DB)
  return row ? sendRow(c, row) : missing(c, 'story', 1)
})

mount(
  admin,
  ADMIN_ROUTES.storyPatch,
  async (c) => {
    const version = ifMatch(c)
    if (!version.ok) return version.response
    const changes = c.req.valid('json' as never) as Row
    try {
      await updateStory(c.env.DB, version.value, changes, STORY_COLUMNS, c.get('editor'))
    } catch (err) {
      const response = writeErrorResponse(c, err)
      if (response) return response
      throw err
    }
    return sendRow(c, (await getStoryRow(c.env.DB))!)
  },
  [jsonBody([JSON_BODY, MERGE_PATCH])],
)

mount(admin, ADMIN_ROUTES.storyRevisions, async (c) =>
  c.json({ data: await listRowRevisions(c.env.DB, 'story', '1') }),
)

mount(
  admin,
  ADMIN_ROUTES.restoreRevision,
  (c) =>
    restoreRevision(c, Number(c.req.param('id')), validOf(c, 'query', RestoreQuery).to ?? 'after'),
  [revisionIdGate],
)

mount(
  admin,
  ADMIN_ROUTES.chapters.batch,
  (c) => patchChapters(c, validOf(c, 'json', ChaptersPatchSchema).chapters),
  [jsonBody([JSON_BODY, MERGE_PATCH])],
)

mount(admin, ADMIN_ROUTES.tokens.list, sendTokens)
mount(
  admin,
  ADMIN_ROUTES.tokens.create,
  (c) => {
    const { name, role } = validOf(c, 'json', TokenCreateSchema)
    return createToken(c, name, role)
  },
  [jsonBody([JSON_BODY])],
)
mount(admin, ADMIN_ROUTES.tokens.revoke, (c) => revokeTokenById(c, c.req.param('id') ?? ''))

mount(admin, ADMIN_ROUTES.proposals.list, sendProposals)
mount(admin, ADMIN_ROUTES.proposals.one, sendProposal)
mount(admin, ADMIN_ROUTES.proposals.apply, applyProposal)
mount(admin, ADMIN_ROUTES.proposals.decline, (c) => closeWithout(c, 'declined'), [
  jsonBody([JSON_BODY]),
])
mount(admin, ADMIN_ROUTES.proposals.withdraw, (c) => closeWithout(c, 'withdrawn'))

mount(admin, ADMIN_ROUTES.previews.list, listSharePreviewLinks)
mount(
  admin,
  ADMIN_ROUTES.previews.create,
  (c) => createSharePreview(c, validOf(c, 'json', SharePreviewCreateSchema).event_id ?? null),
  [jsonBody([JSON_BODY])],
)
mount(admin, ADMIN_ROUTES.previews.revoke, (c) =>
  revokeSharePreviewLink(c, c.req.param('id') ?? ''),
)

for (const table of EDITABLE_TABLES) mountTable(admin, table)

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
