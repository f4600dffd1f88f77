// The write API's contract: every route under /api/v1/admin with its method, path, parameters,
// headers, bodies and answers (createRoute, with the tables' own zod schemas). routes/admin.ts
// mounts a handler on each, which puts it in /api/v1/openapi.json; the editor page reads the same
// routes by type (AdminApi) for Hono's typed client. Nothing here touches the platform, so the
// page's type checks can read it (as they read model.ts).
import { createRoute, z } from '@hono/zod-openapi'
import type { RouteConfig, RouteConfigToTypedResponse, RouteHandler } from '@hono/zod-openapi'
import type { Context, Env, Hono, ToSchema } from 'hono'
import {
  BODY_LIMIT_KEY,
  JSON_BODY,
  MERGE_PATCH,
  SERIAL_ID,
  rowIdPattern,
  type BodyLimit,
} from '../admin/formats'
import { usesOf } from '../data/references'
import { strictQuery } from '../schemas/query'
import { MAX_IMPORT_BYTES } from '../data/values'
import { EDITABLE_TABLES, TABLES, type EditableTable } from '../data/tables'
import { ACTION_KEY, EDITOR_ACTIONS, type EditorAction } from '../admin/roles'
import {
  ChapterListSchema,
  ChaptersPatchSchema,
  EDITORS_TAG,
  EDITOR_SECURITY,
  EditorSchema,
  EventRowSchema,
  EventSummarySchema,
  IDEMPOTENCY_KEY,
  IF_MATCH,
  ImportBodySchema,
  ImportReportSchema,
  OptionsSchema,
  PreviewSchema,
  ROWS,
  RestoredSchema,
  RevisionListSchema,
  RevisionPageSchema,
  SharePreviewCreateSchema,
  SharePreviewSchema,
  TokenCreateSchema,
  TokenCreatedSchema,
  TokenSchema,
  StoryPatchSchema,
  StoryRowSchema,
  ValidateBodySchema,
  ValidationSchema,
  created,
  json,
  problems,
  schemaName,
  withEtag,
  writeSchemas,
  type WriteSchemas,
  ProposalDeclineSchema,
  ProposalSchema,
} from './admin-schemas'

const tags = [EDITORS_TAG]
const security = EDITOR_SECURITY

/**
 * `route`, marked with the action it takes (admin/roles.ts): mount() gates it by that action, and
 * the document names the roles that may take it and the 403 the others get. Routes left unmarked
 * read (GET) or edit (any other method), which every role may.
 */
function gated<R extends RouteConfig>(action: EditorAction, route: R) {
  const roles = EDITOR_ACTIONS[action].roles.join(' or ')
  return {
    ...route,
    [ACTION_KEY]: action,
    description:
      `${route.description ?? ''} Needs a ${roles} token: any other gets 403 forbidden.`.trim(),
    responses: { ...route.responses, ...problems('forbidden') },
  } as R & {
    [ACTION_KEY]: EditorAction
    responses: R['responses'] & ReturnType<typeof problems<['forbidden']>>
  }
}

/**
 * `route`, taking bodies up to `maxBytes` instead of the write API's MAX_WRITE_BYTES: the write
 * API's body limit (routes/admin.ts) reads the mark before anything reads the body, and a larger
 * body gets 413 with `advice`.
 */
function bodyUpTo<R extends RouteConfig>(maxBytes: number, advice: string, route: R) {
  const limit: BodyLimit = { maxBytes, advice }
  return { ...route, [BODY_LIMIT_KEY]: limit } as R & { [BODY_LIMIT_KEY]: BodyLimit }
}

const PROPOSED =
  'A writer’s change that readers would see at once (to a published event or its rows, or a place, actor or outlet a published event uses): kept as a proposal for a publisher, nothing changed yet. Location names the proposal.'

/** A proposal's id in a path. */
const proposalParams = z.object({
  id: z.string().openapi({
    param: { name: 'id', in: 'path' },
    pattern: SERIAL_ID.source,
    description: 'The proposal’s id, as GET /api/v1/admin/proposals lists it.',
    example: '1',
  }),
})

/** A query of GET /proposals. */
export const ProposalsQuery = strictQuery({
  status: z
    .enum(['open', 'applied', 'declined', 'withdrawn'], {
      error: 'status must be one of: open, applied, declined, withdrawn.',
    })
    .optional()
    .openapi({
      param: { name: 'status', in: 'query' },
      description: 'Only proposals in this state.',
    }),
  event: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,79}$/,
      'event must be an event’s id: lowercase letters, digits and hyphens, at most 80.',
    )
    .optional()
    .openapi({ param: { name: 'event', in: 'query' }, description: 'Only those for this event.' }),
})

/**
 * A decision on a proposal (apply, decline, withdraw). `request` adds to the path's id what the
 * decision takes (decline: its body), so the typed client carries it.
 */
const deciding = <
  Action extends 'apply' | 'decline' | 'withdraw',
  Request extends Omit<NonNullable<RouteConfig['request']>, 'params'>,
>(
  action: Action,
  summary: string,
  description: string,
  ok: RouteConfig['responses'],
  request: Request,
) =>
  createRoute({
    method: 'post',
    path: `/proposals/{id}/${action}` as const,
    tags,
    security,
    summary,
    description,
    request: { params: proposalParams, ...request },
    responses: {
      ...ok,
      ...problems(
        'not-found',
        'conflict',
        'invalid-body',
        'stale-version',
        'payload-too-large',
        'unsupported-media-type',
      ),
    },
  })

/**
 * A table's routes with its creates and changes for publishers only (the `structure` action):
 * chapters and categories have no draft, so readers would see any change at once.
 */
function structural<R extends { create: RouteConfig; update: RouteConfig }>(routes: R) {
  return {
    ...routes,
    create: gated('structure', routes.create),
    update: gated('structure', routes.update),
  }
}

const EXAMPLE_ID: Record<EditableTable, string> = {
  categories: 'enforcement',
  events: '2022-09-27-phnom-penh-raids-1480-released',
  figures: '22',
  notes: '1',
  quotes: '1',
  places: 'kandal',
  actors: 'sar-kheng',
  outlets: 'vod',
  chapters: 'crackdown',
}

/** The id of a row of `table` in a path. */
const idParams = (table: EditableTable) =>
  z.object({
    id: z.string().openapi({
      param: { name: 'id', in: 'path' },
      pattern: rowIdPattern(table),
      description:
        TABLES[table].key === 'serial'
          ? `The ${table} row's id, a whole number. Any other id gets 404.`
          : `The ${table} row's id: lowercase letters, digits and hyphens. Any other id gets 404.`,
      example: EXAMPLE_ID[table],
    }),
  })
const ifMatchHeader = z.object({ 'If-Match': IF_MATCH })

/**
 * The routes of one editable table, at its own paths under /api/v1/admin/<table>: list, create,
 * read, update (JSON merge patch), soft-delete, restore and revisions. `row` is the schema a row
 * is answered with, `item` the schema of one entry of the list (the row itself unless given).
 */
export function tableRoutes<T extends EditableTable, R extends z.ZodType, I extends z.ZodType = R>(
  table: T,
  row: R,
  item: I = row as unknown as I,
) {
  const schemas = writeSchemas(table)
  // Named for the document. The casts keep each table's own type: without them TypeScript types
  // a method's result on a generic table as that of every table at once.
  const Create = schemas.create.openapi(schemaName(table, 'Create')) as WriteSchemas[T]['create']
  const Patch = schemas.patch.openapi(schemaName(table, 'Patch')) as WriteSchemas[T]['patch']
  const params = idParams(table)
  const base = `/${table}` as `/${T}`
  const one = `/${table}/{id}` as `/${T}/{id}`

  /** A change with no body: restore. */
  const action = <M extends 'post', P extends string>(
    method: M,
    path: P,
    summary: string,
    description: string,
  ) =>
    createRoute({
      method,
      path,
      tags,
      security,
      summary,
      description,
      request: { params, headers: ifMatchHeader },
      responses: {
        200: withEtag(row, 'The row as it is now.'),
        ...problems('not-found', 'stale-version', 'invalid-body', 'if-match-required'),
      },
    })

  return {
    list: createRoute({
      method: 'get',
      path: base,
      tags,
      security,
      summary: `Every ${table} row, drafts and deleted ones too`,
      description: `The ${table} rows as editors see them, each with its version; soft-deleted rows carry deleted_at. Never cached.`,
      responses: {
        200: (table === 'chapters' ? withEtag : json)(
          z.object({ data: z.array(item) }).openapi(schemaName(table, 'Rows')),
          table === 'chapters'
            ? 'The rows, with the list’s ETag: PATCH /api/v1/admin/chapters names it in If-Match.'
            : 'The rows.',
        ),
        ...problems(),
      },
    }),
    create: createRoute({
      method: 'post',
      path: base,
      tags,
      security,
      summary: `Create a ${table} row`,
      description:
        (table === 'events'
          ? 'A new event starts as a draft: readers see it once it is published. '
          : '') +
        'A body that breaks a rule gets 422 naming each field. Send an Idempotency-Key: a retry with the same key and body gets the first answer instead of making a second row.',
      request: {
        headers: z.object({ 'Idempotency-Key': IDEMPOTENCY_KEY }),
        body: { required: true, content: { [JSON_BODY]: { schema: Create } } },
      },
      responses: {
        201: created(
          row,
          'The new row (or, for a retry with the same Idempotency-Key, the first answer).',
        ),
        202: json(ProposalSchema, PROPOSED),
        ...problems(
          'conflict',
          'payload-too-large',
          'unsupported-media-type',
          'invalid-body',
          'idempotency-key-reused',
        ),
      },
    }),
    one: createRoute({
      method: 'get',
      path: one,
      tags,
      security,
      summary: `One ${table} row, with its version as ETag`,
      description:
        'The row as editors see it. Its ETag is its version: send it in If-Match to change, delete or restore the row.',
      request: { params },
      responses: { 200: withEtag(row, 'The row.'), ...problems('not-found') },
    }),
    update: createRoute({
      method: 'patch',
      path: one,
      tags,
      security,
      summary: `Change a ${table} row (JSON merge patch, at the version read)`,
      description:
        'Only the fields sent change; null clears a field that may be empty.' +
        (table === 'events'
          ? ' `places`, `outlets` and `actors` replace the event’s lists whole.'
          : ''),
      request: {
        params,
        headers: ifMatchHeader,
        body: {
          required: true,
          content: { [JSON_BODY]: { schema: Patch }, [MERGE_PATCH]: { schema: Patch } },
        },
      },
      responses: {
        200: withEtag(row, 'The row as it is now.'),
        202: json(ProposalSchema, PROPOSED),
        ...problems(
          'not-found',
          'conflict',
          'stale-version',
          'payload-too-large',
          'unsupported-media-type',
          'invalid-body',
          'if-match-required',
        ),
      },
    }),
    remove: gated(
      'delete',
      createRoute({
        method: 'delete',
        path: one,
        tags,
        security,
        summary: `Soft-delete a ${table} row (it can be restored)`,
        description:
          usesOf(table).length > 0
            ? `A ${table} row that live rows use (${usesOf(table)
                .map((u) => `${u.table}.${u.column}`)
                .join(
                  ', ',
                )}) is not deleted: the answer is 409 in-use, listing them. With ?detach=true the delete removes their links and clears their references that may be empty in the same write.`
            : 'The row gets deleted_at and leaves the public API at once; it can be restored.',
        request: { params, query: DetachQuery, headers: ifMatchHeader },
        responses: {
          200: withEtag(row, 'The row as it is now.'),
          ...problems('not-found', 'in-use', 'stale-version', 'invalid-body', 'if-match-required'),
        },
      }),
    ),
    restore: gated(
      'restore',
      action(
        'post',
        `${one}/restore`,
        `Undo the soft delete of a ${table} row`,
        'Clears deleted_at, so the row is live again (public again if it was public), with a revision of its own.',
      ),
    ),
    revisions: createRoute({
      method: 'get',
      path: `${one}/revisions`,
      tags,
      security,
      summary:
        table === 'events'
          ? 'The revisions of an event and of everything tied to it, newest first'
          : `The revisions of a ${table} row, newest first`,
      description:
        'Each revision holds the row before and after one change, who made it (an editor, or sql for raw SQL) and when.',
      request: { params },
      responses: { 200: json(RevisionListSchema, 'The revisions.'), ...problems('not-found') },
    }),
  }
}

/** Publishing and unpublishing an event. */
const publishing = <P extends '/events/{id}/publish' | '/events/{id}/unpublish'>(
  path: P,
  summary: string,
  description: string,
) =>
  gated(
    path.endsWith('/unpublish') ? 'unpublish' : 'publish',
    createRoute({
      method: 'post',
      path,
      tags,
      security,
      summary,
      description,
      request: { params: idParams('events'), headers: ifMatchHeader },
      responses: {
        200: withEtag(EventRowSchema, 'The event as it is now.'),
        ...problems('not-found', 'stale-version', 'invalid-body', 'if-match-required'),
      },
    }),
  )

/** DELETE /{table}/{id}'s query: whether to detach the rows that use the row in the same write. */
export const DetachQuery = strictQuery({
  detach: z
    .enum(['true', 'false'], { error: 'detach must be "true" or "false".' })
    .optional()
    .openapi({
      param: { name: 'detach', in: 'query' },
      description:
        '"true": remove the live links to the row and clear the live references to it that may be empty, in the same write as the delete. Default "false": a row in use is not deleted (409 in-use).',
    }),
})

/** POST /revisions/{id}/restore's query: which state of the revision to bring back. */
export const RestoreQuery = strictQuery({
  to: z
    .enum(['after', 'before'], {
      error:
        'to must be "after" (the state the revision made, the default) or "before" (the state it replaced).',
    })
    .optional()
    .openapi({
      param: { name: 'to', in: 'query' },
      description:
        '"after" (the default): the state the revision made; "before": undoes the change, writing back only the fields it changed (409 naming them, and nothing written, when one was edited again since).',
    }),
})

const REVISION_TABLES = [
  'story',
  ...EDITABLE_TABLES,
  'event_places',
  'event_outlets',
  'event_actors',
] as const

/**
 * `value` (YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS[.sss]]Z) as revisions record instants,
 * YYYY-MM-DDTHH:MM:SS.sssZ (so text comparison is time order), or null when it names no real
 * moment (2026-02-30, 25:00).
 */
export function instantOf(value: string): string | null {
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(ms)) return null
  const iso = new Date(ms).toISOString()
  // Date.parse rolls 2026-02-30 over to March: a real date reads back as written.
  return iso.slice(0, 10) === value.slice(0, 10) ? iso : null
}

/** An ISO 8601 instant in UTC, as revisions record them, for since/until. */
const instant = (name: string, what: string) =>
  z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/,
      `${name} must be a date (YYYY-MM-DD) or an instant in UTC (YYYY-MM-DDTHH:MM:SSZ), such as 2026-11-30T09:00:00Z.`,
    )
    .refine((value) => instantOf(value) !== null, {
      message: `${name} must be a real date and time: the month 01 to 12, the day one that month has, the time before 24:00.`,
    })
    .optional()
    .openapi({ param: { name, in: 'query' }, description: what, example: '2026-11-30T09:00:00Z' })

/** GET /revisions' query: the filters of the changes list and its page. */
export const RevisionsQuery = strictQuery({
  actor: z
    .string()
    .trim()
    .min(1, 'actor must name an editor (or "sql" for changes made outside the API).')
    .max(200)
    .optional()
    .openapi({
      param: { name: 'actor', in: 'query' },
      description: 'Who made the change: an editor’s name as GET /me gives it, or "sql".',
    }),
  table: z
    .enum(REVISION_TABLES, { error: `table must be one of: ${REVISION_TABLES.join(', ')}.` })
    .optional()
    .openapi({ param: { name: 'table', in: 'query' }, description: 'The table changed.' }),
  event: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'event must be an event’s id, such as 2022-09-19-sar-kheng-289-complaints.',
    )
    .optional()
    .openapi({
      param: { name: 'event', in: 'query' },
      description: 'An event’s id: its own changes and those of everything tied to it.',
    }),
  since: instant('since', 'Changes made at or after this date or instant (UTC).'),
  until: instant('until', 'Changes made before this date or instant (UTC).'),
  before: z
    .string()
    .regex(
      /^[1-9]\d{0,15}$/,
      'before must be a revision’s id, a whole number above 0 (from links.next).',
    )
    .optional()
    .openapi({
      param: { name: 'before', in: 'query' },
      description: 'Only revisions older than this id: what links.next carries.',
    }),
  limit: z
    .string()
    .regex(/^([1-9]|[1-9]\d|1\d\d|200)$/, 'limit must be a whole number from 1 to 200.')
    .optional()
    .openapi({
      param: { name: 'limit', in: 'query' },
      description: 'At most this many (1 to 200; 50 by default).',
    }),
})

/** Every route of the write API, relative to /api/v1/admin. */
export const ADMIN_ROUTES = {
  me: createRoute({
    method: 'get',
    path: '/me',
    tags,
    security,
    summary: 'Who the token belongs to, its role, and what that role may do',
    description:
      'The editor named by the bearer token (and by Cloudflare Access, where it is set up), the token’s role, and `may`: for every action of the write API, whether this role may take it (one table decides it for the API and the editor page alike).',
    responses: { 200: json(EditorSchema, 'The editor.'), ...problems() },
  }),
  options: createRoute({
    method: 'get',
    path: '/options',
    tags,
    security,
    summary:
      'Ids and names for forms, and the allowed qualifiers, units, measures, kinds and roles',
    description:
      'Everything a form needs to offer choices: the rows each reference may name, and the fixed lists of values.',
    responses: { 200: json(OptionsSchema, 'The choices.'), ...problems() },
  }),
  validate: createRoute({
    method: 'post',
    path: '/validate',
    tags,
    security,
    summary: 'Run every check a write would run on { table, data, id? }, without writing',
    description:
      'The same schemas and checks as the write itself, so the verdict is the one a write would get; nothing is written.',
    request: {
      body: { required: true, content: { [JSON_BODY]: { schema: ValidateBodySchema } } },
    },
    responses: {
      200: json(ValidationSchema, 'The verdict: valid, or the field errors a write would get.'),
      ...problems('payload-too-large', 'unsupported-media-type', 'invalid-body'),
    },
  }),
  revisions: createRoute({
    method: 'get',
    path: '/revisions',
    tags,
    security,
    summary:
      'Every change to the story, across tables, newest first: who, what, when, before and after',
    description:
      'The audit trail of every table (the write API, the editor page and raw SQL alike), filtered by actor, table, event and time, a page at a time (links.next). Each revision can be undone with POST /revisions/{id}/restore?to=before.',
    request: { query: RevisionsQuery },
    responses: {
      200: json(RevisionPageSchema, 'A page of revisions, newest first.'),
      ...problems('invalid-body'),
    },
  }),
  import: bodyUpTo(
    MAX_IMPORT_BYTES,
    'split the file into several imports',
    createRoute({
      method: 'post',
      path: '/import',
      tags,
      security,
      summary: 'Import events from a CSV (ours or a TimelineJS sheet) into drafts, with a dry run',
      description:
        'Every row gets the checks of a create (a new id) or of a PATCH of a stored draft (an id that exists); the report says row by row what would be created, changed, left as it is, skipped or refused, and why. A dry run (the default) writes nothing. With apply: true and no row refused, every row is written in one transaction, as drafts, each recorded as a revision. Published events are never changed by an import. A TimelineJS row gets its id from its date and headline, its category from Group, its chapter from its date; the columns the story has no place for are named in the row’s notes. The body may be up to 1 MB.',
      request: {
        body: { required: true, content: { [JSON_BODY]: { schema: ImportBodySchema } } },
      },
      responses: {
        200: json(ImportReportSchema, 'The report (applied: true when the rows were written).'),
        ...problems('payload-too-large', 'unsupported-media-type', 'invalid-body', 'stale-version'),
      },
    }),
  ),
  preview: createRoute({
    method: 'get',
    path: '/preview',
    tags,
    security,
    summary: 'The story with every draft in it, in the shape of /api/v1/story',
    description: 'What the page would show if every draft were published. Never cached.',
    responses: { 200: json(PreviewSchema, 'The story with drafts.'), ...problems('not-found') },
  }),
  story: createRoute({
    method: 'get',
    path: '/story',
    tags,
    security,
    summary:
      'The story’s title, dek, credit, citation and terms of reuse, with its version as ETag',
    description:
      'The story’s one row: its words, its source, its licence, creator and publisher. Its ETag is its version.',
    responses: { 200: withEtag(StoryRowSchema, 'The story row.'), ...problems('not-found') },
  }),
  storyPatch: gated(
    'story',
    createRoute({
      method: 'patch',
      path: '/story',
      tags,
      security,
      summary:
        'Change the story’s title, dek, credit, citation or terms of reuse (JSON merge patch)',
      description:
        'Only the fields sent change. The licence (license_name, license_url), creator and publisher show at once in every response’s meta, the JSON-LD, the OpenAPI document and the page.',
      request: {
        headers: ifMatchHeader,
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
    }),
  ),
  storyRevisions: createRoute({
    method: 'get',
    path: '/story/revisions',
    tags,
    security,
    summary: 'The story row’s revisions, newest first',
    description:
      'Each revision holds the story row before and after one change, who made it and when.',
    responses: { 200: json(RevisionListSchema, 'The revisions.'), ...problems() },
  }),
  restoreRevision: gated(
    'restore',
    createRoute({
      method: 'post',
      path: '/revisions/{id}/restore',
      tags,
      security,
      summary: 'Bring a row back to the state a revision recorded (itself a new revision)',
      description:
        'Always needs If-Match: the row’s current ETag; for a link between an event and a place, actor or outlet, the event’s ETag; for a row deleted with SQL, the version it had when deleted (the delete revision’s `before.version`). A restore changes content only: status and deleted_at stay as they are (publish, unpublish, delete and restore change those), except that a row deleted with SQL comes back as it was; an event comes back with the rows deleted with it, or as a draft when some of them cannot, and `message` says which.',
      request: {
        params: z.object({
          id: z.string().openapi({
            param: { name: 'id', in: 'path' },
            pattern: SERIAL_ID.source,
            description: 'The revision’s id, a whole number. Any other id gets 404.',
            example: '120',
          }),
        }),
        query: RestoreQuery,
        headers: ifMatchHeader,
      },
      responses: {
        200: withEtag(RestoredSchema, 'The row as it is now.'),
        ...problems('not-found', 'conflict', 'stale-version', 'invalid-body', 'if-match-required'),
      },
    }),
  ),
  tokens: {
    list: gated(
      'manage-tokens',
      createRoute({
        method: 'get',
        path: '/tokens',
        tags,
        security,
        summary: 'Every editor token: who, which role, when made, last used and revoked',
        description: 'Never the tokens themselves: only their SHA-256 hashes are stored.',
        responses: {
          200: json(z.object({ data: z.array(TokenSchema) }), 'The tokens.'),
          ...problems(),
        },
      }),
    ),
    create: gated(
      'manage-tokens',
      createRoute({
        method: 'post',
        path: '/tokens',
        tags,
        security,
        summary: 'Make an editor token with a role (writer unless given)',
        description:
          'The token is in this answer only; its SHA-256 hash is stored. The same as npm run editor:token on the server’s own database. Each live token has a name of its own (revisions name their editor): a name a live token has already gets 409 (names are compared after Unicode NFC and trimming, A to Z without case).',
        request: {
          body: { required: true, content: { [JSON_BODY]: { schema: TokenCreateSchema } } },
        },
        responses: {
          201: json(TokenCreatedSchema, 'The new token, shown once.'),
          ...problems('payload-too-large', 'unsupported-media-type', 'invalid-body', 'conflict'),
        },
      }),
    ),
    revoke: gated(
      'manage-tokens',
      createRoute({
        method: 'post',
        path: '/tokens/{id}/revoke',
        tags,
        security,
        summary: 'Revoke an editor token: it is refused from the next request on',
        request: {
          params: z.object({
            id: z.string().openapi({
              param: { name: 'id', in: 'path' },
              pattern: SERIAL_ID.source,
              description: 'The token’s id, as GET /api/v1/admin/tokens lists it.',
              example: '2',
            }),
          }),
        },
        responses: { 200: json(TokenSchema, 'The token, revoked.'), ...problems('not-found') },
      }),
    ),
  },
  proposals: {
    list: createRoute({
      method: 'get',
      path: '/proposals',
      tags,
      security,
      summary: 'Writers’ proposed changes, newest first',
      description:
        'A writer’s change that readers would see at once is kept here for a publisher to apply or decline.',
      request: { query: ProposalsQuery },
      responses: {
        200: json(z.object({ data: z.array(ProposalSchema) }), 'The proposals (at most 200).'),
        ...problems('invalid-body'),
      },
    }),
    one: createRoute({
      method: 'get',
      path: '/proposals/{id}',
      tags,
      security,
      summary: 'One proposal',
      description:
        'The proposal with what it would change (body), whose it is and what became of it.',
      request: { params: proposalParams },
      responses: { 200: json(ProposalSchema, 'The proposal.'), ...problems('not-found') },
    }),
    apply: gated(
      'decide',
      deciding(
        'apply',
        'Apply a proposal: the change is written, recorded with both names',
        'Written as the publisher’s write at the version the writer read: if the row changed since, 412 (decline it, and the writer proposes again on the row as it is). A proposal that is not open gets 409.',
        {
          200: json(ProposalSchema, 'The proposal, applied.'),
        },
        {},
      ),
    ),
    decline: gated(
      'decide',
      deciding(
        'decline',
        'Decline a proposal, with a reason for the writer',
        'Nothing is written. A proposal that is not open gets 409.',
        { 200: json(ProposalSchema, 'The proposal, declined.') },
        {
          body: {
            required: true,
            content: { [JSON_BODY]: { schema: ProposalDeclineSchema } },
          },
        },
      ),
    ),
    withdraw: deciding(
      'withdraw',
      'Withdraw your own proposal',
      'The writer who proposed it (or a publisher) takes it back; nothing is written.',
      { 200: json(ProposalSchema, 'The proposal, withdrawn.') },
      {},
    ),
  },
  previews: {
    list: gated(
      'share-preview',
      createRoute({
        method: 'get',
        path: '/previews',
        tags,
        security,
        summary: 'Every share-preview link not yet expired, newest first',
        description: 'Revoked ones too, with revoked_at, until they would have expired.',
        responses: {
          200: json(z.object({ data: z.array(SharePreviewSchema) }), 'The links.'),
          ...problems(),
        },
      }),
    ),
    create: gated(
      'share-preview',
      createRoute({
        method: 'post',
        path: '/previews',
        tags,
        security,
        summary: 'Make a share-preview link: the story page with its drafts, for 24 hours',
        description:
          'A signed link (HMAC-SHA-256) to /preview/{link}: the story page as readers would see it once every draft is published, drafts marked as drafts, read-only, not indexed, never cached. It works without a token until it expires (24 hours) or is revoked, then answers 404. An event_id that names no event, or a deleted one, is refused with 422.',
        request: {
          body: {
            required: true,
            content: { [JSON_BODY]: { schema: SharePreviewCreateSchema } },
          },
        },
        responses: {
          201: json(SharePreviewSchema, 'The new link.'),
          ...problems(
            'payload-too-large',
            'unsupported-media-type',
            'invalid-body',
            'preview-unavailable',
          ),
        },
      }),
    ),
    revoke: gated(
      'share-preview',
      createRoute({
        method: 'post',
        path: '/previews/{id}/revoke',
        tags,
        security,
        summary: 'Revoke a share-preview link: it answers 404 from now on',
        request: {
          params: z.object({
            id: z.string().openapi({
              param: { name: 'id', in: 'path' },
              pattern: '^[0-9a-f]{32}$',
              description: 'The link’s id, as GET /api/v1/admin/previews lists it.',
              example: '0123456789abcdef0123456789abcdef',
            }),
          }),
        },
        responses: {
          200: json(SharePreviewSchema, 'The link, revoked.'),
          ...problems('not-found'),
        },
      }),
    ),
  },
  events: {
    ...tableRoutes('events', EventRowSchema, EventSummarySchema),
    publish: publishing(
      '/events/{id}/publish',
      'Publish an event: readers see it',
      'The event becomes public on the page, in the API and in the exports at once; its id never changes after this.',
    ),
    unpublish: publishing(
      '/events/{id}/unpublish',
      'Take an event back to draft',
      'The event leaves the page, the API and the exports at once; partners syncing with updated_since get a tombstone for it.',
    ),
  },
  categories: structural(tableRoutes('categories', ROWS.categories)),
  figures: tableRoutes('figures', ROWS.figures),
  notes: tableRoutes('notes', ROWS.notes),
  quotes: tableRoutes('quotes', ROWS.quotes),
  places: tableRoutes('places', ROWS.places),
  actors: tableRoutes('actors', ROWS.actors),
  outlets: tableRoutes('outlets', ROWS.outlets),
  chapters: {
    ...structural(tableRoutes('chapters', ROWS.chapters)),
    batch: gated(
      'structure',
      createRoute({
        method: 'patch',
        path: '/chapters',
        tags,
        security,
        summary: 'Change several chapters in one write (move a boundary, split, merge, reorder)',
        description:
          '`deleted` true is a delete and false a restore. The chapters must cover the story’s year (2022-07-01 to 2023-06-30) without gaps or overlaps, their positions in the order of their dates, and every live event must stay inside its chapter; a change of one chapter’s dates alone always breaks that, so a boundary moves here, with both chapters in one list. Each entry names a chapter by id: an existing one takes the fields given; a new id makes a new chapter (id, position, title, dek, start_date and end_date); `deleted` true soft-deletes one (refused while events are in it), false brings it back. If-Match names the ETag of GET /api/v1/admin/chapters: any change to any chapter since gives 412.',
        request: {
          headers: ifMatchHeader,
          body: {
            required: true,
            content: {
              [JSON_BODY]: { schema: ChaptersPatchSchema },
              [MERGE_PATCH]: { schema: ChaptersPatchSchema },
            },
          },
        },
        responses: {
          200: withEtag(ChapterListSchema, 'Every chapter as it is now, with the list’s new ETag.'),
          ...problems(
            'forbidden',
            'in-use',
            'stale-version',
            'payload-too-large',
            'unsupported-media-type',
            'invalid-body',
            'if-match-required',
          ),
        },
      }),
    ),
  },
}

// The app's type, made from the routes as @hono/zod-openapi's openapi() makes it from each one.

/** Hono's path for an OpenAPI path: /events/{id} -> /events/:id. */
type HonoPath<P extends string> = P extends `${infer Head}/{${infer Param}}${infer Tail}`
  ? `${Head}/:${Param}${HonoPath<Tail>}`
  : P

/** What a route's handler gets: its typed path, query, header and body. */
type InputOf<R extends RouteConfig> =
  Parameters<RouteHandler<R>>[0] extends Context<infer _E, infer _P, infer I> ? I : never

/** One route as Hono's typed client sees it. */
type SchemaOf<R> = R extends RouteConfig
  ? ToSchema<R['method'], HonoPath<R['path']>, InputOf<R>, RouteConfigToTypedResponse<R>>
  : never

/** Every route in a nested record of routes. */
type RoutesIn<T> = T extends RouteConfig ? T : { [K in keyof T]: RoutesIn<T[K]> }[keyof T]

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never

/**
 * The write API's routes and their types, for the editor's typed client:
 * `hc<AdminApi>('/api/v1/admin')`. Made from ADMIN_ROUTES, the very routes the app mounts.
 */
export type AdminApi = Hono<Env, Intersection<SchemaOf<RoutesIn<typeof ADMIN_ROUTES>>>, '/'>
