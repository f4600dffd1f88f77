// Exports partners can use as they are: CSV tables (events, figures, places, actors), GeoJSON,
// TimelineJS JSON, schema.org JSON-LD and the bulk download (a zip with a Frictionless data
// package). Every one is a download of worker/shared/downloads.ts, served here through the same
// cached response (ETags, 304, edge cache, rate limit on misses), with the same CORS and the same
// tracking-parameter rule (lib/canonical.ts); every CSV also takes `?bom=1` for Excel.
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { bundleZipChunks } from '../exports/bundle'
import { placesGeoJsonChunks } from '../exports/geojson'
import { datasetChunks } from '../exports/jsonld'
import { d1Reader, type ExportReader } from '../exports/reader'
import {
  ACTORS_TABLE,
  EVENTS_TABLE,
  FIGURES_TABLE,
  PLACES_TABLE,
  tableCsvChunks,
  type CsvTable,
} from '../exports/tables'
import { timelineChunks } from '../exports/timeline'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { apiProblem } from '../lib/problem'
import { readSession } from '../lib/session'
import { streamOf } from '../lib/stream'
import type { AppEnv } from '../lib/types'
import { DOWNLOADS, type ExportId, type ExportRoute } from '../shared/downloads'
import { errors, ok } from '../schemas/common'
import {
  CSV_NOTE,
  csvSchema,
  GeoJsonSchema,
  JsonLdSchema,
  TimelineSchema,
  ZipSchema,
} from '../schemas/exports'
import { NoQuery, strictQuery } from '../schemas/query'

export const exportsApi = createApi()

/** What an export's request may ask for: `bom` (CSV only) puts a byte-order mark first. */
interface ExportOptions {
  bom: boolean
}

/**
 * How an export is made and what it looks like in the OpenAPI document. `render` writes the body
 * a part at a time from a reader of the public rows (exports/reader.ts), which reads them a page
 * at a time: no export holds the whole story.
 */
interface Renderer {
  schema: z.ZodType
  render: (reader: ExportReader, options: ExportOptions) => AsyncIterable<string | Uint8Array>
  /** False for bodies already compressed (the zip): never sent with a content coding. */
  compressible?: boolean
}

const csv = (table: CsvTable): Renderer => ({
  schema: csvSchema(table),
  render: (reader, options) => tableCsvChunks(table, reader, options),
})

/** One renderer for every download the export routes serve (worker/shared/downloads.ts). */
const RENDERERS = {
  'events-csv': csv(EVENTS_TABLE),
  'figures-csv': csv(FIGURES_TABLE),
  'places-csv': csv(PLACES_TABLE),
  'actors-csv': csv(ACTORS_TABLE),
  'places-geojson': { schema: GeoJsonSchema, render: placesGeoJsonChunks },
  'timeline-json': { schema: TimelineSchema, render: timelineChunks },
  'data-zip': { schema: ZipSchema, render: bundleZipChunks, compressible: false },
  'dataset-jsonld': { schema: JsonLdSchema, render: datasetChunks },
} satisfies Record<ExportId, Renderer>

interface Format extends ExportRoute, Renderer {
  path: string
  /** What the file holds, for the OpenAPI document (the download's own sentence). */
  description: string
  /** Whether it is CSV, and so takes `?bom=1`. */
  csv: boolean
}

const FORMATS: Format[] = DOWNLOADS.flatMap((download) =>
  'route' in download
    ? [
        {
          path: download.path,
          description: download.description,
          csv: download.mediaType === 'text/csv',
          ...download.route,
          ...RENDERERS[download.id],
        },
      ]
    : [],
)

/** The query every CSV export takes: `bom`, and nothing else. */
export const CsvQuery = strictQuery({
  bom: z
    .enum(['0', '1'], { error: 'bom must be 1 (start the file with a byte-order mark) or 0.' })
    .optional()
    .openapi({
      description:
        '1 starts the file with a UTF-8 byte-order mark (EF BB BF), which Excel needs to read the file as UTF-8 (without it, Jürgen opens as JÃ¼rgen). Default 0: no mark, as RFC 4180 tools expect.',
      example: '1',
    }),
})

/** The licence of the data as a Link header (RFC 8288, relation "license" of RFC 4946). */
const licenseLink = (url: string) => `<${url}>; rel="license"`

/**
 * The request as the cache and the ETag see it: `bom=0` asks for the plain file, so it is the
 * plain file's URL (one ETag and one cache entry for the same bytes).
 */
function withoutDefaultBom(c: Context<AppEnv>): void {
  const url = new URL(c.req.url)
  if (url.searchParams.get('bom') !== '0') return
  url.searchParams.delete('bom')
  c.req.raw = new Request(url, c.req.raw)
}

/**
 * The route of one export. The body is streamed (lib/stream.ts): the reader's small start is read
 * here (the story's row, so a database without a story gets its problem before any byte), the
 * pages only as the body is read, so a HEAD or a 304 reads none. The ETag does not hash the body:
 * cachedResponse (http/cache.ts) makes it from what identifies the data, the data version, with
 * the deployment, the origin and the normalised request (the export and its options, `bom`).
 */
function serve(format: Format) {
  return (c: Context<AppEnv>) => {
    withoutDefaultBom(c)
    return cachedResponse(
      c,
      async (fresh) => {
        const reader = await d1Reader(readSession(c), {
          origin: new URL(c.req.url).origin,
          modified: fresh.watermark,
        })
        if (!reader) {
          return apiProblem(
            c,
            'no-story',
            'The database has no story yet. Apply the migrations and try again.',
          )
        }
        const parts = format.render(reader, { bom: c.req.query('bom') === '1' })
        return c.body(streamOf(parts, `${format.path} export`), 200, {
          'Content-Type': format.contentType,
          'Content-Disposition': `${format.compressible === false ? 'attachment' : 'inline'}; filename="${format.filename}"`,
          Link: licenseLink(reader.meta.license_url),
        })
      },
      { compressible: format.compressible ?? true },
    )
  }
}

const LINK_HEADER = {
  Link: {
    description:
      'The licence of the data: `<licence URL>; rel="license"` (RFC 8288; the "license" relation of RFC 4946).',
    schema: { type: 'string' as const },
  },
}

for (const format of FORMATS) {
  const route = createRoute({
    method: 'get',
    path: format.path,
    tags: ['Exports'],
    summary: format.summary,
    description: format.csv ? `${format.description} ${CSV_NOTE}` : format.description,
    request: { query: format.csv ? CsvQuery : NoQuery },
    responses: {
      ...ok(format.schema, format.summary, format.contentType.split(';')[0], LINK_HEADER),
      ...errors('no-story'),
    },
  })
  exportsApi.openapi(route, serve(format))
}
