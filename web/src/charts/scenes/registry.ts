// The machinery that turns a list of scene definitions into the graphic's decisions: which scene
// an event gets (sceneFor), the words a step ends with, the graphic's title and credit, the
// tables section, and the component that draws a scene. Each of these iterates or looks up the
// list it is given; nothing here names a scene. The page's list is ./index.ts.
import type { Story, StoryEvent } from '../../../../worker/model'
import { formatLongDate, isolate, listOf } from '../../../../worker/shared/format'
import { placeIndex } from '../figures'
import { eventSources, shortName } from '../sources'
import type {
  AnySceneDefinition,
  LitMarks,
  SceneContext,
  SceneDefinition,
  SceneRule,
  SceneSpec,
  SceneText,
  SceneView,
  SceneViews,
} from './types'

/** A scene's text for the tables section, with the scene it belongs to. */
export type NamedSceneText<Name extends string = string> = SceneText & { scene: Name }

/** The decisions made from one list of scenes (see createSceneRegistry). */
export interface SceneRegistry<D extends AnySceneDefinition> {
  /** The scenes, in the order the tables section shows them. */
  readonly definitions: readonly D[]
  /** Every rule of every scene, in the order sceneFor tries them. */
  readonly rules: readonly { scene: D['name']; rule: SceneRule }[]
  /** The definition of a scene; throws on a name not in the list. */
  get<Name extends D['name']>(name: Name): Extract<D, { name: Name }>
  /** The scene, variant and lit marks for an event, from its data (never its position). */
  sceneFor(event: StoryEvent, story: Story): SceneSpec<D['name']>
  /** What the graphic shows with no event active: the overview scene, nothing lit. */
  overview(): SceneSpec<D['name']>
  /** The graphic at this event, in words (a step ends with it, for screen readers). */
  describeStep(event: StoryEvent, story: Story): string
  /**
   * Whether the scene this event gets follows the reader through its step (its definition's
   * `usesProgress`): the server marks such steps (`data-progress`), so the browser's scroller
   * reads progress only there without loading the scenes.
   */
  followsProgress(event: StoryEvent, story: Story): boolean
  /** The line above the graphic: '19 September 2022: Complaints by place'. */
  sceneTitle(spec: SceneSpec<D['name']>, event: Pick<StoryEvent, 'date'> | null): string
  /**
   * What the scene draws for a spec, without positions (its definition's `content`): what the
   * graphic lays out and what the step's words describe. Worked out once per spec object and
   * event of a story, and shared (the graphic, its height and the credit line all ask for it):
   * read it, never change it.
   */
  contentFor(spec: SceneSpec<D['name']>, event: StoryEvent | null, story: Story): unknown
  /**
   * Each scene's steps in story order (every event with the spec sceneFor gives it), by scene
   * name; every scene of the list has an entry, empty when no event gets it. Worked out once per
   * story object and shared: read it, never change it.
   */
  stepsOf(
    story: Story,
  ): ReadonlyMap<D['name'], readonly { event: StoryEvent; spec: SceneSpec<D['name']> }[]>
  /**
   * The line below it: the outlets behind what is drawn (every event's, for a scene that draws
   * more than the active event; else the active event's, or the story's source) and the scene's
   * credit.
   */
  sceneCredit(spec: SceneSpec<D['name']>, event: StoryEvent | null, story: Story): string
  /** Every scene as a text alternative and data tables, in list order. */
  sceneTexts(story: Story): NamedSceneText<D['name']>[]
  /**
   * What a model lights, by its scene's own `lit`. The model must be one the same scene's
   * definition made (the definitions are held together, so their models are not told apart).
   */
  lit(scene: D['name'], model: unknown): LitMarks
  /**
   * The component that draws a scene, from a table of components for this list (./views.ts);
   * it takes the model this scene's definition makes. Throws on a scene the table lacks (its
   * type already refuses to compile without it).
   */
  viewOf(views: SceneViews<D>, scene: D['name']): SceneView<unknown>
}

export { shortName }

/**
 * A registry over `definitions` (kept in their order). Throws when two scenes share a name or
 * a rule priority, or when not exactly one scene draws the overview: the list itself is wrong.
 */
export function createSceneRegistry<const D extends AnySceneDefinition>(
  definitions: readonly D[],
): SceneRegistry<D> {
  type Name = D['name']
  const byName = new Map<string, D>()
  for (const d of definitions) {
    if (byName.has(d.name)) throw new Error(`two scenes are called "${d.name}"`)
    byName.set(d.name, d)
  }
  const rules = definitions
    .flatMap((d) => d.rules.map((rule) => ({ scene: d.name as Name, rule })))
    .sort((a, b) => a.rule.priority - b.rule.priority)
  rules.forEach(({ scene, rule }, i) => {
    const previous = rules[i - 1]
    if (previous && previous.rule.priority === rule.priority) {
      throw new Error(
        `scenes "${previous.scene}" and "${scene}" both have a rule of priority ${rule.priority}; give each rule its own`,
      )
    }
  })
  const overviews = definitions.filter((d) => d.overview)
  if (overviews.length !== 1) {
    throw new Error(
      `exactly one scene must draw the overview (overview: true); found ${overviews.length}`,
    )
  }
  const overviewScene = overviews[0]!.name as Name
  // One object, so its content is worked out once per story (see contentFor).
  const overviewSpec: SceneSpec<Name> = Object.freeze({
    scene: overviewScene,
    eventId: '',
    placeIds: [],
    figureIds: [],
  })

  const get = <N extends Name>(name: N): Extract<D, { name: N }> => {
    const definition = byName.get(name)
    if (!definition) {
      throw new Error(`no scene called "${name}"; the scenes are ${[...byName.keys()].join(', ')}`)
    }
    return definition as Extract<D, { name: N }>
  }

  /** Every event's scene, and each scene's steps in story order: worked out once per story. */
  interface StoryPlan {
    specs: Map<StoryEvent, SceneSpec<Name>>
    steps: Map<Name, { event: StoryEvent; spec: SceneSpec<Name> }[]>
  }
  // Per story object (the page's story never changes in place; an edit is a new story), so a
  // step's content and words never scan the whole story again.
  const plans = new WeakMap<Story, StoryPlan>()
  const planOf = (story: Story): StoryPlan => {
    let plan = plans.get(story)
    if (!plan) {
      const specs = new Map<StoryEvent, SceneSpec<Name>>()
      const steps = new Map<Name, { event: StoryEvent; spec: SceneSpec<Name> }[]>()
      for (const d of definitions) steps.set(d.name as Name, [])
      for (const event of story.events) {
        const spec = matchScene(event, story)
        specs.set(event, spec)
        steps.get(spec.scene)!.push({ event, spec })
      }
      plan = { specs, steps }
      plans.set(story, plan)
    }
    return plan
  }

  // Each spec's content, per story object: a definition's `content` is pure, and a cumulative
  // scene's reads every step before it, so the page's credit lines (one per step) and its height
  // (one per scene) would otherwise build it again for every step, in the graphic's first task.
  const contents = new WeakMap<
    Story,
    WeakMap<SceneSpec<Name>, { event: StoryEvent | null; content: unknown }>
  >()
  const contentFor = (spec: SceneSpec<Name>, event: StoryEvent | null, story: Story): unknown => {
    let known = contents.get(story)
    if (!known) contents.set(story, (known = new WeakMap()))
    const memo = known.get(spec)
    if (memo && memo.event === event) return memo.content
    const steps = planOf(story).steps.get(spec.scene) ?? []
    const content = get(spec.scene).content({
      story,
      event,
      spec,
      places: placeIndex(story),
      steps,
    })
    known.set(spec, { event, content })
    return content
  }

  /** The first rule that matches the event, by priority. */
  const matchScene = (event: StoryEvent, story: Story): SceneSpec<Name> => {
    const context: SceneContext = { event, story, places: placeIndex(story) }
    for (const { scene, rule } of rules) {
      const match = rule.match(context)
      if (!match) continue
      return {
        scene,
        eventId: event.id,
        placeIds: match.placeIds ?? [],
        figureIds: match.figureIds ?? [],
        ...(match.mode === undefined ? {} : { mode: match.mode }),
      }
    }
    throw new Error(
      `no scene applies to event "${event.id}": give one scene a rule that matches every event`,
    )
  }

  // An event of the story gets the spec its story's plan holds (the same object every time);
  // any other event (one being edited, a test's) is matched on its own.
  const sceneFor = (event: StoryEvent, story: Story): SceneSpec<Name> =>
    planOf(story).specs.get(event) ?? matchScene(event, story)

  return {
    definitions,
    rules,
    get,
    sceneFor,
    overview: () => overviewSpec,
    contentFor,
    stepsOf: (story) => planOf(story).steps,
    describeStep(event, story) {
      const spec = sceneFor(event, story)
      return get(spec.scene).describe(contentFor(spec, event, story))
    },
    followsProgress: (event, story) => get(sceneFor(event, story).scene).usesProgress === true,
    sceneTitle(spec, event) {
      const title = get(spec.scene).title(spec)
      return event ? `${formatLongDate(event.date)}: ${title}` : title
    },
    sceneCredit(spec, event, story) {
      const definition = get(spec.scene)
      const compiler = shortName(story.story.source_outlet)
      const drawn = definition.sources?.(contentFor(spec, event, story)) ?? null
      const outlets = drawn ?? (event ? eventSources(event, story) : [])
      const others = outlets.filter((o) => o !== compiler)
      const source = !others.length
        ? `Source: ${isolate(compiler)}, “${isolate(story.story.source_title)}”.`
        : drawn
          ? `Sources (each named on its marks): ${listOf(outlets)}${outlets.includes(compiler) ? '' : `, via ${isolate(compiler)}`}.`
          : `Source: ${listOf(outlets)}${outlets.includes(compiler) ? '' : `, via ${isolate(compiler)}`}.`
      const credit = definition.credit
      return credit ? `${source} ${credit}` : source
    },
    sceneTexts: (story) => definitions.map((d) => ({ scene: d.name, ...d.text(story) })),
    lit: (scene, model) => (get(scene) as SceneDefinition<string, unknown>).lit(model),
    viewOf(views, scene) {
      const view = (views as Record<string, SceneView<never> | undefined>)[scene]
      if (!view) throw new Error(`no component draws the scene "${scene}"; add it to views.ts`)
      return view as SceneView<unknown>
    },
  }
}
