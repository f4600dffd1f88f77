// The graphic's scenes in the browser. A scene, once drawn, is kept (its component and its SVG)
// while the reader is on steps of other scenes, out of the page, and is put back and brought to
// the new step when a step of its own comes: the story moves between its four scenes some thirty
// times, and building a scene's SVG anew (a map has some 200 marks) was most of a step's work on
// a phone. A kept scene is out of the document while another is shown, so the page, its
// selectors and its screen reader see one scene at a time, as before.
import { mount, unmount, untrack } from 'svelte'
import type { SceneView, SceneViewProps } from './scenes/types'

/** The class of the element that holds one scene's SVG in the graphic's body. */
export const SCENE_HOLDER_CLASS = 'graphic-scene'

/** One scene kept: its component's props as state, and the element its SVG is drawn in. */
class KeptScene {
  model: unknown = $state.raw(null)
  still = $state(false)
  eventId = $state('')
  readonly holder: HTMLDivElement
  readonly #instance: Record<string, unknown>

  constructor(view: SceneView<unknown>, props: SceneViewProps<unknown>, doc: Document) {
    this.set(props)
    this.holder = doc.createElement('div')
    this.holder.className = SCENE_HOLDER_CLASS
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the props read this scene's state
    const kept = this
    this.#instance = mount(view, {
      target: this.holder,
      props: {
        get model() {
          return kept.model
        },
        get still() {
          return kept.still
        },
        get eventId() {
          return kept.eventId
        },
      },
    })
  }

  set(props: SceneViewProps<unknown>): void {
    this.model = props.model
    this.still = props.still
    this.eventId = props.eventId
  }

  destroy(): void {
    void unmount(this.#instance)
  }
}

/** The scenes kept for one graphic body (see the file's header). */
export interface SceneShelf {
  /**
   * Shows the scene named `scene`, drawn by `view` with `props`, as the body's only scene: the
   * one shown before leaves the document (kept as it is); this one is drawn the first time it is
   * asked for, and brought to `props` when kept (its marks animate as a new scene's would: a
   * scene that leaves forgets its step). Returns whether another scene was shown before
   * (the scene changed). Its SVG is drawn before this returns; what changes in a kept scene is
   * drawn when Svelte next flushes (in the same task). A scene whose component throws while it
   * is first drawn changes nothing: the error goes to the caller and the scene shown stays.
   */
  show(scene: string, view: SceneView<unknown>, props: SceneViewProps<unknown>): boolean
  /** Unmounts every kept scene and empties the body of them. */
  destroy(): void
}

/** A shelf of scenes for `body`, the graphic's drawing area (see the file's header). */
export function createSceneShelf(body: HTMLElement): SceneShelf {
  // Not state: nothing is drawn from the shelf itself, only from each scene's props.
  const kept: Record<string, KeptScene | undefined> = Object.create(null)
  let shown: string | null = null
  return {
    show(scene, view, props) {
      return untrack(() => {
        const before = shown
        let entry = kept[scene]
        if (entry) entry.set(props)
        if (before !== scene) {
          // Drawn before the scene shown leaves: a scene that cannot be drawn throws here, and the
          // one shown stays shown, as it was.
          if (!entry) {
            entry = new KeptScene(view, props, body.ownerDocument)
            kept[scene] = entry
          }
          const leaving = before === null ? undefined : kept[before]
          if (leaving) {
            leaving.holder.remove()
            // Its marks grow again when it comes back, even to the step it left.
            leaving.eventId = ''
          }
          body.append(entry.holder)
          shown = scene
        }
        return before !== null && before !== scene
      })
    },
    destroy() {
      for (const [scene, entry] of Object.entries(kept)) {
        entry?.destroy()
        entry?.holder.remove()
        delete kept[scene]
      }
      shown = null
    },
  }
}
