// A checker of CSV files against the Table Schemas of a Frictionless Data Package (Table Schema v1,
// https://specs.frictionlessdata.io/table-schema/), for the types and constraints our tables
// declare: the header, each cell's type (string with format uri, integer, number, date,
// datetime), missing values, required, enum, minimum, maximum, pattern, the primary key's
// uniqueness and every foreign key. The CSV is read by csv-parse with the resource's dialect.
import { parse } from 'csv-parse/browser/esm/sync'

/** A Table Schema field as datapackage.json writes it. */
export interface SchemaField {
  name: string
  type: string
  format?: string
  constraints?: {
    required?: boolean
    enum?: string[]
    minimum?: number
    maximum?: number
    pattern?: string
  }
}

/** A Tabular Data Resource as datapackage.json writes it (the parts checked here). */
export interface TabularResource {
  name: string
  path: string
  profile?: string
  dialect?: { delimiter?: string; lineTerminator?: string; quoteChar?: string; header?: boolean }
  schema: {
    fields: SchemaField[]
    missingValues?: string[]
    primaryKey?: string | string[]
    foreignKeys?: {
      fields: string | string[]
      reference: { resource: string; fields: string | string[] }
    }[]
  }
}

const INTEGER = /^[+-]?\d+$/
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function realDate(text: string): boolean {
  const m = DATE.exec(text)
  if (!m) return false
  const [, y, mo, d] = m.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** The cell's value in its field's type, or an error message when it does not fit the type. */
function cast(field: SchemaField, text: string): { value: string | number } | { error: string } {
  switch (field.type) {
    case 'string':
      if (field.format === 'uri') {
        try {
          const url = new URL(text)
          if (!url.protocol) throw new Error('no scheme')
        } catch {
          return { error: 'is not a URI' }
        }
      }
      return { value: text }
    case 'integer':
      return INTEGER.test(text) ? { value: Number(text) } : { error: 'is not an integer' }
    case 'number':
      return NUMBER.test(text) ? { value: Number(text) } : { error: 'is not a number' }
    case 'date':
      return realDate(text) ? { value: text } : { error: 'is not a YYYY-MM-DD date' }
    case 'datetime':
      return DATETIME.test(text) && !Number.isNaN(Date.parse(text))
        ? { value: text }
        : { error: 'is not an ISO 8601 date-time' }
    default:
      return { error: `has type ${field.type}, which this checker does not know` }
  }
}

const list = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** The rows of one resource, cast, by field name (null for a missing value). */
type Rows = Record<string, string | number | null>[]

/**
 * Every way `text` breaks `resource`'s Table Schema, as messages naming the file, row (1 is the
 * first data row), column and value; plus the rows, cast, for the foreign keys.
 */
function checkOne(resource: TabularResource, text: string): { problems: string[]; rows: Rows } {
  const problems: string[] = []
  const where = (row: number, column: string) => `${resource.path} row ${row} ${column}`
  const dialect = resource.dialect ?? {}
  let records: string[][]
  try {
    records = parse(text, {
      delimiter: dialect.delimiter ?? ',',
      quote: dialect.quoteChar ?? '"',
      record_delimiter: dialect.lineTerminator ? [dialect.lineTerminator] : [],
      relax_column_count: true,
    }) as string[][]
  } catch (err) {
    return { problems: [`${resource.path}: not CSV (${(err as Error).message})`], rows: [] }
  }
  const fields = resource.schema.fields
  const [header = [], ...data] = records
  const names = fields.map((f) => f.name)
  if (header.join(',') !== names.join(',')) {
    problems.push(
      `${resource.path}: header is ${header.join(',')}, the schema says ${names.join(',')}`,
    )
  }
  const missing = new Set(resource.schema.missingValues ?? [''])
  const rows: Rows = []
  for (const [i, record] of data.entries()) {
    const n = i + 1
    if (record.length !== fields.length) {
      problems.push(
        `${resource.path} row ${n}: ${record.length} cells, the schema has ${fields.length}`,
      )
    }
    const row: Rows[number] = {}
    for (const [j, field] of fields.entries()) {
      const text = record[j] ?? ''
      const c = field.constraints ?? {}
      if (missing.has(text)) {
        row[field.name] = null
        if (c.required) problems.push(`${where(n, field.name)}: required, but empty`)
        continue
      }
      const result = cast(field, text)
      if ('error' in result) {
        problems.push(`${where(n, field.name)}: ${JSON.stringify(text)} ${result.error}`)
        row[field.name] = null
        continue
      }
      const value = result.value
      row[field.name] = value
      if (c.enum && !c.enum.includes(String(value))) {
        problems.push(`${where(n, field.name)}: ${JSON.stringify(text)} is not one of its values`)
      }
      if (c.minimum !== undefined && typeof value === 'number' && value < c.minimum) {
        problems.push(`${where(n, field.name)}: ${value} is below ${c.minimum}`)
      }
      if (c.maximum !== undefined && typeof value === 'number' && value > c.maximum) {
        problems.push(`${where(n, field.name)}: ${value} is above ${c.maximum}`)
      }
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(text)) {
        problems.push(
          `${where(n, field.name)}: ${JSON.stringify(text)} does not match ${c.pattern}`,
        )
      }
    }
    rows.push(row)
  }
  const key = list(resource.schema.primaryKey)
  if (key.length) {
    const seen = new Set<string>()
    for (const [i, row] of rows.entries()) {
      const value = JSON.stringify(key.map((k) => row[k]))
      if (key.some((k) => row[k] === null)) {
        problems.push(`${resource.path} row ${i + 1}: primary key ${key.join(',')} is empty`)
      } else if (seen.has(value)) {
        problems.push(`${resource.path} row ${i + 1}: primary key ${value} repeats`)
      }
      seen.add(value)
    }
  }
  return { problems, rows }
}

/**
 * Every way the CSV files (`files`, by path) break the Table Schemas of `resources`: each file
 * on its own, then each foreign key across them. An empty list means every file is valid.
 */
export function checkTables(
  resources: readonly TabularResource[],
  files: Record<string, string>,
): string[] {
  const problems: string[] = []
  const rowsOf = new Map<string, Rows>()
  for (const resource of resources) {
    const text = files[resource.path]
    if (text === undefined) {
      problems.push(`${resource.path}: listed in the package, but not there`)
      continue
    }
    const checked = checkOne(resource, text)
    problems.push(...checked.problems)
    rowsOf.set(resource.name, checked.rows)
  }
  for (const resource of resources) {
    for (const fk of resource.schema.foreignKeys ?? []) {
      const target = fk.reference.resource === '' ? resource.name : fk.reference.resource
      const targetRows = rowsOf.get(target)
      if (!targetRows) {
        problems.push(`${resource.path}: foreign key to ${target}, which the package lacks`)
        continue
      }
      const from = list(fk.fields)
      const to = list(fk.reference.fields)
      const keys = new Set(targetRows.map((row) => JSON.stringify(to.map((k) => row[k]))))
      for (const [i, row] of (rowsOf.get(resource.name) ?? []).entries()) {
        if (from.some((k) => row[k] === null)) continue
        const value = JSON.stringify(from.map((k) => row[k]))
        if (!keys.has(value)) {
          problems.push(
            `${resource.path} row ${i + 1}: ${from.join(',')} ${value} is not in ${target}`,
          )
        }
      }
    }
  }
  return problems
}
