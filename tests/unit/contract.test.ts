// The contract with the page: whatever sceneFor says a step lights, the scene's model draws a
// lit mark for it (the page's browser tests look for these marks in the SVG). Every scene of the
// list is held to it through its own definition: nothing here names a scene.
import { describe, expect, test } from 'vitest'
import { buildMapData } from '../../vite-plugin-map-data'
import { sceneRegistry } from '../../web/src/charts/scenes'
import type { AnySceneDefinition } from '../../web/src/charts/scenes/types'
import { buildStory } from './fixtures/story'

const story = buildStory()
const assets = { mapShapes: buildMapData() }

/** Ids of the events, places and figures a scene's model draws as active, for one event. */
function litMarks(eventId: string, width: number, height: number) {
  const event = story.events.find((e) => e.id === eventId)!
  const spec = sceneRegistry.sceneFor(event, story)
  const scene: AnySceneDefinition = sceneRegistry.get(spec.scene)
  const content = sceneRegistry.contentFor(spec, event, story)
  const model = scene.model({ story, event, spec, content, width, height, progress: 0, assets })
  return { spec, ...sceneRegistry.lit(spec.scene, model) }
}

describe.each([
  [390, 360],
  [640, 560],
])('at %i x %i every step lights exactly what its spec names', (width, height) => {
  test.each(story.events.map((e) => e.id))('%s', (id) => {
    const { spec, placeIds, figureIds, eventIds } = litMarks(id, width, height)
    expect([...placeIds].sort()).toEqual([...spec.placeIds].sort())
    expect([...figureIds].sort()).toEqual([...spec.figureIds].sort())
    // A scene that marks events marks only the active one.
    for (const lit of eventIds) expect(lit).toBe(id)
  })
})
