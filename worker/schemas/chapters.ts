// Chapters: the story's eras, in order.
import { z } from '@hono/zod-openapi'
import { publicShape } from '../data/tables'
import type { Chapter, ChapterSummary } from '../model'
import { describes, type Describes } from './check'

export const ChapterSchema = z.object(publicShape('chapters')).openapi('Chapter')

export const ChapterSummarySchema = ChapterSchema.extend({
  event_count: z.number().int().openapi({ description: 'Published events in the chapter.' }),
}).openapi('ChapterSummary')

describes<Describes<typeof ChapterSchema, Chapter>>(true)
describes<Describes<typeof ChapterSummarySchema, ChapterSummary>>(true)
