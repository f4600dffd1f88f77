// The graphic's scenes, in one list: sceneFor, the steps' descriptions, the graphic's title
// and credit, its components (./views.ts, typed against this list), the tables section and the
// contract test all read it. Adding a scene: a folder beside these (scene.ts, model.ts and its
// component), one line here and one in ./views.ts. The list's order is the tables section's
// order; which scene an event gets is decided by the rules' priorities, not by this order.
import { mapScene } from './map/scene'
import { numbersScene } from './numbers/scene'
import { peopleScene } from './people/scene'
import { createSceneRegistry } from './registry'
import { timelineScene } from './timeline/scene'
import type { SceneSpec as AnySceneSpec } from './types'

export const SCENES = [timelineScene, mapScene, peopleScene, numbersScene] as const

/** The name of one of the page's scenes. */
export type SceneName = (typeof SCENES)[number]['name']

/** What the graphic shows for one event (see SceneSpec in ./types.ts). */
export type SceneSpec = AnySceneSpec<SceneName>

/** The page's scene registry: every decision below is made from SCENES. */
export const sceneRegistry = createSceneRegistry(SCENES)

export const { sceneFor, describeStep, followsProgress, sceneTitle, sceneCredit, sceneTexts } =
  sceneRegistry
