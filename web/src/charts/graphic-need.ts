// The height the sticky graphic needs at a width, without a DOM: each scene lays its words out at
// 12 px or more on one frame for all its steps and answers a frame too short with a taller
// drawing (which its SVG would then scale, words and all, below 12 px). So the page is told the
// height every scene's drawing needs at the graphic's width, and the room its title and credit
// lines take on their longest step. Both are worked out from the scene registry's memoised steps
// (one step per scene and variant for the drawing, the longest title and credit per scene for
// the lines), never from every step of the story again.
import type { Story, StoryEvent } from '../../../worker/model'
import { sceneRegistry, type SceneSpec } from './scenes'
import type { AnySceneDefinition, SceneAssets } from './scenes/types'
import { textWidth, wrapText } from './text'

/** A step that stands for its scene and variant: the last step of the story that draws it. */
interface Framing {
  spec: SceneSpec
  event: StoryEvent
}

const framings = new WeakMap<Story, Framing[]>()

/**
 * One step per scene and variant (the last the story gives it), from the registry's steps: a
 * scene sizes its frame for all its steps, so its drawing's height is the same on each of them.
 * Worked out once per story object.
 */
function framingOf(story: Story): Framing[] {
  let known = framings.get(story)
  if (!known) {
    known = []
    for (const steps of sceneRegistry.stepsOf(story).values()) {
      const last = new Map<string, Framing>()
      for (const step of steps) last.set(step.spec.mode ?? '', step)
      known.push(...last.values())
    }
    framings.set(story, known)
  }
  return known
}

/** The tallest drawing of the story's scenes laid out at `width` x `height` (CSS px). */
function heightAt(story: Story, width: number, height: number, assets: SceneAssets): number {
  return Math.max(
    height,
    ...framingOf(story).map(({ spec, event }) => {
      const scene: AnySceneDefinition = sceneRegistry.get(spec.scene)
      // Every scene's model gives its drawing's height (what its SVG's viewBox is drawn at).
      const drawn = scene.model({
        story,
        event,
        spec,
        content: sceneRegistry.contentFor(spec, event, story),
        width,
        height,
        progress: 0,
        assets,
      }) as { height: number }
      return drawn.height
    }),
  )
}

/**
 * The height in CSS px the graphic's drawing needs at `width` (its body's width, at least 280)
 * for every scene of the story to set its words at its own size. From the least height up: the
 * drawings' height at a height, until every one fits (a frame's parts can grow with it, such as
 * a map's size key, so once may not be enough; four rounds at most).
 */
export function drawingNeed(story: Story, width: number, assets: SceneAssets): number {
  let drawing = Math.ceil(heightAt(story, width, 1, assets))
  for (let i = 0; i < 4; i++) {
    const next = Math.ceil(heightAt(story, width, drawing, assets))
    if (next <= drawing) break
    drawing = next
  }
  return drawing
}

/** The title and credit lines that stand for every step's: the longest of each per scene. */
export interface ChromeTexts {
  /** The overview's title and each scene's longest step title ('29 December 2022: …'). */
  titles: string[]
  /** The overview's credit and each scene's longest step credit. */
  credits: string[]
}

const chromes = new WeakMap<Story, ChromeTexts>()

/** The widest of `texts` by the charts' text measure, or none for an empty list. */
function widest(texts: readonly string[], bold: boolean): string[] {
  let best: string | null = null
  let most = -1
  for (const text of texts) {
    const w = textWidth(text, 1, bold)
    if (w > most) {
      most = w
      best = text
    }
  }
  return best === null ? [] : [best]
}

/**
 * The overview's title and credit and, for each scene, the title and the credit of its steps
 * that are widest by the charts' text measure (the title in bold, as the page sets it): what
 * wraps to the most lines at any width, so the room kept for them is the most any step takes.
 * Worked out once per story object, from the registry's memoised steps.
 */
export function chromeTexts(story: Story): ChromeTexts {
  let known = chromes.get(story)
  if (!known) {
    const overview = sceneRegistry.overview()
    const titles = [sceneRegistry.sceneTitle(overview, null)]
    const credits = [sceneRegistry.sceneCredit(overview, null, story)]
    for (const steps of sceneRegistry.stepsOf(story).values()) {
      titles.push(
        ...widest(
          steps.map((s) => sceneRegistry.sceneTitle(s.spec, s.event)),
          true,
        ),
      )
      credits.push(
        ...widest(
          steps.map((s) => sceneRegistry.sceneCredit(s.spec, s.event, story)),
          false,
        ),
      )
    }
    known = { titles, credits }
    chromes.set(story, known)
  }
  return known
}

/** The most lines any of `texts` wraps to at `width` (px) at `fontSize` (at least 1). */
export function mostLines(
  texts: readonly string[],
  width: number,
  fontSize: number,
  bold: boolean,
): number {
  return Math.max(1, ...texts.map((t) => wrapText(t, width, fontSize, bold).length))
}
