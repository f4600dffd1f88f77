// Actors: the people, organisations, companies, governments, media and groups in the events.
import { z } from '@hono/zod-openapi'
import { ACTOR_KINDS, ACTOR_ROLES } from '../data/values'
import type { Actor, ActorRef } from '../model'
import { describes, type Describes } from './check'

export { ACTOR_KINDS, ACTOR_ROLES }

export const ActorRefSchema = z
  .object({
    id: z.string().openapi({ example: 'sar-kheng' }),
    name: z.string().openapi({ example: 'Sar Kheng' }),
    kind: z.enum(ACTOR_KINDS),
    role: z.enum(ACTOR_ROLES).openapi({ description: 'What the actor was in this event.' }),
  })
  .openapi('ActorRef')

export const ActorSchema = z
  .object({
    id: z.string().openapi({ example: 'sar-kheng' }),
    name: z.string(),
    kind: z.enum(ACTOR_KINDS),
    description: z.string(),
    country: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2.' }),
    event_count: z
      .number()
      .int()
      .openapi({ description: 'Published events the actor is linked to.' }),
  })
  .openapi('Actor')

describes<Describes<typeof ActorRefSchema, ActorRef>>(true)
describes<Describes<typeof ActorSchema, Actor>>(true)
