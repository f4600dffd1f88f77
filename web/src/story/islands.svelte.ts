// The story page's live parts, the only Svelte components the browser runs on it: the graphic in
// the sticky box and the previous/next buttons. The rest of the page is the server's markup,
// never hydrated; the controller (story/controller.ts) drives these parts through `LiveParts`.
import { flushSync, mount, unmount } from 'svelte'
import type { Story, StoryEvent } from '../../../worker/model'
import Graphic from '../charts/Graphic.svelte'
import StepNav from '../components/StepNav.svelte'
import type { StepMove } from '../scroll/keys'
import { stepNavState } from './steps'

export interface LiveTargets {
  /** The sticky box the graphic is drawn into (its server-rendered content is replaced). */
  graphic: HTMLElement
  /** The element the buttons go into, and the child they go before (the masthead). */
  nav: { parent: Element; before: Element | null }
}

export interface LiveOptions {
  story: Story
  /** The steps in reading order. */
  order: readonly StoryEvent[]
  /** The active step's index at the start, or null. */
  position: number | null
  /** A button asked to move. */
  onmove: (direction: StepMove) => void
  /** The graphic's need changed: the height in CSS px it asks for (see Graphic.svelte). */
  onneed: (px: number) => void
}

/** The controller's handle on the live parts. */
export interface LiveParts {
  /** The active step changed (its index in reading order, or null); progress goes back to 0. */
  show(position: number | null): void
  /** 0-1 through the active step, for scenes that follow the reader. */
  progress(value: number): void
  /** Reads the graphic's size now and applies what follows from it before the next paint. */
  measure(): void
  destroy(): void
}

/** Mounts the graphic and the buttons (their first render and effects run before it returns). */
export function mountLiveParts(targets: LiveTargets, options: LiveOptions): LiveParts {
  const { story, order, onmove, onneed } = options
  const view = $state({ position: options.position, progress: 0 })
  let need = 0

  // The server's drawing of the graphic (at its default size, never seen without script) gives
  // way to the live one.
  targets.graphic.replaceChildren()
  const graphic = mount(Graphic, {
    target: targets.graphic,
    props: {
      story,
      get activeId() {
        return view.position === null ? null : (order[view.position]?.id ?? null)
      },
      get progress() {
        return view.progress
      },
      get need() {
        return need
      },
      set need(px: number) {
        need = px
        onneed(px)
      },
    },
  })
  const nav = () => stepNavState(order, view.position)
  const buttons = mount(StepNav, {
    target: targets.nav.parent,
    anchor: targets.nav.before ?? undefined,
    props: {
      total: order.length,
      get position() {
        return nav().position
      },
      get previous() {
        return nav().previous
      },
      get next() {
        return nav().next
      },
      onmove,
    },
  })
  flushSync()

  return {
    show(position) {
      view.position = position
      view.progress = 0
    },
    progress(value) {
      view.progress = value
    },
    measure() {
      graphic.measure()
      flushSync()
    },
    destroy() {
      void unmount(graphic)
      void unmount(buttons)
    },
  }
}
