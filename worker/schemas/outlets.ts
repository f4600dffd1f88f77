// Outlets: who reported or published each event.
import { z } from '@hono/zod-openapi'
import { OUTLET_KINDS, OUTLET_ROLES } from '../data/values'
import type { Outlet, OutletRef } from '../model'
import { describes, type Describes } from './check'

export { OUTLET_KINDS, OUTLET_ROLES }

export const OutletRefSchema = z
  .object({
    id: z.string().openapi({ example: 'vice-world-news' }),
    name: z.string().openapi({ example: 'Vice World News' }),
    kind: z.enum(OUTLET_KINDS),
    role: z.enum(OUTLET_ROLES).openapi({ description: 'How the outlet stands to this event.' }),
  })
  .openapi('OutletRef')

export const OutletSchema = z
  .object({
    id: z.string().openapi({ example: 'vice-world-news' }),
    name: z.string(),
    kind: z.enum(OUTLET_KINDS),
    country: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2.' }),
    url: z.string().nullable().openapi({ format: 'uri' }),
    event_count: z
      .number()
      .int()
      .openapi({ description: 'Published events linked to the outlet.' }),
  })
  .openapi('Outlet')

describes<Describes<typeof OutletRefSchema, OutletRef>>(true)
describes<Describes<typeof OutletSchema, Outlet>>(true)
