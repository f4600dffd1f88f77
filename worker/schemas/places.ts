// Places: countries, provinces (ISO 3166-2), cities and sites, with coordinates.
import { z } from '@hono/zod-openapi'
import { publicShape, refShape } from '../data/tables'
import { PLACE_KINDS } from '../data/values'
import type { Place, PlaceRef } from '../model'
import { describes, type Describes } from './check'

export { PLACE_KINDS }

export const PlaceRefSchema = z.object(refShape('places')).openapi('PlaceRef')

/** The public columns of a place beyond those of a PlaceRef (its parent). */
const beyondRef = Object.fromEntries(
  Object.entries(publicShape('places')).filter(([column]) => !(column in PlaceRefSchema.shape)),
) as Omit<ReturnType<typeof publicShape<'places'>>, keyof typeof PlaceRefSchema.shape>

export const PlaceSchema = PlaceRefSchema.extend({
  ...beyondRef,
  event_count: z.number().int().openapi({ description: 'Published events linked to this place.' }),
}).openapi('Place')

describes<Describes<typeof PlaceRefSchema, PlaceRef>>(true)
describes<Describes<typeof PlaceSchema, Place>>(true)
