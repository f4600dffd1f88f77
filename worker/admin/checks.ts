// Every check a write must pass, in one place: the table's schema, references to other rows, and
// rules that span fields. The write routes and POST /api/v1/admin/validate both run these.
import type { z } from '@hono/zod-openapi'
import { existingIds, getChapterSpan, type Row } from '../db/admin'
import type { Db } from '../db/sql'
import type { FieldError } from './problems'
import { TABLES, type EditableTable } from '../data/tables'

/** The schema's verdict on a body, as field errors. */
export function parseBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { data?: T; errors: FieldError[] } {
  const result = schema.safeParse(body)
  if (result.success) return { data: result.data, errors: [] }
  return {
    errors: result.error.issues.map((issue) => ({
      field: issue.path.length
        ? issue.path.join('.')
        : issue.code === 'unrecognized_keys'
          ? issue.keys.join(', ')
          : '(body)',
      message:
        issue.code === 'unrecognized_keys'
          ? `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling.`
          : issue.message,
    })),
  }
}

interface Links {
  places?: string[]
  outlets?: { id: string }[]
  actors?: { id: string }[]
}

/** Checks that need the database or more than one field, on the row as it would be after the write. */
export async function checkRow(
  db: Db,
  table: EditableTable,
  row: Row,
  links: Links = {},
): Promise<FieldError[]> {
  const errors: FieldError[] = []
  const spec = TABLES[table]

  for (const [column, target] of Object.entries(spec.references)) {
    const value = row[column]
    if (value === null || value === undefined) continue
    const found = await existingIds(db, target, [String(value)])
    if (!found.has(String(value))) {
      errors.push({
        field: column,
        message: `There is no ${singular(target)} with the id "${String(value)}".`,
      })
    }
  }
  for (const [field, target, ids] of [
    ['places', 'places', links.places],
    ['outlets', 'outlets', links.outlets?.map((o) => o.id)],
    ['actors', 'actors', links.actors?.map((a) => a.id)],
  ] as const) {
    if (!ids?.length) continue
    if (new Set(ids).size !== ids.length)
      errors.push({ field, message: `A ${singular(target)} is listed twice.` })
    const found = await existingIds(db, target, [...ids])
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length) errors.push({ field, message: `Unknown ${target}: ${missing.join(', ')}.` })
  }

  const before = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a > b
  if (table === 'figures') {
    if (
      typeof row.value_max === 'number' &&
      typeof row.value === 'number' &&
      row.value_max < row.value
    ) {
      errors.push({
        field: 'value_max',
        message: 'value_max must be at least value (it is the top of a range).',
      })
    }
    if (before(row.period_start, row.period_end)) {
      errors.push({ field: 'period_end', message: 'period_end must not come before period_start.' })
    }
  }
  if (table === 'notes' && row.kind === 'correction' && !row.source_said) {
    errors.push({ field: 'source_said', message: 'A correction must say what the source said.' })
  }
  if (table === 'chapters' && before(row.start_date, row.end_date)) {
    errors.push({ field: 'end_date', message: 'end_date must not come before start_date.' })
  }
  if (table === 'places') {
    if (
      (row.latitude === null || row.latitude === undefined) !==
      (row.longitude === null || row.longitude === undefined)
    ) {
      errors.push({ field: 'longitude', message: 'Give both latitude and longitude, or neither.' })
    }
    if (row.kind === 'province' && !row.iso_code) {
      errors.push({
        field: 'iso_code',
        message: 'A province needs its ISO 3166-2 code, such as KH-18.',
      })
    }
  }
  if (table === 'events' && typeof row.chapter === 'string' && typeof row.date === 'string') {
    const chapter = await getChapterSpan(db, row.chapter)
    if (chapter && (row.date < chapter.start_date || row.date > chapter.end_date)) {
      errors.push({
        field: 'date',
        message: `The chapter "${row.chapter}" runs from ${chapter.start_date} to ${chapter.end_date}; pick the chapter of this date.`,
      })
    }
  }
  return errors
}

function singular(table: string): string {
  return table === 'categories' ? 'category' : table.replace(/s$/, '')
}
