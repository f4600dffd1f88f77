// The write API's contract as zod schemas, for its routes (routes/admin*.ts) and so for
// /api/v1/openapi.json and the editor's typed client: each table's create and patch bodies (the
// same schemas that validate the writes), the rows it answers with, the headers a write takes, and
// the problem responses each route can give.
import { ACTIONS, EDITOR_ACTIONS, RoleSchema, type EditorAction } from '../admin/roles'
import { z } from '@hono/zod-openapi'
import {
  AdminEvent,
  CREATE,
  EDITABLE_TABLES,
  PATCH,
  EVENT_SUMMARY_COLUMNS,
  oneLineText,
  ROWS as TABLE_ROWS,
  StoryPatch,
  type EditableTable,
} from '../data/tables'
import { EDITOR_NAME, EDITOR_NAME_RULE, normaliseEditorName } from '../data/values'
import { PROBLEM_TYPES, type ProblemSlug } from '../lib/problem-types'
import { ProblemSchema } from '../schemas/common'
import { StorySchema } from '../schemas/story'

/** The tag every write-API operation carries in the OpenAPI document. */
export const EDITORS_TAG = 'Editors'

/** The name of the security scheme every write-API operation needs. */
export const BEARER_AUTH = 'bearerAuth'
/** That scheme: `Authorization: Bearer <token>` (OpenAPI http bearer). */
export const BEARER_SCHEME = {
  type: 'http',
  scheme: 'bearer',
  description:
    'An editor token made by `npm run editor:token`, sent as `Authorization: Bearer <token>`. Behind Cloudflare Access a valid `Cf-Access-Jwt-Assertion` is needed as well.',
} as const

/** Each editable table's create and patch schemas, with their own types (from the registry). */
export type WriteSchemas = {
  [T in EditableTable]: { create: (typeof CREATE)[T]; patch: (typeof PATCH)[T] }
}

/** The create and patch schemas of `table`, as the table registry (data/tables.ts) defines them. */
export const writeSchemas = <T extends EditableTable>(table: T) => ({
  create: CREATE[table],
  patch: PATCH[table],
})

const SINGULAR: Record<EditableTable, string> = {
  categories: 'Category',
  events: 'Event',
  figures: 'Figure',
  notes: 'Note',
  quotes: 'Quote',
  places: 'Place',
  actors: 'Actor',
  outlets: 'Outlet',
  chapters: 'Chapter',
}

/** The component name of one of a table's schemas in the OpenAPI document, such as FigureCreate. */
export const schemaName = (table: EditableTable, what: 'Create' | 'Patch' | 'Row' | 'Rows') =>
  `${SINGULAR[table]}${what}`

const timestamp = (description: string) =>
  z.string().openapi({ format: 'date-time', description, example: '2026-11-24T09:30:00.000Z' })

const STATUS = z.enum(['draft', 'published']).openapi({
  description: 'A draft is seen by editors only (and in the preview) until it is published.',
})

/** A row of `table` as the write API answers with it: the table registry's row schema. */
export const rowSchema = <T extends EditableTable>(table: T) => TABLE_ROWS[table]

/** The row schema of a table other than events, named for the document (FigureRow, ...). */
const namedRow = <T extends Exclude<EditableTable, 'events'>>(table: T) =>
  rowSchema(table).openapi(schemaName(table, 'Row'))

/** The row schemas of the tables other than events. */
export const ROWS = {
  categories: namedRow('categories'),
  figures: namedRow('figures'),
  notes: namedRow('notes'),
  quotes: namedRow('quotes'),
  places: namedRow('places'),
  actors: namedRow('actors'),
  outlets: namedRow('outlets'),
  chapters: namedRow('chapters'),
}

/**
 * One chapter in a write of several (PATCH /api/v1/admin/chapters): an existing chapter's id and
 * the fields that change, or a new chapter whole; `deleted` true soft-deletes it, false brings it
 * back.
 */
export const ChapterChangeSchema = PATCH.chapters
  .extend({
    id: CREATE.chapters.shape.id,
    deleted: z
      .boolean({ error: 'deleted must be true (delete the chapter) or false (bring it back).' })
      .optional()
      .openapi({ description: 'true: soft-delete the chapter; false: bring a deleted one back.' }),
  })
  .strict()
  .openapi('ChapterChange')

/** PATCH /api/v1/admin/chapters's body: the chapters that change, all in one write. */
export const ChaptersPatchSchema = z
  .strictObject({
    chapters: z
      .array(ChapterChangeSchema)
      .min(1, 'List at least one chapter.')
      .max(50, 'A write takes at most 50 chapters.'),
  })
  .openapi('ChaptersPatch')

/** Every chapter (deleted ones too), as GET and PATCH /api/v1/admin/chapters answer. */
export const ChapterListSchema = z
  .object({
    data: z.array(ROWS.chapters),
    moved_events: z
      .array(
        z.object({
          id: z.string(),
          headline: z.string(),
          from: z.string().openapi({ description: 'The chapter it was in.' }),
          to: z.string().openapi({ description: 'The chapter its date falls in now.' }),
        }),
      )
      .optional()
      .openapi({
        description:
          'After PATCH /chapters only: the events the new boundaries moved to the chapter their date now falls in (each a change of the event, with its own revision).',
      }),
  })
  .openapi('ChapterRows')

/** An event as the write API answers with it: its row, its links, and its live figures, quotes and notes. */
export const EventRowSchema = AdminEvent.openapi(schemaName('events', 'Row'))

const pick = <K extends string>(columns: readonly K[]) =>
  Object.fromEntries(columns.map((c) => [c, true])) as { [C in K]: true }

/** One event in GET /api/v1/admin/events: every event, drafts and deleted ones too. */
export const EventSummarySchema = TABLE_ROWS.events
  .pick(pick(EVENT_SUMMARY_COLUMNS))
  .openapi('EventSummary')

/** The story row an editor changes: its title, dek, credit and citation. */
export const StoryRowSchema = TABLE_ROWS.story.openapi('StoryRow')

/** The story's PATCH body, named for the document. */
export const StoryPatchSchema = StoryPatch.openapi('StoryPatch')

/** One entry of the audit trail. */
export const RevisionSchema = z
  .object({
    id: z.number().int(),
    table_name: z.string().openapi({ example: 'figures' }),
    row_id: z.string().openapi({ example: '22' }),
    event_id: z.string().nullable(),
    action: z.enum(['insert', 'update', 'delete']),
    actor: z.string().openapi({
      description: 'The editor’s name, or "sql" for a change made outside the API.',
    }),
    at: timestamp('When the change was made.'),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('Revision')

/** A row's revisions, as GET .../{id}/revisions answers. */
export const RevisionListSchema = z
  .object({ data: z.array(RevisionSchema).openapi({ description: 'Newest first.' }) })
  .openapi('RevisionList')

/** GET /revisions: a page of the changes list and the link to the next one. */
export const RevisionPageSchema = z
  .object({
    data: z.array(RevisionSchema).openapi({ description: 'Newest first.' }),
    links: z.object({
      next: z.string().nullable().openapi({
        description: 'The next (older) page with the same filters, or null on the last page.',
      }),
    }),
  })
  .openapi('RevisionPage')

/** What a restore answers: the row as it is now, or, for a link between rows, the link restored. */
export const RestoredSchema = z.record(z.string(), z.unknown()).openapi('Restored', {
  description:
    'The restored row, as GET on it answers (with its ETag), and `message`: what the restore did (content only; or, for an event deleted with SQL, whether it came back with the rows deleted with it or as a draft). For a link between an event and a place, outlet or actor: `{ restored, table, row, version, message }`, with the event’s new version as ETag.',
})

/** Who a token belongs to (GET /api/v1/admin/me). */
export const EditorSchema = z
  .object({
    name: z.string(),
    role: RoleSchema,
    may: z.object(
      Object.fromEntries(
        ACTIONS.map((a) => [a, z.boolean().openapi({ description: EDITOR_ACTIONS[a].words })]),
      ) as Record<EditorAction, z.ZodBoolean>,
    ),
    actions: z
      .record(z.string(), z.object({ roles: z.array(RoleSchema), words: z.string() }))
      .openapi({ description: 'Every action, the roles that may take it, and what it is.' }),
  })
  .openapi('Editor')

const choice = z.object({ id: z.string(), name: z.string() })
const values = (list: string) =>
  z.array(z.string()).openapi({ description: `The allowed ${list}.` })

/** Everything the editor's forms offer as choices. */
export const OptionsSchema = z
  .object({
    categories: z.array(choice),
    chapters: z.array(choice.extend({ start_date: z.string(), end_date: z.string() })),
    places: z.array(choice.extend({ kind: z.string() })),
    actors: z.array(choice.extend({ kind: z.string() })),
    outlets: z.array(choice.extend({ kind: z.string() })),
    qualifiers: values('qualifiers of a figure'),
    units: values('units of a figure'),
    measures: values('measures of a figure'),
    note_kinds: values('kinds of a note'),
    outlet_roles: values('roles of an outlet in an event'),
    actor_roles: values('roles of an actor in an event'),
  })
  .openapi('EditorOptions')

/** The story with every draft in it. */
export const PreviewSchema = z
  .object({
    data: StorySchema.extend({
      events: z.array(StorySchema.shape.events.element.extend({ status: STATUS })),
    }),
    meta: z.object({
      data_version: z.number().int(),
      generated_at: timestamp('When this preview was made.'),
      preview: z.literal(true),
    }),
  })
  .openapi('Preview')

const TABLE_OR_STORY = [...EDITABLE_TABLES, 'story'] as const

/** POST /api/v1/admin/validate's body: a table, the data a write would send, and the row it would change. */
export const ValidateBodySchema = z
  .object({
    table: z.enum(TABLE_OR_STORY, {
      error: `table must be one of: ${TABLE_OR_STORY.join(', ')}.`,
    }),
    data: z.unknown().openapi({
      description: 'The body a create (without id) or a PATCH (with id) would send.',
    }),
    id: z
      .union([z.string(), z.number().int()], {
        error: 'id must be a row id, text or a whole number.',
      })
      .optional()
      .openapi({ description: 'The row a PATCH would change; leave out for a create.' }),
  })
  .openapi('ValidateRequest')

/** One field's error: the field (a dotted path), its label on the editor page, and what it needs. */
export const FieldErrorSchema = z
  .object({
    field: z.string().openapi({ description: 'A dotted path, or "(body)".', example: 'value_max' }),
    label: z.string().optional().openapi({
      description: 'The field as the editor page names it, when it is one of a table’s fields.',
      example: 'Upper end of a range',
    }),
    message: z.string().openapi({
      example:
        'Upper end of a range must be above the value, 289: it is the top of the range. Leave it empty when the source gives one number.',
    }),
  })
  .openapi('FieldError')

/** POST /api/v1/admin/validate's verdict. */
export const ValidationSchema = z
  .object({ valid: z.boolean(), errors: z.array(FieldErrorSchema) })
  .openapi('ValidationResult')

/** POST /api/v1/admin/import's body: the CSV as text, and whether to write it. */
export const ImportBodySchema = z
  .object({
    csv: z
      .string({ error: 'csv must be the file’s text: a CSV with its header row.' })
      .min(1, 'csv is empty: send the file’s text, header row first.')
      .openapi({
        description:
          'The file as text: our own events.csv (as /api/v1/events.csv writes it) or a TimelineJS Google Sheets template exported as CSV. At most 1 MB.',
      }),
    apply: z.boolean({ error: 'apply must be true or false.' }).optional().openapi({
      description:
        'false (the default): a dry run, nothing is written. true: write every row, in one transaction, when no row is refused; with any row refused nothing is written and the answer is 422 with the same report.',
    }),
  })
  .strict()
  .openapi('ImportRequest')

const IMPORT_ACTIONS = ['create', 'change', 'unchanged', 'skip', 'refuse'] as const

/** One row of the import's report. */
export const ImportRowSchema = z
  .object({
    line: z.number().int().openapi({ description: 'The row’s line in the file (header: 1).' }),
    id: z.string().nullable(),
    headline: z.string().nullable(),
    action: z.enum(IMPORT_ACTIONS).openapi({
      description:
        'create: a new draft event. change: a stored draft that differs (see changes). unchanged: the stored event is the same. skip: not an event (a TimelineJS title slide). refuse: see errors; nothing of the file is written while any row is refused.',
    }),
    changes: z.array(z.string()).optional(),
    errors: z.array(FieldErrorSchema).optional(),
    notes: z.array(z.string()).optional().openapi({
      description: 'What the import leaves out of the row, and why.',
    }),
  })
  .openapi('ImportRow')

/** The import's report: the layout it read, whether it wrote, counts and one entry per row. */
export const ImportReportSchema = z
  .object({
    format: z.enum(['events-csv', 'timelinejs']),
    applied: z.boolean(),
    counts: z.object(
      Object.fromEntries(IMPORT_ACTIONS.map((a) => [a, z.number().int()])) as Record<
        (typeof IMPORT_ACTIONS)[number],
        z.ZodNumber
      >,
    ),
    rows: z.array(ImportRowSchema),
  })
  .openapi('ImportReport')

/** A problem of the write API: the RFC 9457 members, field errors (422) and the current version (412). */
export const EditorProblemSchema = ProblemSchema.extend({
  errors: z.array(FieldErrorSchema).optional().openapi({
    description: 'For invalid-body (422): what is wrong, field by field.',
  }),
  current_version: z.number().int().nullable().optional().openapi({
    description: 'For stale-version (412): the row’s version now.',
  }),
  report: ImportReportSchema.optional().openapi({
    description: 'For an import with apply: true and a row refused (422): the whole report.',
  }),
}).openapi('EditorProblem')

/** The If-Match header of a write: the ETag of the version the editor read. */
export const IF_MATCH = z
  .string()
  .optional()
  .openapi({
    param: { name: 'If-Match', in: 'header' },
    description:
      'The row’s ETag as the API gave it, such as "3". Without it the answer is 428; with an old one, 412.',
    example: '"3"',
  })

/** The Idempotency-Key header of a create. */
export const IDEMPOTENCY_KEY = z
  .string()
  .optional()
  .openapi({
    param: { name: 'Idempotency-Key', in: 'header' },
    description:
      '1 to 200 visible ASCII characters, such as a UUID. A retry with the same key and body gets the first answer back (with Idempotent-Replayed: true) and makes no second row.',
    example: '5f0c6a52-3c1e-4be5-9d1e-7b1f0e0c2a10',
  })

const ETAG_HEADER = {
  ETag: {
    description: 'The row’s version as a strong validator; send it in If-Match to change the row.',
    schema: { type: 'string' as const, example: '"4"' },
  },
}

/** A JSON answer. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

/** A row as the answer, with its ETag. */
export const withEtag = <S extends z.ZodType>(schema: S, description: string) => ({
  ...json(schema, description),
  headers: ETAG_HEADER,
})

/** A created row: its ETag and where it lives. */
export const created = <S extends z.ZodType>(schema: S, description: string) => ({
  ...json(schema, description),
  headers: {
    ...ETAG_HEADER,
    Location: { description: 'The new row’s address.', schema: { type: 'string' as const } },
    'Idempotent-Replayed': {
      description: '"true" when this is the first answer to an earlier request with the same key.',
      schema: { type: 'string' as const },
    },
  },
})

type Status<S extends ProblemSlug> = (typeof PROBLEM_TYPES)[S]['status']
type ProblemResponse = {
  description: string
  headers?: Record<string, { description: string; schema: { type: 'string' | 'integer' } }>
  content: { 'application/problem+json': { schema: typeof EditorProblemSchema } }
}

/** Problems every write-API route can give: no valid token, too many requests. */
const ALWAYS = ['unauthorized', 'rate-limited'] as const

/**
 * The problem responses of a write-API route: `slugs` and those every route gives, one entry per
 * status, each naming its problem types and their pages.
 */
export function problems<const S extends readonly ProblemSlug[]>(
  ...slugs: S
): { [K in Status<S[number] | (typeof ALWAYS)[number]>]: ProblemResponse } {
  const byStatus = new Map<number, ProblemSlug[]>()
  for (const slug of [...ALWAYS, ...slugs]) {
    const status = PROBLEM_TYPES[slug].status
    byStatus.set(status, [...(byStatus.get(status) ?? []), slug])
  }
  const responses: Record<number, ProblemResponse> = {}
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: list
        .map((slug) => `${PROBLEM_TYPES[slug].title} (/api/v1/problems/${slug})`)
        .join('; '),
      ...(status === 401
        ? {
            headers: {
              'WWW-Authenticate': {
                description: 'Bearer realm="editors"',
                schema: { type: 'string' },
              },
            },
          }
        : status === 429
          ? {
              headers: {
                'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
              },
            }
          : {}),
      content: { 'application/problem+json': { schema: EditorProblemSchema } },
    }
  }
  return responses as never
}

/** The security requirement of every write-API operation. */
export const EDITOR_SECURITY = [{ [BEARER_AUTH]: [] }]

/** An editor token as listed (never the token itself: only its hash is stored). */
export const TokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: RoleSchema,
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .openapi('EditorToken')

/** POST /tokens: who the new token is for and its role. */
export const TokenCreateSchema = z
  .object({
    name: z
      .string({ error: 'name must be text: who the token is for.' })
      .transform(normaliseEditorName)
      .pipe(z.string().regex(EDITOR_NAME, { error: `name: ${EDITOR_NAME_RULE}.` })),
    role: z
      .enum(['writer', 'publisher'], { error: 'role must be "writer" or "publisher".' })
      .default('writer')
      .openapi({ description: 'The new token’s role; writer unless given.' }),
  })
  .strict()
  .openapi('EditorTokenCreate')

/** A new token: shown once in this answer, never again. */
export const TokenCreatedSchema = TokenSchema.extend({
  token: z.string().openapi({ description: 'The token itself, shown once: keep it safe.' }),
}).openapi('EditorTokenCreated')

/** A share-preview link as listed and as made. */
export const SharePreviewSchema = z
  .object({
    id: z.string(),
    event_id: z.string().nullable(),
    created_by: z.string(),
    created_at: z.string(),
    expires_at: z.string(),
    revoked_at: z.string().nullable(),
    url: z
      .string()
      .openapi({ description: 'The link to send: it works without a token until it expires.' }),
  })
  .openapi('SharePreview')

/** POST /previews: the event the preview opens at, if any. */
export const SharePreviewCreateSchema = z
  .object({
    event_id: z
      .string({ error: 'event_id must be an event’s id (text).' })
      .regex(/^[a-z0-9][a-z0-9-]{2,79}$/, {
        error: 'event_id must be an event’s id: lowercase letters, digits and hyphens.',
      })
      .optional()
      .openapi({ description: 'The event the page opens at; the start of the story if left out.' }),
  })
  .strict()
  .openapi('SharePreviewCreate')

/** A writer's change kept for a publisher (admin/proposals.ts says which changes are kept). */
export const ProposalSchema = z
  .object({
    id: z.number().int(),
    table_name: z.enum(EDITABLE_TABLES),
    row_id: z
      .string()
      .nullable()
      .openapi({ description: 'The row the change is for; null for a proposed new row.' }),
    event_id: z.string().nullable().openapi({ description: 'The event the row belongs to.' }),
    base_version: z.number().int().nullable().openapi({
      description: 'The row’s version the writer read: applying needs the row still at it.',
    }),
    body: z.record(z.string(), z.unknown()).openapi({
      description: 'What the write would change: a JSON merge patch, or a new row’s fields.',
    }),
    proposed_by: z.string(),
    token_id: z.number().int().nullable().openapi({
      description: 'The token that proposed it: only it (or a publisher) withdraws it.',
    }),
    proposed_at: z.string(),
    status: z.enum(['open', 'applied', 'declined', 'withdrawn']),
    decided_by: z.string().nullable(),
    decided_at: z.string().nullable(),
    reason: z.string().nullable().openapi({ description: 'Why it was declined, if given.' }),
    url: z.string().openapi({ description: 'The proposal in the write API.' }),
    message: z
      .string()
      .optional()
      .openapi({ description: 'On a 202: what happened to the write, in editors’ words.' }),
  })
  .openapi('Proposal')

/** POST /proposals/{id}/decline: why, in the publisher's words (optional). */
export const ProposalDeclineSchema = z
  .object({
    reason: oneLineText('Reason', 0, 400).optional(),
  })
  .strict()
  .openapi('ProposalDecline')
