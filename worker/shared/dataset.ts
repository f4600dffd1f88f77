// The story's data described in schema.org terms, built once for both places that publish it:
// the page's head (a summary, next to the NewsArticle) and /api/v1/dataset.jsonld (the full
// description, with every Event and Place). Both describe the same node (one `@id`), with the
// same name, distributions, source and terms of reuse (licence, creator, publisher, citation).
// Pure TypeScript; the model is imported for its types.
import type { Place, Story, StoryEvent, StoryMeta } from '../model'
import { API_BASE, downloadHref, listedDownloads } from './downloads'

/** The article the data comes from, as a schema.org NewsArticle (for `isBasedOn`). */
export function sourceArticle(meta: StoryMeta): Record<string, unknown> {
  const outlet = { '@type': 'Organization', name: meta.source_outlet }
  return {
    '@type': 'NewsArticle',
    headline: meta.source_title,
    author: outlet,
    publisher: outlet,
    ...(meta.source_url ? { url: meta.source_url } : {}),
  }
}

/**
 * The source article as one line of text for a citation: outlet, “title”, period and address
 * ('Cambodian Journalists Alliance Association (CamboJA), “Year in Review: …”, July 2022 to June
 * 2023, https://…'). The article gives no publication date, so none is cited.
 */
export function sourceCitation(meta: StoryMeta): string {
  const parts = [meta.source_outlet, `“${meta.source_title}”`, meta.source_period]
  if (meta.source_url) parts.push(meta.source_url)
  return parts.join(', ')
}

/**
 * Who made the dataset and on what terms, in schema.org terms: its `license` (the licence's URL),
 * `creator` and `publisher` (Organizations) and its `citation` (the source article, cited).
 */
export function provenance(meta: StoryMeta): Record<string, unknown> {
  return {
    license: meta.license_url,
    creator: { '@type': 'Organization', name: meta.creator },
    publisher: { '@type': 'Organization', name: meta.publisher },
    citation: sourceCitation(meta),
  }
}

/** The span of the story's events as an ISO 8601 interval ('2022-07-13/2023-06-16'), if any. */
export function temporalCoverage(story: Pick<Story, 'events'>): string | undefined {
  const dates = story.events.map((e) => e.date).sort()
  return dates.length ? `${dates[0]}/${dates[dates.length - 1]}` : undefined
}

/** What the Dataset's summary says of the data: its row, categories, event count and span. */
export interface DatasetFacts {
  meta: StoryMeta
  categories: readonly { label: string }[]
  /** How many public events there are. */
  eventCount: number
  /** The span of their dates as an ISO 8601 interval (temporalCoverage), if any. */
  coverage: string | undefined
}

/**
 * The schema.org Dataset for a story served at `origin` (e.g. 'https://example.org', no
 * trailing slash), as a page's head carries it: its name, source, coverage and distributions,
 * with Cambodia as its place; the full description its `@id` points at adds the rest.
 */
export function datasetSummary(story: Story, origin: string): Record<string, unknown> {
  return datasetSummaryOf(
    {
      meta: story.story,
      categories: story.categories,
      eventCount: story.events.length,
      coverage: temporalCoverage(story),
    },
    origin,
  )
}

/** datasetSummary() from the facts it needs (so a streamed export need not hold the events). */
export function datasetSummaryOf(facts: DatasetFacts, origin: string): Record<string, unknown> {
  const { meta } = facts
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${origin}${API_BASE}/dataset.jsonld`,
    name: meta.title,
    description: `${facts.eventCount} dated events with their places, outlets, figures, quotes and editor’s notes, from ${meta.source_outlet}’s “${meta.source_title}” (${meta.source_period}).`,
    url: `${origin}/#data`,
    creditText: meta.credit,
    ...provenance(meta),
    version: String(meta.data_version),
    dateModified: meta.updated_at,
    inLanguage: 'en',
    isAccessibleForFree: true,
    temporalCoverage: facts.coverage,
    isBasedOn: sourceArticle(meta),
    keywords: facts.categories.map((c) => c.label),
    distribution: listedDownloads().map((d) => ({
      '@type': 'DataDownload',
      name: d.label,
      encodingFormat: d.mediaType,
      contentUrl: `${origin}${downloadHref(d)}`,
    })),
    spatialCoverage: { '@type': 'Place', name: 'Cambodia' },
  }
}

const placeId = (api: string, id: string) => `${api}/places#${id}`

/** A public place as a schema.org Place of the full Dataset; `api` is the API's absolute base. */
export function placeNode(p: Place, api: string): Record<string, unknown> {
  return {
    '@type': 'Place',
    '@id': placeId(api, p.id),
    name: p.name,
    ...(p.iso_code ? { identifier: p.iso_code } : {}),
    ...(p.latitude !== null && p.longitude !== null
      ? { geo: { '@type': 'GeoCoordinates', latitude: p.latitude, longitude: p.longitude } }
      : {}),
    ...(p.parent_id ? { containedInPlace: { '@id': placeId(api, p.parent_id) } } : {}),
  }
}

/** A public event as a schema.org Event of the full Dataset; `api` is the API's absolute base. */
export function eventNode(
  e: Pick<StoryEvent, 'id' | 'headline' | 'summary' | 'date'> & { places: { id: string }[] },
  api: string,
): Record<string, unknown> {
  return {
    '@type': 'Event',
    '@id': `${api}/events/${e.id}`,
    identifier: e.id,
    name: e.headline,
    description: e.summary,
    startDate: e.date,
    url: `${api}/events/${e.id}`,
    location: e.places.map((p) => ({ '@id': placeId(api, p.id) })),
  }
}

/**
 * The full Dataset (/api/v1/dataset.jsonld): the summary's node with every Place as its
 * spatialCoverage (coordinates, ISO code, containment) and every Event it is about.
 */
export function datasetFull(story: Story, origin: string): Record<string, unknown> {
  const api = `${origin}${API_BASE}`
  return {
    ...datasetSummary(story, origin),
    spatialCoverage: story.places.map((p) => placeNode(p, api)),
    about: story.events.map((e) => eventNode(e, api)),
  }
}
