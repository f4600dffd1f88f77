// Reading an editor's request before the route's own validation runs: gates (route middleware)
// that refuse a row id no row can have (404) and a body that is not one JSON object, in UTF-8, of a
// declared media type (415, 422), so each refusal comes in the order editors have always seen; then the
// If-Match version a write names, and the hook that turns a failed schema into field errors.
import type { z } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { problem } from '../lib/problem'
import { parseBody } from './checks'
import { MERGE_PATCH, SERIAL_ID, rowKey } from './formats'
import { invalid } from './respond'
import { TABLES, type EditableTable } from '../data/tables'
import type { AdminEnv } from './types'

/** Decodes UTF-8 strictly: bytes that are not UTF-8 throw instead of becoming U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

type Result<T> = { ok: true; value: T } | { ok: false; response: Response }

// A well-formed Content-Type of JSON: the media type, then `; name=value` parameters. The same
// rule as the OpenAPI layer's own media-type check, which runs after this gate and so never refuses
// what this gate let through.
const WELL_FORMED = /^application\/([a-z.-]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i

/**
 * Refuses a body unless it is declared as one of `mediaTypes` (415) and is one JSON object (422);
 * keeps its text for the idempotency hash. The route's body schema runs after this gate.
 */
export function jsonBody(mediaTypes: readonly string[]): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const header = c.req.header('Content-Type') ?? ''
    const type = header.split(';')[0]!.trim().toLowerCase()
    if (!mediaTypes.includes(type) || !WELL_FORMED.test(header)) {
      return problem(
        c,
        'unsupported-media-type',
        mediaTypes.includes(MERGE_PATCH)
          ? 'Send the body as JSON with Content-Type: application/json (or application/merge-patch+json for PATCH).'
          : 'Send the body as JSON with Content-Type: application/json.',
      )
    }
    // JSON is UTF-8 (RFC 8259, 8.1): bytes that are not are refused, never read as U+FFFD.
    let text: string
    try {
      text = UTF8.decode(await c.req.arrayBuffer())
    } catch {
      return problem(
        c,
        'invalid-body',
        'The body is not UTF-8 text: send JSON encoded as UTF-8 (any character may also be written as a \\u escape).',
        {
          errors: [
            { field: '(body)', message: 'The body is not UTF-8: its bytes are not valid UTF-8.' },
          ],
        },
      )
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return problem(
        c,
        'invalid-body',
        'The body must be one JSON object, such as {"headline": "..."}.',
        {
          errors: [{ field: '(body)', message: 'Not a JSON object.' }],
        },
      )
    }
    if (depthOf(body) > MAX_JSON_DEPTH) {
      const message = `The body nests lists and objects more than ${MAX_JSON_DEPTH} deep; no field of the write API takes more than 3 (an event's actors: {"actors": [{"id": ..., "role": ...}]}).`
      return problem(c, 'invalid-body', message, { errors: [{ field: '(body)', message }] })
    }
    c.set('bodyText', text)
    await next()
  }
}

/** How deep a body may nest lists and objects: the write API's deepest field is 3 deep. */
export const MAX_JSON_DEPTH = 8

/**
 * How deep `value` nests lists and objects (a plain value is 0, {} is 1), counted without
 * recursion so that no body can exhaust the stack; it stops counting past MAX_JSON_DEPTH.
 */
export function depthOf(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [item, depth] = stack.pop()!
    if (typeof item !== 'object' || item === null) continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > MAX_JSON_DEPTH) return deepest
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

/** Refuses a path id that no row of `table` can have, with 404 (there is no such row). */
export function rowIdGate(table: EditableTable): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const id = c.req.param('id') ?? ''
    if (rowKey(table, id) === null) {
      return problem(
        c,
        'not-found',
        TABLES[table].key === 'serial'
          ? `${table} ids are whole numbers; "${id}" is not one.`
          : `There is no ${table} row "${id}".`,
      )
    }
    await next()
  }
}

/** Refuses a revision id that is not a whole number, with 404 (there is no such revision). */
export const revisionIdGate: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const id = c.req.param('id') ?? ''
  if (!SERIAL_ID.test(id)) {
    return problem(
      c,
      'not-found',
      `There is no revision "${id}": revision ids are whole numbers. GET /api/v1/admin/<table>/<id>/revisions lists a row's revisions.`,
    )
  }
  await next()
}

/**
 * The validation hook of a write route: a body or query that fails its schema gets 422
 * invalid-body with one field error per problem, in the words of the schema (as POST /validate
 * gives them). `schemas` names the schema of each validated part; a part without one is
 * described from the validator's own issues.
 */
export function refuseInvalid(schemas: { json?: z.ZodType; query?: z.ZodType }) {
  return (
    result: {
      target: string
      success: boolean
      data?: unknown
      error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }
    },
    c: Context<AdminEnv>,
  ): Promise<Response> | undefined => {
    if (result.success) return undefined
    const schema = schemas[result.target as keyof typeof schemas]
    const errors = schema
      ? parseBody(schema, result.data).errors
      : (result.error?.issues ?? []).map((issue) => {
          // An unknown parameter is named by the key zod reports (its path is the query's).
          const keys = (issue as { keys?: readonly string[] }).keys
          const field = keys?.length
            ? keys.join(', ')
            : issue.path.map(String).join('.') || `(${result.target})`
          // A query parameter that takes one value, given more than once (zod sees a list).
          const given = result.target === 'query' ? (c.req.queries(field)?.length ?? 0) : 0
          return {
            field,
            message: given > 1 ? `${field} was given ${given} times; give it once.` : issue.message,
          }
        })
    // A create's body names its row; a change's row is the stored one the path names.
    const body = result.data
    const row =
      c.req.method === 'POST' && typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : undefined
    return invalid(c, errors, { row })
  }
}

/** The version an editor read, from `If-Match: "<version>"`. */
export function ifMatch(c: Context): Result<number> {
  const header = c.req.header('If-Match')
  if (!header) {
    return {
      ok: false,
      response: problem(
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
      response: problem(
        c,
        'stale-version',
        'If-Match must be one ETag exactly as the API gave it, such as "3".',
      ),
    }
  }
  return { ok: true, value: Number(match[1]) }
}
