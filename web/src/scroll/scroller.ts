// A small wrapper around scrollama 3.2 that handles its known faults:
// - a jump (deep link, next/previous, a link to a step) disables scrollama, scrolls, then enables
//   it again, so the steps in between never fire;
// - after set-up, a jump, every resize and whenever scrolling settles, the active step is read
//   from the layout, so a step already in view on load is entered, a fast flick cannot skip one,
//   and a reload mid-story lands in the right state;
// - the trigger line is measured from a CSS-positioned element (placed with svh, rem), so mobile
//   address bars that change the viewport height do not move it, and a resize re-measures it;
// - destroy() also removes the document scroll listener scrollama adds and never removes.
import scrollama from 'scrollama'
import { activeIndexAt, scrollTargetFor } from './geometry'

export type Direction = 'up' | 'down'

export interface ScrollerOptions {
  steps: HTMLElement[]
  /** The trigger line, in pixels from the top of the viewport. */
  trigger: () => number
  onChange: (index: number | null, direction: Direction) => void
  onProgress: (index: number, progress: number) => void
}

export interface Scroller {
  readonly current: number | null
  /** Jump to a step without firing the steps in between. */
  goTo(index: number, smooth: boolean): Promise<void>
  /** Re-read the active step from the layout (call once after creating, unless jumping). */
  sync(): void
  destroy(): void
}

/** scrollama 3.2 as it behaves; its bundled types predate "Npx" offsets and offset(). */
interface Scrollama {
  setup(options: {
    step: HTMLElement[]
    offset: string
    progress: boolean
    threshold: number
  }): Scrollama
  onStepEnter(callback: (response: scrollama.CallbackResponse) => void): Scrollama
  onStepExit(callback: (response: scrollama.CallbackResponse) => void): Scrollama
  onStepProgress(callback: (response: { index: number; progress: number }) => void): Scrollama
  offset(value: string): Scrollama
  resize(): Scrollama
  enable(): Scrollama
  disable(): Scrollama
  destroy(): void
}

const JUMP_MARGIN = 24
const SETTLE_DELAY = 150
const SCROLL_END_TIMEOUT = 1500

type Listener = Parameters<typeof document.addEventListener>[1]

/** scrollama.setup() adds an anonymous document scroll listener; catch it so it can be removed. */
function captureScrollListener(setup: () => void): Listener | null {
  let captured: Listener | null = null
  const original = document.addEventListener
  document.addEventListener = function (this: Document, ...args: Parameters<typeof original>) {
    if (args[0] === 'scroll' && captured === null) captured = args[1]
    return original.apply(this, args)
  } as typeof original
  try {
    setup()
  } finally {
    document.addEventListener = original
  }
  return captured
}

function waitForScrollEnd(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      window.removeEventListener('scrollend', done)
      resolve()
    }
    const timer = setTimeout(done, SCROLL_END_TIMEOUT)
    window.addEventListener('scrollend', done, { once: true })
  })
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

export function createScroller({
  steps,
  trigger,
  onChange,
  onProgress,
}: ScrollerOptions): Scroller {
  const instance = scrollama() as unknown as Scrollama
  let current: number | null = null
  let jumping = false
  let offset = trigger()

  const set = (index: number | null, direction?: Direction) => {
    if (index === current) return
    const dir = direction ?? ((index ?? -1) > (current ?? -1) ? 'down' : 'up')
    current = index
    onChange(index, dir)
  }

  const sync = () => {
    if (jumping) return
    set(
      activeIndexAt(
        steps.map((s) => s.getBoundingClientRect().top),
        offset,
      ),
    )
  }

  const scrollListener = captureScrollListener(() => {
    instance.setup({
      step: steps,
      offset: `${offset}px`,
      progress: true,
      threshold: 4,
    })
  })
  instance
    .onStepEnter(({ index, direction }) => {
      if (!jumping) set(index, direction)
    })
    .onStepExit(({ index, direction }) => {
      // The active step leaving upwards hands over to the one above it (or to the overview).
      // scrollama re-sends exits for other steps when it is enabled again: those are ignored.
      const step = steps[index]
      if (jumping || direction !== 'up' || index !== current || !step) return
      if (step.getBoundingClientRect().top > offset) set(index > 0 ? index - 1 : null, 'up')
    })
    .onStepProgress(({ index, progress }) => {
      if (!jumping && index === current) onProgress(index, progress)
    })

  let resizeFrame = 0
  const onResize = () => {
    cancelAnimationFrame(resizeFrame)
    resizeFrame = requestAnimationFrame(() => {
      if (jumping) return
      const measured = trigger()
      if (Math.abs(measured - offset) >= 1) {
        offset = measured
        instance.offset(`${offset}px`)
      } else {
        instance.resize()
      }
      sync()
    })
  }
  window.addEventListener('resize', onResize)

  // A safety net for what scrollama misses (a flick past several steps into a gap, the browser
  // moving the page when the layout changes under it): shortly after scrolling stops, read the
  // active step from the layout.
  let settleTimer: ReturnType<typeof setTimeout> | undefined
  const onScroll = () => {
    clearTimeout(settleTimer)
    settleTimer = setTimeout(sync, SETTLE_DELAY)
  }
  window.addEventListener('scroll', onScroll, { passive: true })

  let jump = 0
  return {
    get current() {
      return current
    },
    sync,
    async goTo(index, smooth) {
      const step = steps[index]
      if (!step) return
      const mine = ++jump
      jumping = true
      instance.disable()
      const from = current
      current = index
      onChange(index, index >= (from ?? -1) ? 'down' : 'up')
      const top = scrollTargetFor(
        step.getBoundingClientRect().top,
        window.scrollY,
        offset,
        JUMP_MARGIN,
      )
      if (Math.abs(top - window.scrollY) >= 1) {
        window.scrollTo({ top, behavior: smooth ? 'smooth' : 'instant' })
        await (smooth ? waitForScrollEnd() : nextFrame())
      }
      await nextFrame()
      // A newer jump started while this one scrolled: it finishes the job.
      if (mine !== jump) return
      instance.enable()
      jumping = false
      sync()
    },
    destroy() {
      cancelAnimationFrame(resizeFrame)
      clearTimeout(settleTimer)
      window.removeEventListener('resize', onResize)
      window.removeEventListener('scroll', onScroll)
      instance.destroy()
      if (scrollListener) document.removeEventListener('scroll', scrollListener)
    },
  }
}
