// Categories: what kind of thing happened.
import { z } from '@hono/zod-openapi'
import { publicShape } from '../data/tables'
import type { Category, CategorySummary } from '../model'
import { describes, type Describes } from './check'

export const CategorySchema = z.object(publicShape('categories')).openapi('Category')

export const CategorySummarySchema = CategorySchema.extend({
  event_count: z.number().int().openapi({ description: 'Published events in the category.' }),
}).openapi('CategorySummary')

describes<Describes<typeof CategorySchema, Category>>(true)
describes<Describes<typeof CategorySummarySchema, CategorySummary>>(true)
