// What a refused write means to an editor. D1 reports constraint failures as errors whose message
// names the constraint; none of that text (or any SQL) reaches the response, except the sentences
// the triggers write for editors.
import type { Context } from 'hono'
import { fieldLabel, ROW_NOUNS } from '../data/labels'
import { problem } from '../lib/problem'

/**
 * What a clash on a unique column means, in editors' words: `table` and `column` come from
 * SQLite's "UNIQUE constraint failed: <table>.<column>" (either may be missing).
 */
function clashSentence(table: string | undefined, column: string | undefined): string {
  const noun =
    table && Object.hasOwn(ROW_NOUNS, table) ? ROW_NOUNS[table as keyof typeof ROW_NOUNS] : 'row'
  if (!column || column === 'id') {
    return `Another ${noun} already has this id. Choose another id, or edit that ${noun}.`
  }
  const label = (table && fieldLabel(table, column)) ?? column
  if ((table === 'chapters' || table === 'categories') && column === 'position') {
    return `Another ${noun} already holds this position (deleted ones keep theirs). Give this one a position no ${noun} has.`
  }
  if (column === 'position') {
    return `Another ${noun} of this event already holds this position. Give this one a position of its own, or move that ${noun} first.`
  }
  return `Another ${noun} already has this ${label}. Give this one its own, or edit that ${noun}.`
}

/** Whether a write failed on its guard (the version read, or another precondition). */
export function isStale(err: unknown): boolean {
  const message = err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : String(err)
  return message.includes('stale_version')
}

/**
 * The problem a write's database error means, or null when it is none of the refusals a write
 * can meet. The database's own rules (the triggers of db/audit-triggers.ts) refuse with a sentence
 * of ours that starts "[in use]" or "[refused]": it names the rows and the fix, holds no SQL, and
 * is passed on as the problem's detail.
 */
export function writeErrorResponse(c: Context, err: unknown): Response | null {
  const message = err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : String(err)
  const rule = /\[(in use|refused)\] (.*?)(?::\s*SQLITE_CONSTRAINT|$)/.exec(message)
  if (rule) {
    return rule[1] === 'in use'
      ? problem(c, 'in-use', rule[2]!)
      : problem(c, 'invalid-body', rule[2]!, { errors: [{ field: '(body)', message: rule[2]! }] })
  }
  if (message.includes('stale_version')) {
    return problem(
      c,
      'stale-version',
      'Someone changed this row after you read it. Reload it, redo your change, and send the new ETag in If-Match.',
    )
  }
  // One column ("figures.id"), or several ("figures.event_id, figures.position"): the last names
  // what clashed within the others (a position within an event).
  const unique = /UNIQUE constraint failed: (?:\w+\.\w+, )*(\w+)\.(\w+)/.exec(message)
  if (unique || /UNIQUE constraint failed|PRIMARY KEY/.test(message)) {
    return problem(c, 'conflict', clashSentence(unique?.[1], unique?.[2]), {
      errors: [
        {
          field: unique?.[2] ?? 'id',
          ...(unique && fieldLabel(unique[1]!, unique[2]!)
            ? { label: fieldLabel(unique[1]!, unique[2]!)! }
            : {}),
          message: clashSentence(unique?.[1], unique?.[2]),
        },
      ],
    })
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
