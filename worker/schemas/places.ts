// Places: countries, provinces (ISO 3166-2), cities and sites, with coordinates.
import { z } from '@hono/zod-openapi'
import { PLACE_KINDS } from '../data/values'
import type { Place, PlaceRef } from '../model'
import { describes, type Describes } from './check'

export { PLACE_KINDS }

export const PlaceRefSchema = z
  .object({
    id: z.string().openapi({ example: 'preah-sihanouk' }),
    name: z.string().openapi({ example: 'Preah Sihanouk' }),
    kind: z.enum(PLACE_KINDS),
    iso_code: z.string().nullable().openapi({
      description: 'ISO 3166-1 alpha-2 for countries, ISO 3166-2 for provinces.',
      example: 'KH-18',
    }),
    latitude: z.number().nullable().openapi({ example: 10.60932 }),
    longitude: z.number().nullable().openapi({ example: 103.52958 }),
  })
  .openapi('PlaceRef')

export const PlaceSchema = PlaceRefSchema.extend({
  parent_id: z.string().nullable().openapi({ description: 'The place this one lies in.' }),
  event_count: z.number().int().openapi({ description: 'Published events linked to this place.' }),
}).openapi('Place')

describes<Describes<typeof PlaceRefSchema, PlaceRef>>(true)
describes<Describes<typeof PlaceSchema, Place>>(true)
