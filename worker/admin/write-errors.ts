// What a refused write means to an editor. D1 reports constraint failures as errors whose message
// names the constraint; none of that text (or any SQL) reaches the response.
import type { Context } from 'hono'
import { problem } from '../lib/problem'

export function writeErrorResponse(c: Context, err: unknown): Response | null {
  const message = err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : String(err)
  if (message.includes('stale_version')) {
    return problem(
      c,
      'stale-version',
      'Someone changed this row after you read it. Reload it, redo your change, and send the new ETag in If-Match.',
    )
  }
  if (/UNIQUE constraint failed|PRIMARY KEY/.test(message)) {
    return problem(
      c,
      'conflict',
      'A row with this id already exists. Choose another id, or edit that row.',
    )
  }
  if (message.includes('a published event keeps its id')) {
    return problem(
      c,
      'invalid-body',
      'A published event keeps its id for ever: partners link to it.',
      {
        errors: [{ field: 'id', message: 'A published event keeps its id.' }],
      },
    )
  }
  if (/FOREIGN KEY constraint failed/.test(message)) {
    return problem(
      c,
      'invalid-body',
      'The change refers to a row that does not exist, or other rows still refer to this one. Nothing was changed.',
    )
  }
  if (/CHECK constraint failed|NOT NULL constraint failed/.test(message)) {
    return problem(
      c,
      'invalid-body',
      "The change breaks one of the database's rules (see POST /api/v1/admin/validate for the field). Nothing was changed.",
    )
  }
  return null
}
