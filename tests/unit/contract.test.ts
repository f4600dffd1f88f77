// The contract with the page: whatever sceneFor says a step lights, the scene's model draws a
// lit mark for it (the page's browser tests look for these marks in the SVG).
import { describe, expect, test } from 'vitest'
import { buildMapData } from '../../vite-plugin-map-data'
import { eventsSoFar, placeIndex } from '../../web/src/charts/figures'
import { mapModel } from '../../web/src/charts/models/map'
import { numbersModel } from '../../web/src/charts/models/numbers'
import { peopleModel } from '../../web/src/charts/models/people'
import { timelineModel } from '../../web/src/charts/models/timeline'
import { sceneFor } from '../../web/src/charts/scene'
import { buildStory } from './fixtures/story'

const story = buildStory()
const shapes = buildMapData()

/** Ids of the places and figures a scene's model draws as active, for one event. */
function litMarks(eventId: string, width: number, height: number) {
  const event = story.events.find((e) => e.id === eventId)!
  const spec = sceneFor(event, story)
  const places = new Set<string>()
  const figures = new Set<number>()
  const events = new Set<string>()
  if (spec.scene === 'map') {
    const m = mapModel({
      shapes,
      places: story.places,
      activePlaceIds: spec.placeIds,
      figures: story.figures.filter((f) => spec.figureIds.includes(f.id)),
      width,
      height,
    })
    if (m.outline.active) places.add(m.outline.placeId!)
    for (const p of m.provinces) if (p.active) places.add(p.placeId!)
    for (const p of m.points) if (p.active) places.add(p.id)
    for (const b of m.bubbles) {
      places.add(b.placeId)
      figures.add(b.figureId)
    }
    for (const line of m.footer)
      for (const item of line.items) {
        if (item.placeId) places.add(item.placeId)
        if (item.figureId !== null) figures.add(item.figureId)
      }
  } else if (spec.scene === 'people') {
    const m = peopleModel({
      events: eventsSoFar(story, event.id),
      activeFigureIds: spec.figureIds,
      width,
      height,
    })
    for (const b of m.bars) if (b.active) figures.add(b.figureId)
    if (m.scale?.estimate.active) figures.add(m.scale.estimate.figureId)
  } else if (spec.scene === 'numbers') {
    const m = numbersModel({
      events: eventsSoFar(story, event.id),
      places: placeIndex(story),
      activeFigureIds: spec.figureIds,
      width,
      height,
    })
    for (const p of m.panels) for (const b of p.bars) if (b.active) figures.add(b.figureId)
  } else {
    const m = timelineModel({ ...story, activeId: event.id, width, height })
    for (const mark of m.marks) if (mark.active) events.add(mark.id)
    if (m.label) events.add(m.label.eventId)
  }
  return { spec, places, figures, events }
}

describe.each([
  [390, 360],
  [640, 560],
])('at %i x %i every step lights exactly what its spec names', (width, height) => {
  test.each(story.events.map((e) => e.id))('%s', (id) => {
    const { spec, places, figures, events } = litMarks(id, width, height)
    expect([...places].sort()).toEqual([...spec.placeIds].sort())
    expect([...figures].sort()).toEqual([...spec.figureIds].sort())
    if (spec.scene === 'timeline') expect([...events]).toEqual([id])
  })
})
