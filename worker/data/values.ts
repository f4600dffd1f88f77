// The fixed value lists of the story's data, each the same list as the CHECK constraint of its
// column in migrations/0001_schema.sql, typed as a union. Plain constants, no imports and no zod:
// the table registry, the public and write schemas, the admin options and the page all use these.

/** How exactly the source qualified a number ("more than 1,480", "at least 2,000"). */
export const QUALIFIERS = [
  'exactly',
  'more than',
  'over',
  'at least',
  'nearly',
  'about',
  'as many as',
  'up to',
] as const
/** One of {@link QUALIFIERS}. */
export type Qualifier = (typeof QUALIFIERS)[number]

/** What a figure counts in. */
export const UNITS = [
  'people',
  'complaints',
  'cases',
  'requests',
  'suspects',
  'USD',
  'subscribers',
  'percent',
  'reports',
  'nationalities',
  'articles',
  'buildings',
  'provinces',
  'years',
  'days',
] as const
/** One of {@link UNITS}. */
export type Unit = (typeof UNITS)[number]

/**
 * The units that count people or things: a figure in one of them is a whole number (2.5 people is
 * no count). Money (USD), shares (percent) and spans of time (years, days) may have fractions.
 */
export const COUNT_UNITS = [
  'people',
  'complaints',
  'cases',
  'requests',
  'suspects',
  'subscribers',
  'reports',
  'nationalities',
  'articles',
  'buildings',
  'provinces',
] as const satisfies readonly Unit[]

/** Whether a figure in `unit` counts people or things, so must be a whole number. */
export const isCountUnit = (unit: unknown): boolean =>
  (COUNT_UNITS as readonly unknown[]).includes(unit)

/** What a figure measures (people "rescued", "held captive", complaints, ...). */
export const MEASURES = [
  'rescued',
  'released',
  'returned',
  'escaped',
  'stranded',
  'held captive',
  'complaints',
  'cases',
  'suspects',
  'victims',
  'requests',
  'lost',
  'subscribers',
  'confirmed',
  'raided',
  'reports',
  'detained',
  'charged',
  'nationalities',
  'published',
  'deaths',
  'sentence',
  'duration',
  'decline',
] as const
/** One of {@link MEASURES}. */
export type Measure = (typeof MEASURES)[number]

/** Kinds of place: a province carries its ISO 3166-2 code. */
export const PLACE_KINDS = ['country', 'province', 'city', 'site'] as const
/** One of {@link PLACE_KINDS}. */
export type PlaceKind = (typeof PLACE_KINDS)[number]

/** Kinds of actor. */
export const ACTOR_KINDS = [
  'person',
  'organisation',
  'company',
  'government',
  'media',
  'group',
] as const
/** One of {@link ACTOR_KINDS}. */
export type ActorKind = (typeof ACTOR_KINDS)[number]

/** What an actor was in an event. */
export const ACTOR_ROLES = [
  'speaker',
  'subject',
  'authority',
  'owner',
  'victim',
  'accused',
  'investigator',
  'host',
  'attendee',
  'partner',
  'target',
  'source',
] as const
/** One of {@link ACTOR_ROLES}. */
export type ActorRole = (typeof ACTOR_ROLES)[number]

/** Kinds of outlet: news outlets, official channels, social accounts, organisations. */
export const OUTLET_KINDS = ['news', 'official', 'social', 'organisation'] as const
/** One of {@link OUTLET_KINDS}. */
export type OutletKind = (typeof OUTLET_KINDS)[number]

/** How an outlet stands to an event (CamboJA's review "compiled" every event). */
export const OUTLET_ROLES = ['published', 'reported', 'statement', 'compiled'] as const
/** One of {@link OUTLET_ROLES}. */
export type OutletRole = (typeof OUTLET_ROLES)[number]

/** Kinds of editor's note: a correction keeps what the source said. */
export const NOTE_KINDS = ['correction', 'context'] as const
/** One of {@link NOTE_KINDS}. */
export type NoteKind = (typeof NOTE_KINDS)[number]

/** How precise an event's date is. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const
/** One of {@link DATE_PRECISIONS}. */
export type DatePrecision = (typeof DATE_PRECISIONS)[number]

/** An event is a draft until an editor publishes it. */
export const EVENT_STATUSES = ['draft', 'published'] as const
/** One of {@link EVENT_STATUSES}. */
export type EventStatus = (typeof EVENT_STATUSES)[number]

/** The fixed lists the editor's forms offer (GET /api/v1/admin/options), by the names it gives them. */
export const FORM_VALUES = {
  qualifiers: QUALIFIERS,
  units: UNITS,
  measures: MEASURES,
  note_kinds: NOTE_KINDS,
  outlet_roles: OUTLET_ROLES,
  actor_roles: ACTOR_ROLES,
} as const

/** What one revision of the audit trail records. */
export const REVISION_ACTIONS = ['insert', 'update', 'delete'] as const
/** One of {@link REVISION_ACTIONS}. */
export type RevisionAction = (typeof REVISION_ACTIONS)[number]

/** What becomes of a writer's proposal (migrations/0019_proposals.sql). */
export const PROPOSAL_STATUSES = ['open', 'applied', 'declined', 'withdrawn'] as const
/** One of {@link PROPOSAL_STATUSES}. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

/** Ids are slugs: lowercase letters, digits and hyphens, at most 80 characters. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/

/** The most characters an event's body may hold (the write API's rule, shown by the editor page). */
export const EVENT_BODY_MAX = 20_000

/** The largest request body the write API reads, in bytes (64 KB): larger ones get 413. */
export const MAX_WRITE_BYTES = 64 * 1024

/** The largest body of a bulk import (a whole CSV file), in bytes (1 MB): larger ones get 413. */
export const MAX_IMPORT_BYTES = 1024 * 1024

/** The story's year: an event's date must lie in it (YYYY-MM-DD, both ends included). */
export const STORY_FROM = '2022-07-01'
/** The last day of the story's year. */
export const STORY_TO = '2023-06-30'

/**
 * An event's own columns that an editor writes, in the order its forms show them: the writable
 * columns of `events` in the table registry (data/tables.ts), listed here without zod so the
 * editor page can use them. tests/worker/editor-words.test.ts holds the two lists equal.
 */
export const EVENT_FIELDS = [
  'id',
  'date',
  'date_precision',
  'headline',
  'summary',
  'body',
  'category',
  'chapter',
] as const

/**
 * Who an editor token is for, as its name is written in every revision it makes: 1 to 80
 * characters, starting with a letter or digit, then letters with their marks (Khmer vowel signs
 * and subscripts are marks, Unicode category M), digits, spaces and . _ @ - ' ’. The command line
 * (worker/cli/editor-tokens.ts) and POST /api/v1/admin/tokens both use it.
 */
export const EDITOR_NAME = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._@'’-]{0,79}$/u
/**
 * An editor's name as it is stored and compared: Unicode NFC (so a letter typed as one code point
 * or as a base and a mark is one name), spaces at either end dropped and runs of white space made
 * one space. The command line and POST /api/v1/admin/tokens both apply it before EDITOR_NAME.
 */
export function normaliseEditorName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ')
}
/** What {@link EDITOR_NAME} asks for, in a sentence. */
export const EDITOR_NAME_RULE =
  "a name is 1 to 80 characters: letters (with their accents and vowel signs, as in Khmer), digits, spaces and . _ @ - ' ’, starting with a letter or digit"
