// The story: everything the page needs in one response.
import { z } from '@hono/zod-openapi'
import { publicShape } from '../data/tables'
import type { Story, StoryMeta } from '../model'
import { CategorySchema } from './categories'
import { ChapterSchema } from './chapters'
import { describes, type Describes } from './check'
import { MetaSchema } from './common'
import { EventSchema } from './events'
import { FigureWithEventSchema } from './figures'
import { PlaceSchema } from './places'

export const StoryMetaSchema = z.object(publicShape('story')).openapi('StoryMeta')

export const StorySchema = z
  .object({
    story: StoryMetaSchema,
    chapters: z.array(ChapterSchema),
    categories: z.array(CategorySchema),
    events: z.array(EventSchema),
    figures: z.array(FigureWithEventSchema),
    places: z.array(PlaceSchema),
  })
  .openapi('Story')

export const StoryResponseSchema = z
  .object({ data: StorySchema, meta: MetaSchema })
  .openapi('StoryResponse')

describes<Describes<typeof StoryMetaSchema, StoryMeta>>(true)
describes<Describes<typeof StorySchema, Story>>(true)
