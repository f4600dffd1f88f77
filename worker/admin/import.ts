// The bulk import: a CSV of events, either our own events.csv (as /api/v1/events.csv writes it)
// or a TimelineJS Google Sheets template exported as CSV, read row by row into draft events. Every
// row gets the checks a create or a PATCH of the write API runs (the same schema, the same
// references, the same chapter rule), and the report says, row by row, what would be created,
// changed, left as it is, skipped or refused and why. Nothing is written unless the editor asks
// for it (`apply`) and no row is refused; then every row is written in one transaction.
import { parse } from 'csv-parse/browser/esm/sync'
import { TABLES } from '../data/tables'
import { importEvents, type ImportedChange, type ImportedEvent } from '../db/admin-writes'
import { eventsForImport, listOptions, type Row } from '../db/admin'
import type { Db } from '../db/sql'
import { BOM, splitListCell, unguardCell } from '../exports/csv'
import { htmlToText } from '../lib/rich-text'
import { suggestEventId } from '../shared/ids'
import { batchLookups, checkRow, parseBody, type RowLookups } from './checks'
import { labelled, type FieldError } from './problems'

/** The CSV layouts the import reads, told apart by their header rows. */
export type ImportFormat = 'events-csv' | 'timelinejs'

/** What the import does (or would do) with one row. */
export type ImportAction = 'create' | 'change' | 'unchanged' | 'skip' | 'refuse'

/** One row of the report. */
export interface ImportRowReport {
  /** The line of the file the row starts on (the header is line 1; a cell's line breaks count). */
  line: number
  /** The event's id: the row's own, or the one made from its date and headline. */
  id: string | null
  headline: string | null
  action: ImportAction
  /** For `change`: the fields that differ from the stored draft, by name. */
  changes?: string[]
  /** For `refuse`: every reason, each naming its field by its label. */
  errors?: FieldError[]
  /** What the import leaves out of this row, and why (columns it does not read, a title slide). */
  notes?: string[]
}

/** The import's answer: the format it read, whether it wrote, and one report per row. */
export interface ImportReport {
  format: ImportFormat
  applied: boolean
  counts: Record<ImportAction, number>
  rows: ImportRowReport[]
}

/** Why a file could not be read as either layout (a 422 for the whole file, not a row). */
export class ImportFileError extends Error {}

/**
 * The columns of our events.csv the import reads: the event's writable columns (from the table
 * registry) and its places by id; the others are named in each row's notes.
 */
const OWN_COLUMNS = [...TABLES.events.columns, 'place_ids']

/**
 * Every column of events.csv the import reads or need not: the names twin the ids it reads
 * (places), and the database writes the rest (created_at, updated_at, version, url).
 */
const OWN_READ = [
  ...OWN_COLUMNS,
  'category_label',
  'chapter_title',
  'places',
  'created_at',
  'updated_at',
  'version',
  'url',
]

/** The TimelineJS template's columns the import reads. */
const TIMELINE_READ = ['year', 'month', 'day', 'headline', 'text', 'group', 'type']

/** The most rows one import takes (each is checked against the database, then written). */
export const MAX_IMPORT_ROWS = 1000

interface Parsed {
  line: number
  /** The create body the row stands for, or the errors that kept it from being one. */
  body: Row | null
  places: string[] | null
  errors: FieldError[]
  notes: string[]
  skip?: string
}

const lower = (s: string) => s.trim().toLowerCase()

/** The file's records, header first, with the line each starts on. */
function records(csv: string): { cells: string[]; line: number }[] {
  const text = csv.startsWith(BOM) ? csv.slice(BOM.length) : csv
  let rows: { record: string[]; info: { bytes: number } }[]
  try {
    rows = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Every line ending RFC 4180 tools write (CRLF) and the others (LF, CR), in any mix: the
      // parser would otherwise take the first line's ending for the whole file, and read the
      // lines that end otherwise as one record.
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; info: { bytes: number } }[]
  } catch (err) {
    throw new ImportFileError(
      `The file is not CSV as RFC 4180 writes it: ${err instanceof Error ? err.message : String(err)}. Export the sheet again as CSV (comma-separated, UTF-8).`,
    )
  }
  // The line each record starts on, counted in the bytes the parser read (a CRLF is one line
  // break, inside a quoted cell too; blank lines between records count).
  const bytes = new TextEncoder().encode(text)
  const breakAt = (i: number) => bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)
  let at = 0
  let line = 1
  return rows.map(({ record, info }) => {
    while (at < info.bytes && (bytes[at] === 13 || bytes[at] === 10)) {
      if (breakAt(at)) line += 1
      at += 1
    }
    const start = line
    for (; at < info.bytes; at += 1) if (breakAt(at)) line += 1
    // A line break inside a quoted cell may be CRLF (RFC 4180's own) or CR: the API keeps \n.
    return { cells: record.map((cell) => cell.replace(/\r\n?/g, '\n')), line: start }
  })
}

const two = (n: number) => String(n).padStart(2, '0')

/** A TimelineJS row's Year, Month, Day as our date and its precision, or what is wrong. */
function timelineDate(
  year: string,
  month: string,
  day: string,
): { date: string; precision: string } | { error: string } {
  const y = Number(year)
  if (!/^\d{4}$/.test(year.trim()) || !Number.isInteger(y)) {
    return { error: `Year must be a year of four digits, such as 2022, not "${year}".` }
  }
  if (month.trim() === '') return { date: `${y}-01-01`, precision: 'year' }
  const m = Number(month)
  if (!Number.isInteger(m) || m < 1 || m > 12) {
    return { error: `Month must be a month's number, 1 to 12, not "${month}".` }
  }
  if (day.trim() === '') return { date: `${y}-${two(m)}-01`, precision: 'month' }
  const d = Number(day)
  const real = new Date(Date.UTC(y, m - 1, d))
  if (!Number.isInteger(d) || real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) {
    return { error: `Day ${day} is not a day of ${y}-${two(m)}.` }
  }
  return { date: `${y}-${two(m)}-${two(d)}`, precision: 'day' }
}

interface Choices {
  /** Category ids by their id and their label, lowercased. */
  categories: Map<string, string>
  categoryList: string
  /** The live chapters' periods, for the chapter a TimelineJS date falls in. */
  chapters: { id: string; start: string; end: string }[]
}

async function choicesOf(db: Db, look: RowLookups): Promise<Choices> {
  const [options, chapters] = await Promise.all([listOptions(db), look.chapters()])
  const categories = new Map<string, string>()
  for (const c of options.categories) {
    categories.set(lower(String(c.id)), String(c.id))
    categories.set(lower(String(c.name)), String(c.id))
  }
  return {
    categories,
    categoryList: options.categories.map((c) => `${String(c.name)} (${String(c.id)})`).join(', '),
    chapters: chapters
      .filter((c) => c.deleted_at === null)
      .map((c) => ({ id: c.id, start: c.start_date, end: c.end_date })),
  }
}

/** Whether an event's create body may leave `column` out. */
const optional = (column: string) =>
  TABLES.events.create.shape[column]?.safeParse(undefined).success ?? true

/** A row of our own events.csv as a create body. */
function ownRow(cell: (name: string) => string, line: number, leftOut: string[]): Parsed {
  const text = (name: string) => unguardCell(cell(name))
  // Each writable column as its cell holds it; an empty cell of an optional column is left out,
  // so the column takes its default (date precision) or stays empty (body).
  const body: Row = {}
  for (const column of TABLES.events.columns) {
    if (cell(column) === '' && optional(column)) continue
    body[column] = text(column)
  }
  return {
    line,
    body,
    places: splitListCell(cell('place_ids')),
    errors: [],
    notes: leftOut.length
      ? [
          `Not imported: ${leftOut.join(', ')} (an event's actors, outlets, figures and notes are added on its page, where each is checked against its own table).`,
        ]
      : [],
  }
}

/** A row of a TimelineJS sheet as a create body (id from its date and headline). */
function timelineRow(
  cell: (name: string) => string,
  line: number,
  leftOut: string[],
  choices: Choices,
): Parsed {
  const notes = leftOut.length
    ? [`Not imported: ${leftOut.join(', ')} (the story page has no place for them).`]
    : []
  // TimelineJS's Type column: empty for an event, "title" for the title slide, "era" for a span of
  // time drawn under the timeline (the TimelineJS spreadsheet template's documented values).
  const type = lower(cell('type'))
  if (type === 'title' || type === 'era') {
    return {
      line,
      body: null,
      places: null,
      errors: [],
      notes,
      skip:
        type === 'title'
          ? "The title slide: the story's title, dek and credit are set on the story's own form."
          : "An era: the story's spans of time are its chapters, set on the chapters' own form (each chapter's dates, title and dek).",
    }
  }
  const errors: FieldError[] = []
  if (type !== '') {
    errors.push({
      field: 'type',
      message: `Type "${cell('type')}" is not one TimelineJS knows: leave it empty for an event, or write "title" or "era".`,
    })
  }
  const when = timelineDate(cell('year'), cell('month'), cell('day'))
  if ('error' in when) errors.push({ field: 'date', message: when.error })
  const headline = htmlToText(cell('headline')).replace(/\s+/g, ' ')
  const [summary = '', ...rest] = htmlToText(cell('text')).split('\n\n')
  const group = cell('group')
  const category = choices.categories.get(lower(group))
  if (!category) {
    errors.push({
      field: 'category',
      message: group
        ? `Group "${group}" is not one of the story's categories; write one of ${choices.categoryList} in the Group column.`
        : `The Group column is empty; write the event's category there, one of ${choices.categoryList}.`,
    })
  }
  const date = 'error' in when ? null : when.date
  const chapter = date
    ? choices.chapters.find((c) => c.start <= date && date <= c.end)?.id
    : undefined
  if (date && !chapter) {
    errors.push({
      field: 'chapter',
      message: `No chapter of the story covers ${date}; the story runs from its first chapter's start to its last chapter's end.`,
    })
  }
  if (errors.length) return { line, body: null, places: null, errors, notes }
  const body: Row = {
    id: suggestEventId(date!, headline),
    date,
    date_precision: 'error' in when ? 'day' : when.precision,
    headline,
    summary,
    category,
    chapter,
  }
  if (rest.length) body.body = rest.join('\n\n')
  return { line, body, places: [], errors: [], notes }
}

/** The rows of `csv` as create bodies, after telling its layout from its header. */
function readRows(csv: string, choices: Choices): { format: ImportFormat; rows: Parsed[] } {
  const [header, ...rest] = records(csv)
  if (!header)
    throw new ImportFileError('The file is empty: it needs a header row and a row per event.')
  if (rest.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError(
      `The file has ${rest.length} rows; an import takes at most ${MAX_IMPORT_ROWS}, so each is checked and written within one request. Split the file and import the parts one after another.`,
    )
  }
  const names = header.cells.map(lower)
  const has = (n: string) => names.includes(n)
  const format: ImportFormat | null = OWN_COLUMNS.every(
    (c) => c === 'place_ids' || c === 'body' || c === 'date_precision' || has(c),
  )
    ? 'events-csv'
    : has('year') && has('headline')
      ? 'timelinejs'
      : null
  if (!format) {
    throw new ImportFileError(
      `The header row is neither our events.csv's (id, date, headline, summary, category, chapter, ...) nor the TimelineJS template's (Year, Month, Day, ..., Headline, Text, ..., Group); it starts "${header.cells.slice(0, 6).join(', ')}". Export the sheet with its header row.`,
    )
  }
  const rows = rest.map(({ cells, line }) => {
    const cell = (name: string) => {
      const i = names.indexOf(name)
      return i < 0 ? '' : (cells[i] ?? '')
    }
    // Every column the layout does not read, when it holds something, is named; so is a cell
    // beyond the header's last column, and a column named twice.
    const read: readonly string[] = format === 'events-csv' ? OWN_READ : TIMELINE_READ
    const leftOut = names.filter(
      (n, i) => !read.includes(n) && (cells[i] ?? '').trim() !== '' && names.indexOf(n) === i,
    )
    const repeated = names.filter(
      (n, i) => names.indexOf(n) !== i && (cells[i] ?? '').trim() !== '',
    )
    if (repeated.length) {
      leftOut.push(
        `a second ${repeated.map((n) => `"${n}"`).join(', ')} column (the first is read)`,
      )
    }
    // More cells than the header has columns: a comma inside a cell without its quotes, most
    // likely, so every cell after it is in the wrong column. The row is refused, not guessed at.
    if (cells.length > names.length) {
      return {
        line,
        body: null,
        places: null,
        errors: [
          {
            field: '(row)',
            message: `Line ${line} has ${cells.length} cells, and the header ${names.length} columns: a cell holding a comma needs double quotes around it ("like, this"). Fix the line, or export the sheet again as CSV.`,
          },
        ],
        notes: [],
      } satisfies Parsed
    }
    return format === 'events-csv'
      ? ownRow(cell, line, [...leftOut])
      : timelineRow(cell, line, [...leftOut], choices)
  })
  return { format, rows }
}

/** The fields of a create body that differ from the stored event (places by id, in order). */
function differences(body: Row, places: string[] | null, stored: Row & { place_ids: string[] }) {
  const changed = Object.keys(body).filter(
    (k) => k !== 'id' && (body[k] ?? null) !== (stored[k] ?? (k === 'body' ? '' : null)),
  )
  const placesChanged = places !== null && places.join('\n') !== stored.place_ids.join('\n')
  return placesChanged ? [...changed, 'places'] : changed
}

/**
 * Reads `csv` and checks every row against the database as a create (a new id) or a change of a
 * stored draft (an id that exists) would be checked, then, with `apply` and no row refused,
 * writes every create and change in one transaction by `editor`. A published event is never
 * changed by an import: its row is refused when it differs (change it on its page). Throws
 * ImportFileError when the file is not a CSV of either layout; a database write that lost a race
 * rethrows the database's error (the caller answers 412, as for a stale If-Match).
 */
export async function importCsv(
  db: Db,
  csv: string,
  apply: boolean,
  editor: string,
): Promise<ImportReport> {
  // Every row is checked against the same stored state, so each table is read once for all.
  const look = batchLookups(db)
  const choices = await choicesOf(db, look)
  const { format, rows } = readRows(csv, choices)
  const ids = rows.flatMap((r) => (r.body?.id ? [String(r.body.id)] : []))
  const referenced = (column: string) =>
    rows.flatMap((r) => (typeof r.body?.[column] === 'string' ? [r.body[column] as string] : []))
  const [stored] = await Promise.all([
    eventsForImport(db, ids),
    look.prefetch('categories', referenced('category')),
    look.prefetch('chapters', referenced('chapter')),
    look.prefetch(
      'places',
      rows.flatMap((r) => r.places ?? []),
    ),
  ])
  const seen = new Map<string, number>()
  const creates: ImportedEvent[] = []
  const changes: ImportedChange[] = []
  const reports: ImportRowReport[] = []

  for (const row of rows) {
    const id = row.body?.id === undefined ? null : String(row.body.id)
    const headline = row.body?.headline === undefined ? null : String(row.body.headline)
    const base = { line: row.line, id, headline, ...(row.notes.length ? { notes: row.notes } : {}) }
    if (row.skip) {
      reports.push({ ...base, action: 'skip', notes: [row.skip, ...row.notes] })
      continue
    }
    const refuse = (errors: FieldError[]) =>
      reports.push({ ...base, action: 'refuse', errors: labelled('events', errors) })
    if (!row.body) {
      refuse(row.errors)
      continue
    }
    if (id !== null && seen.has(id)) {
      refuse([
        {
          field: 'id',
          message: `Line ${seen.get(id)} already has the id "${id}"; give each event its own id (or its own date and headline).`,
        },
      ])
      continue
    }
    if (id !== null) seen.set(id, row.line)
    const existing = id === null ? undefined : stored.get(id)
    const parsed = parseBody(
      existing ? TABLES.events.patch : TABLES.events.create,
      existing ? withoutId(row.body) : row.body,
    )
    if (!parsed.data) {
      refuse(parsed.errors)
      continue
    }
    const fields = parsed.data as Row
    const places = row.places
    if (!existing) {
      const values: Row = { ...fields, status: 'draft' }
      const errors = await checkRow(look, 'events', values, places ? { places } : {})
      if (errors.length) refuse(errors)
      else {
        creates.push({ values, places: places ?? [] })
        reports.push({ ...base, action: 'create' })
      }
      continue
    }
    const changed = differences(fields, places, existing)
    if (!changed.length) {
      reports.push({ ...base, action: 'unchanged' })
      continue
    }
    if (existing.deleted_at !== null || existing.status !== 'draft') {
      refuse([
        {
          field: changed[0] === 'places' ? 'places' : changed[0]!,
          message:
            existing.deleted_at !== null
              ? `The event "${id}" was deleted; restore it on the editor page before importing over it.`
              : `The event "${id}" is published and differs in ${changed.join(', ')}; an import only adds or changes drafts, so change it on its page (or unpublish it first).`,
        },
      ])
      continue
    }
    const own = Object.fromEntries(changed.filter((k) => k !== 'places').map((k) => [k, fields[k]]))
    const errors = await checkRow(
      look,
      'events',
      { ...existing, ...own },
      changed.includes('places') && places ? { places } : {},
      changed,
    )
    if (errors.length) {
      refuse(errors)
      continue
    }
    changes.push({
      id: id!,
      version: Number(existing.version),
      changes: own,
      ...(changed.includes('places') && places ? { places } : {}),
    })
    reports.push({ ...base, action: 'change', changes: changed })
  }

  const counts: Record<ImportAction, number> = {
    create: 0,
    change: 0,
    unchanged: 0,
    skip: 0,
    refuse: 0,
  }
  for (const r of reports) counts[r.action] += 1
  const applied = apply && counts.refuse === 0 && creates.length + changes.length > 0
  if (applied) await importEvents(db, editor, creates, changes)
  return { format, applied, counts, rows: reports }
}

function withoutId(body: Row): Row {
  const { id: _id, ...rest } = body
  return rest
}
