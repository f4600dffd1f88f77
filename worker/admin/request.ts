// Reading an editor's request: its JSON body, its If-Match version, its table and row id.
import type { Context } from 'hono'
import { adminProblem } from './problems'
import { TABLES, isEditableTable, type EditableTable } from './tables'

type Result<T> = { ok: true; value: T } | { ok: false; response: Response }

const JSON_TYPES = ['application/json', 'application/merge-patch+json']

export async function readJson(c: Context): Promise<Result<{ body: unknown; text: string }>> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!JSON_TYPES.includes(type)) {
    return {
      ok: false,
      response: adminProblem(
        c,
        'unsupported-media-type',
        'Send the body as JSON with Content-Type: application/json (or application/merge-patch+json for PATCH).',
      ),
    }
  }
  const text = await c.req.text()
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error('not an object')
    return { ok: true, value: { body, text } }
  } catch {
    return {
      ok: false,
      response: adminProblem(
        c,
        'invalid-body',
        'The body must be one JSON object, such as {"headline": "..."}.',
        {
          errors: [{ field: '(body)', message: 'Not a JSON object.' }],
        },
      ),
    }
  }
}

/** The version an editor read, from `If-Match: "<version>"`. */
export function ifMatch(c: Context): Result<number> {
  const header = c.req.header('If-Match')
  if (!header) {
    return {
      ok: false,
      response: adminProblem(
        c,
        'if-match-required',
        'Send the ETag you read in If-Match (for example If-Match: "3"), so no one else’s change is overwritten.',
      ),
    }
  }
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header)
  if (!match) {
    return {
      ok: false,
      response: adminProblem(
        c,
        'stale-version',
        'If-Match must be one ETag exactly as the API gave it, such as "3".',
      ),
    }
  }
  return { ok: true, value: Number(match[1]) }
}

export function tableParam(c: Context): Result<EditableTable> {
  const table = c.req.param('table') ?? ''
  if (isEditableTable(table)) return { ok: true, value: table }
  return {
    ok: false,
    response: adminProblem(
      c,
      'not-found',
      `There is no editable table "${table}". Editable: ${Object.keys(TABLES).join(', ')}, and /api/v1/admin/story.`,
    ),
  }
}

export function rowId(c: Context, table: EditableTable): Result<string | number> {
  const id = c.req.param('id') ?? ''
  if (TABLES[table].key === 'serial') {
    return /^\d{1,12}$/.test(id)
      ? { ok: true, value: Number(id) }
      : {
          ok: false,
          response: adminProblem(
            c,
            'not-found',
            `${table} ids are whole numbers; "${id}" is not one.`,
          ),
        }
  }
  return /^[a-z0-9][a-z0-9-]{0,79}$/.test(id)
    ? { ok: true, value: id }
    : { ok: false, response: adminProblem(c, 'not-found', `There is no ${table} row "${id}".`) }
}

export const etagOf = (version: unknown) => `"${String(version)}"`
