// Actors: the people, organisations, companies, governments, media and groups in the events.
import { z } from '@hono/zod-openapi'
import { publicShape, refShape } from '../data/tables'
import { ACTOR_KINDS, ACTOR_ROLES } from '../data/values'
import type { Actor, ActorRef } from '../model'
import { describes, type Describes } from './check'

export { ACTOR_KINDS, ACTOR_ROLES }

export const ActorRefSchema = z
  .object({ ...refShape('actors'), ...publicShape('event_actors') })
  .openapi('ActorRef')

export const ActorSchema = z
  .object({
    ...publicShape('actors'),
    event_count: z
      .number()
      .int()
      .openapi({ description: 'Published events the actor is linked to.' }),
  })
  .openapi('Actor')

describes<Describes<typeof ActorRefSchema, ActorRef>>(true)
describes<Describes<typeof ActorSchema, Actor>>(true)
