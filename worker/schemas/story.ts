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
import { ID_PATTERN, strictQuery } from './query'

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

/** GET /api/v1/story's query: nothing for the whole story, or `chapter` for one chapter's part. */
export const StoryQuery = strictQuery({
  chapter: z
    .string()
    .regex(
      ID_PATTERN,
      'chapter must be a chapter’s id: lowercase letters, digits and hyphens, such as "crackdown". The ids are listed at /api/v1/chapters.',
    )
    .optional()
    .openapi({
      description:
        'One chapter’s id (as listed at /api/v1/chapters): only that chapter’s events and their figures. Leave it out for the whole story.',
      example: 'crackdown',
    }),
})

describes<Describes<typeof StoryMetaSchema, StoryMeta>>(true)
describes<Describes<typeof StorySchema, Story>>(true)
