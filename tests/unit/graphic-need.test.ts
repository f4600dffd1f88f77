// The height the sticky graphic asks for, worked out from the scene registry's memoised steps:
// the longest title and credit of each scene stand for every step's (the lines kept for them are
// the most any step takes, at every width), and one step per scene and variant stands for the
// scene's drawing. Each is held to the long way round: every step of the story, each time.
import { describe, expect, test } from 'vitest'
import { chromeTexts, drawingNeed, mostLines } from '../../web/src/charts/graphic-need'
import { sceneRegistry } from '../../web/src/charts/scenes'
import type { AnySceneDefinition } from '../../web/src/charts/scenes/types'
import { SCENE_ASSETS } from '../../web/src/charts/scenes/views'
import type { Story } from '../../worker/model'
import { buildStory } from './fixtures/story'
import { syntheticStory } from './helpers/synthetic-story'

const base = buildStory()
const stories: [string, Story][] = [
  ['the fixture', base],
  ['about 420 events', syntheticStory(base, 420)],
]

/** Every step's title and credit, and the overview's. */
function everyLine(story: Story) {
  const overview = sceneRegistry.overview()
  const steps = story.events.map((event) => ({ event, spec: sceneRegistry.sceneFor(event, story) }))
  return {
    titles: [
      sceneRegistry.sceneTitle(overview, null),
      ...steps.map((s) => sceneRegistry.sceneTitle(s.spec, s.event)),
    ],
    credits: [
      sceneRegistry.sceneCredit(overview, null, story),
      ...steps.map((s) => sceneRegistry.sceneCredit(s.spec, s.event, story)),
    ],
  }
}

describe.each(stories)('%s', (_name, story) => {
  test('the longest title and credit per scene wrap to as many lines as every step’s', () => {
    const all = everyLine(story)
    const chrome = chromeTexts(story)
    // One of each per scene with steps, and the overview's: not one per step.
    expect(chrome.titles.length).toBeLessThanOrEqual(sceneRegistry.definitions.length + 1)
    for (const title of chrome.titles) expect(all.titles).toContain(title)
    for (const credit of chrome.credits) expect(all.credits).toContain(credit)
    for (let width = 180; width <= 1300; width += 3) {
      expect(mostLines(chrome.titles, width, 14, true), `titles at ${width}`).toBe(
        mostLines(all.titles, width, 14, true),
      )
      expect(mostLines(chrome.credits, width, 12, false), `credits at ${width}`).toBe(
        mostLines(all.credits, width, 12, false),
      )
    }
  })

  test('chromeTexts is worked out once per story', () => {
    expect(chromeTexts(story)).toBe(chromeTexts(story))
  })
})

test('one step per scene and variant gives the height every step’s drawing needs', () => {
  const story = base
  // The long way: every step of the story, laid out at a height, until all fit.
  const heightAt = (width: number, height: number) =>
    Math.max(
      height,
      ...story.events.map((event) => {
        const spec = sceneRegistry.sceneFor(event, story)
        const scene: AnySceneDefinition = sceneRegistry.get(spec.scene)
        const model = scene.model({
          story,
          event,
          spec,
          content: sceneRegistry.contentFor(spec, event, story),
          width,
          height,
          progress: 0,
          assets: SCENE_ASSETS,
        }) as { height: number }
        return model.height
      }),
    )
  for (const width of [280, 344, 374, 390, 640, 760]) {
    let drawing = Math.ceil(heightAt(width, 1))
    for (let i = 0; i < 4; i++) {
      const next = Math.ceil(heightAt(width, drawing))
      if (next <= drawing) break
      drawing = next
    }
    expect(drawingNeed(story, width, SCENE_ASSETS), `at ${width}`).toBe(drawing)
  }
})
