// Exports partners can use as they are: CSV, GeoJSON, TimelineJS JSON and schema.org JSON-LD.
import { createRoute, type z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getStory } from '../db'
import { eventsCsv } from '../exports/csv'
import { placesGeoJson } from '../exports/geojson'
import { storyTimeline } from '../exports/timeline'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { apiProblem } from '../lib/problem'
import { readSession } from '../lib/session'
import type { AppEnv } from '../lib/types'
import type { Story } from '../model'
import { datasetFull } from '../shared/dataset'
import { DOWNLOADS, type ExportId, type ExportRoute } from '../shared/downloads'
import { errors, ok } from '../schemas/common'
import { CsvSchema, GeoJsonSchema, JsonLdSchema, TimelineSchema } from '../schemas/exports'
import { NoQuery } from '../schemas/query'

export const exportsApi = createApi()

/** How an export is made and what it looks like in the OpenAPI document. */
interface Renderer {
  schema: z.ZodType
  render: (story: Story, origin: string) => string
}

const json = (value: unknown) => JSON.stringify(value)

/** One renderer for every download the export routes serve (worker/shared/downloads.ts). */
const RENDERERS = {
  'events-csv': { schema: CsvSchema, render: eventsCsv },
  'places-geojson': {
    schema: GeoJsonSchema,
    render: (story, origin) => json(placesGeoJson(story, origin)),
  },
  'timeline-json': { schema: TimelineSchema, render: (story) => json(storyTimeline(story)) },
  'dataset-jsonld': {
    schema: JsonLdSchema,
    render: (story, origin) => json(datasetFull(story, origin)),
  },
} satisfies Record<ExportId, Renderer>

interface Format extends ExportRoute, Renderer {
  path: string
  /** What the file holds, for the OpenAPI document (the download's own sentence). */
  description: string
}

const FORMATS: Format[] = DOWNLOADS.flatMap((download) =>
  'route' in download
    ? [
        {
          path: download.path,
          description: download.description,
          ...download.route,
          ...RENDERERS[download.id],
        },
      ]
    : [],
)

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
        'Content-Type': format.contentType,
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
    description: format.description,
    request: { query: NoQuery },
    responses: {
      ...ok(format.schema, format.summary, format.contentType.split(';')[0]),
      ...errors('no-story'),
    },
  })
  exportsApi.openapi(route, serve(format))
}
