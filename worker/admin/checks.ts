// Every check a write must pass, in one place: the table's schema, references to other rows (they
// must exist, and a new reference to a deleted row is refused), an event's links (no row twice:
// an actor may hold two roles, never one role twice), rules that span fields, and the chapters'
// partition of the story's year with every event inside its chapter, checked from both sides. The
// write routes and POST /api/v1/admin/validate both run these; the database's triggers hold the
// same rules for raw SQL (db/audit-triggers.ts).
import type { z } from '@hono/zod-openapi'
import { softDeletes } from '../data/references'
import { TABLES, type EditableTable, type TableName } from '../data/tables'
import { FIELD_LABELS } from '../data/labels'
import { STORY_FROM, STORY_TO, isCountUnit } from '../data/values'
import {
  eventsOutside,
  idStates,
  listChapterStates,
  placeAncestors,
  positionHolder,
  type PositionHolder,
  type PositionedTable,
  type ChapterState,
  type Row,
} from '../db/admin'
import type { Db } from '../db/sql'
import type { FieldError } from './problems'

/** Whether a row exists, and whether it is soft-deleted, by id. */
type IdStates = Map<string, { deleted: boolean }>

/**
 * What the checks read from the database. `directLookups` reads on every call (one write, one
 * row); `batchLookups` reads each id, the chapters and each place's ancestors once for a whole
 * batch of rows checked against the same stored state (an import: 1,000 rows cost a query per
 * table, not four per row). Neither writes.
 */
export interface RowLookups {
  /** Which of `ids` exist in `table`, each with whether it is soft-deleted. */
  idStates(table: TableName, ids: string[]): Promise<IdStates>
  /** Every chapter, deleted ones too. */
  chapters(): Promise<ChapterState[]>
  /** The places `id` lies in, nearest first (see placeAncestors). */
  ancestors(id: string): Promise<string[]>
  /** The row of `table` at `position` (among an event's live rows for all but categories). */
  positionHolder(
    table: PositionedTable,
    position: number,
    eventId: string | null,
  ): Promise<PositionHolder | null>
  /** The live events of `chapter` dated outside `start`..`end`. */
  eventsOutside(
    chapter: string,
    start: string,
    end: string,
  ): Promise<{ id: string; date: string; headline: string }[]>
}

/** Lookups that read the database on every call. */
export function directLookups(db: Db): RowLookups {
  return {
    idStates: (table, ids) => idStates(db, table, ids),
    chapters: () => listChapterStates(db),
    ancestors: (id) => placeAncestors(db, id),
    positionHolder: (table, position, eventId) => positionHolder(db, table, position, eventId),
    eventsOutside: (chapter, start, end) => eventsOutside(db, chapter, start, end),
  }
}

/**
 * Lookups that remember what they read, for checking many rows against one stored state before
 * any of them is written. `prefetch` reads the ids of one table in a single query; an id asked
 * for later that was not prefetched is read then and remembered too.
 */
export function batchLookups(db: Db): RowLookups & {
  prefetch(table: TableName, ids: Iterable<string>): Promise<void>
} {
  const known = new Map<TableName, IdStates>()
  const asked = new Map<TableName, Set<string>>()
  let chapters: Promise<ChapterState[]> | undefined
  const ancestors = new Map<string, Promise<string[]>>()
  const outside = new Map<string, Promise<{ id: string; date: string; headline: string }[]>>()
  const pending = new Map<TableName, Promise<void>>()
  // Reads of one table run one after another, so an id is never asked for twice.
  const prefetch = (table: TableName, ids: Iterable<string>) => {
    const wanted = [...new Set(ids)]
    const run = (pending.get(table) ?? Promise.resolve()).then(async () => {
      const seen = asked.get(table) ?? new Set<string>()
      asked.set(table, seen)
      const fresh = wanted.filter((id) => !seen.has(id))
      if (fresh.length === 0) return
      for (const id of fresh) seen.add(id)
      const states = known.get(table) ?? new Map()
      known.set(table, states)
      for (const [id, state] of await idStates(db, table, fresh)) states.set(id, state)
    })
    pending.set(table, run)
    return run
  }
  return {
    prefetch,
    async idStates(table, ids) {
      await prefetch(table, ids)
      const states = known.get(table) ?? new Map()
      return new Map(ids.flatMap((id) => (states.has(id) ? [[id, states.get(id)!]] : [])))
    },
    chapters: () => (chapters ??= listChapterStates(db)),
    positionHolder: (table, position, eventId) => positionHolder(db, table, position, eventId),
    ancestors(id) {
      if (!ancestors.has(id)) ancestors.set(id, placeAncestors(db, id))
      return ancestors.get(id)!
    },
    eventsOutside(chapter, start, end) {
      const key = JSON.stringify([chapter, start, end])
      if (!outside.has(key)) outside.set(key, eventsOutside(db, chapter, start, end))
      return outside.get(key)!
    },
  }
}

const lookupsOf = (source: Db | RowLookups): RowLookups =>
  'prepare' in source ? directLookups(source) : source

/**
 * Why `row` (a place) cannot lie in the place its parent_id names, or null when it can: a place
 * cannot lie in itself, nor in a place that lies in it (at any depth), or the places would
 * contain each other and no map or list could say where either is. The database refuses the same
 * (migration place_cycles, for raw SQL).
 */
async function placeCycle(look: RowLookups, row: Row): Promise<string | null> {
  const parent = row.parent_id
  if (typeof parent !== 'string' || typeof row.id !== 'string') return null
  const label = FIELD_LABELS.places.parent_id
  if (parent === row.id) {
    return `${label}: a place cannot lie in itself; choose the place that contains "${row.id}", or leave it empty.`
  }
  const chain = await look.ancestors(parent)
  const at = chain.indexOf(row.id)
  if (at < 0) return null
  const path = [parent, ...chain.slice(0, at + 1)].join(' → ')
  return `${label}: "${parent}" lies in "${row.id}" already (${path}), so each would contain the other; choose a place that does not lie in "${row.id}".`
}

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

/** An event's link lists as a body gives them. */
export interface Links {
  places?: string[]
  outlets?: { id: string; role?: string }[]
  actors?: { id: string; role?: string }[]
}

/** "category", "place", ...: how one row of a table is named in a message. */
export function singular(table: string): string {
  return table === 'categories' ? 'category' : table.replace(/s$/, '')
}

/**
 * Checks that need the database or more than one field, on the row as it would be after the
 * write. `changed` names the columns the write sets (all of them for a create): a reference it
 * sets must name a row that is not deleted, and so must every reference of a row that is not
 * deleted itself. `source` is the database, or lookups shared by a batch of rows (batchLookups).
 */
export async function checkRow(
  source: Db | RowLookups,
  table: EditableTable,
  row: Row,
  links: Links = {},
  changed?: readonly string[],
): Promise<FieldError[]> {
  const look = lookupsOf(source)
  const errors: FieldError[] = []
  const spec = TABLES[table]
  const live = row.deleted_at === null || row.deleted_at === undefined
  const isNew = (column: string) => changed === undefined || changed.includes(column)

  for (const [column, target] of Object.entries(spec.references)) {
    const value = row[column]
    if (value === null || value === undefined) continue
    const state = (await look.idStates(target, [String(value)])).get(String(value))
    if (!state) {
      errors.push({
        field: column,
        message: `There is no ${singular(target)} with the id "${String(value)}".`,
      })
    } else if (state.deleted && column !== spec.eventColumn && (live || isNew(column))) {
      errors.push({
        field: column,
        message: `The ${singular(target)} "${String(value)}" is deleted: restore it first, or choose another.`,
      })
    }
  }
  for (const [field, target, items] of [
    ['places', 'places', links.places?.map((id) => ({ id, role: undefined }))],
    ['outlets', 'outlets', links.outlets],
    ['actors', 'actors', links.actors],
  ] as const) {
    if (!items?.length) continue
    errors.push(...(await checkLinks(look, field, target, items)))
  }

  const before = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a > b
  if (table === 'figures') {
    const L = FIELD_LABELS.figures
    if (
      typeof row.value_max === 'number' &&
      typeof row.value === 'number' &&
      row.value_max <= row.value
    ) {
      errors.push({
        field: 'value_max',
        message: `${L.value_max} must be above the ${L.value.toLowerCase()}, ${row.value}: it is the top of the range. Leave it empty when the source gives one number.`,
      })
    }
    if (isCountUnit(row.unit)) {
      for (const column of ['value', 'value_max'] as const) {
        const value = row[column]
        if (typeof value === 'number' && !Number.isInteger(value)) {
          errors.push({
            field: column,
            message: `${L[column]} must be a whole number: ${String(row.unit)} are counted, so ${value} cannot be one (use the unit the source counts in, or round only as the source did).`,
          })
        }
      }
    }
    if (before(row.period_start, row.period_end)) {
      errors.push({
        field: 'period_end',
        message: `${L.period_end} must not come before ${L.period_start.toLowerCase()} (${String(row.period_start)}).`,
      })
    }
  }
  if (table === 'notes' && row.kind === 'correction' && !row.source_said) {
    errors.push({
      field: 'source_said',
      message: `${FIELD_LABELS.notes.source_said}: a correction must say what the source said.`,
    })
  }
  if (table === 'chapters') errors.push(...(await checkChapter(look, row, changed)))
  errors.push(...(await positionClash(look, table, row, isNew)))
  if (table === 'places') {
    if (
      (row.latitude === null || row.latitude === undefined) !==
      (row.longitude === null || row.longitude === undefined)
    ) {
      errors.push({
        field: row.latitude === null || row.latitude === undefined ? 'latitude' : 'longitude',
        message: 'Give both latitude and longitude, or neither.',
      })
    }
    if (row.kind === 'province' && !row.iso_code) {
      errors.push({
        field: 'iso_code',
        message: `${FIELD_LABELS.places.iso_code}: a province needs its ISO 3166-2 code, such as KH-18.`,
      })
    }
    const cycle = await placeCycle(look, row)
    if (cycle) errors.push({ field: 'parent_id', message: cycle })
  }
  if (
    table === 'events' &&
    live &&
    typeof row.chapter === 'string' &&
    typeof row.date === 'string'
  ) {
    const chapter = (await look.chapters()).find((c) => c.id === row.chapter)
    if (chapter && (row.date < chapter.start_date || row.date > chapter.end_date)) {
      errors.push({
        field: 'date',
        message: `${row.date} lies outside the chapter “${chapter.title}” (the chapter "${chapter.id}" runs from ${chapter.start_date} to ${chapter.end_date}): pick the chapter of this date.`,
      })
    }
  }
  return errors
}

/**
 * A position another row holds: categories each have their own, and an event's live figures,
 * quotes and notes each have their own within the event (the order readers see them in).
 */
async function positionClash(
  look: RowLookups,
  table: EditableTable,
  row: Row,
  isNew: (column: string) => boolean,
): Promise<FieldError[]> {
  if (table !== 'categories' && table !== 'figures' && table !== 'quotes' && table !== 'notes') {
    return []
  }
  const eventId = table === 'categories' ? null : row.event_id
  const live = row.deleted_at === null || row.deleted_at === undefined
  if (typeof row.position !== 'number' || (table !== 'categories' && !live)) return []
  if (!isNew('position') && !isNew('event_id') && !isNew('deleted_at')) return []
  if (table !== 'categories' && typeof eventId !== 'string') return []
  const holder = await look.positionHolder(table, row.position, eventId as string | null)
  if (!holder || holder.id === String(row.id)) return []
  const noun = singular(table)
  const label = FIELD_LABELS[table].position
  return [
    {
      field: 'position',
      message:
        table === 'categories'
          ? `${label} ${row.position} is taken by the category “${holder.label}”${holder.deleted ? ' (deleted, which keeps its position)' : ''}: give each category a position of its own.`
          : `${label} ${row.position} is taken by another ${noun} of this event (“${holder.label}”): give each ${noun} of an event a position of its own, or move that one first.`,
    },
  ]
}

/** An event's list of links: every row exists and is not deleted, and none is listed twice. */
async function checkLinks(
  look: RowLookups,
  field: string,
  target: TableName,
  items: readonly { id: string; role?: string }[],
): Promise<FieldError[]> {
  const errors: FieldError[] = []
  // A place or outlet appears once; an actor may hold several roles, each role once.
  const keys = items.map((item) => (field === 'actors' ? `${item.id} as ${item.role}` : item.id))
  const twice = [...new Set(keys.filter((key, i) => keys.indexOf(key) !== i))]
  if (twice.length) {
    errors.push({
      field,
      message:
        field === 'actors'
          ? `An actor is listed twice in the same role: ${twice.join(', ')}. One actor may hold several roles, each once.`
          : `A ${singular(target)} is listed twice: ${twice.join(', ')}.`,
    })
  }
  const ids = [...new Set(items.map((item) => item.id))]
  const states = await look.idStates(target, ids)
  const missing = ids.filter((id) => !states.has(id))
  if (missing.length) errors.push({ field, message: `Unknown ${target}: ${missing.join(', ')}.` })
  const deleted = softDeletes(target) ? ids.filter((id) => states.get(id)?.deleted) : []
  if (deleted.length) {
    errors.push({
      field,
      message: `Deleted ${target} cannot be linked: ${deleted.join(', ')}. Restore them first, or choose others.`,
    })
  }
  return errors
}

/** The day after a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * Whether the live chapters among `chapters` partition the story's year: they start on its first
 * day, end on its last, each starts the day after the one before it ends (no gap, no overlap), and
 * their positions follow their dates. Positions are unique among all chapters, deleted ones too.
 */
export function partitionErrors(chapters: readonly ChapterState[]): FieldError[] {
  const errors: FieldError[] = []
  const live = chapters
    .filter((c) => c.deleted_at === null)
    .sort((a, b) => a.start_date.localeCompare(b.start_date) || a.id.localeCompare(b.id))
  const name = (c: ChapterState) => `“${c.title || c.id}”`
  const span = (c: ChapterState) => `${name(c)} (${c.start_date} to ${c.end_date})`
  for (const c of live) {
    if (c.end_date < c.start_date) {
      errors.push({ field: 'end_date', message: `The chapter ${span(c)} ends before it starts.` })
    }
    if (c.start_date < STORY_FROM || c.start_date > STORY_TO) {
      errors.push({
        field: 'start_date',
        message: `The chapter ${name(c)} starts on ${c.start_date}, outside the story's year: chapters lie inside ${STORY_FROM} to ${STORY_TO}.`,
      })
    }
    if (c.end_date > STORY_TO || c.end_date < STORY_FROM) {
      errors.push({
        field: 'end_date',
        message: `The chapter ${name(c)} ends on ${c.end_date}, outside the story's year: chapters lie inside ${STORY_FROM} to ${STORY_TO}.`,
      })
    }
  }
  if (live.length === 0) {
    return [
      { field: 'chapters', message: `The story needs chapters from ${STORY_FROM} to ${STORY_TO}.` },
    ]
  }
  const first = live[0]!
  const last = live.at(-1)!
  if (first.start_date > STORY_FROM) {
    errors.push({
      field: 'start_date',
      message: `The first chapter, ${span(first)}, must start on the story's first day, ${STORY_FROM}: nothing would cover the days before it.`,
    })
  }
  if (last.end_date < STORY_TO) {
    errors.push({
      field: 'end_date',
      message: `The last chapter, ${span(last)}, must end on the story's last day, ${STORY_TO}: nothing would cover the days after it.`,
    })
  }
  for (let i = 1; i < live.length; i++) {
    const [a, b] = [live[i - 1]!, live[i]!]
    const expected = nextDay(a.end_date)
    if (b.start_date < expected) {
      errors.push({
        field: 'start_date',
        message: `The chapters ${span(a)} and ${span(b)} overlap: ${name(b)} must start on ${expected}, the day after ${name(a)} ends.`,
      })
    } else if (b.start_date > expected) {
      errors.push({
        field: 'start_date',
        message: `The chapters ${span(a)} and ${span(b)} leave a gap: ${name(b)} must start on ${expected}, the day after ${name(a)} ends.`,
      })
    }
    if (a.position >= b.position) {
      errors.push({
        field: 'position',
        message: `${name(b)} comes after ${name(a)} in time, so its position must be greater than ${a.position} (it is ${b.position}).`,
      })
    }
  }
  const byPosition = new Map<number, ChapterState[]>()
  for (const c of chapters) byPosition.set(c.position, [...(byPosition.get(c.position) ?? []), c])
  for (const [position, held] of byPosition) {
    if (held.length > 1) {
      errors.push({
        field: 'position',
        message: `Position ${position} is taken twice, by the chapters ${[...held]
          .sort((a, b) => a.start_date.localeCompare(b.start_date))
          .map(
            (c) =>
              `${name(c)}${c.deleted_at === null ? '' : ' (deleted, which keeps its position)'}`,
          )
          .join(' and ')}: give each chapter a position of its own.`,
      })
    }
  }
  return errors
}

/** Whether a chapter's events all lie inside its dates; the ones outside, as a field error. */
export async function chapterEventErrors(
  source: Db | RowLookups,
  chapter: ChapterState,
): Promise<FieldError[]> {
  if (chapter.deleted_at !== null) return []
  const outside = await lookupsOf(source).eventsOutside(
    chapter.id,
    chapter.start_date,
    chapter.end_date,
  )
  if (outside.length === 0) return []
  return [
    {
      field: 'start_date',
      message: `The chapter “${chapter.title || chapter.id}” (${chapter.start_date} to ${chapter.end_date}) would leave outside it ${outside
        .map((e) => `${e.id} (${e.date})`)
        .join(', ')}: move those events to another chapter first, or keep their dates inside.`,
    },
  ]
}

/**
 * A write of one chapter: the chapters with this one as it would be must still partition the
 * story's year, and its events stay inside it. Moving a boundary changes two chapters: a single
 * row's write that breaks the partition is told to use PATCH /api/v1/admin/chapters.
 */
async function checkChapter(
  look: RowLookups,
  row: Row,
  changed: readonly string[] | undefined,
): Promise<FieldError[]> {
  const touches = ['start_date', 'end_date', 'position', 'deleted_at'].some(
    (c) => changed === undefined || changed.includes(c),
  )
  if (!touches || typeof row.id !== 'string') return []
  const after: ChapterState = {
    id: row.id,
    version: Number(row.version ?? 1),
    position: Number(row.position),
    title: String(row.title ?? ''),
    dek: String(row.dek ?? ''),
    start_date: String(row.start_date),
    end_date: String(row.end_date),
    deleted_at: (row.deleted_at as string | null | undefined) ?? null,
  }
  const chapters = [...(await look.chapters()).filter((c) => c.id !== after.id), after]
  const errors = partitionErrors(chapters)
  if (errors.length) {
    errors.push({
      field: 'chapters',
      message:
        'The chapters must cover the story’s year without gaps or overlaps, in order. To move a boundary, change both chapters in the same write (PATCH /api/v1/admin/chapters with both).',
    })
  }
  return [...errors, ...(await chapterEventErrors(look, after))]
}
