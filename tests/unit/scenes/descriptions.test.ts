// Truthful text alternatives: for every step of the fixture story (and the overview), at a phone's
// size and a desktop's, the step's words (describeStep) and the SVG its scene's component renders
// name the same things: every label, figure and lit place drawn is in the words, and every place
// and number in the words is drawn. The browser tests hold the real story to the same check.
import { render } from 'svelte/server'
import { describe, expect, test } from 'vitest'
import { buildMapData } from '../../../vite-plugin-map-data'
import { sceneRegistry } from '../../../web/src/charts/scenes'
import type { AnySceneDefinition } from '../../../web/src/charts/scenes/types'
import { SCENE_VIEWS } from '../../../web/src/charts/scenes/views'
import type { StoryEvent } from '../../../worker/model'
import { buildStory, byId } from '../fixtures/story'
import { checkDescription, drawingOf } from '../helpers/description-check'

const story = buildStory()
const assets = { mapShapes: buildMapData() }

/** The step's words and the SVG its graphic draws at a size. */
function step(event: StoryEvent | null, width: number, height: number) {
  const spec = event ? sceneRegistry.sceneFor(event, story) : sceneRegistry.overview()
  const definition: AnySceneDefinition = sceneRegistry.get(spec.scene)
  const content = sceneRegistry.contentFor(spec, event, story)
  const model = definition.model({
    story,
    event,
    spec,
    content,
    width,
    height,
    progress: 0,
    assets,
  })
  const View = sceneRegistry.viewOf(SCENE_VIEWS, spec.scene)
  const { body } = render(View, { props: { model, still: true, eventId: spec.eventId } })
  const words = event ? sceneRegistry.describeStep(event, story) : definition.describe(content)
  return { spec, words, svg: body }
}

describe.each([
  [390, 300],
  [760, 620],
])('at %i x %i the words name what the graphic draws, and the reverse', (width, height) => {
  test.each([null, ...story.events.map((e) => e.id)])('%s', (id) => {
    const event = id ? story.events.find((e) => e.id === id)! : null
    const { words, svg } = step(event, width, height)
    expect(checkDescription(words, drawingOf(svg), story)).toEqual([])
  })
})

describe('the words of named steps', () => {
  test('29 December 2022: the place without a location is listed under the map, not marked', () => {
    const event = byId(story, '2022-12-29')
    const { words, svg } = step(event, 760, 620)
    expect(words).toContain('“Location not given: Kaibo compound (KB casino)”')
    expect(words).not.toMatch(/Lit and named: [^.]*Kaibo/)
    const drawing = drawingOf(svg)
    // Drawn in the line under the map, and as no dot.
    expect(drawing.marks.filter((m) => m.placeId === 'kaibo-compound')).toEqual([
      { placeId: 'kaibo-compound', figureId: null, eventId: null, active: true, text: true },
    ])
  })

  test('people: the words name each report drawn and its source, not “this event adds”', () => {
    const { words } = step(byId(story, '2022-09-27'), 760, 620)
    expect(words).not.toMatch(/adds/)
    expect(words).toContain('Lit: “more than 1,480 foreign nationals released — VOD”')
    expect(words).toContain('“62 Indonesian nationals rescued — VOD”')
    expect(words).toContain('from 0 to 8,000 people')
  })

  test('the map of complaints names each circle with its count, and the size key', () => {
    const { words } = step(byId(story, '2022-09-19'), 760, 620)
    expect(words).toContain('Preah Sihanouk, more than 200; Svay Rieng, 18; Kandal, 18')
    expect(words).toContain('Key: Circle area: complaints, circles for 10, 50 and 200')
    expect(words).toContain('a dashed ring for more than, over, at least')
  })
})

test('a description that names a place the graphic does not draw is caught', () => {
  const { words, svg } = step(byId(story, '2022-12-29'), 760, 620)
  const lie = `${words} Lit and named: Pailin.`
  expect(checkDescription(lie, drawingOf(svg), story)).toContain(
    'place named, not labelled: Pailin',
  )
  const unsaid = words.replace('Kaibo compound (KB casino)', 'a site')
  expect(checkDescription(unsaid, drawingOf(svg), story)).toEqual(
    expect.arrayContaining([
      'label drawn, not described: "Location not given: Kaibo compound (KB casino)"',
      'place lit or labelled, not named: Kaibo compound (KB casino)',
    ]),
  )
})
