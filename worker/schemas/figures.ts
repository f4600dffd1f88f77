// Figures: every number in the story, with its exact qualifier, unit and what it measures.
import { z } from '@hono/zod-openapi'
import type { Figure, FigureWithEvent } from '../model'
import { describes, type Describes } from './check'
import { publicShape } from '../data/tables'
import { MEASURES, QUALIFIERS, UNITS } from '../data/values'
import { enumList, idList, strictQuery } from './query'

// The value lists live in data/values.ts (the same lists as the CHECK constraints of figures).
export { MEASURES, QUALIFIERS, UNITS }

export const FigureSchema = z.object(publicShape('figures')).openapi('Figure')

export const FigureWithEventSchema = FigureSchema.extend({
  event_id: z.string().openapi({ example: '2022-09-19-sar-kheng-289-complaints' }),
}).openapi('FigureWithEvent')

export const FiguresQuery = strictQuery({
  measure: enumList('measure', MEASURES, 'Only figures measuring this.'),
  unit: enumList('unit', UNITS, 'Only figures in this unit.'),
  event: idList(
    'event',
    'events',
    '2022-09-19-sar-kheng-289-complaints',
    'Only figures of this event.',
  ),
  place: idList(
    'place',
    'places',
    'preah-sihanouk',
    'Only figures about this place or a place inside it.',
  ),
})

describes<Describes<typeof FigureSchema, Figure>>(true)
describes<Describes<typeof FigureWithEventSchema, FigureWithEvent>>(true)
