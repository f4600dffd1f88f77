// The write API under /api/v1/admin: editors only (bearer token, and Cloudflare Access when
// configured), never cached, no CORS, bodies of at most 64 KB.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { requireEditor } from '../admin/auth'
import { checkRow, parseBody } from '../admin/checks'
import { adminProblem } from '../admin/problems'
import { ifMatch, readJson } from '../admin/request'
import { invalid, missing, readRow, sendRow } from '../admin/respond'
import { restoreRevision } from '../admin/restore'
import { EVENT_LINKS, STORY_COLUMNS, StoryPatch, TABLES, isEditableTable } from '../admin/tables'
import type { AdminEnv } from '../admin/types'
import { writeErrorResponse } from '../admin/write-errors'
import { getPreviewStory, getStoryRow, listOptions, type Row } from '../db/admin'
import { listRowRevisions } from '../db/revisions'
import { updateStory } from '../db/admin-writes'
import { MEASURES, QUALIFIERS, UNITS } from '../schemas/figures'
import { ACTOR_ROLES } from '../schemas/actors'
import { OUTLET_ROLES } from '../schemas/outlets'
import { rows } from './admin-rows'

export const MAX_BODY_BYTES = 64 * 1024

export const admin = new Hono<AdminEnv>()

admin.use('*', async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
})
admin.use(
  '*',
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      adminProblem(
        c,
        'payload-too-large',
        `A request body may be at most ${MAX_BODY_BYTES / 1024} KB.`,
      ),
  }),
)
admin.use('*', requireEditor)

admin.get('/me', (c) => c.json({ name: c.get('editor') }))

admin.get('/options', async (c) =>
  c.json({
    ...(await listOptions(c.env.DB)),
    qualifiers: QUALIFIERS,
    units: UNITS,
    measures: MEASURES,
    note_kinds: ['correction', 'context'],
    outlet_roles: OUTLET_ROLES,
    actor_roles: ACTOR_ROLES,
  }),
)

/** Every check a write would run, without writing. */
admin.post('/validate', async (c) => {
  const body = await readJson(c)
  if (!body.ok) return body.response
  const { table, data, id } = body.value.body as { table?: unknown; data?: unknown; id?: unknown }
  if (typeof table !== 'string' || !(isEditableTable(table) || table === 'story')) {
    return invalid(c, [
      {
        field: 'table',
        message: `table must be one of: ${Object.keys(TABLES).join(', ')}, story.`,
      },
    ])
  }
  if (table === 'story') {
    const parsed = parseBody(StoryPatch, data)
    return c.json({ valid: parsed.errors.length === 0, errors: parsed.errors })
  }
  const existing = id === undefined ? null : await readRow(c, table, id as string | number)
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
})

/** The story with every draft in it, as the page would show it once they are published. */
admin.get('/preview', async (c) => {
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

admin.get('/story', async (c) => {
  const row = await getStoryRow(c.env.DB)
  return row ? sendRow(c, row) : missing(c, 'story', 1)
})

admin.patch('/story', async (c) => {
  const version = ifMatch(c)
  if (!version.ok) return version.response
  const body = await readJson(c)
  if (!body.ok) return body.response
  const parsed = parseBody(StoryPatch, body.value.body)
  if (!parsed.data) return invalid(c, parsed.errors)
  try {
    await updateStory(c.env.DB, version.value, parsed.data as Row, STORY_COLUMNS, c.get('editor'))
  } catch (err) {
    const response = writeErrorResponse(c, err)
    if (response) return response
    throw err
  }
  return sendRow(c, (await getStoryRow(c.env.DB))!)
})

admin.get('/story/revisions', async (c) =>
  c.json({ data: await listRowRevisions(c.env.DB, 'story', '1') }),
)

admin.post('/revisions/:id/restore', async (c) => {
  const id = c.req.param('id')
  if (!/^\d{1,12}$/.test(id)) return missing(c, 'revisions', id)
  const to = c.req.query('to') ?? 'after'
  if (to !== 'after' && to !== 'before') {
    return invalid(c, [
      {
        field: 'to',
        message:
          'to must be "after" (the state the revision made, the default) or "before" (the state it replaced).',
      },
    ])
  }
  return restoreRevision(c, Number(id), to)
})

admin.route('/', rows)
