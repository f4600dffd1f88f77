// Exports partners can use as they are: CSV, GeoJSON, TimelineJS JSON and schema.org JSON-LD.
import { createRoute, type z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getStory } from '../db'
import { eventsCsv } from '../exports/csv'
import { placesGeoJson } from '../exports/geojson'
import { datasetJsonLd } from '../exports/jsonld'
import { storyTimeline } from '../exports/timeline'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { apiProblem } from '../lib/problem'
import { readSession } from '../lib/session'
import type { AppEnv } from '../lib/types'
import type { Story } from '../model'
import { errors, ok } from '../schemas/common'
import { CsvSchema, GeoJsonSchema, JsonLdSchema, TimelineSchema } from '../schemas/exports'
import { NoQuery } from '../schemas/query'

export const exportsApi = createApi()

interface Format {
  path: string
  mediaType: string
  /** Offered as a download under this file name. */
  filename: string
  summary: string
  schema: z.ZodType
  render: (story: Story, origin: string) => string
}

const json = (value: unknown) => JSON.stringify(value)

const FORMATS: Format[] = [
  {
    path: '/events.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    filename: 'year-in-review-events.csv',
    summary: 'Events as CSV (RFC 4180), one row per event',
    schema: CsvSchema,
    render: eventsCsv,
  },
  {
    path: '/places.geojson',
    mediaType: 'application/geo+json',
    filename: 'year-in-review-places.geojson',
    summary: 'Places as GeoJSON (RFC 7946), with the events at each',
    schema: GeoJsonSchema,
    render: (story, origin) => json(placesGeoJson(story, origin)),
  },
  {
    path: '/timeline.json',
    mediaType: 'application/json',
    filename: 'year-in-review-timeline.json',
    summary: 'The story as Knight Lab TimelineJS JSON',
    schema: TimelineSchema,
    render: (story) => json(storyTimeline(story)),
  },
  {
    path: '/dataset.jsonld',
    mediaType: 'application/ld+json',
    filename: 'year-in-review-dataset.jsonld',
    summary: 'The dataset as schema.org JSON-LD (Dataset, Event, Place)',
    schema: JsonLdSchema,
    render: (story, origin) => json(datasetJsonLd(story, origin)),
  },
]

function serve(format: Format) {
  return (c: Context<AppEnv>) =>
    cachedResponse(c, async () => {
      const story = await getStory(readSession(c))
      if (!story) {
        return apiProblem(
          c,
          'no-story',
          'The database has no story yet. Apply the migrations and try again.',
        )
      }
      return c.body(format.render(story, new URL(c.req.url).origin), 200, {
        'Content-Type': format.mediaType,
        'Content-Disposition': `inline; filename="${format.filename}"`,
      })
    })
}

for (const format of FORMATS) {
  const route = createRoute({
    method: 'get',
    path: format.path,
    tags: ['Exports'],
    summary: format.summary,
    request: { query: NoQuery },
    responses: {
      ...ok(format.schema, format.summary, format.mediaType.split(';')[0]),
      ...errors('no-story'),
    },
  })
  exportsApi.openapi(route, serve(format))
}
