// The CSV tables partners download (events.csv, figures.csv, places.csv, actors.csv): for each,
// its columns with their Table Schema types, constraints and descriptions, its keys, and how its
// records are read from the story. One definition serves the CSV itself (exports/csv.ts), its
// Table Schema in datapackage.json (exports/datapackage.ts), the README in the zip
// (exports/readme.ts) and the OpenAPI document's description of each CSV route.
// Types and constraints follow Frictionless Table Schema v1 (https://specs.frictionlessdata.io/table-schema/).
import {
  ACTOR_KINDS,
  DATE_PRECISIONS,
  MEASURES,
  PLACE_KINDS,
  QUALIFIERS,
  UNITS,
} from '../data/values'
import type { ExportEvent } from '../db/exports'
import type { Actor, Category, Chapter, FigureWithEvent, Place, Story } from '../model'
import { csvHeader, csvRecords, listCell, writeCsv, type CsvOptions, type CsvRecord } from './csv'
import type { ExportContext, ExportReader } from './reader'
import { creditedOutlets } from '../shared/sources'

/** What every export is made from: the public story, the public actors and the site's origin. */
export interface ExportSource {
  story: Story
  /** The actors of public events (the story itself names them only inside events). */
  actors: Actor[]
  /** The site's origin, e.g. 'https://example.org' (no trailing slash): links are absolute. */
  origin: string
  /** The moment of the newest change to the data (ISO 8601 UTC), e.g. as a file's date. */
  modified: string
}

/** The context of a whole-story source. */
export const contextOf = (source: ExportSource): ExportContext => ({
  meta: source.story.story,
  chapters: source.story.chapters,
  categories: source.story.categories,
  origin: source.origin,
  modified: source.modified,
})

/** A Table Schema field type (only those these tables use). */
export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'datetime'

/** A Table Schema field's constraints (only those these tables use). */
export interface FieldConstraints {
  /** The cell may not be empty. */
  required?: boolean
  /** The cell is one of these values. */
  enum?: readonly string[]
  minimum?: number
  maximum?: number
  /** A regular expression the whole cell matches (XML Schema flavour, anchored). */
  pattern?: string
}

/** One column of a CSV table, as its Table Schema field. */
export interface TableField {
  name: string
  type: FieldType
  /** `uri` for a string that is an absolute address; otherwise the type's default. */
  format?: 'uri'
  description: string
  constraints?: FieldConstraints
}

/** A Table Schema foreign key: `fields` holds ids of `resource`'s `reference` (empty: this one). */
export interface ForeignKey {
  fields: string
  reference: { resource: string; fields: string }
}

/** One CSV table: its file, its Table Schema and how its records are read. */
export interface CsvTable {
  /** The resource's name in datapackage.json: 'figures'. */
  name: string
  /** Its file name in the zip: 'figures.csv'. */
  file: string
  title: string
  /** What one row is, in a few words ('one row per figure, its number as a number'). */
  summary: string
  /** One paragraph: what one row is and where the data comes from. */
  description: string
  fields: readonly TableField[]
  primaryKey: string
  foreignKeys: readonly ForeignKey[]
  /** The records, one per row, in the file's order, from the whole story. */
  rows: (source: ExportSource) => CsvRecord[]
  /**
   * The same records in the same order, a page of rows at a time, read from `reader` (the
   * streamed export: it holds one page, never the whole table).
   */
  pages: (reader: ExportReader) => AsyncIterable<CsvRecord[]>
}

const join = listCell
/** How every list column says it is one (see listCell in csv.ts and the zip's README). */
const LIST = 'A list: items between "; ", a ";" inside an item written twice (";;").'
const required = { required: true } as const
const oneOf = (values: readonly string[]) => ({ required: true, enum: values })
const ID = '^[a-z0-9][a-z0-9-]*$'

/** The bookkeeping columns every event row ends with. */
const EVENT_BOOKKEEPING: TableField[] = [
  {
    name: 'created_at',
    type: 'datetime',
    description: 'When the event was added (ISO 8601, UTC).',
    constraints: required,
  },
  {
    name: 'updated_at',
    type: 'datetime',
    description:
      'When the event or anything shown with it last changed (ISO 8601, UTC); `updated_since` in the API uses it.',
    constraints: required,
  },
  {
    name: 'version',
    type: 'integer',
    description: 'Moves on with every change to the event’s own row.',
    constraints: { required: true, minimum: 1 },
  },
  {
    name: 'url',
    type: 'string',
    format: 'uri',
    description: 'The event in the JSON API, with everything linked to it.',
    constraints: required,
  },
]

/** events.csv: one row per published event, linked lists flattened. */
export const EVENTS_TABLE: CsvTable = {
  name: 'events',
  file: 'events.csv',
  title: 'Events',
  summary: 'one row per published event, its linked places, actors, outlets and figures as lists',
  description:
    'One row per published event of the timeline. Linked lists (places, actors, outlets, figures, notes) are flattened into one cell each, items separated by "; " and a ";" inside an item written twice (";;"), with their ids in a twin column in the same order; figures.csv, places.csv and actors.csv hold the same data as tables of their own.',
  fields: [
    {
      name: 'id',
      type: 'string',
      description: 'The event’s stable id (YYYY-MM-DD-words); never changes once published.',
      constraints: { required: true, pattern: ID },
    },
    {
      name: 'date',
      type: 'date',
      description: 'When it happened (YYYY-MM-DD); see date_precision.',
      constraints: required,
    },
    {
      name: 'date_precision',
      type: 'string',
      description:
        'How precise the date is: day, month or year (for month or year, only those parts of date are meant).',
      constraints: oneOf(DATE_PRECISIONS),
    },
    {
      name: 'headline',
      type: 'string',
      description: 'The headline, in our words.',
      constraints: required,
    },
    {
      name: 'summary',
      type: 'string',
      description: 'A summary, in our words.',
      constraints: required,
    },
    {
      name: 'body',
      type: 'string',
      description:
        'The longer text as the editor wrote it: plain text or basic Markdown (paragraphs separated by blank lines). May be empty.',
    },
    {
      name: 'category',
      type: 'string',
      description: 'The category id (/api/v1/categories).',
      constraints: { required: true, pattern: ID },
    },
    {
      name: 'category_label',
      type: 'string',
      description: 'The category’s label.',
      constraints: required,
    },
    {
      name: 'chapter',
      type: 'string',
      description: 'The chapter id (/api/v1/chapters).',
      constraints: { required: true, pattern: ID },
    },
    {
      name: 'chapter_title',
      type: 'string',
      description: 'The chapter’s title.',
      constraints: required,
    },
    { name: 'places', type: 'string', description: `The places’ names. ${LIST}` },
    {
      name: 'place_ids',
      type: 'string',
      description: `The places’ ids (places.csv), in the same order as places. ${LIST}`,
    },
    {
      name: 'actors',
      type: 'string',
      description: `The actors, each as "Name (role in this event)". ${LIST}`,
    },
    {
      name: 'actor_ids',
      type: 'string',
      description: `The actors’ ids (actors.csv), in the same order as actors. ${LIST}`,
    },
    {
      name: 'outlets',
      type: 'string',
      description: `The outlets, each as "Name (how it stands to the event: published, reported, statement or compiled)". ${LIST}`,
    },
    {
      name: 'outlet_ids',
      type: 'string',
      description: `The outlets’ ids (/api/v1/outlets), in the same order as outlets. ${LIST}`,
    },
    {
      name: 'figures',
      type: 'string',
      description: `The event’s figures as the story writes them; figures.csv has each as numbers, one row per figure. ${LIST}`,
    },
    {
      name: 'notes',
      type: 'string',
      description: `Editor’s notes; a correction starts with "Correction:" and says what the source article said. ${LIST}`,
    },
    ...EVENT_BOOKKEEPING,
  ],
  primaryKey: 'id',
  foreignKeys: [],
  rows: ({ story, origin }) => {
    const record = eventRecord(story.categories, story.chapters, origin)
    return story.events.map(record)
  },
  pages: async function* (reader) {
    const record = eventRecord(reader.categories, reader.chapters, reader.origin)
    for await (const events of reader.events()) yield events.map(record)
  },
}

/** One row of events.csv for an event, with its category's label and chapter's title. */
function eventRecord(
  categoryRows: readonly Category[],
  chapterRows: readonly Chapter[],
  origin: string,
): (e: ExportEvent) => CsvRecord {
  const categories = new Map(categoryRows.map((c) => [c.id, c.label]))
  const chapters = new Map(chapterRows.map((c) => [c.id, c.title]))
  return (e) => ({
    id: e.id,
    date: e.date,
    date_precision: e.date_precision,
    headline: e.headline,
    summary: e.summary,
    body: e.body,
    category: e.category,
    category_label: categories.get(e.category) ?? '',
    chapter: e.chapter,
    chapter_title: chapters.get(e.chapter) ?? '',
    places: join(e.places.map((p) => p.name)),
    place_ids: join(e.places.map((p) => p.id)),
    actors: join(e.actors.map((a) => `${a.name} (${a.role})`)),
    actor_ids: join(e.actors.map((a) => a.id)),
    outlets: join(e.outlets.map((o) => `${o.name} (${o.role})`)),
    outlet_ids: join(e.outlets.map((o) => o.id)),
    figures: join(e.figures.map((f) => f.display)),
    notes: join(e.notes.map((n) => (n.kind === 'correction' ? `Correction: ${n.text}` : n.text))),
    created_at: e.created_at,
    updated_at: e.updated_at,
    version: e.version,
    url: `${origin}/api/v1/events/${e.id}`,
  })
}

/** figures.csv: one row per figure of a published event, its numbers as numbers. */
export const FIGURES_TABLE: CsvTable = {
  name: 'figures',
  file: 'figures.csv',
  title: 'Figures',
  summary: 'one row per figure, its number as a number with its qualifier, unit and measure',
  description:
    'One row per figure: every number in the story, with its exact qualifier, unit and what it measures, in the order of the events and of the figures within each. Nothing is rounded; a range keeps both ends (value and value_max). A figure records no outlet of its own: it is credited, as on the story’s charts, to the outlets that published, reported or stated its event (source_outlets), or to the compiler of the review when that is the event’s only source; events.csv (outlets, outlet_ids) has every outlet of the event with its role.',
  fields: [
    {
      name: 'id',
      type: 'integer',
      description: 'The figure’s id (stable; /api/v1/figures).',
      constraints: { required: true, minimum: 1 },
    },
    {
      name: 'event_id',
      type: 'string',
      description: 'The event the figure belongs to (events.csv).',
      constraints: { required: true, pattern: ID },
    },
    {
      name: 'event_date',
      type: 'date',
      description: 'The event’s date (YYYY-MM-DD); see event_date_precision.',
      constraints: required,
    },
    {
      name: 'event_date_precision',
      type: 'string',
      description: 'How precise the event’s date is: day, month or year.',
      constraints: oneOf(DATE_PRECISIONS),
    },
    {
      name: 'value',
      type: 'number',
      description: 'The number, as the source gave it (the lower end of a range).',
      constraints: required,
    },
    {
      name: 'value_max',
      type: 'number',
      description:
        'The upper end of a range ("2,000 to 5,000"); empty when the figure is one number.',
    },
    {
      name: 'qualifier',
      type: 'string',
      description:
        'Exactly how the source qualified the number ("more than", "at least", "as many as", ...); "exactly" when it did not.',
      constraints: oneOf(QUALIFIERS),
    },
    {
      name: 'unit',
      type: 'string',
      description: 'What the number counts in (people, complaints, USD, percent, ...).',
      constraints: oneOf(UNITS),
    },
    {
      name: 'measure',
      type: 'string',
      description: 'What the number measures (rescued, held captive, complaints, lost, ...).',
      constraints: oneOf(MEASURES),
    },
    {
      name: 'subject',
      type: 'string',
      description: 'Who or what was counted, in words; empty when not said.',
    },
    {
      name: 'nationality',
      type: 'string',
      description: 'The nationality of the people counted, when the source gave one.',
    },
    {
      name: 'place_id',
      type: 'string',
      description: 'The place the figure is about (places.csv), when it is about one.',
      constraints: { pattern: ID },
    },
    { name: 'place_name', type: 'string', description: 'That place’s name.' },
    {
      name: 'period',
      type: 'string',
      description: 'The period the figure covers, in words, if the source gave one.',
    },
    {
      name: 'period_start',
      type: 'date',
      description: 'The first day of that period (YYYY-MM-DD), when known.',
    },
    {
      name: 'period_end',
      type: 'date',
      description: 'The last day of that period (YYYY-MM-DD), when known.',
    },
    {
      name: 'display',
      type: 'string',
      description: 'The figure as the story writes it, qualifier and unit included.',
      constraints: required,
    },
    {
      name: 'source_outlets',
      type: 'string',
      description: `The outlets the figure is credited to: those that published, reported or stated its event, or the compiler of the review when it is the only source. ${LIST}`,
    },
    {
      name: 'source_outlet_ids',
      type: 'string',
      description: `Their ids (/api/v1/outlets), in the same order. ${LIST}`,
    },
  ],
  primaryKey: 'id',
  foreignKeys: [
    { fields: 'event_id', reference: { resource: 'events', fields: 'id' } },
    { fields: 'place_id', reference: { resource: 'places', fields: 'id' } },
  ],
  rows: ({ story }) => {
    const events = new Map(story.events.map((e) => [e.id, e]))
    const places = new Map(story.places.map((p) => [p.id, p.name]))
    return story.figures.map((f) => figureRecord(f, events.get(f.event_id), places))
  },
  pages: async function* (reader) {
    for await (const events of reader.events()) {
      const named = new Set<string>()
      for (const e of events) for (const f of e.figures) if (f.place_id) named.add(f.place_id)
      const places = await reader.placeNames([...named])
      yield events.flatMap((e) =>
        e.figures.map((f) => figureRecord({ ...f, event_id: e.id }, e, places)),
      )
    }
  },
}

/** One row of figures.csv: the figure `f` of `event`, its place's name from `places`. */
function figureRecord(
  f: FigureWithEvent,
  event: ExportEvent | undefined,
  places: ReadonlyMap<string, string>,
): CsvRecord {
  return {
    id: f.id,
    event_id: f.event_id,
    event_date: event?.date ?? null,
    event_date_precision: event?.date_precision ?? null,
    value: f.value,
    value_max: f.value_max,
    qualifier: f.qualifier,
    unit: f.unit,
    measure: f.measure,
    subject: f.subject,
    nationality: f.nationality,
    place_id: f.place_id,
    place_name: f.place_id === null ? null : (places.get(f.place_id) ?? null),
    period: f.period,
    period_start: f.period_start,
    period_end: f.period_end,
    display: f.display,
    ...sourcesOf(event),
  }
}

/** A figure's credited outlets (worker/shared/sources.ts), from its event's outlet rows. */
function sourcesOf(event: { outlets: { id: string; name: string; role: string }[] } | undefined) {
  const outlets = event?.outlets ?? []
  const credited = creditedOutlets(outlets)
  const sources = credited.length ? credited : outlets.filter((o) => o.role === 'compiled')
  return {
    source_outlets: join(sources.map((o) => o.name)),
    source_outlet_ids: join(sources.map((o) => o.id)),
  }
}

/** places.csv: one row per public place (and every place containing one). */
export const PLACES_TABLE: CsvTable = {
  name: 'places',
  file: 'places.csv',
  title: 'Places',
  summary: 'one row per place, with its kind, ISO 3166 code, coordinates and parent',
  description:
    'One row per place a published event or figure names, and every place that contains one (so parent_id always names a row of this file). Coordinates are WGS 84; where a site’s exact location is not known they are those of the town or province that contains it, and the event’s notes say so.',
  fields: [
    {
      name: 'id',
      type: 'string',
      description: 'The place’s stable id.',
      constraints: { required: true, pattern: ID },
    },
    { name: 'name', type: 'string', description: 'Its name.', constraints: required },
    {
      name: 'kind',
      type: 'string',
      description: 'country, province, city or site.',
      constraints: oneOf(PLACE_KINDS),
    },
    {
      name: 'parent_id',
      type: 'string',
      description: 'The place it lies in (a row of this file), if any.',
      constraints: { pattern: ID },
    },
    {
      name: 'iso_code',
      type: 'string',
      description: 'ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a province (KH-18).',
      constraints: { pattern: '^[A-Z]{2}(-[0-9A-Z]{1,3})?$' },
    },
    {
      name: 'latitude',
      type: 'number',
      description: 'Latitude in decimal degrees (WGS 84); empty when not known.',
      constraints: { minimum: -90, maximum: 90 },
    },
    {
      name: 'longitude',
      type: 'number',
      description: 'Longitude in decimal degrees (WGS 84); empty when not known.',
      constraints: { minimum: -180, maximum: 180 },
    },
    {
      name: 'event_count',
      type: 'integer',
      description: 'How many published events name this place (places inside it not counted).',
      constraints: { required: true, minimum: 0 },
    },
  ],
  primaryKey: 'id',
  foreignKeys: [{ fields: 'parent_id', reference: { resource: '', fields: 'id' } }],
  rows: ({ story }) => story.places.map(placeRecord),
  pages: async function* (reader) {
    for await (const places of reader.places()) yield places.map(placeRecord)
  },
}

/** One row of places.csv. */
const placeRecord = (p: Place): CsvRecord => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  parent_id: p.parent_id,
  iso_code: p.iso_code,
  latitude: p.latitude,
  longitude: p.longitude,
  event_count: p.event_count,
})

/** actors.csv: one row per actor a published event names. */
export const ACTORS_TABLE: CsvTable = {
  name: 'actors',
  file: 'actors.csv',
  title: 'Actors',
  summary: 'one row per person or organisation named in the events',
  description:
    'One row per person, organisation, company, government, news medium or group named in a published event, by name. What an actor was in each event (speaker, authority, accused, ...) is in events.csv (actors, actor_ids).',
  fields: [
    {
      name: 'id',
      type: 'string',
      description: 'The actor’s stable id.',
      constraints: { required: true, pattern: ID },
    },
    { name: 'name', type: 'string', description: 'Their name.', constraints: required },
    {
      name: 'kind',
      type: 'string',
      description: 'person, organisation, company, government, media or group.',
      constraints: oneOf(ACTOR_KINDS),
    },
    {
      name: 'description',
      type: 'string',
      description: 'Who they are, in a few words; may be empty.',
    },
    {
      name: 'country',
      type: 'string',
      description: 'Their country (ISO 3166-1 alpha-2), when known.',
      constraints: { pattern: '^[A-Z]{2}$' },
    },
    {
      name: 'event_count',
      type: 'integer',
      description: 'How many published events name them.',
      constraints: { required: true, minimum: 0 },
    },
  ],
  primaryKey: 'id',
  foreignKeys: [],
  rows: ({ actors }) => actors.map(actorRecord),
  pages: async function* (reader) {
    for await (const actors of reader.actors()) yield actors.map(actorRecord)
  },
}

/** One row of actors.csv. */
const actorRecord = (a: Actor): CsvRecord => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  description: a.description,
  country: a.country,
  event_count: a.event_count,
})

/** Every CSV table, in the order the zip and datapackage.json list them. */
export const CSV_TABLES: readonly CsvTable[] = [
  EVENTS_TABLE,
  FIGURES_TABLE,
  PLACES_TABLE,
  ACTORS_TABLE,
]

/** The columns of events.csv, in order. */
export const CSV_COLUMNS = EVENTS_TABLE.fields.map((field) => field.name)

/** `table` as CSV (exports/csv.ts: RFC 4180, the formula guard, `bom` for Excel). */
export function tableCsv(table: CsvTable, source: ExportSource, options: CsvOptions = {}): string {
  return writeCsv(
    table.fields.map((field) => field.name),
    table.rows(source),
    options,
  )
}

/**
 * `table` as CSV text a page of rows at a time, read from `reader`: the same text as tableCsv()
 * gives for the same data (the header, with the byte-order mark when `bom`, then each page).
 */
export async function* tableCsvChunks(
  table: CsvTable,
  reader: ExportReader,
  options: CsvOptions = {},
): AsyncGenerator<string> {
  const columns = table.fields.map((field) => field.name)
  yield csvHeader(columns, options)
  for await (const records of table.pages(reader)) {
    if (records.length) yield csvRecords(columns, records)
  }
}
