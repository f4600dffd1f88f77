// The table registry: the one place that says what each story table holds. For every table of
// migrations/0001_schema.sql: its columns (SQL type, nullability, role), its key, what it refers
// to, the values a column allows, what the public API and the admin API show, and what an editor
// writes, with the zod schemas that check it. Everything else is derived from here: the SELECT
// lists in worker/db/, the model types the page shares (worker/model.ts), the write API's
// validation, the editor's form types and the audit triggers (`npm run db:triggers`).
// Imports nothing from other worker folders (see .dependency-cruiser.cjs).
import { z } from '@hono/zod-openapi'
import {
  ACTOR_KINDS,
  ACTOR_ROLES,
  DATE_PRECISIONS,
  EVENT_BODY_MAX,
  EVENT_STATUSES,
  ID_PATTERN,
  MEASURES,
  NOTE_KINDS,
  OUTLET_KINDS,
  OUTLET_ROLES,
  PLACE_KINDS,
  QUALIFIERS,
  STORY_FROM,
  STORY_TO,
  UNITS,
} from './values'
import { FIELD_LABELS as L, fieldLabel } from './labels'

// ---------------------------------------------------------------------------------------------
// Tables and columns

/** Every story table, in the order of the schema (and of the audit triggers). */
export const STORY_TABLES = [
  'story',
  'categories',
  'chapters',
  'events',
  'outlets',
  'event_outlets',
  'places',
  'event_places',
  'actors',
  'event_actors',
  'figures',
  'quotes',
  'notes',
] as const
/** One of {@link STORY_TABLES}. */
export type TableName = (typeof STORY_TABLES)[number]

/** SQLite's declared type of a column. */
export type SqlType = 'TEXT' | 'INTEGER' | 'REAL'

/**
 * What a column is for. `key`: identifies the row. `field`: the story's data. `status`: set by
 * publishing, not by a body. `bookkeeping`: kept by the API and the triggers (version,
 * timestamps, soft delete, the data version), never written by an editor's body.
 */
export type ColumnRole = 'key' | 'field' | 'status' | 'bookkeeping'

/** One column of a story table. */
export interface Column<
  R extends z.ZodType = z.ZodType,
  W extends z.ZodType | null = z.ZodType | null,
  P extends boolean = boolean,
> {
  sql: SqlType
  /** Whether the column takes NULL (a primary key never does). */
  nullable: boolean
  role: ColumnRole
  /** The value as the database returns it. */
  row: R
  /** The create body's schema for this column; null when an editor never writes it. */
  write: W
  /** Whether the public API (and so the page) shows it. */
  public: P
  /** Whether the admin API's row shows it (all columns but a few of the story row). */
  admin: boolean
  /** The values its CHECK constraint allows (from values.ts), if it has such a list. */
  values: readonly string[] | null
  /** The table whose id it holds, if any. */
  references: TableName | null
  /** Written when the row is made, never changed by a PATCH. */
  immutable: boolean
  /** What the public API's documentation (OpenAPI) says of it. */
  doc: ColumnDoc | null
}

/** A column's documentation in the OpenAPI document. */
export interface ColumnDoc {
  description?: string
  example?: string | number
  format?: 'date' | 'date-time' | 'uri'
}

interface ColumnOptions {
  role?: ColumnRole
  write?: z.ZodType
  public?: boolean
  admin?: boolean
  references?: TableName
  immutable?: boolean
  doc?: ColumnDoc
}
type Built<R extends z.ZodType, O extends ColumnOptions> = Column<
  R,
  O['write'] extends z.ZodType ? O['write'] : null,
  O['public'] extends true ? true : false
> & { immutable: O['immutable'] extends true ? true : false }

function column<R extends z.ZodType, const O extends ColumnOptions>(
  sql: SqlType,
  nullable: boolean,
  row: R,
  values: readonly string[] | null,
  options: O,
): Built<R, O> {
  return {
    sql,
    nullable,
    role: options.role ?? 'field',
    row,
    write: (options.write ?? null) as Built<R, O>['write'],
    public: (options.public ?? false) as Built<R, O>['public'],
    admin: options.admin ?? true,
    values,
    references: options.references ?? null,
    immutable: (options.immutable ?? false) as Built<R, O>['immutable'],
    doc: options.doc ?? null,
  }
}

const text = <const O extends ColumnOptions = object>(options = {} as O) =>
  column('TEXT', false, z.string(), null, options)
const textOrNull = <const O extends ColumnOptions = object>(options = {} as O) =>
  column('TEXT', true, z.string().nullable(), null, options)
const integer = <const O extends ColumnOptions = object>(options = {} as O) =>
  column('INTEGER', false, z.number().int(), null, options)
const real = <const O extends ColumnOptions = object>(options = {} as O) =>
  column('REAL', false, z.number(), null, options)
const realOrNull = <const O extends ColumnOptions = object>(options = {} as O) =>
  column('REAL', true, z.number().nullable(), null, options)
const listed = <
  const V extends readonly [string, ...string[]],
  const O extends ColumnOptions = object,
>(
  values: V,
  options = {} as O,
) => column('TEXT', false, z.enum(values), values, options)

/** The bookkeeping every row table has; `shown` says whether the public API shows the first three. */
function tracked<const P extends boolean>(shown: P) {
  return {
    created_at: text({ role: 'bookkeeping', public: shown, doc: { format: 'date-time' } }),
    updated_at: text({ role: 'bookkeeping', public: shown, doc: { format: 'date-time' } }),
    version: integer({ role: 'bookkeeping', public: shown }),
    deleted_at: textOrNull({ role: 'bookkeeping' }),
  }
}

// ---------------------------------------------------------------------------------------------
// What editors may write: the same rules as the database's CHECK constraints, each saying what
// is wrong and how to fix it. A create body is a strict object of these; a PATCH body is a JSON
// merge patch (RFC 7396) of the same fields: every field optional, null clears a nullable field.

/**
 * A JSON value's type in words, for messages: "a number" ("a number too large to hold" for one
 * JSON read as infinity), "null", "a list", "an object", "text".
 */
function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  switch (typeof value) {
    case 'string':
      return 'text'
    case 'number':
      // JSON reads a number past about 1.8e308 (such as 1e400) as infinity.
      return Number.isFinite(value) ? 'a number' : 'a number too large to hold'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      return 'an object'
    default:
      return typeof value
  }
}

/**
 * The message for a value of the wrong JSON type (a zod `error` function): missing, null where
 * the field needs a value, or another type, each saying what the field needs (`needs`).
 */
const wrongType =
  (what: string, needs: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? `${what} is required: ${needs}.`
      : issue.input === null
        ? `${what} cannot be null: it needs ${needs}.`
        : `${what} must be ${needs}, not ${jsonType(issue.input)}.`

/**
 * The largest figure value: the largest whole number a JSON number holds exactly (2^53 - 1), the
 * bound the database's figure trigger keeps too (migrations/0013_figure_values_and_data_version.sql).
 */
const FIGURE_LIMIT = Number.MAX_SAFE_INTEGER
const FIGURE_LIMIT_WORDS =
  'must be at most 9,007,199,254,740,991, the largest number a figure can hold exactly.'

const slug = (what: string, example: string) =>
  z
    .string({
      error: wrongType(what, `lowercase letters, digits and hyphens, such as "${example}"`),
    })
    .regex(
      ID_PATTERN,
      `${what} must be lowercase letters, digits and hyphens, such as "${example}".`,
    )
/**
 * Text made only of characters that show nothing on their own: white space, separators, format
 * characters, combining marks with no letter to sit on, Unicode's default-ignorable code points
 * (such as U+3164 HANGUL FILLER) and the blank Braille pattern U+2800.
 */
const INVISIBLE_ONLY = /^[\s\p{Z}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]+$/u
/**
 * Format characters that do show a mark: the prepended concatenation marks (the Arabic number
 * sign U+0600 and its kin, U+070F, U+110BD...).
 */
const SHOWN_ALONE = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]/u

/**
 * Text of `min` to `max` characters, spaces at either end removed (as documented for every text
 * field of the write API). `lines: 'one'` (every field but an event's body) also refuses a line
 * break or a tab: such a field is shown on one line, in lists, titles and CSV list cells.
 */
const prose = (what: string, min: number, max: number, lines: 'one' | 'many') =>
  z
    .string({ error: wrongType(what, 'text') })
    .trim()
    .min(
      min,
      min === 1 ? `${what} must not be empty.` : `${what} needs at least ${min} characters.`,
    )
    .max(max, `${what} must be at most ${max} characters.`)
    .superRefine((value, ctx) => {
      // Text that shows nothing: only invisible characters (format characters such as U+200B
      // ZERO WIDTH SPACE, U+2060 WORD JOINER, and separators trim() keeps) would pass as filled in.
      if (value !== '' && INVISIBLE_ONLY.test(value) && !SHOWN_ALONE.test(value)) {
        const first = value.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
        ctx.addIssue({
          code: 'custom',
          message: `${what} shows nothing: it holds only invisible characters (the first is U+${first}); ${min > 0 ? 'write the text' : 'write the text, or leave the field empty'}.`,
          input: value,
        })
        return
      }
      if (lines === 'many') return
      const at = value.search(/[\n\t\u2028\u2029]/)
      if (at < 0) return
      const which =
        value[at] === '\n'
          ? 'a line break (U+000A)'
          : value[at] === '\t'
            ? 'a tab (U+0009)'
            : `a ${value[at] === '\u2028' ? 'line' : 'paragraph'} separator (U+${value[at] === '\u2028' ? '2028' : '2029'})`
      ctx.addIssue({
        code: 'custom',
        message: `${what} is one line of text: it holds ${which} at position ${at + 1}; put a space in its place.`,
        input: value,
      })
    })
const words = (what: string, min: number, max: number) => prose(what, min, max, 'one')

/**
 * One line of plain text of `min` to `max` characters, by every rule a registry field follows
 * (trimmed, no line break, nothing only invisible, plainTextProblem): for bodies outside the
 * registry, such as a proposal's decline reason.
 */
export const oneLineText = (what: string, min: number, max: number) =>
  words(what, min, max).superRefine((value, ctx) => {
    const problem = plainTextProblem(what, value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value })
  })
/** Text that may run to several paragraphs (line breaks and tabs kept): an event's body. */
const paragraphs = (what: string, min: number, max: number) => prose(what, min, max, 'many')
const optionalWords = (what: string, max: number) => words(what, 0, max).nullable().optional()
const date = (what: string) =>
  z.iso.date({
    error: `${what} must be a real calendar date written YYYY-MM-DD, such as 2022-09-19.`,
  })
const oneOf = <const T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { error: `${what} must be one of: ${values.join(', ')}.` })
const number = (what: string) => z.number({ error: wrongType(what, 'a number') })
const whole = (what: string) =>
  z.number({ error: wrongType(what, 'a whole number') }).int(`${what} must be a whole number.`)
const country = z
  .string({ error: wrongType('Country', 'an ISO 3166-1 alpha-2 code, such as KH') })
  .regex(/^[A-Z]{2}$/, 'Country must be an ISO 3166-1 alpha-2 code in capitals, such as KH.')
  .nullable()
  .optional()
/** A full https:// address, named `what` in its messages. */
const httpsUrl = (what: string) =>
  z
    .string({ error: wrongType(what, 'a full https:// address') })
    .url(`${what} must be a full address.`)
    .startsWith('https://', `${what} must start with https://.`)
/** An optional https:// address, named `what` in its messages. */
const optionalHttps = (what: string) => httpsUrl(what).nullable().optional()
const position = whole('Position')
  .min(0, 'Position must be 0 or more.')
  .max(10_000, 'Position must be at most 10000.')
  .optional()
const EVENT_EXAMPLE = '2022-09-19-sar-kheng-289-complaints'

// ---------------------------------------------------------------------------------------------
// The tables

/**
 * How a row is named. `slug`: a text id an editor chooses. `serial`: an integer id the database
 * assigns. `composite`: a link table, named by its key columns joined with "/". `singleton`: the
 * story's one row (id 1).
 */
export type KeyKind = 'slug' | 'serial' | 'composite' | 'singleton'

/** One story table. */
export interface TableDef<
  C extends Record<string, Column> = Record<string, Column>,
  Ref extends readonly (keyof C & string)[] = readonly (keyof C & string)[],
> {
  name: TableName
  key: KeyKind
  /** The columns that name a row (a revision's row_id joins them with "/"). */
  keyColumns: readonly (keyof C & string)[]
  columns: C
  /** The column that ties a row to its event (for an event's revisions), or null. */
  eventColumn: (keyof C & string) | null
  /** The columns shown where another row names this one (an event's places, actors, outlets). */
  ref: Ref
  /**
   * The column that names a row to a person (a form's choice, a list of the rows that use another
   * one), and what else a form's choice carries.
   */
  label: (keyof C & string) | null
  choice: readonly (keyof C & string)[]
}

/** Any table's definition, with its column names widened to strings. */
export interface AnyTableDef {
  name: TableName
  key: KeyKind
  keyColumns: readonly string[]
  columns: Record<string, Column>
  eventColumn: string | null
  ref: readonly string[]
  label: string | null
  choice: readonly string[]
}

function table<
  const C extends Record<string, Column>,
  const Ref extends readonly (keyof C & string)[] = [],
>(
  name: TableName,
  key: KeyKind,
  columns: C,
  options: {
    keyColumns?: readonly (keyof C & string)[]
    eventColumn?: keyof C & string
    ref?: Ref
    label?: keyof C & string
    choice?: readonly (keyof C & string)[]
  } = {},
): TableDef<C, Ref> {
  return {
    name,
    key,
    keyColumns: options.keyColumns ?? ['id'],
    columns,
    eventColumn: options.eventColumn ?? null,
    ref: options.ref ?? ([] as unknown as Ref),
    label: options.label ?? null,
    choice: options.choice ?? [],
  }
}

/** Every story table, by name. */
export const REGISTRY = {
  story: table('story', 'singleton', {
    id: integer({ role: 'key', admin: false }),
    title: text({ public: true, write: words(L.story.title, 1, 200) }),
    dek: text({ public: true, write: words(L.story.dek, 1, 600) }),
    credit: text({ public: true, write: words(L.story.credit, 1, 400) }),
    source_outlet: text({ public: true, write: words(L.story.source_outlet, 1, 200) }),
    source_title: text({ public: true, write: words(L.story.source_title, 1, 300) }),
    source_period: text({ public: true, write: words(L.story.source_period, 1, 100) }),
    source_published: textOrNull({ write: date(L.story.source_published).nullable() }),
    source_url: textOrNull({
      public: true,
      write: optionalHttps(L.story.source_url),
      doc: { format: 'uri', description: 'The source article’s address.' },
    }),
    language: text({ admin: false }),
    data_version: integer({ role: 'bookkeeping', public: true }),
    created_at: text({ role: 'bookkeeping', admin: false }),
    updated_at: text({ role: 'bookkeeping', public: true, doc: { format: 'date-time' } }),
    version: integer({ role: 'bookkeeping' }),
    // Added by migrations/0010_license_provenance.sql, so after the rest.
    license_name: text({
      public: true,
      write: words(L.story.license_name, 1, 200),
      doc: {
        description: 'The licence under which partners may reuse the data.',
        example: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
      },
    }),
    license_url: text({
      public: true,
      write: httpsUrl(L.story.license_url),
      doc: { format: 'uri', example: 'https://creativecommons.org/licenses/by/4.0/' },
    }),
    creator: text({
      public: true,
      write: words(L.story.creator, 1, 200),
      doc: { description: 'Who compiled the dataset.' },
    }),
    publisher: text({
      public: true,
      write: words(L.story.publisher, 1, 200),
      doc: { description: 'Who publishes the dataset.' },
    }),
  }),

  categories: table(
    'categories',
    'slug',
    {
      id: text({
        role: 'key',
        public: true,
        write: slug(L.categories.id, 'enforcement')
          .regex(/^[a-z]/, `${L.categories.id} must start with a letter, such as "enforcement".`)
          .max(60, `${L.categories.id} must be at most 60 characters.`),
        immutable: true,
        doc: { example: 'enforcement' },
      }),
      label: text({
        public: true,
        write: words(L.categories.label, 1, 80),
        doc: { example: 'Enforcement' },
      }),
      description: text({
        public: true,
        write: words(L.categories.description, 0, 600).optional(),
      }),
      position: integer({
        public: true,
        write: whole(L.categories.position).min(1, `${L.categories.position} must be 1 or more.`),
      }),
      ...tracked(false),
    },
    { label: 'label' },
  ),

  chapters: table(
    'chapters',
    'slug',
    {
      id: text({
        role: 'key',
        public: true,
        write: slug(L.chapters.id, 'crackdown')
          .regex(/^[a-z]/, `${L.chapters.id} must start with a letter, such as "crackdown".`)
          .max(60, `${L.chapters.id} must be at most 60 characters.`),
        immutable: true,
        doc: { example: 'crackdown' },
      }),
      position: integer({
        public: true,
        write: whole(L.chapters.position).min(1, `${L.chapters.position} must be 1 or more.`),
      }),
      title: text({ public: true, write: words(L.chapters.title, 1, 120) }),
      dek: text({ public: true, write: words(L.chapters.dek, 1, 600) }),
      start_date: text({
        public: true,
        write: date(L.chapters.start_date),
        doc: { format: 'date' },
      }),
      end_date: text({ public: true, write: date(L.chapters.end_date), doc: { format: 'date' } }),
      ...tracked(false),
    },
    { label: 'title', choice: ['start_date', 'end_date'] },
  ),

  events: table(
    'events',
    'slug',
    {
      id: text({
        role: 'key',
        public: true,
        write: slug(L.events.id, '2023-07-01-new-event')
          .min(3, `${L.events.id} needs at least 3 characters.`)
          .max(80, `${L.events.id} must be at most 80 characters.`),
        immutable: true,
        doc: { description: 'Stable for ever once published.', example: EVENT_EXAMPLE },
      }),
      date: text({
        public: true,
        write: date(L.events.date).refine(
          (d) => d >= STORY_FROM && d <= STORY_TO,
          `${L.events.date} must lie in the story's year, from ${STORY_FROM} to ${STORY_TO}.`,
        ),
        doc: { format: 'date', example: '2022-09-19' },
      }),
      date_precision: listed(DATE_PRECISIONS, {
        public: true,
        write: oneOf(L.events.date_precision, DATE_PRECISIONS).optional(),
      }),
      headline: text({ public: true, write: words(L.events.headline, 1, 200) }),
      summary: text({ public: true, write: words(L.events.summary, 1, 1000) }),
      body: text({
        public: true,
        write: paragraphs(L.events.body, 0, EVENT_BODY_MAX).optional(),
        doc: {
          description:
            'As the editor wrote it: plain text or basic Markdown (paragraphs are separated by blank lines).',
        },
      }),
      category: text({
        public: true,
        write: slug(L.events.category, 'enforcement'),
        references: 'categories',
        doc: {
          description: 'A category id (/api/v1/categories).',
          example: 'government-statement',
        },
      }),
      chapter: text({
        public: true,
        write: slug(L.events.chapter, 'crackdown'),
        references: 'chapters',
        doc: { description: 'A chapter id (/api/v1/chapters).', example: 'crackdown' },
      }),
      status: listed(EVENT_STATUSES, { role: 'status' }),
      ...tracked(true),
    },
    { eventColumn: 'id', label: 'headline' },
  ),

  outlets: table(
    'outlets',
    'slug',
    {
      id: text({
        role: 'key',
        public: true,
        write: slug(L.outlets.id, 'vod'),
        immutable: true,
        doc: { example: 'vice-world-news' },
      }),
      name: text({
        public: true,
        write: words(L.outlets.name, 1, 120),
        doc: { example: 'Vice World News' },
      }),
      kind: listed(OUTLET_KINDS, { public: true, write: oneOf(L.outlets.kind, OUTLET_KINDS) }),
      country: textOrNull({
        public: true,
        write: country,
        doc: { description: 'ISO 3166-1 alpha-2.' },
      }),
      url: textOrNull({
        public: true,
        write: optionalHttps(L.outlets.url),
        doc: { format: 'uri' },
      }),
      ...tracked(false),
    },
    { ref: ['id', 'name', 'kind'], label: 'name', choice: ['kind'] },
  ),

  event_outlets: table(
    'event_outlets',
    'composite',
    {
      event_id: text({ role: 'key', references: 'events' }),
      outlet_id: text({ role: 'key', references: 'outlets' }),
      role: listed(OUTLET_ROLES, {
        public: true,
        doc: { description: 'How the outlet stands to this event.' },
      }),
      position: integer(),
    },
    { keyColumns: ['event_id', 'outlet_id'], eventColumn: 'event_id' },
  ),

  places: table(
    'places',
    'slug',
    {
      id: text({
        role: 'key',
        public: true,
        write: slug(L.places.id, 'kampot'),
        immutable: true,
        doc: { example: 'preah-sihanouk' },
      }),
      name: text({
        public: true,
        write: words(L.places.name, 1, 120),
        doc: { example: 'Preah Sihanouk' },
      }),
      kind: listed(PLACE_KINDS, { public: true, write: oneOf(L.places.kind, PLACE_KINDS) }),
      parent_id: textOrNull({
        public: true,
        write: slug(L.places.parent_id, 'cambodia').nullable().optional(),
        references: 'places',
        doc: { description: 'The place this one lies in.' },
      }),
      iso_code: textOrNull({
        public: true,
        write: z
          .string({ error: wrongType(L.places.iso_code, 'an ISO 3166 code, such as KH-18') })
          .regex(
            /^[A-Z]{2}(-[0-9A-Z]{1,3})?$/,
            `${L.places.iso_code} must be ISO 3166 (KH, or KH-18 for a province).`,
          )
          .nullable()
          .optional(),
        doc: {
          description: 'ISO 3166-1 alpha-2 for countries, ISO 3166-2 for provinces.',
          example: 'KH-18',
        },
      }),
      latitude: realOrNull({
        public: true,
        write: number(L.places.latitude)
          .min(-90, `${L.places.latitude} must lie between -90 and 90.`)
          .max(90, `${L.places.latitude} must lie between -90 and 90.`)
          .nullable()
          .optional(),
        doc: { example: 10.60932 },
      }),
      longitude: realOrNull({
        public: true,
        write: number(L.places.longitude)
          .min(-180, `${L.places.longitude} must lie between -180 and 180.`)
          .max(180, `${L.places.longitude} must lie between -180 and 180.`)
          .nullable()
          .optional(),
        doc: { example: 103.52958 },
      }),
      ...tracked(false),
    },
    {
      ref: ['id', 'name', 'kind', 'iso_code', 'latitude', 'longitude'],
      label: 'name',
      choice: ['kind'],
    },
  ),

  event_places: table(
    'event_places',
    'composite',
    {
      event_id: text({ role: 'key', references: 'events' }),
      place_id: text({ role: 'key', references: 'places' }),
      position: integer(),
    },
    { keyColumns: ['event_id', 'place_id'], eventColumn: 'event_id' },
  ),

  actors: table(
    'actors',
    'slug',
    {
      id: text({
        role: 'key',
        public: true,
        write: slug(L.actors.id, 'sar-kheng'),
        immutable: true,
        doc: { example: 'sar-kheng' },
      }),
      name: text({
        public: true,
        write: words(L.actors.name, 1, 160),
        doc: { example: 'Sar Kheng' },
      }),
      kind: listed(ACTOR_KINDS, { public: true, write: oneOf(L.actors.kind, ACTOR_KINDS) }),
      description: text({ public: true, write: words(L.actors.description, 0, 300).optional() }),
      country: textOrNull({
        public: true,
        write: country,
        doc: { description: 'ISO 3166-1 alpha-2.' },
      }),
      ...tracked(false),
    },
    { ref: ['id', 'name', 'kind'], label: 'name', choice: ['kind'] },
  ),

  event_actors: table(
    'event_actors',
    'composite',
    {
      event_id: text({ role: 'key', references: 'events' }),
      actor_id: text({ role: 'key', references: 'actors' }),
      role: listed(ACTOR_ROLES, {
        role: 'key',
        public: true,
        doc: { description: 'What the actor was in this event.' },
      }),
      position: integer(),
    },
    { keyColumns: ['event_id', 'actor_id', 'role'], eventColumn: 'event_id' },
  ),

  figures: table(
    'figures',
    'serial',
    {
      id: integer({ role: 'key', public: true }),
      event_id: text({
        write: slug(L.figures.event_id, EVENT_EXAMPLE),
        references: 'events',
        immutable: true,
      }),
      position: integer({ write: position }),
      value: real({
        public: true,
        write: number(L.figures.value)
          .finite()
          .min(0, `${L.figures.value} cannot be negative: a figure counts or measures something.`)
          .max(FIGURE_LIMIT, `${L.figures.value} ${FIGURE_LIMIT_WORDS}`),
        doc: { example: 289 },
      }),
      value_max: realOrNull({
        public: true,
        write: number(L.figures.value_max)
          .finite()
          .min(0, `${L.figures.value_max} cannot be negative.`)
          .max(FIGURE_LIMIT, `${L.figures.value_max} ${FIGURE_LIMIT_WORDS}`)
          .nullable()
          .optional(),
        doc: { description: 'Upper end of a range, if any.' },
      }),
      qualifier: listed(QUALIFIERS, {
        public: true,
        write: oneOf(L.figures.qualifier, QUALIFIERS),
        doc: { description: 'Exactly as the source qualified it.' },
      }),
      unit: listed(UNITS, { public: true, write: oneOf(L.figures.unit, UNITS) }),
      measure: listed(MEASURES, { public: true, write: oneOf(L.figures.measure, MEASURES) }),
      subject: textOrNull({ public: true, write: optionalWords(L.figures.subject, 160) }),
      nationality: textOrNull({ public: true, write: optionalWords(L.figures.nationality, 60) }),
      place_id: textOrNull({
        public: true,
        write: slug(L.figures.place_id, 'kandal').nullable().optional(),
        references: 'places',
      }),
      period: textOrNull({ public: true, write: optionalWords(L.figures.period, 80) }),
      period_start: textOrNull({
        public: true,
        write: date(L.figures.period_start).nullable().optional(),
        doc: { format: 'date' },
      }),
      period_end: textOrNull({
        public: true,
        write: date(L.figures.period_end).nullable().optional(),
        doc: { format: 'date' },
      }),
      display: text({
        public: true,
        write: words(L.figures.display, 1, 200),
        doc: { description: 'The figure as the story writes it.' },
      }),
      ...tracked(false),
    },
    { eventColumn: 'event_id', label: 'display' },
  ),

  quotes: table(
    'quotes',
    'serial',
    {
      id: integer({ role: 'key', public: true }),
      event_id: text({
        write: slug(L.quotes.event_id, EVENT_EXAMPLE),
        references: 'events',
        immutable: true,
      }),
      position: integer({ write: position }),
      speaker_id: text({ write: slug(L.quotes.speaker_id, 'sar-kheng'), references: 'actors' }),
      text: text({
        public: true,
        write: words(L.quotes.text, 1, 400),
        doc: { description: 'One sentence at most, as reported.' },
      }),
      outlet_id: textOrNull({
        write: slug(L.quotes.outlet_id, 'vod').nullable().optional(),
        references: 'outlets',
      }),
      ...tracked(false),
    },
    { eventColumn: 'event_id', label: 'text' },
  ),

  notes: table(
    'notes',
    'serial',
    {
      id: integer({ role: 'key', public: true }),
      event_id: text({
        write: slug(L.notes.event_id, EVENT_EXAMPLE),
        references: 'events',
        immutable: true,
      }),
      position: integer({ write: position }),
      kind: listed(NOTE_KINDS, { public: true, write: oneOf(L.notes.kind, NOTE_KINDS) }),
      field: textOrNull({
        public: true,
        write: optionalWords(L.notes.field, 40),
        doc: { description: 'The field a correction is about.' },
      }),
      text: text({ public: true, write: words(L.notes.text, 1, 1000) }),
      source_said: textOrNull({
        public: true,
        write: optionalWords(L.notes.source_said, 400),
        doc: { description: 'What the source said, for a correction.' },
      }),
      ...tracked(false),
    },
    { eventColumn: 'event_id', label: 'text' },
  ),
} as const satisfies { [T in TableName]: AnyTableDef }

// ---------------------------------------------------------------------------------------------
// Column lists (for the SELECT lists in worker/db/ and the trigger generator)

type Columns<T extends TableName> = (typeof REGISTRY)[T]['columns']
/** A column name of table T. */
export type ColumnName<T extends TableName> = keyof Columns<T> & string

const names = <T extends TableName>(
  name: T,
  keep: (column: Column) => boolean = () => true,
): ColumnName<T>[] =>
  Object.entries(REGISTRY[name].columns as Record<string, Column>)
    .filter(([, column]) => keep(column))
    .map(([column]) => column as ColumnName<T>)

/** Every column of a table, in the schema's order. */
export const columnsOf = <T extends TableName>(name: T) => names(name)
/** The columns the public API (and the page) shows. */
export const publicColumns = <T extends TableName>(name: T) => names(name, (c) => c.public)
/** The columns of a row as the admin API returns it. */
export const adminColumns = <T extends TableName>(name: T) => names(name, (c) => c.admin)
/** The columns shown where another row names this one (an event's places, actors, outlets). */
export const refColumns = <T extends TableName>(name: T): readonly ColumnName<T>[] =>
  REGISTRY[name].ref as readonly ColumnName<T>[]

type RowSchema<T extends TableName, K> = K extends keyof Columns<T>
  ? Columns<T>[K] extends Column<infer R>
    ? R
    : never
  : never

/** A column's row schema with its documentation, for the public API's schemas. */
function documented(column: Column): z.ZodType {
  return column.doc ? column.row.openapi({ ...column.doc }) : column.row
}

/**
 * The zod shape of the public columns of table T (or of `columns`), each documented from the
 * registry: the public schemas in worker/schemas/ build on these, so a public column added to
 * the registry reaches the API's validation and its OpenAPI document.
 */
export function publicShape<T extends TableName>(
  name: T,
): { [K in keyof PublicRow<T>]: RowSchema<T, K> } {
  const columns: Record<string, Column> = REGISTRY[name].columns
  return Object.fromEntries(
    publicColumns(name).map((column) => [column, documented(columns[column]!)]),
  ) as { [K in keyof PublicRow<T>]: RowSchema<T, K> }
}

/** The zod shape of the columns shown where another row names one of table T. */
export function refShape<T extends 'places' | 'actors' | 'outlets'>(
  name: T,
): { [K in keyof RefRow<T>]: RowSchema<T, K> } {
  const columns: Record<string, Column> = REGISTRY[name].columns
  return Object.fromEntries(
    refColumns(name).map((column) => [column, documented(columns[column]!)]),
  ) as { [K in keyof RefRow<T>]: RowSchema<T, K> }
}

/** The columns of an event in the editor's list of every event (drafts and deleted ones too). */
export const EVENT_SUMMARY_COLUMNS = [
  'id',
  'date',
  'headline',
  'category',
  'chapter',
  'status',
  'deleted_at',
  'version',
  'updated_at',
] as const satisfies readonly ColumnName<'events'>[]

// ---------------------------------------------------------------------------------------------
// Row types, for worker/model.ts (the page imports them from there, by type only)

type ValueOf<C> = C extends Column<infer R> ? z.output<R> : never
/** A whole row of table T as the database returns it. */
export type Row<T extends TableName> = { [K in keyof Columns<T>]: ValueOf<Columns<T>[K]> }
/** The part of a row of table T the public API shows. */
export type PublicRow<T extends TableName> = {
  [K in keyof Columns<T> as Columns<T>[K] extends { public: true } ? K : never]: ValueOf<
    Columns<T>[K]
  >
}
/** The part of a row of table T shown where another row names it. */
export type RefRow<T extends 'places' | 'actors' | 'outlets'> = Pick<
  Row<T>,
  Extract<(typeof REGISTRY)[T]['ref'][number], keyof Row<T>>
>
/** One event in the editor's list of every event. */
export type EventSummary = Pick<Row<'events'>, (typeof EVENT_SUMMARY_COLUMNS)[number]>

// ---------------------------------------------------------------------------------------------
// Plain text: the one rule every text an editor sends meets, in every field of every table

/**
 * The bidirectional formatting characters that open or close a scope (Unicode UAX #9, 2.1 to
 * 2.4): the embeddings and overrides U+202A to U+202E (LRE, RLE, PDF, LRO, RLO) and the isolates
 * U+2066 to U+2069 (LRI, RLI, FSI, PDI). One left open in a name reorders the text the page shows
 * after it (a name ending in U+202E reverses the rest of its line), and a stray closing one ends
 * a scope the page opened. Refused in every text an editor sends.
 *
 * The marks U+200E (LRM), U+200F (RLM) and U+061C (ALM) are allowed: each is a single invisible
 * character with a direction and no scope to leave open, which right-to-left names and numbers
 * next to them may need; and the page isolates every name it shows next to other text (`<bdi>`,
 * or isolate() in worker/shared/format.ts), so a mark inside a name moves nothing outside it.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/
/** Unicode's noncharacters (U+FDD0 to U+FDEF, and the last two code points of every plane). */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u

const BIDI_NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
}

/**
 * The control characters refused in every text (Unicode's "Cc": C0, DEL and C1, U+0000 to U+001F
 * and U+007F to U+009F, but the line break U+000A and the tab U+0009, which an event's body may
 * hold; C1's U+0085 NEXT LINE is a line break some readers obey): invisible on the page,
 * a NUL ends the text early in C programs and some CSV readers, and a carriage return U+000D makes
 * two kinds of line break where the API has one (\n).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/

const CONTROL_NAMES: Record<string, string> = {
  '\u0000': 'NULL',
  '\u0007': 'BELL',
  '\u0008': 'BACKSPACE',
  '\u000B': 'LINE TABULATION',
  '\u000C': 'FORM FEED',
  '\u000D': 'CARRIAGE RETURN',
  '\u001B': 'ESCAPE',
  '\u007F': 'DELETE',
  '\u0085': 'NEXT LINE',
}

/** Half of a UTF-16 surrogate pair without its other half: no character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const codePoint = (unit: number) => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * What is wrong with one text an editor sent for `field` (a dotted path such as "headline" or
 * "actors.0.id"), or null when it is plain text the API stores as sent. Refused: a lone surrogate
 * (a JSON escape such as "\uD800" that is half of a pair; it is no character, and the database
 * would store U+FFFD in its place), a noncharacter (U+FFFF and its kin), U+FFFD itself (what a
 * text read in the wrong encoding holds in place of its letters), the control characters of
 * {@link CONTROL} and the bidirectional controls of {@link BIDI_CONTROLS}.
 */
export function plainTextProblem(field: string, text: string): string | null {
  const lone = LONE_SURROGATE.exec(text)
  if (lone) {
    return `${field} holds a lone surrogate (${codePoint(lone[0].charCodeAt(0))} at position ${lone.index + 1}), half of a UTF-16 pair that is no character; send the text as UTF-8, or both halves of the pair.`
  }
  const nonCharacter = NONCHARACTER.exec(text)
  if (nonCharacter) {
    return `${field} holds ${codePoint(nonCharacter[0].codePointAt(0)!)} at position ${nonCharacter.index + 1}, a noncharacter (Unicode keeps it for programs' own use, never for text); remove it.`
  }
  const replacement = text.indexOf('\uFFFD')
  if (replacement >= 0) {
    return `${field} holds U+FFFD (REPLACEMENT CHARACTER) at position ${replacement + 1}, the mark a program leaves where it could not read a letter: the text was read in the wrong encoding (a file saved as Windows-1252 or Latin-1 and read as UTF-8). Save it as UTF-8 (in Excel: "CSV UTF-8") and send it again, or type the letter in its place.`
  }
  const control = CONTROL.exec(text)
  if (control) {
    const char = control[0]
    const how =
      char === '\r'
        ? 'send a line break as \\n (U+000A) alone, without \\r'
        : 'remove it: it prints nothing a reader can see'
    return `${field} holds the control character ${codePoint(char.charCodeAt(0))}${CONTROL_NAMES[char] ? ` (${CONTROL_NAMES[char]})` : ''} at position ${control.index + 1}; ${how}.`
  }
  const bidi = BIDI_CONTROLS.exec(text)
  if (bidi) {
    return `${field} holds the bidirectional control ${codePoint(bidi[0].charCodeAt(0))} (${BIDI_NAMES[bidi[0]] ?? 'bidi control'}) at position ${bidi.index + 1}, which can reorder the text shown after it; remove it (the marks U+200E and U+200F are allowed).`
  }
  return null
}

/** Every text in a JSON value with its path ([] for the value itself). */
function textsIn(value: unknown, path: (string | number)[] = []): [string, (string | number)[]][] {
  if (typeof value === 'string') return [[value, path]]
  // No field is deeper than 3; the JSON gate refuses deeper bodies (admin/request.ts). This
  // keeps any other caller from recursing without end.
  if (path.length > 16) return []
  if (Array.isArray(value)) return value.flatMap((item, i) => textsIn(item, [...path, i]))
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => textsIn(item, [...path, key]))
  }
  return []
}

/**
 * `body` (a write body of `table`) with the plain-text rule ({@link plainTextProblem}) on every
 * text it holds, at any depth: one field error per text refused, naming its field by the label
 * the editor page gives it (labels.ts; the path when it has none). It runs even when other fields
 * failed, so an editor sees every problem at once.
 */
function plainText<S extends z.ZodType>(body: S, table: TableName): S {
  return body.superRefine(
    (value, ctx) => {
      for (const [text, path] of textsIn(value)) {
        const where = path.join('.')
        const message = plainTextProblem(
          where ? (fieldLabel(table, where) ?? where) : '(body)',
          text,
        )
        if (message) ctx.addIssue({ code: 'custom', path, message, input: text })
      }
    },
    { when: () => true },
  ) as S
}

// ---------------------------------------------------------------------------------------------
// Schemas derived from the columns

type CreateShape<C> = {
  [
    K in keyof C as C[K] extends Column<z.ZodType, infer W>
      ? W extends z.ZodType
        ? K
        : never
      : never
  ]: C[K] extends Column<z.ZodType, infer W> ? W : never
}
type Immutable<C> = {
  [K in keyof C]: C[K] extends { immutable: true } ? K : never
}[keyof C]
type PatchShape<C> = {
  [K in keyof CreateShape<C> as K extends Immutable<C> ? never : K]: z.ZodOptional<
    CreateShape<C>[K] & z.ZodType
  >
}

function writable(def: AnyTableDef): [string, Column & { write: z.ZodType }][] {
  return Object.entries(def.columns).filter(
    (entry): entry is [string, Column & { write: z.ZodType }] => entry[1].write !== null,
  )
}

/** A create body: a strict object of the columns an editor writes, its text plain. */
function createOf<C extends Record<string, Column>>(def: TableDef<C>) {
  const shape = Object.fromEntries(writable(def).map(([name, c]) => [name, c.write]))
  return plainText(z.strictObject(shape as CreateShape<C>), def.name)
}

/** The fields of a PATCH body: the create body's but the immutable ones, every one optional. */
function patchFields<C extends Record<string, Column>>(def: TableDef<C>) {
  const shape = Object.fromEntries(
    writable(def)
      .filter(([, c]) => !c.immutable)
      .map(([name, c]) => [name, c.write.optional()]),
  )
  return z.strictObject(shape as PatchShape<C>)
}

/**
 * A PATCH body (a JSON merge patch): `fields`, at least one of them, its text plain. An empty
 * patch is refused here, so POST /validate and the write give the same verdict on it.
 */
function patchOf<S extends z.ZodObject>(fields: S, table: TableName): S {
  return plainText(
    fields.refine((patch) => Object.keys(patch).length > 0, {
      message: `The patch changes nothing: send at least one field to change, such as {"${Object.keys(fields.shape)[0] ?? 'field'}": ...}.`,
    }),
    table,
  )
}

/** A row as the admin API returns it: every admin column with its stored type. */
function rowOf<C extends Record<string, Column>>(def: TableDef<C>) {
  const shape = Object.fromEntries(
    Object.entries(def.columns)
      .filter(([, c]) => c.admin)
      .map(([name, c]) => [name, c.row]),
  )
  return z.object(
    shape as { [K in keyof C as C[K]['admin'] extends false ? never : K]: C[K]['row'] },
  )
}

/**
 * A list of an event's links that names no link twice: `key` gives what makes a link one row of
 * its link table (that table's key without its event_id: a place or outlet once each, an actor
 * once in each role), so a list the API gave for an event can always be sent back.
 */
function distinct<T extends z.ZodType>(
  item: T,
  what: string,
  max: number,
  key: (link: z.output<T>) => string,
) {
  const list = `${what[0]!.toUpperCase()}${what.slice(1)}s`
  return z
    .array(item, { error: wrongType(list, `a list of ${what}s`) })
    .max(max, `An event takes at most ${max} ${what}s.`)
    .superRefine((links, ctx) => {
      const seen = new Set<string>()
      links.forEach((link, index) => {
        const k = key(link)
        if (seen.has(k)) {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `${list} names ${k} twice; list each one once.`,
          })
        }
        seen.add(k)
      })
    })
}

const linkList = <const R extends readonly [string, ...string[]]>(
  what: string,
  roles: R,
  key: (link: { id: string; role: R[number] }) => string,
) =>
  distinct(
    z.strictObject(
      { id: slug(`${what} id`, 'vod'), role: oneOf(`${what} role`, roles) },
      { error: wrongType(what, 'an object {"id": ..., "role": ...}') },
    ),
    what,
    50,
    key,
  )

/** Columns of an event that are not plain columns: its links, replaced as whole lists. */
export const EVENT_LINKS = ['places', 'outlets', 'actors'] as const

/**
 * What an event's PATCH may carry beyond its columns: the lists of its links, each replaced whole.
 * A list may not name one link twice, by the key of its link table (event_places, event_outlets,
 * event_actors): the same actor may hold two roles in one event.
 */
const EVENT_LINK_FIELDS = {
  places: distinct(slug('place id', 'kandal'), 'place', 50, (id) => `"${id}"`).optional(),
  outlets: linkList('outlet', OUTLET_ROLES, (o) => `"${o.id}"`).optional(),
  actors: linkList('actor', ACTOR_ROLES, (a) => `"${a.id}" as ${a.role}`).optional(),
} satisfies Record<(typeof EVENT_LINKS)[number], z.ZodType>

/** Create bodies, by table. */
export const CREATE = {
  categories: createOf(REGISTRY.categories),
  events: createOf(REGISTRY.events),
  figures: createOf(REGISTRY.figures),
  notes: createOf(REGISTRY.notes),
  quotes: createOf(REGISTRY.quotes),
  places: createOf(REGISTRY.places),
  actors: createOf(REGISTRY.actors),
  outlets: createOf(REGISTRY.outlets),
  chapters: createOf(REGISTRY.chapters),
}

/** PATCH bodies (JSON merge patches), by table. An event's may also replace its links. */
export const PATCH = {
  categories: patchOf(patchFields(REGISTRY.categories), 'categories'),
  events: patchOf(patchFields(REGISTRY.events).extend(EVENT_LINK_FIELDS).strict(), 'events'),
  figures: patchOf(patchFields(REGISTRY.figures), 'figures'),
  notes: patchOf(patchFields(REGISTRY.notes), 'notes'),
  quotes: patchOf(patchFields(REGISTRY.quotes), 'quotes'),
  places: patchOf(patchFields(REGISTRY.places), 'places'),
  actors: patchOf(patchFields(REGISTRY.actors), 'actors'),
  outlets: patchOf(patchFields(REGISTRY.outlets), 'outlets'),
  chapters: patchOf(patchFields(REGISTRY.chapters), 'chapters'),
} satisfies Record<keyof typeof CREATE, z.ZodObject>

/** Rows as the admin API returns them, by table (an event's GET adds its links: see AdminEvent). */
export const ROWS = {
  categories: rowOf(REGISTRY.categories),
  events: rowOf(REGISTRY.events),
  figures: rowOf(REGISTRY.figures),
  notes: rowOf(REGISTRY.notes),
  quotes: rowOf(REGISTRY.quotes),
  places: rowOf(REGISTRY.places),
  actors: rowOf(REGISTRY.actors),
  outlets: rowOf(REGISTRY.outlets),
  chapters: rowOf(REGISTRY.chapters),
  story: rowOf(REGISTRY.story),
}

/** The story row's editable fields, as a merge patch (the story has one row and is never created). */
export const StoryPatch = patchOf(patchFields(REGISTRY.story), 'story')
/** A PATCH body of the story row. */
export type StoryPatch = z.input<typeof StoryPatch>

/** One event as GET /api/v1/admin/events/{id} returns it: its row, its links and its rows. */
export const AdminEvent = ROWS.events.extend({
  places: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(PLACE_KINDS) })),
  outlets: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(OUTLET_ROLES) })),
  actors: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ACTOR_ROLES) })),
  figures: z.array(ROWS.figures),
  quotes: z.array(ROWS.quotes),
  notes: z.array(ROWS.notes),
})

// The editor's form types: what a create or PATCH body of each table may hold.
/** A create body of an event. */
export type EventCreate = z.input<typeof CREATE.events>
/** A PATCH body of an event (with its links). */
export type EventPatch = z.input<typeof PATCH.events>
/** A create body of a figure. */
export type FigureCreate = z.input<typeof CREATE.figures>
/** A PATCH body of a figure. */
export type FigurePatch = z.input<typeof PATCH.figures>
/** A create body of a note. */
export type NoteCreate = z.input<typeof CREATE.notes>
/** A PATCH body of a note. */
export type NotePatch = z.input<typeof PATCH.notes>
/** A create body of a quote. */
export type QuoteCreate = z.input<typeof CREATE.quotes>
/** A PATCH body of a quote. */
export type QuotePatch = z.input<typeof PATCH.quotes>
/** A create body of a place. */
export type PlaceCreate = z.input<typeof CREATE.places>
/** A PATCH body of a place. */
export type PlacePatch = z.input<typeof PATCH.places>
/** A create body of an actor. */
export type ActorCreate = z.input<typeof CREATE.actors>
/** A PATCH body of an actor. */
export type ActorPatch = z.input<typeof PATCH.actors>
/** A create body of an outlet. */
export type OutletCreate = z.input<typeof CREATE.outlets>
/** A PATCH body of an outlet. */
export type OutletPatch = z.input<typeof PATCH.outlets>
/** A create body of a chapter. */
export type ChapterCreate = z.input<typeof CREATE.chapters>
/** A PATCH body of a chapter. */
export type ChapterPatch = z.input<typeof PATCH.chapters>
/** One event as the admin API returns it. */
export type AdminEvent = z.output<typeof AdminEvent>

// ---------------------------------------------------------------------------------------------
// The write API's view: the tables editors write through /api/v1/admin/{table}

/** The tables an editor writes through /api/v1/admin/{table}. */
export const EDITABLE_TABLES = [
  'categories',
  'events',
  'figures',
  'notes',
  'quotes',
  'places',
  'actors',
  'outlets',
  'chapters',
] as const satisfies readonly (keyof typeof CREATE)[]
/** One of {@link EDITABLE_TABLES}. */
export type EditableTable = (typeof EDITABLE_TABLES)[number]

/** What the write API needs to know of an editable table. */
export interface TableSpec {
  /** The table's name in SQL and in the URL (/api/v1/admin/<name>). */
  name: EditableTable
  /** Text slugs chosen by the editor, or integer ids the database assigns. */
  key: 'slug' | 'serial'
  /** Columns an editor writes (create); a PATCH may touch all but `immutable`. */
  columns: readonly string[]
  immutable: readonly string[]
  create: z.ZodObject
  patch: z.ZodObject
  /** The zod schema of a row as the admin API returns it. */
  row: z.ZodObject
  /** The column that ties a row to its event, if any (for an event's revisions). */
  eventColumn: string | null
  /** Columns that hold references to other tables: column -> table. */
  references: Readonly<Record<string, TableName>>
}

function specOf(name: EditableTable): TableSpec {
  const def: AnyTableDef = REGISTRY[name]
  const key = def.key
  if (key !== 'slug' && key !== 'serial') throw new Error(`${name} is not editable by id`)
  const columns = writable(def)
  return {
    name,
    key,
    columns: columns.map(([column]) => column),
    immutable: columns.filter(([, c]) => c.immutable).map(([column]) => column),
    create: CREATE[name],
    patch: PATCH[name],
    row: ROWS[name],
    eventColumn: def.eventColumn,
    references: Object.fromEntries(
      Object.entries(def.columns).flatMap(([column, c]) =>
        c.references ? [[column, c.references]] : [],
      ),
    ),
  }
}

/** The editable tables' specs, by name. */
export const TABLES: Record<EditableTable, TableSpec> = Object.fromEntries(
  EDITABLE_TABLES.map((name) => [name, specOf(name)]),
) as Record<EditableTable, TableSpec>

/** The story row's editable fields. */
export const STORY_COLUMNS: string[] = writable(REGISTRY.story).map(([column]) => column)

/** Whether `name` is a table editors write through /api/v1/admin/{table}. */
export function isEditableTable(name: string): name is EditableTable {
  return (EDITABLE_TABLES as readonly string[]).includes(name)
}

/** Whether `name` is a story table (one the audit trail records). */
export function isStoryTable(name: string): name is TableName {
  return (STORY_TABLES as readonly string[]).includes(name)
}
