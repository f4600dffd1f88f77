// The data a reader or partner can take away, in one list: the page's "The data" section, the
// schema.org Dataset's distributions (page head and /api/v1/dataset.jsonld) and the export
// routes (worker/routes/exports.ts) all read it. Pure data, no platform types.

/** Where the public API lives under the site's origin. */
export const API_BASE = '/api/v1'

/** How an export route serves a download (absent for downloads other routes serve). */
export interface ExportRoute {
  /**
   * The Content-Type header, with its parameters: 'text/csv; charset=utf-8; header=present'. Every
   * download whose media type is text/csv also takes `?bom=1` (worker/routes/exports.ts).
   */
  contentType: string
  /** Offered to browsers under this file name (Content-Disposition). */
  filename: string
  /** The route's one-line summary in the OpenAPI document. */
  summary: string
}

export interface Download {
  /** Stable key, e.g. 'events-csv' (export routes find their renderer by it). */
  id: string
  /** Path under API_BASE, e.g. '/events.csv'. */
  path: string
  /** The link's text: 'Events (CSV)'. */
  label: string
  /** The format's name: 'CSV', 'GeoJSON', ... */
  format: string
  /** The media type without parameters (schema.org `encodingFormat`): 'text/csv'. */
  mediaType: string
  /** One sentence for readers: what the file holds. */
  description: string
  /**
   * Listed for readers and as a Dataset distribution. False for the dataset's own description
   * (dataset.jsonld), which is metadata about the data rather than a copy of it.
   */
  listed: boolean
  /** Set when worker/routes/exports.ts serves it. */
  route?: ExportRoute
}

export const DOWNLOADS = [
  {
    id: 'events-csv',
    path: '/events.csv',
    label: 'Events (CSV)',
    format: 'CSV',
    mediaType: 'text/csv',
    description:
      'One row per event: date, headline, summary, category, chapter, places and outlets.',
    listed: true,
    route: {
      contentType: 'text/csv; charset=utf-8; header=present',
      filename: 'year-in-review-events.csv',
      summary: 'Events as CSV (RFC 4180), one row per event',
    },
  },
  {
    id: 'figures-csv',
    path: '/figures.csv',
    label: 'Figures (CSV)',
    format: 'CSV',
    mediaType: 'text/csv',
    description:
      'One row per figure: the number, its qualifier, unit and measure, its event, place and period.',
    listed: true,
    route: {
      contentType: 'text/csv; charset=utf-8; header=present',
      filename: 'year-in-review-figures.csv',
      summary: 'Figures as CSV (RFC 4180), one row per figure',
    },
  },
  {
    id: 'places-csv',
    path: '/places.csv',
    label: 'Places (CSV)',
    format: 'CSV',
    mediaType: 'text/csv',
    description:
      'One row per place: its kind, ISO 3166 code, coordinates, the place it lies in and its events.',
    listed: true,
    route: {
      contentType: 'text/csv; charset=utf-8; header=present',
      filename: 'year-in-review-places.csv',
      summary: 'Places as CSV (RFC 4180), one row per place',
    },
  },
  {
    id: 'actors-csv',
    path: '/actors.csv',
    label: 'Actors (CSV)',
    format: 'CSV',
    mediaType: 'text/csv',
    description:
      'One row per person or organisation named in the events, with its kind and country.',
    listed: true,
    route: {
      contentType: 'text/csv; charset=utf-8; header=present',
      filename: 'year-in-review-actors.csv',
      summary: 'Actors as CSV (RFC 4180), one row per actor',
    },
  },
  {
    id: 'places-geojson',
    path: '/places.geojson',
    label: 'Places (GeoJSON)',
    format: 'GeoJSON',
    mediaType: 'application/geo+json',
    description: 'Every place with its coordinates and the events that happened there.',
    listed: true,
    route: {
      contentType: 'application/geo+json',
      filename: 'year-in-review-places.geojson',
      summary: 'Places as GeoJSON (RFC 7946), with the events at each',
    },
  },
  {
    id: 'timeline-json',
    path: '/timeline.json',
    label: 'Timeline (TimelineJS JSON)',
    format: 'TimelineJS JSON',
    mediaType: 'application/json',
    description: 'The whole story in the format Knight Lab’s TimelineJS reads.',
    listed: true,
    route: {
      contentType: 'application/json',
      filename: 'year-in-review-timeline.json',
      summary: 'The story as Knight Lab TimelineJS JSON',
    },
  },
  {
    id: 'data-zip',
    path: '/data.zip',
    label: 'Everything (zip, with a data package)',
    format: 'ZIP',
    mediaType: 'application/zip',
    description:
      'Every CSV and the GeoJSON in one file, with a Frictionless datapackage.json describing each and a README.',
    listed: true,
    route: {
      contentType: 'application/zip',
      filename: 'year-in-review-data.zip',
      summary: 'Every CSV, the GeoJSON, datapackage.json and a README in one zip',
    },
  },
  {
    id: 'dataset-jsonld',
    path: '/dataset.jsonld',
    label: 'Dataset description (schema.org JSON-LD)',
    format: 'JSON-LD',
    mediaType: 'application/ld+json',
    description: 'The dataset, its events and its places described in schema.org terms.',
    listed: false,
    route: {
      contentType: 'application/ld+json',
      filename: 'year-in-review-dataset.jsonld',
      summary: 'The dataset as schema.org JSON-LD (Dataset, Event, Place)',
    },
  },
  {
    id: 'story-json',
    path: '/story',
    label: 'The whole story (JSON)',
    format: 'JSON',
    mediaType: 'application/json',
    description: 'Everything on this page: events, figures, quotes, notes, places and chapters.',
    listed: true,
  },
] as const satisfies readonly Download[]

/** The id of any download in the list. */
export type DownloadId = (typeof DOWNLOADS)[number]['id']

/** The downloads served by the export routes, by id. */
export type ExportId = Extract<(typeof DOWNLOADS)[number], { route: ExportRoute }>['id']

/** A download's address under the site's origin: '/api/v1/events.csv'. */
export function downloadHref(download: Pick<Download, 'path'>): string {
  return `${API_BASE}${download.path}`
}

/** The downloads offered to readers and listed as the Dataset's distributions, in order. */
export function listedDownloads(): Download[] {
  return DOWNLOADS.filter((d) => d.listed)
}

/** Where the public API's documentation lives, for the page's list of downloads. */
export const API_DOCS = { href: '/api/docs', label: 'API documentation' } as const
