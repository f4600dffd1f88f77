// Growth: a step's words and the server-rendered page stay in proportion to the story. At about
// 420 events (synthetic copies of the fixture's, built as the scale benchmark builds them) every
// step's description is under a fixed size and still names what its graphic draws (the long
// cumulative steps name their lit marks and count the rest); and the page's HTML per event is
// within a small factor of the fixture's.
import { render } from 'svelte/server'
import { describe, expect, test } from 'vitest'
import { buildMapData } from '../../../vite-plugin-map-data'
import App from '../../../web/src/App.svelte'
import { SCENES, sceneRegistry } from '../../../web/src/charts/scenes'
import { createSceneRegistry } from '../../../web/src/charts/scenes/registry'
import type { AnySceneDefinition } from '../../../web/src/charts/scenes/types'
import { SCENE_VIEWS } from '../../../web/src/charts/scenes/views'
import { LISTED_MARKS_MAX } from '../../../web/src/charts/scenes/words'
import { scriptJson } from '../../../web/src/story/json'
import type { Story, StoryEvent } from '../../../worker/model'
import { buildStory } from '../fixtures/story'
import { checkDescription, drawingOf } from '../helpers/description-check'
import { syntheticStory } from '../helpers/synthetic-story'

const base = buildStory()
const long = syntheticStory(base, 420)
const assets = { mapShapes: buildMapData() }

/**
 * The most UTF-8 bytes a step's words may take, whatever the story's length: the fixture's
 * longest is about 1 kB; a step names its lit marks, its axis and key, and a count of the rest.
 */
const STEP_WORDS_MAX_BYTES = 2_000

/** The step's words and the SVG its graphic draws at a size. */
function step(story: Story, event: StoryEvent, width: number, height: number) {
  const spec = sceneRegistry.sceneFor(event, story)
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
  return { spec, words: sceneRegistry.describeStep(event, story), svg: body }
}

const bytes = (text: string) => new TextEncoder().encode(text).byteLength

test('the synthetic story is about 420 events, every copy marked as one', () => {
  expect(long.events.length).toBeGreaterThanOrEqual(400)
  expect(long.events.length).toBeLessThanOrEqual(440)
  const copies = long.events.filter((e) => e.id !== base.events.find((b) => b.id === e.id)?.id)
  expect(copies.length).toBe(long.events.length - base.events.length)
  for (const e of copies) {
    expect(e.id).toMatch(/-synthetic-\d+$/)
    expect(e.headline).toMatch(/^Synthetic copy \d+: /)
  }
})

test('each event’s scene is decided once per story, however many steps are described', () => {
  // The page's scenes, each rule wrapped to count how often it is asked about an event.
  let asked = 0
  const counted = SCENES.map((scene) => ({
    ...scene,
    rules: scene.rules.map((rule) => ({
      ...rule,
      match: (context: Parameters<typeof rule.match>[0]) => {
        asked++
        return rule.match(context)
      },
    })),
  }))
  const registry = createSceneRegistry(counted)
  const story = syntheticStory(base, 420)
  const words = story.events.map((e) => registry.describeStep(e, story))
  // Each event meets each rule at most once (the first that matches ends the search) ...
  const rules = counted.reduce((n, scene) => n + scene.rules.length, 0)
  expect(asked).toBeLessThanOrEqual(story.events.length * rules)
  // ... and describing every step again, or drawing one, asks no more.
  const before = asked
  for (const e of story.events) registry.describeStep(e, story)
  registry.contentFor(registry.sceneFor(story.events[0]!, story), story.events[0]!, story)
  expect(asked).toBe(before)
  // The same words as the page's own registry gives.
  expect(words).toEqual(story.events.map((e) => sceneRegistry.describeStep(e, story)))
})

test(`at about 420 events every step's words stay under ${STEP_WORDS_MAX_BYTES} bytes`, () => {
  const sizes = long.events.map((e) => bytes(sceneRegistry.describeStep(e, long)))
  expect(Math.max(...sizes)).toBeLessThan(STEP_WORDS_MAX_BYTES)
  // The fixture's own steps are under the bound too, so the bound is not set by the long story.
  const baseSizes = base.events.map((e) => bytes(sceneRegistry.describeStep(e, base)))
  expect(Math.max(...baseSizes)).toBeLessThan(STEP_WORDS_MAX_BYTES)
})

describe('at about 420 events the words still name what the graphic draws', () => {
  // Every step of the cumulative scenes (the ones that grow), and the first copy of each of the
  // others (their steps draw the active event alone, as in the fixture's own test).
  const cumulative = long.events.filter((e) =>
    ['people', 'numbers'].includes(sceneRegistry.sceneFor(e, long).scene),
  )
  const others = long.events.filter((e) => !cumulative.includes(e) && /-synthetic-1$/.test(e.id))
  test.each([...cumulative, ...others].map((e) => e.id))('%s', (id) => {
    const event = long.events.find((e) => e.id === id)!
    const { words, svg } = step(long, event, 760, 620)
    expect(checkDescription(words, drawingOf(svg), long)).toEqual([])
  })

  test('the long steps name their lit marks and count the rest', () => {
    const last = [...cumulative]
      .reverse()
      .find((e) => sceneRegistry.sceneFor(e, long).scene === 'people')!
    const { words, svg } = step(long, last, 760, 620)
    const match =
      /Also drawn: ([\d,]+) earlier reports, listed in the table “Reports of people freed or still held” under the graphic\./.exec(
        words,
      )
    expect(match).not.toBeNull()
    expect(Number(match![1]!.replace(/,/g, ''))).toBeGreaterThan(LISTED_MARKS_MAX)
    // A count one off is caught.
    const wrong = words.replace(match![1]!, String(Number(match![1]!.replace(/,/g, '')) + 1))
    expect(checkDescription(wrong, drawingOf(svg), long)).toEqual([
      expect.stringMatching(/^summary counts \d+ reports, but \d+ marks are drawn unlit$/),
    ])
    // So is a table the story does not have.
    const elsewhere = words.replace('“Reports of people freed or still held”', '“Somewhere else”')
    expect(checkDescription(elsewhere, drawingOf(svg), long)).toEqual([
      'summary points to a table the story lacks: “Somewhere else”',
    ])
  })
})

/**
 * The most the server-rendered page's bytes per event may grow from one size to the next. Before
 * the steps' words were bounded, the page per event grew by 18% from 48 to 416 events of this
 * fixture (and by 40% more to 1,008): every cumulative step listed every mark so far.
 */
const PER_EVENT_GROWTH_MAX = 1.1

test(`the server-rendered page per event grows by under ${PER_EVENT_GROWTH_MAX}x from 42 to 420 events and from 420 to 840`, () => {
  const perEvent = (story: Story) => {
    const { head, body } = render(App, {
      props: { story, origin: 'https://example.org', initialEventId: null },
    })
    return {
      html: (bytes(head) + bytes(body)) / story.events.length,
      json: bytes(scriptJson(story)) / story.events.length,
    }
  }
  const [small, medium, large] = [42, 420, 840].map((size) =>
    perEvent(size === 420 ? long : syntheticStory(base, size)),
  )
  expect(medium!.html / small!.html).toBeLessThan(PER_EVENT_GROWTH_MAX)
  expect(large!.html / medium!.html).toBeLessThan(PER_EVENT_GROWTH_MAX)
  // The story embedded for the browser is linear in the story (one escape pass over its JSON).
  expect(medium!.json / small!.json).toBeLessThan(PER_EVENT_GROWTH_MAX)
  expect(large!.json / medium!.json).toBeLessThan(PER_EVENT_GROWTH_MAX)
})
