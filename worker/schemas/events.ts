// Events: one dated entry of the timeline, with everything linked to it.
import { z } from '@hono/zod-openapi'
import { publicShape } from '../data/tables'
import type { Note, Quote, StoryEvent, Tombstone } from '../model'
import { ActorRefSchema } from './actors'
import { describes, type Describes } from './check'
import { FigureSchema } from './figures'
import { OutletRefSchema } from './outlets'
import { PlaceRefSchema } from './places'
import { ID_PATTERN, idList, isoDate, isoDateTime, pageLimit, strictQuery } from './query'

export const QuoteSchema = z
  .object({
    ...publicShape('quotes'),
    speaker: z.object({ id: z.string(), name: z.string() }),
    outlet: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi('Quote')

export const NoteSchema = z
  .object(publicShape('notes'))
  .openapi('Note', { description: "An editor's note, shown to readers." })

export const EventSchema = z
  .object({
    ...publicShape('events'),
    body_html: z.string().openapi({
      description:
        'The body as HTML, sanitised with an allow-list (p, br, strong, em, b, i, a, ul, ol, li, blockquote, code; links http(s) and mailto only). Safe to insert as HTML.',
    }),
    places: z.array(PlaceRefSchema),
    actors: z.array(ActorRefSchema),
    outlets: z.array(OutletRefSchema),
    figures: z.array(FigureSchema),
    quotes: z.array(QuoteSchema),
    notes: z.array(NoteSchema),
  })
  .openapi('Event')

export const TombstoneSchema = z
  .strictObject({
    id: z.string(),
    deleted: z.literal(true),
    deleted_at: z
      .string()
      .openapi({ format: 'date-time', description: 'When it was deleted or withdrawn.' }),
  })
  .openapi('Tombstone', {
    description:
      'Given only with updated_since: an event that was public and is no longer. Remove it.',
  })

export const EVENT_FIELDS = Object.keys(EventSchema.shape) as (keyof StoryEvent)[]

/**
 * An event of a list: every field of an event, only those asked for with `fields` (id always),
 * and no other (so a tombstone, which has `deleted`, is never read as one).
 */
export const EventListEventSchema = EventSchema.partial()
  .required({ id: true })
  .strict()
  .openapi('EventListEvent', {
    description: 'An event, with only the fields asked for when `fields` is given (id always).',
  })

/**
 * One item of an events list: exactly one of an event or a tombstone (JSON Schema `oneOf`). Both
 * are closed objects, so an item that is neither, such as `{ id, deleted: true }` without
 * `deleted_at`, fails validation against the document instead of passing as a partial event.
 */
export const EventListItemSchema = z.xor([EventListEventSchema, TombstoneSchema]).openapi(
  'EventListItem',
  {
    description:
      'Exactly one of: an event (only the requested fields when `fields` is given; id always), or a tombstone (`deleted: true`, only with updated_since).',
  },
  { unionPreferredType: 'oneOf' },
)

const fieldsMessage = `fields must be a comma-separated list of: ${EVENT_FIELDS.join(', ')}.`
const fields = z
  .preprocess(
    // One list, given once: a repeated `fields` is refused like any single-valued parameter
    // (null fails the array, and the hook in lib/api.ts says it was given more than once).
    (value) =>
      value === undefined
        ? undefined
        : Array.isArray(value)
          ? null
          : String(value)
              .split(',')
              .map((s) => s.trim()),
    z
      .array(z.enum(EVENT_FIELDS as [string, ...string[]], { error: fieldsMessage }))
      .min(1, fieldsMessage),
  )
  .optional()
  .openapi({
    type: 'string',
    description: `Sparse fieldset: a comma-separated list of the fields to return (id is always returned). Any of: ${EVENT_FIELDS.join(', ')}.`,
    example: 'id,date,headline',
  })

/** The parameters that choose which events (the ones a cursor carries). */
export const EVENT_FILTERS = {
  from: isoDate('from', 'Only events on or after this date.', '2022-09-01'),
  to: isoDate('to', 'Only events on or before this date.', '2022-11-30'),
  category: idList('category', 'categories', 'enforcement', 'Only events in this category.'),
  place: idList(
    'place',
    'places',
    'preah-sihanouk',
    'Only events at this place or a place inside it.',
  ),
  actor: idList('actor', 'actors', 'sar-kheng', 'Only events this actor is linked to.'),
  outlet: idList('outlet', 'outlets', 'vice-world-news', 'Only events this outlet is linked to.'),
  q: z
    .string()
    .trim()
    .min(1, 'q must not be empty; leave it out to match every event.')
    .max(200, 'q must be at most 200 characters.')
    .refine((value) => value.split(/\s+/).length <= 10, 'q takes at most 10 words.')
    .optional()
    .openapi({
      pattern: '^\\s*\\S+(\\s+\\S+){0,9}\\s*$',
      description:
        'Words to find (case-insensitive) in the headline, summary, body and linked names of places, actors and outlets. Every word must appear. At most 10 words (separated by white space) and 200 characters; more is refused with 400.',
      example: 'Sihanoukville',
    }),
  updated_since: isoDateTime(
    'updated_since',
    'Sync: only events changed after this moment, plus a tombstone for each event deleted or withdrawn since then.',
    '2023-06-30T00:00:00Z',
  ),
  sort: z
    .enum(['date', '-date'], {
      error: 'sort must be "date" (oldest first) or "-date" (newest first).',
    })
    .optional()
    .openapi({
      description: 'date: oldest first (default); -date: newest first.',
      default: 'date',
    }),
}

export const EventFiltersSchema = z.strictObject(EVENT_FILTERS)

export const EventsQuery = strictQuery({
  ...EVENT_FILTERS,
  fields,
  limit: pageLimit(100),
  cursor: z
    .string()
    .min(
      1,
      'cursor must not be empty: take it from links.next, or leave it out for the first page.',
    )
    .max(4096, 'cursor is too long: use links.next exactly as given.')
    .optional()
    .openapi({
      description:
        'Opaque: take it from links.next. It carries the filters, so it may be used alone.',
    }),
})

export const EventIdParams = z.strictObject({
  id: z
    .string()
    .regex(
      ID_PATTERN,
      'The event id must be lowercase letters, digits and hyphens, such as 2022-09-19-sar-kheng-289-complaints. The ids are listed at /api/v1/events.',
    )
    .openapi({
      param: { name: 'id', in: 'path' },
      description: 'The event’s stable id, as listed at /api/v1/events.',
      example: '2022-09-19-sar-kheng-289-complaints',
    }),
})

describes<Describes<typeof EventSchema, StoryEvent>>(true)
describes<Describes<typeof TombstoneSchema, Tombstone>>(true)
describes<Describes<typeof QuoteSchema, Quote>>(true)
describes<Describes<typeof NoteSchema, Note>>(true)
