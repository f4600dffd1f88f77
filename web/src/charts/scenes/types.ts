// What a scene of the sticky graphic is: the parts every scene folder defines (its rules for
// when it applies, its model, its words, its tables, its credit) and the shapes they exchange.
// Pure types plus `defineScene`; the list of scenes is ./index.ts, the machinery ./registry.ts.
import type { Component } from 'svelte'
import type { Place, Story, StoryEvent } from '../../../../worker/model'
import type { MapShapes } from './map/shapes'

/** What the graphic shows for one event: which scene, in which variant, lighting what. */
export interface SceneSpec<Name extends string = string> {
  scene: Name
  /** The active event's id; '' in the overview (no event active). */
  eventId: string
  /** Places the scene lights, by id. */
  placeIds: string[]
  /** Figures the scene lights, by id. */
  figureIds: number[]
  /** The scene's own variant: map 'complaints' | 'places'; people 'scale' | 'reports'; ... */
  mode?: string
}

/** What a rule is given to decide on an event: the event, the story, its places by id. */
export interface SceneContext {
  event: StoryEvent
  story: Story
  places: Map<string, Place>
}

/** What a rule lights when it applies (nothing, when all are left out). */
export interface SceneMatch {
  mode?: string
  placeIds?: string[]
  figureIds?: number[]
}

/**
 * One rule for when a scene applies. `sceneFor` tries the rules of every scene in order of
 * priority (lowest first; no two alike) and takes the first that matches. Say what the rule
 * is for in a comment above it.
 */
export interface SceneRule {
  priority: number
  /** What the scene lights for this event, or null when the rule does not apply. */
  match(context: SceneContext): SceneMatch | null
}

/** Data the build provides to the scenes that need it (kept out of their models' imports). */
export interface SceneAssets {
  /** Cambodia's outline and provinces, projected (virtual:cambodia-map). */
  mapShapes: MapShapes
}

/** What a scene's content (what it draws, before any layout) is built from. */
export interface SceneContentInput {
  story: Story
  /** The active event, or null in the overview. */
  event: StoryEvent | null
  spec: SceneSpec
  /** The story's places by id. */
  places: Map<string, Place>
  /**
   * Every step of the story this scene draws, in story order: what a scene keeps one frame for
   * (the same room, scale and key on every one of its steps).
   */
  steps: { event: StoryEvent; spec: SceneSpec }[]
}

/** What a scene's model is built from: its content, and the size and state it is drawn at. */
export interface SceneInput<Content = unknown> {
  story: Story
  /** The active event, or null in the overview. */
  event: StoryEvent | null
  spec: SceneSpec
  /** What the scene draws for this spec (the scene's own `content`): the model only lays it out. */
  content: Content
  /** The drawing's size in CSS px. */
  width: number
  height: number
  /** 0-1 through the active step; always 0 for scenes that do not ask for it. */
  progress: number
  assets: SceneAssets
}

/** The marks a model lights (drawn with data-active="true"), by what they stand for. */
export interface LitMarks {
  eventIds: string[]
  placeIds: string[]
  figureIds: number[]
}

/** One data table of a scene, for the tables section and print. */
export interface SceneTable {
  caption: string
  /** Column headings; the first column of each row is the row's header. */
  columns: string[]
  rows: string[][]
}

/** A scene as text for the tables section: a heading, a text alternative, tables and notes. */
export interface SceneText {
  title: string
  alt: string
  tables: SceneTable[]
  notes: string[]
}

/** The props every scene component takes: its model, and what motion it may use. */
export interface SceneViewProps<Model> {
  model: Model
  /** True under reduced motion: draw the end state at once. */
  still: boolean
  /** The active event's id ('' in the overview): the marks animate when it changes. */
  eventId: string
}

/** The Svelte component that draws a scene's model. */
export type SceneView<Model> = Component<SceneViewProps<Model>>

/**
 * A scene: everything about it except its component, which ./views.ts pairs with it (the rules,
 * models and words run in plain TypeScript too: tests, the server, Node).
 *
 * What a scene draws for a step is decided once, without a size: its `content` (every mark,
 * label and number, in words). The model lays that content out at a size; the step's words are
 * written from the same content. So the description names exactly what is drawn, at every size,
 * and the browser tests hold the SVG to it.
 */
export interface SceneDefinition<Name extends string = string, Model = unknown, Content = unknown> {
  name: Name
  /** The line above the graphic for a spec of this scene (the date is added before it). */
  title(spec: SceneSpec): string
  /** When the scene applies to an event; a scene with no rules is never chosen for one. */
  rules: readonly SceneRule[]
  /** Draws the story when no event is active. Exactly one scene in a registry says so. */
  overview?: boolean
  /** The model follows the reader through a step (SceneInput.progress); others get 0. */
  usesProgress?: boolean
  /** What the scene draws for a spec: marks, labels and numbers, without positions. Pure. */
  content(input: SceneContentInput): Content
  /** Positioned marks for the content at the given size. Pure. */
  model(input: SceneInput<Content>): Model
  /** What the model lights: the contract with sceneFor and the page's browser tests. */
  lit(model: Model): LitMarks
  /**
   * The graphic in words for one step (each step ends with it, for screen readers), written
   * from the content the model draws: every label, place and figure drawn, and nothing else.
   */
  describe(content: Content): string
  /**
   * The outlets credited for what the content draws, when its marks come from more than the
   * active event (cumulative charts); each mark names its own. Without it, the credit line names
   * the active event's outlets.
   */
  sources?(content: Content): string[]
  /** The scene as a text alternative and data tables for the whole story. */
  text(story: Story): SceneText
  /** Credit for what the scene draws beyond the story's sources (the map's shapes). */
  credit?: string
}

/** A definition of any scene, as a registry holds it. */
export type AnySceneDefinition = SceneDefinition<string, unknown, unknown>

/** The model type of the scene called `Name` among definitions `D`. */
export type ModelOf<D extends AnySceneDefinition, Name extends string> =
  Extract<D, { name: Name }> extends SceneDefinition<Name, infer Model, infer _Content>
    ? Model
    : never

/**
 * One component per scene among definitions `D`, each taking its scene's model: a scene
 * without a component, or a component for another model, does not compile.
 */
export type SceneViews<D extends AnySceneDefinition> = {
  [Name in D['name']]: SceneView<ModelOf<D, Name>>
}

/**
 * Declares a scene; checks its parts against each other (the model `lit` reads is the one
 * `model` makes; the content `describe` reads is the one `content` makes and `model` lays out).
 */
export function defineScene<const Name extends string, Model, Content>(
  definition: SceneDefinition<Name, Model, Content>,
): SceneDefinition<Name, Model, Content> {
  return definition
}
