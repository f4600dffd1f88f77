// The scene registry: one list decides everything the graphic shows. A test-only scene (./probe,
// one folder) added to the list reaches sceneFor, the step's words, the title and credit, the
// tables section and the component table the graphic draws from; a scene missing from the
// component table, or a definition missing a part, does not compile (checked by `npm run check`).
import { render } from 'svelte/server'
import { describe, expect, test } from 'vitest'
import { buildMapData } from '../../../vite-plugin-map-data'
import { SCENES, sceneRegistry } from '../../../web/src/charts/scenes'
import { createSceneRegistry } from '../../../web/src/charts/scenes/registry'
import {
  defineScene,
  type AnySceneDefinition,
  type SceneView,
  type SceneViews,
} from '../../../web/src/charts/scenes/types'
import { SCENE_VIEWS } from '../../../web/src/charts/scenes/views'
import type { MapModel } from '../../../web/src/charts/scenes/map/model'
import type { TimelineModel } from '../../../web/src/charts/scenes/timeline/model'
import { buildStory, event, figure } from '../fixtures/story'
import ProbeScene from './probe/ProbeScene.svelte'
import { PROBE_CATEGORY, probeScene } from './probe/scene'

const base = buildStory()
const probeEvent = event(
  '2023-06-25-probe',
  PROBE_CATEGORY,
  ['sihanoukville'],
  [
    figure({ value: 3, unit: 'people', measure: 'rescued', display: '3 people rescued' }),
    figure({ value: 7, unit: 'cases', measure: 'cases', display: '7 cases' }),
  ],
)
const story = {
  ...base,
  events: [...base.events, probeEvent],
  figures: [...base.figures, ...probeEvent.figures.map((f) => ({ ...f, event_id: probeEvent.id }))],
}

// The fifth scene: its folder, and one more entry in the list.
const scenes = createSceneRegistry([...SCENES, probeScene])
// ... and one more entry in the component table, whose type names every scene of the list.
const views = { ...SCENE_VIEWS, probe: ProbeScene } satisfies SceneViews<
  (typeof scenes.definitions)[number]
>

describe('a scene added to the list', () => {
  test('sceneFor gives it the events its rule takes, by priority', () => {
    const spec = scenes.sceneFor(probeEvent, story)
    expect(spec).toEqual({
      scene: 'probe',
      mode: 'dots',
      eventId: probeEvent.id,
      placeIds: [],
      figureIds: probeEvent.figures.map((f) => f.id),
    })
    // Without it, the same event would be a people step: its rule comes first.
    expect(sceneRegistry.sceneFor(probeEvent, story).scene).toBe('people')
    // Every other event keeps its scene.
    for (const e of base.events) {
      expect(scenes.sceneFor(e, story)).toEqual(sceneRegistry.sceneFor(e, story))
    }
    expect(scenes.rules.map((r) => r.scene)).toEqual([
      'probe',
      'map',
      'numbers',
      'people',
      'numbers',
      'map',
      'timeline',
    ])
  })

  test('the step’s words, the title and the credit come from its definition', () => {
    expect(scenes.describeStep(probeEvent, story)).toBe(
      'Probe of 2023-06-25-probe: 2 dots, one per figure.',
    )
    const spec = scenes.sceneFor(probeEvent, story)
    expect(scenes.sceneTitle(spec, probeEvent)).toBe('25 June 2023: Probe (dots)')
    expect(scenes.sceneCredit(spec, probeEvent, story)).toBe(
      'Source: VOD (Voice of Democracy), via CamboJA. Probe: test data.',
    )
  })

  test('the tables section lists it after the others, with its table', () => {
    const texts = scenes.sceneTexts(story)
    expect(texts.map((t) => t.scene)).toEqual(['timeline', 'map', 'people', 'numbers', 'probe'])
    expect(texts[4]).toMatchObject({
      title: 'Probe',
      tables: [{ caption: 'Probe events', rows: [[probeEvent.id, '2']] }],
    })
  })

  test('the graphic’s lookup finds its component, which draws the model its definition made', () => {
    const spec = scenes.sceneFor(probeEvent, story)
    const View = scenes.viewOf(views, spec.scene)
    expect(View).toBe(ProbeScene)
    const model = (scenes.get(spec.scene) as AnySceneDefinition).model({
      story,
      event: probeEvent,
      spec,
      content: scenes.contentFor(spec, probeEvent, story),
      width: 200,
      height: 100,
      progress: 0,
      assets: { mapShapes: buildMapData() },
    })
    expect(scenes.lit(spec.scene, model).figureIds).toEqual(spec.figureIds)
    const { body } = render(View, { props: { model, still: true, eventId: spec.eventId } })
    for (const id of spec.figureIds) {
      expect(body).toContain(`data-figure-id="${id}" data-active="true"`)
    }
    // The real scenes are still found where they were.
    for (const name of ['timeline', 'map', 'people', 'numbers'] as const) {
      expect(scenes.viewOf(views, name)).toBe(SCENE_VIEWS[name])
    }
  })
})

describe('the page’s registry', () => {
  test('every event of the story gets a scene, and the overview is the timeline', () => {
    for (const e of base.events) expect(sceneRegistry.sceneFor(e, base).eventId).toBe(e.id)
    expect(sceneRegistry.overview()).toEqual({
      scene: 'timeline',
      eventId: '',
      placeIds: [],
      figureIds: [],
    })
  })

  test('a component for every scene, and nothing else', () => {
    expect(Object.keys(SCENE_VIEWS).sort()).toEqual(SCENES.map((s) => s.name).sort())
  })
})

describe('a step’s content', () => {
  test('is built once per story, spec and event, however often the graphic, its height and its credit ask', () => {
    let built = 0
    const counted = createSceneRegistry([
      ...SCENES,
      { ...probeScene, content: (input) => (built++, probeScene.content(input)) },
    ])
    const spec = counted.sceneFor(probeEvent, story)
    const first = counted.contentFor(spec, probeEvent, story)
    expect(counted.contentFor(spec, probeEvent, story)).toBe(first)
    counted.sceneCredit(spec, probeEvent, story)
    counted.describeStep(probeEvent, story)
    expect(built).toBe(1)
    // Another story object (an edit makes a new one) or another event is built afresh.
    const edited = { ...story, events: [...story.events] }
    expect(counted.contentFor(spec, probeEvent, edited)).toEqual(first)
    counted.contentFor(spec, null, story)
    expect(built).toBe(3)
    // The overview is one spec, so its content is built once too.
    const overview = counted.overview()
    expect(counted.overview()).toBe(overview)
    expect(counted.contentFor(overview, null, story)).toBe(
      counted.contentFor(overview, null, story),
    )
  })
})

describe('a wrong list is refused at once', () => {
  const copy = <N extends string>(name: N, priority: number, overview = false) =>
    defineScene({ ...probeScene, name, overview, rules: [{ ...probeScene.rules[0]!, priority }] })

  test('two scenes of one name', () => {
    expect(() => createSceneRegistry([...SCENES, copy('map', 2)])).toThrow(
      'two scenes are called "map"',
    )
  })
  test('two rules of one priority', () => {
    expect(() => createSceneRegistry([...SCENES, copy('probe', 10)])).toThrow(
      'scenes "map" and "probe" both have a rule of priority 10',
    )
  })
  test('no overview, or two', () => {
    expect(() => createSceneRegistry([copy('probe', 1)])).toThrow(
      'exactly one scene must draw the overview (overview: true); found 0',
    )
    expect(() => createSceneRegistry([...SCENES, copy('probe', 1, true)])).toThrow('found 2')
  })
  test('an event no rule takes', () => {
    const only = createSceneRegistry([copy('probe', 1, true)])
    expect(() => only.sceneFor(base.events[0]!, base)).toThrow(
      `no scene applies to event "${base.events[0]!.id}"`,
    )
  })
  test('a scene not in the list, or not in the component table', () => {
    expect(() => sceneRegistry.get('probe' as 'map')).toThrow('no scene called "probe"')
    expect(() =>
      scenes.viewOf({ ...views, probe: undefined } as unknown as typeof views, 'probe'),
    ).toThrow('no component draws the scene "probe"')
  })
})

// Type tests: never run, only compiled. Each line marked @ts-expect-error must fail to compile,
// or `npm run check` fails on the unused directive.
type PageScene = (typeof SCENES)[number]
type ProbedScene = (typeof scenes.definitions)[number]

export function typeTests(timelineView: SceneView<TimelineModel>, mapView: SceneView<MapModel>) {
  // @ts-expect-error -- a component table without the people and numbers scenes
  const missingScene: SceneViews<PageScene> = { timeline: timelineView, map: mapView }

  const wrongModel = {
    ...SCENE_VIEWS,
    // @ts-expect-error -- the timeline drawn by a component for the map's model
    timeline: mapView,
  } satisfies SceneViews<PageScene>

  // @ts-expect-error -- the list has a fifth scene, the table does not
  const probeMissing: SceneViews<ProbedScene> = { ...SCENE_VIEWS }

  // @ts-expect-error -- a definition without `describe` (its words for a step)
  const noWords = defineScene({
    name: 'silent',
    title: () => 'Silent',
    rules: [],
    content: () => null,
    model: () => ({}),
    lit: () => ({ eventIds: [], placeIds: [], figureIds: [] }),
    text: () => ({ title: 'Silent', alt: '', tables: [], notes: [] }),
  })

  const litOtherModel = defineScene({
    name: 'mismatch',
    title: () => 'Mismatch',
    rules: [],
    content: () => null,
    model: () => ({ dots: [] as number[] }),
    // @ts-expect-error -- `lit` reads a model its `model` does not make
    lit: (model: { bars: number[] }) => ({ eventIds: [], placeIds: [], figureIds: model.bars }),
    describe: () => '',
    text: () => ({ title: 'Mismatch', alt: '', tables: [], notes: [] }),
  })

  const describesOther = defineScene({
    name: 'unsaid',
    title: () => 'Unsaid',
    rules: [],
    content: () => ({ dots: 2 }),
    model: () => ({}),
    lit: () => ({ eventIds: [], placeIds: [], figureIds: [] }),
    // @ts-expect-error -- `describe` reads content its `content` does not make
    describe: (content: { bars: string[] }) => content.bars.join(', '),
    text: () => ({ title: 'Unsaid', alt: '', tables: [], notes: [] }),
  })

  return [missingScene, wrongModel, probeMissing, noWords, litOtherModel, describesOther]
}
