// The dataset described in schema.org terms (JSON-LD): a Dataset with its distributions, the
// Events it holds and the Places they happened at.
import type { Story } from '../model'

export function datasetJsonLd(story: Story, origin: string) {
  const api = `${origin}/api/v1`
  const placeId = (id: string) => `${api}/places#${id}`
  const meta = story.story
  const dates = story.events.map((e) => e.date).sort()
  const download = (path: string, encodingFormat: string, name: string) => ({
    '@type': 'DataDownload',
    name,
    contentUrl: `${api}/${path}`,
    encodingFormat,
  })
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${api}/dataset.jsonld`,
    name: meta.title,
    description: meta.dek,
    url: `${origin}/`,
    creditText: meta.credit,
    version: String(meta.data_version),
    dateModified: meta.updated_at,
    inLanguage: 'en',
    isAccessibleForFree: true,
    temporalCoverage: dates.length ? `${dates[0]}/${dates[dates.length - 1]}` : undefined,
    isBasedOn: {
      '@type': 'CreativeWork',
      name: meta.source_title,
      author: { '@type': 'Organization', name: meta.source_outlet },
      ...(meta.source_url ? { url: meta.source_url } : {}),
    },
    keywords: story.categories.map((c) => c.label),
    distribution: [
      download('events.csv', 'text/csv', 'Events (CSV)'),
      download('places.geojson', 'application/geo+json', 'Places (GeoJSON)'),
      download('timeline.json', 'application/json', 'Timeline (TimelineJS JSON)'),
      download('story', 'application/json', 'The whole story (JSON)'),
    ],
    spatialCoverage: story.places.map((p) => ({
      '@type': 'Place',
      '@id': placeId(p.id),
      name: p.name,
      ...(p.iso_code ? { identifier: p.iso_code } : {}),
      ...(p.latitude !== null && p.longitude !== null
        ? { geo: { '@type': 'GeoCoordinates', latitude: p.latitude, longitude: p.longitude } }
        : {}),
      ...(p.parent_id ? { containedInPlace: { '@id': placeId(p.parent_id) } } : {}),
    })),
    about: story.events.map((e) => ({
      '@type': 'Event',
      '@id': `${api}/events/${e.id}`,
      identifier: e.id,
      name: e.headline,
      description: e.summary,
      startDate: e.date,
      url: `${api}/events/${e.id}`,
      location: e.places.map((p) => ({ '@id': placeId(p.id) })),
    })),
  }
}
