// Outlets: who reported or published each event.
import { z } from '@hono/zod-openapi'
import { publicShape, refShape } from '../data/tables'
import { OUTLET_KINDS, OUTLET_ROLES } from '../data/values'
import type { Outlet, OutletRef } from '../model'
import { describes, type Describes } from './check'

export { OUTLET_KINDS, OUTLET_ROLES }

export const OutletRefSchema = z
  .object({ ...refShape('outlets'), ...publicShape('event_outlets') })
  .openapi('OutletRef')

export const OutletSchema = z
  .object({
    ...publicShape('outlets'),
    event_count: z
      .number()
      .int()
      .openapi({ description: 'Published events linked to the outlet.' }),
  })
  .openapi('Outlet')

describes<Describes<typeof OutletRefSchema, OutletRef>>(true)
describes<Describes<typeof OutletSchema, Outlet>>(true)
