// Categories: what kind of thing happened.
import { z } from '@hono/zod-openapi'
import type { Category, CategorySummary } from '../model'
import { describes, type Describes } from './check'

export const CategorySchema = z
  .object({
    id: z.string().openapi({ example: 'enforcement' }),
    label: z.string().openapi({ example: 'Enforcement' }),
    description: z.string(),
    position: z.number().int(),
  })
  .openapi('Category')

export const CategorySummarySchema = CategorySchema.extend({
  event_count: z.number().int().openapi({ description: 'Published events in the category.' }),
}).openapi('CategorySummary')

describes<Describes<typeof CategorySchema, Category>>(true)
describes<Describes<typeof CategorySummarySchema, CategorySummary>>(true)
