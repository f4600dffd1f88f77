// Places as an RFC 7946 GeoJSON FeatureCollection: one Point per place with coordinates,
// [longitude, latitude], carrying the published events linked to it. The terms of reuse travel
// inside the file as top-level foreign members (RFC 7946, 6.1): `license`, `creator`,
// `publisher`, `source` (as in the API's `meta`) and `attribution`, the credit to show.
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { Place, Story, StoryMeta } from '../model'
import { sourceCitation } from '../shared/dataset'
import { jsonChunks, StreamedJson } from './json-stream'
import type { ExportReader } from './reader'

export interface PlaceProperties {
  id: string
  name: string
  kind: string
  iso_code: string | null
  parent_id: string | null
  event_count: number
  events: { id: string; date: string; headline: string; url: string }[]
}

/** The terms of reuse a GeoJSON export carries as foreign members (see the file's header). */
export interface GeoJsonTerms {
  license: { name: string; url: string }
  creator: string
  publisher: string
  source: { outlet: string; title: string; period: string; url: string | null }
  /** The credit to show with any map made from the file. */
  attribution: string
}

/** The terms of reuse of the story `meta`, as the GeoJSON export's foreign members. */
export function geoJsonTerms(meta: StoryMeta): GeoJsonTerms {
  return {
    license: { name: meta.license_name, url: meta.license_url },
    creator: meta.creator,
    publisher: meta.publisher,
    source: {
      outlet: meta.source_outlet,
      title: meta.source_title,
      period: meta.source_period,
      url: meta.source_url,
    },
    attribution: `Data: ${meta.publisher}, ${meta.license_name}, from ${sourceCitation(meta)}.`,
  }
}

/** A place's feature: its Point and properties, with the public events at it (`events`). */
function placeFeature(
  p: Place,
  events: PlaceProperties['events'],
): Feature<Point, PlaceProperties> {
  return {
    type: 'Feature' as const,
    id: p.id,
    geometry: { type: 'Point' as const, coordinates: [p.longitude!, p.latitude!] },
    properties: {
      id: p.id,
      name: p.name,
      kind: p.kind,
      iso_code: p.iso_code,
      parent_id: p.parent_id,
      event_count: events.length,
      events,
    },
  }
}

const located = (p: Place) => p.latitude !== null && p.longitude !== null

/** An event at a place as a feature lists it, its link absolute under `origin`. */
const eventAt = (e: { id: string; date: string; headline: string }, origin: string) => ({
  id: e.id,
  date: e.date,
  headline: e.headline,
  url: `${origin}/api/v1/events/${e.id}`,
})

/**
 * The public places with coordinates as a FeatureCollection (see the file's header); event links
 * are absolute, under `origin` ('https://example.org', no trailing slash).
 */
export function placesGeoJson(
  story: Story,
  origin: string,
): FeatureCollection<Point, PlaceProperties> & GeoJsonTerms {
  const eventsAt = new Map<string, PlaceProperties['events']>()
  for (const e of story.events) {
    for (const p of e.places) {
      const list = eventsAt.get(p.id) ?? []
      list.push(eventAt(e, origin))
      eventsAt.set(p.id, list)
    }
  }
  return {
    type: 'FeatureCollection',
    ...geoJsonTerms(story.story),
    features: story.places.filter(located).map((p) => placeFeature(p, eventsAt.get(p.id) ?? [])),
  }
}

/**
 * The same FeatureCollection as placesGeoJson() as JSON text, read from `reader` a page of
 * places at a time, and each place's events a page at a time: the same text as
 * JSON.stringify(placesGeoJson(...)) for the same data. (A place's `event_count` is the count
 * the database gives with the place, which is the number of its events.)
 */
export function placesGeoJsonChunks(reader: ExportReader): AsyncGenerator<string> {
  const feature = (p: Place) => {
    const { events: _, ...properties } = placeFeature(p, []).properties
    return new StreamedJson(
      { ...placeFeature(p, []), properties: null },
      {
        properties: new StreamedJson(
          { ...properties, event_count: p.event_count, events: null },
          {
            events: async function* () {
              for await (const events of reader.eventsAt(p.id)) {
                yield events.map((e) => eventAt(e, reader.origin))
              }
            },
          },
        ),
      },
    )
  }
  return jsonChunks(
    { type: 'FeatureCollection', ...geoJsonTerms(reader.meta), features: null },
    {
      features: async function* () {
        for await (const places of reader.places()) yield places.filter(located).map(feature)
      },
    },
  )
}
