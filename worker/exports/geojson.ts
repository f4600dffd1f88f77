// Places as an RFC 7946 GeoJSON FeatureCollection: one Point per place with coordinates,
// [longitude, latitude], carrying the published events linked to it.
import type { FeatureCollection, Point } from 'geojson'
import type { Story } from '../model'

export interface PlaceProperties {
  id: string
  name: string
  kind: string
  iso_code: string | null
  parent_id: string | null
  event_count: number
  events: { id: string; date: string; headline: string; url: string }[]
}

export function placesGeoJson(
  story: Story,
  origin: string,
): FeatureCollection<Point, PlaceProperties> {
  const eventsAt = new Map<string, PlaceProperties['events']>()
  for (const e of story.events) {
    for (const p of e.places) {
      const list = eventsAt.get(p.id) ?? []
      list.push({
        id: e.id,
        date: e.date,
        headline: e.headline,
        url: `${origin}/api/v1/events/${e.id}`,
      })
      eventsAt.set(p.id, list)
    }
  }
  return {
    type: 'FeatureCollection',
    features: story.places.flatMap((p) => {
      if (p.latitude === null || p.longitude === null) return []
      const events = eventsAt.get(p.id) ?? []
      return [
        {
          type: 'Feature' as const,
          id: p.id,
          geometry: { type: 'Point' as const, coordinates: [p.longitude, p.latitude] },
          properties: {
            id: p.id,
            name: p.name,
            kind: p.kind,
            iso_code: p.iso_code,
            parent_id: p.parent_id,
            event_count: events.length,
            events,
          },
        },
      ]
    }),
  }
}
