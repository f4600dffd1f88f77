// Chapters: the story's eras, in order.
import { z } from '@hono/zod-openapi'
import type { Chapter, ChapterSummary } from '../model'
import { describes, type Describes } from './check'

export const ChapterSchema = z
  .object({
    id: z.string().openapi({ example: 'crackdown' }),
    position: z.number().int(),
    title: z.string(),
    dek: z.string(),
    start_date: z.string().openapi({ format: 'date' }),
    end_date: z.string().openapi({ format: 'date' }),
  })
  .openapi('Chapter')

export const ChapterSummarySchema = ChapterSchema.extend({
  event_count: z.number().int().openapi({ description: 'Published events in the chapter.' }),
}).openapi('ChapterSummary')

describes<Describes<typeof ChapterSchema, Chapter>>(true)
describes<Describes<typeof ChapterSummarySchema, ChapterSummary>>(true)
