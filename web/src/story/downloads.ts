// The data a reader or partner can take away. The partner API serves each of these.
export interface Download {
  href: string
  label: string
  format: string
  mediaType: string
  description: string
}

export const DOWNLOADS: readonly Download[] = [
  {
    href: '/api/v1/events.csv',
    label: 'Events (CSV)',
    format: 'CSV',
    mediaType: 'text/csv',
    description:
      'One row per event: date, headline, summary, category, chapter, places and outlets.',
  },
  {
    href: '/api/v1/places.geojson',
    label: 'Places (GeoJSON)',
    format: 'GeoJSON',
    mediaType: 'application/geo+json',
    description: 'Every place with its coordinates and the events that happened there.',
  },
  {
    href: '/api/v1/timeline.json',
    label: 'Timeline (TimelineJS JSON)',
    format: 'TimelineJS JSON',
    mediaType: 'application/json',
    description: 'The whole story in the format Knight Lab’s TimelineJS reads.',
  },
  {
    href: '/api/v1/story',
    label: 'The whole story (JSON)',
    format: 'JSON',
    mediaType: 'application/json',
    description: 'Everything on this page: events, figures, quotes, notes, places and chapters.',
  },
]

export const API_DOCS = { href: '/api/docs', label: 'API documentation' } as const
