// GET /api/v1/places: every place with its ISO code, coordinates and event count.
import { createRoute } from '@hono/zod-openapi'
import { getStoryMeta, listPlaces } from '../db'
import { createApi } from '../lib/api'
import { cachedResponse } from '../http/cache'
import { listBody } from '../lib/meta'
import { readSession } from '../lib/session'
import { errors, listOf, ok } from '../schemas/common'
import { PlaceSchema } from '../schemas/places'
import { NoQuery } from '../schemas/query'

export const places = createApi()

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Reference'],
  summary: 'Places: countries, provinces (ISO 3166-2), cities and sites',
  description:
    'Coordinates are WGS 84 degrees. Sites whose exact position is unknown carry the position of the town or province they are in. For a map, /api/v1/places.geojson has the same places as GeoJSON.',
  request: { query: NoQuery },
  responses: { ...ok(listOf(PlaceSchema, 'PlaceList'), 'Every place.'), ...errors() },
})

places.openapi(route, (c) =>
  cachedResponse(c, async () => {
    const db = readSession(c)
    const [data, story] = await Promise.all([listPlaces(db), getStoryMeta(db)])
    return c.json(listBody(c, data, story), 200)
  }),
)
