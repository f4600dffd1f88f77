// What editors may write: one schema per table, built from the same lists as the public schemas and
// the same rules as the database's CHECK constraints. Create bodies are strict objects; a PATCH body
// is a JSON merge patch (RFC 7396) of the same fields: every field optional, null clears a
// nullable field.
import { z } from '@hono/zod-openapi'
import { ACTOR_KINDS, ACTOR_ROLES } from './actors'
import { MEASURES, QUALIFIERS, UNITS } from './figures'
import { OUTLET_KINDS, OUTLET_ROLES } from './outlets'
import { PLACE_KINDS } from './places'
import { ID_PATTERN } from './query'

const slug = (what: string, example: string) =>
  z
    .string({
      error: `${what} is required: lowercase letters, digits and hyphens, such as "${example}".`,
    })
    .regex(
      ID_PATTERN,
      `${what} must be lowercase letters, digits and hyphens, such as "${example}".`,
    )
const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(
      min,
      min === 1 ? `${what} must not be empty.` : `${what} needs at least ${min} characters.`,
    )
    .max(max, `${what} must be at most ${max} characters.`)
const optionalText = (what: string, max: number) => text(what, 0, max).nullable().optional()
const date = (what: string) =>
  z.iso.date({
    error: `${what} must be a real calendar date written YYYY-MM-DD, such as 2022-09-19.`,
  })
const oneOf = <const T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { error: `${what} must be one of: ${values.join(', ')}.` })
const country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code in capitals, such as KH.')
  .nullable()
  .optional()
const https = z
  .string()
  .url('url must be a full address.')
  .startsWith('https://', 'url must start with https://.')
  .nullable()
  .optional()
const position = z.number().int('position must be a whole number.').min(0).max(10_000).optional()

export const EVENT_STORY_FROM = '2022-07-01'
export const EVENT_STORY_TO = '2023-06-30'

export const EventWrite = z.strictObject({
  id: slug('id', '2023-07-01-new-event').min(3).max(80),
  date: date('date').refine(
    (d) => d >= EVENT_STORY_FROM && d <= EVENT_STORY_TO,
    `date must lie in the story's year, from ${EVENT_STORY_FROM} to ${EVENT_STORY_TO}.`,
  ),
  date_precision: oneOf('date_precision', ['day', 'month', 'year']).optional(),
  headline: text('headline', 1, 200),
  summary: text('summary', 1, 1000),
  body: text('body', 0, 20_000).optional(),
  category: slug('category', 'enforcement'),
  chapter: slug('chapter', 'crackdown'),
})

const linkList = <const R extends readonly [string, ...string[]]>(what: string, roles: R) =>
  z
    .array(z.strictObject({ id: slug(`${what} id`, 'vod'), role: oneOf(`${what} role`, roles) }))
    .max(50, `An event takes at most 50 ${what}s.`)

/** An event's PATCH also replaces its lists of places, outlets and actors. */
export const EventPatch = EventWrite.omit({ id: true })
  .partial()
  .extend({
    places: z
      .array(slug('place id', 'kandal'))
      .max(50, 'An event takes at most 50 places.')
      .optional(),
    outlets: linkList('outlet', OUTLET_ROLES).optional(),
    actors: linkList('actor', ACTOR_ROLES).optional(),
  })
  .strict()

export const FigureWrite = z.strictObject({
  event_id: slug('event_id', '2022-09-19-sar-kheng-289-complaints'),
  position,
  value: z.number({ error: 'value must be a number.' }).finite(),
  value_max: z.number({ error: 'value_max must be a number.' }).finite().nullable().optional(),
  qualifier: oneOf('qualifier', QUALIFIERS),
  unit: oneOf('unit', UNITS),
  measure: oneOf('measure', MEASURES),
  subject: optionalText('subject', 160),
  nationality: optionalText('nationality', 60),
  place_id: slug('place_id', 'kandal').nullable().optional(),
  period: optionalText('period', 80),
  period_start: date('period_start').nullable().optional(),
  period_end: date('period_end').nullable().optional(),
  display: text('display', 1, 200),
})

export const NoteWrite = z.strictObject({
  event_id: slug('event_id', '2022-09-19-sar-kheng-289-complaints'),
  position,
  kind: oneOf('kind', ['correction', 'context']),
  field: optionalText('field', 40),
  text: text('text', 1, 1000),
  source_said: optionalText('source_said', 400),
})

export const QuoteWrite = z.strictObject({
  event_id: slug('event_id', '2022-09-19-sar-kheng-289-complaints'),
  position,
  speaker_id: slug('speaker_id', 'sar-kheng'),
  text: text('text', 1, 400),
  outlet_id: slug('outlet_id', 'vod').nullable().optional(),
})

export const PlaceWrite = z.strictObject({
  id: slug('id', 'kampot'),
  name: text('name', 1, 120),
  kind: oneOf('kind', PLACE_KINDS),
  parent_id: slug('parent_id', 'cambodia').nullable().optional(),
  iso_code: z
    .string()
    .regex(
      /^[A-Z]{2}(-[0-9A-Z]{1,3})?$/,
      'iso_code must be ISO 3166 (KH, or KH-18 for a province).',
    )
    .nullable()
    .optional(),
  latitude: z
    .number()
    .min(-90)
    .max(90, 'latitude must lie between -90 and 90.')
    .nullable()
    .optional(),
  longitude: z
    .number()
    .min(-180)
    .max(180, 'longitude must lie between -180 and 180.')
    .nullable()
    .optional(),
})

export const ActorWrite = z.strictObject({
  id: slug('id', 'sar-kheng'),
  name: text('name', 1, 160),
  kind: oneOf('kind', ACTOR_KINDS),
  description: text('description', 0, 300).optional(),
  country,
})

export const OutletWrite = z.strictObject({
  id: slug('id', 'vod'),
  name: text('name', 1, 120),
  kind: oneOf('kind', OUTLET_KINDS),
  country,
  url: https,
})

export const ChapterWrite = z.strictObject({
  id: slug('id', 'crackdown'),
  position: z.number().int('position must be a whole number.').min(1),
  title: text('title', 1, 120),
  dek: text('dek', 1, 600),
  start_date: date('start_date'),
  end_date: date('end_date'),
})

export const StoryPatch = z
  .strictObject({
    title: text('title', 1, 200),
    dek: text('dek', 1, 600),
    credit: text('credit', 1, 400),
    source_outlet: text('source_outlet', 1, 200),
    source_title: text('source_title', 1, 300),
    source_period: text('source_period', 1, 100),
    source_published: date('source_published').nullable(),
    source_url: https,
  })
  .partial()

/** A create body's fields, all optional, as a merge patch. */
export const patchOf = <S extends z.ZodObject>(schema: S, immutable: string[]) =>
  schema
    .omit(Object.fromEntries(immutable.map((k) => [k, true])) as never)
    .partial()
    .strict()
