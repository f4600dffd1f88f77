// The story page's live parts, the only Svelte components the browser runs on it: the graphic in
// the sticky box and the previous/next buttons. The rest of the page is the server's markup,
// never hydrated; the controller (story/controller.ts) drives these parts through `LiveParts`.
// The buttons come with the page's first script; the graphic (every scene, its models and the
// map's shapes) is a chunk of its own, loaded at once but never waited for: the steps, keys and
// buttons work before it arrives.
import { flushSync, mount, unmount } from 'svelte'
import type { Story, StoryEvent } from '../../../worker/model'
import StepNav from '../components/StepNav.svelte'
import type { StepMove } from '../scroll/keys'
import { GRAPHIC_FAILED_CLASS, GRAPHIC_READY_CLASS } from './page-parts'
import { stepNavState } from './steps'

export interface LiveTargets {
  /** The sticky box the graphic is drawn into (its server-rendered content is replaced). */
  graphic: HTMLElement
  /** The element that takes GRAPHIC_READY_CLASS once the graphic is drawn (<main>). */
  page: HTMLElement
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
  /**
   * Settles once the graphic is drawn and measured (its box then has its final size), once it
   * could not be loaded or drawn (the page goes on without it: the steps describe it in words),
   * or, with nothing drawn, once the parts were destroyed before its code arrived. Never rejects.
   */
  readonly graphicReady: Promise<void>
  /** The active step changed (its index in reading order, or null); progress goes back to 0. */
  show(position: number | null): void
  /** 0-1 through the active step, for scenes that follow the reader. */
  progress(value: number): void
  destroy(): void
}

/**
 * Mounts the buttons (their first render runs before it returns) and starts loading the graphic.
 * When the graphic's code arrives, in one task and so before the browser paints: the server's
 * drawing gives way to the live one, `page` takes GRAPHIC_READY_CLASS (on an upright phone that
 * shows the box), and the graphic measures itself, so its box has its final height in the first
 * frame it is seen in. A graphic that fails to load or to mount is logged, and `page` takes
 * GRAPHIC_FAILED_CLASS (its box is hidden); `graphicReady` settles either way, never rejects.
 */
export function mountLiveParts(targets: LiveTargets, options: LiveOptions): LiveParts {
  const { story, order, onmove, onneed } = options
  const view = $state({ position: options.position, progress: 0 })
  let need = 0
  let destroyed = false
  let graphic: { measure(): void } | null = null

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

  // The server's drawing, put back should the live one fail to mount.
  const serverDrawing = [...targets.graphic.childNodes]
  const failed = (error: unknown) => {
    if (destroyed) return
    console.error('The story graphic could not be shown; the steps describe it in words.', error)
    if (graphic) void unmount(graphic)
    graphic = null
    targets.graphic.replaceChildren(...serverDrawing)
    targets.page.classList.remove(GRAPHIC_READY_CLASS)
    targets.page.classList.add(GRAPHIC_FAILED_CLASS)
  }
  const graphicReady = import('../charts/Graphic.svelte').then(({ default: Graphic }) => {
    if (destroyed) return
    try {
      targets.graphic.replaceChildren()
      const mounted = mount(Graphic, {
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
      graphic = mounted
      targets.page.classList.add(GRAPHIC_READY_CLASS)
      flushSync()
      mounted.measure()
      flushSync()
    } catch (error) {
      failed(error)
    }
  }, failed)

  return {
    graphicReady,
    show(position) {
      view.position = position
      view.progress = 0
    },
    progress(value) {
      view.progress = value
    },
    destroy() {
      destroyed = true
      if (graphic) void unmount(graphic)
      graphic = null
      targets.page.classList.remove(GRAPHIC_READY_CLASS, GRAPHIC_FAILED_CLASS)
      void unmount(buttons)
    },
  }
}
