// The write API's routes for one editable table, mounted from the contract (admin-routes.ts) by one
// function, so every table has the same routes at its own paths: list, create, read, update (JSON
// merge patch), soft-delete, restore and revisions; publishing and unpublishing for events. Every
// write to a row needs its If-Match.
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { JSON_BODY, MERGE_PATCH, rowKey } from '../admin/formats'
import { sendChapterList } from '../admin/chapters'
import { jsonBody, rowIdGate } from '../admin/request'
import type { EditableTable } from '../data/tables'
import type { AdminEnv } from '../admin/types'
import type { Row } from '../db/admin'
import { mount, validOf } from './admin-api'
import { createRow, idempotencyGate } from './admin-create'
import { ADMIN_ROUTES, DetachQuery } from './admin-routes'
import { deleteRow, listTable, patchRow, readOne, rowRevisions, writeRow } from './admin-rows'

/** The row id of the path, as the table keys it (the id gate has already refused any other). */
const idOf = (c: Context<AdminEnv>, table: EditableTable) => rowKey(table, c.req.param('id') ?? '')!

/** The body as the route's schema parsed it. */
const bodyOf = (c: Context<AdminEnv>) => c.req.valid('json' as never) as Row

/** Mounts the routes of `table` on the write API's app. */
export function mountTable(app: OpenAPIHono<AdminEnv>, table: EditableTable): void {
  const routes = ADMIN_ROUTES[table]
  const gate = rowIdGate(table)
  mount(app, routes.list, (c) => (table === 'chapters' ? sendChapterList(c) : listTable(c, table)))
  mount(app, routes.create, (c) => createRow(c, table, bodyOf(c)), [
    jsonBody([JSON_BODY]),
    idempotencyGate(table),
  ])
  mount(app, routes.one, (c) => readOne(c, table, idOf(c, table)), [gate])
  mount(app, routes.update, (c) => patchRow(c, table, idOf(c, table), bodyOf(c)), [
    gate,
    jsonBody([JSON_BODY, MERGE_PATCH]),
  ])
  mount(
    app,
    routes.remove,
    (c) => deleteRow(c, table, idOf(c, table), validOf(c, 'query', DetachQuery).detach === 'true'),
    [gate],
  )
  mount(app, routes.restore, (c) => writeRow(c, table, idOf(c, table), { deleted_at: null }), [
    gate,
  ])
  mount(app, routes.revisions, (c) => rowRevisions(c, table, idOf(c, table)), [gate])
  if (table === 'events') {
    const events = ADMIN_ROUTES.events
    mount(
      app,
      events.publish,
      (c) => writeRow(c, 'events', idOf(c, 'events'), { status: 'published' }),
      [gate],
    )
    mount(
      app,
      events.unpublish,
      (c) => writeRow(c, 'events', idOf(c, 'events'), { status: 'draft' }),
      [gate],
    )
  }
}
