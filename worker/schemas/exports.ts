// What the export formats look like, for the OpenAPI document. Each format is defined by its
// own standard; these schemas name the parts a partner relies on.
import { z } from '@hono/zod-openapi'
import { CSV_COLUMNS } from '../exports/csv'

export const CsvSchema = z.string().openapi({
  description: `RFC 4180 CSV with a header row and one row per published event. Columns: ${CSV_COLUMNS.join(', ')}. Linked lists are joined with "; ".`,
})

export const GeoJsonSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.object({
          type: z.literal('Point'),
          coordinates: z.array(z.number()).openapi({ description: '[longitude, latitude]' }),
        }),
        properties: z.object({
          id: z.string(),
          name: z.string(),
          kind: z.string(),
          iso_code: z.string().nullable(),
          parent_id: z.string().nullable(),
          event_count: z.number().int(),
          events: z.array(
            z.object({ id: z.string(), date: z.string(), headline: z.string(), url: z.string() }),
          ),
        }),
      }),
    ),
  })
  .openapi('PlacesGeoJson', { description: 'RFC 7946 FeatureCollection of places.' })

const TimelineDateSchema = z.object({
  year: z.number().int(),
  month: z.number().int().optional(),
  day: z.number().int().optional(),
  display_date: z.string().optional(),
})
const TimelineTextSchema = z.object({
  headline: z.string().openapi({ description: 'HTML (escaped text).' }),
  text: z.string().openapi({ description: 'Sanitised HTML.' }),
})

export const TimelineSchema = z
  .object({
    title: z.object({ text: TimelineTextSchema, unique_id: z.string() }),
    events: z.array(
      z.object({
        start_date: TimelineDateSchema,
        text: TimelineTextSchema,
        group: z.string().openapi({ description: 'The category label.' }),
        unique_id: z.string().openapi({ description: 'The event’s stable id.' }),
        autolink: z.boolean(),
      }),
    ),
    eras: z.array(
      z.object({
        start_date: TimelineDateSchema,
        end_date: TimelineDateSchema,
        text: TimelineTextSchema,
      }),
    ),
    scale: z.literal('human'),
  })
  .openapi('Timeline', { description: 'Knight Lab TimelineJS3 JSON; the eras are the chapters.' })

export const JsonLdSchema = z
  .object({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('Dataset'),
    name: z.string(),
    distribution: z.array(z.object({ contentUrl: z.string(), encodingFormat: z.string() })),
    spatialCoverage: z.array(z.object({ '@type': z.literal('Place'), '@id': z.string() })),
    about: z.array(z.object({ '@type': z.literal('Event'), '@id': z.string() })),
  })
  .passthrough()
  .openapi('DatasetJsonLd', { description: 'A schema.org Dataset with its Events and Places.' })
