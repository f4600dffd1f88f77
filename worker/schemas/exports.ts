// What the export formats look like, for the OpenAPI document. Each format is defined by its
// own standard; these schemas name the parts a partner relies on.
import { z } from '@hono/zod-openapi'
import type { CsvTable } from '../exports/tables'

/** What every CSV export's description says of the format, the formula guard and `?bom=1`. */
export const CSV_NOTE =
  "RFC 4180 CSV in UTF-8: a header row, CRLF line ends, an empty cell for a missing value. Formula guard: a text cell that starts with = + - @ (or their full-width forms, a tab or a carriage return) is written with one leading ' so a spreadsheet does not run it (-40% of complaints is written '-40% of complaints); numbers are never guarded, and the JSON API has every value unchanged. A text cell that already starts with ' gets one more, so to undo the guard drop one leading ' from a text cell whose next character is one of those or '. Add ?bom=1 for Excel. Column types, required columns and keys: the table's schema in datapackage.json (/api/v1/data.zip)."

/** The body of a CSV export: text, described by the table's columns. */
export function csvSchema(table: CsvTable) {
  return z.string().openapi({
    description: `${table.description} Columns: ${table.fields.map((f) => f.name).join(', ')}.`,
  })
}

/** The body of the bulk download: a zip archive. */
export const ZipSchema = z.string().openapi({
  format: 'binary',
  description:
    'A zip archive: README.md, datapackage.json (a Frictionless Data Package describing every file), events.csv, figures.csv, places.csv, actors.csv and places.geojson.',
})

export const GeoJsonSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    license: z.object({ name: z.string(), url: z.string().openapi({ format: 'uri' }) }).openapi({
      description: 'Foreign member (RFC 7946, 6.1): the licence of the data.',
    }),
    creator: z.string().openapi({ description: 'Foreign member: who compiled the data.' }),
    publisher: z.string().openapi({ description: 'Foreign member: who publishes the data.' }),
    source: z
      .object({
        outlet: z.string(),
        title: z.string(),
        period: z.string(),
        url: z.string().nullable().openapi({ format: 'uri' }),
      })
      .openapi({ description: 'Foreign member: the article the data comes from, to credit.' }),
    attribution: z
      .string()
      .openapi({ description: 'Foreign member: the credit to show with a map made from it.' }),
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
