// The write API's routes for one editable table, made by one factory so every table has the same
// routes at its own concrete paths (/api/v1/admin/figures/{id}, ...), each documented with the
// table's own schemas: list, create, read, update (JSON merge patch), soft-delete, restore and
// revisions; publishing and unpublishing for events. Every write to a row needs its If-Match.
import { createRoute, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { JSON_BODY, MERGE_PATCH, jsonBody, rowIdGate, rowIdPattern, rowKey } from '../admin/request'
import { TABLES, type EditableTable } from '../admin/tables'
import type { AdminEnv } from '../admin/types'
import type { Row } from '../db/admin'
import { createAdminApi, handle, onInvalid } from './admin-api'
import { createRow, idempotencyGate } from './admin-create'
import { listTable, patchRow, readOne, rowRevisions, writeRow } from './admin-rows'
import {
  EDITORS_TAG,
  EDITOR_SECURITY,
  IDEMPOTENCY_KEY,
  IF_MATCH,
  RevisionListSchema,
  created,
  json,
  problems,
  schemaName,
  withEtag,
  writeSchemas,
} from './admin-schemas'

const EXAMPLE_ID: Record<EditableTable, string> = {
  events: '2022-09-27-phnom-penh-raids-1480-released',
  figures: '22',
  notes: '1',
  quotes: '1',
  places: 'kandal',
  actors: 'sar-kheng',
  outlets: 'vod',
  chapters: 'crackdown',
}

/** The id of a row in a path, and the version an editor read. */
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

/** The row id of the path, as the table keys it (the id gate has already refused any other). */
const keyOf = (table: EditableTable, id: string) => rowKey(table, id)!

/**
 * The routes of `table` under /api/v1/admin/<table>: `row` is the schema a row is answered with,
 * `item` the schema of one entry of the list (the row itself unless given).
 */
export function tableApi<T extends EditableTable, R extends z.ZodType, I extends z.ZodType = R>(
  table: T,
  row: R,
  item: I = row as unknown as I,
) {
  const schemas = writeSchemas(table)
  const Create = schemas.create.openapi(schemaName(table, 'Create'))
  const Patch = schemas.patch.openapi(schemaName(table, 'Patch'))
  const gate: MiddlewareHandler<AdminEnv> = rowIdGate(table)
  const tags = [EDITORS_TAG]
  const security = EDITOR_SECURITY
  const params = idParams(table)

  const list = createRoute({
    method: 'get',
    path: '/',
    tags,
    security,
    summary: `Every ${table} row, drafts and deleted ones too`,
    responses: {
      200: json(z.object({ data: z.array(item) }).openapi(schemaName(table, 'Rows')), 'The rows.'),
      ...problems(),
    },
  })

  const create = createRoute({
    method: 'post',
    path: '/',
    tags,
    security,
    summary: `Create a ${table} row`,
    description:
      table === 'events'
        ? 'A new event starts as a draft: readers see it once it is published.'
        : undefined,
    middleware: [jsonBody([JSON_BODY]), idempotencyGate(table)],
    request: {
      headers: z.object({ 'Idempotency-Key': IDEMPOTENCY_KEY }),
      body: { required: true, content: { [JSON_BODY]: { schema: Create } } },
    },
    responses: {
      201: created(
        row,
        'The new row (or, for a retry with the same Idempotency-Key, the first answer).',
      ),
      ...problems(
        'conflict',
        'payload-too-large',
        'unsupported-media-type',
        'invalid-body',
        'idempotency-key-reused',
      ),
    },
  })

  const one = createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    security,
    summary: `One ${table} row, with its version as ETag`,
    middleware: [gate],
    request: { params },
    responses: { 200: withEtag(row, 'The row.'), ...problems('not-found') },
  })

  const update = createRoute({
    method: 'patch',
    path: '/{id}',
    tags,
    security,
    summary: `Change a ${table} row (JSON merge patch, at the version read)`,
    description:
      'Only the fields sent change; null clears a field that may be empty.' +
      (table === 'events'
        ? ' `places`, `outlets` and `actors` replace the event’s lists whole.'
        : ''),
    middleware: [gate, jsonBody([JSON_BODY, MERGE_PATCH])],
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
  })

  /** A change with no body: soft-delete, restore, publish, unpublish. */
  const action = <M extends 'delete' | 'post', P extends '/{id}' | '/{id}/restore'>(
    method: M,
    path: P,
    summary: string,
  ) =>
    createRoute({
      method,
      path,
      tags,
      security,
      summary,
      middleware: [gate],
      request: { params, headers: ifMatchHeader },
      responses: {
        200: withEtag(row, 'The row as it is now.'),
        ...problems('not-found', 'stale-version', 'invalid-body', 'if-match-required'),
      },
    })

  const remove = action('delete', '/{id}', `Soft-delete a ${table} row (it can be restored)`)
  const restore = action('post', '/{id}/restore', `Undo the soft delete of a ${table} row`)

  const revisions = createRoute({
    method: 'get',
    path: '/{id}/revisions',
    tags,
    security,
    summary:
      table === 'events'
        ? 'The revisions of an event and of everything tied to it, newest first'
        : `The revisions of a ${table} row, newest first`,
    middleware: [gate],
    request: { params },
    responses: { 200: json(RevisionListSchema, 'The revisions.'), ...problems('not-found') },
  })

  const hook = onInvalid({ json: Create })
  const patchHook = onInvalid({ json: Patch })

  return createAdminApi()
    .openapi(
      list,
      handle(list, (c) => listTable(c, table)),
    )
    .openapi(
      create,
      handle(create, (c) => createRow(c, table, c.req.valid('json') as Row)),
      hook,
    )
    .openapi(
      one,
      handle(one, (c) => readOne(c, table, keyOf(table, c.req.valid('param').id))),
    )
    .openapi(
      update,
      handle(update, (c) =>
        patchRow(c, table, keyOf(table, c.req.valid('param').id), c.req.valid('json') as Row),
      ),
      patchHook,
    )
    .openapi(
      remove,
      handle(remove, (c) =>
        writeRow(c, table, keyOf(table, c.req.valid('param').id), {
          deleted_at: new Date().toISOString(),
        }),
      ),
    )
    .openapi(
      restore,
      handle(restore, (c) =>
        writeRow(c, table, keyOf(table, c.req.valid('param').id), { deleted_at: null }),
      ),
    )
    .openapi(
      revisions,
      handle(revisions, (c) => rowRevisions(c, table, keyOf(table, c.req.valid('param').id))),
    )
}

/** The routes of events: the table's routes, and publishing and unpublishing. */
export function eventsApi<R extends z.ZodType, I extends z.ZodType>(row: R, item: I) {
  const routes = tableApi('events', row, item)
  const publishing = <P extends '/{id}/publish' | '/{id}/unpublish'>(path: P, summary: string) =>
    createRoute({
      method: 'post',
      path,
      tags: [EDITORS_TAG],
      security: EDITOR_SECURITY,
      summary,
      middleware: [rowIdGate('events')],
      request: { params: idParams('events'), headers: ifMatchHeader },
      responses: {
        200: withEtag(row, 'The event as it is now.'),
        ...problems('not-found', 'stale-version', 'invalid-body', 'if-match-required'),
      },
    })
  const publish = publishing('/{id}/publish', 'Publish an event: readers see it')
  const unpublish = publishing('/{id}/unpublish', 'Take an event back to draft')
  return routes
    .openapi(
      publish,
      handle(publish, (c) =>
        writeRow(c, 'events', c.req.valid('param').id, { status: 'published' }),
      ),
    )
    .openapi(
      unpublish,
      handle(unpublish, (c) => writeRow(c, 'events', c.req.valid('param').id, { status: 'draft' })),
    )
}
