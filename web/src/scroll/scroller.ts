// A small wrapper around scrollama 3.2 that handles its known faults:
// - a jump (deep link, next/previous, a link to a step) disables scrollama, scrolls, then enables
//   it again, so the steps in between never fire;
// - after set-up, a jump, every resize and whenever scrolling settles, the active step is read
//   from the layout, so a step already in view on load is entered, a fast flick cannot skip one,
//   and a reload mid-story lands in the right state;
// - when the steps change size (a resize that rewraps their text, a rotation), scrollama's
//   observers are all rebuilt at once: scrollama 3.2 rebuilds a resized step's own observers
//   without its progress observer, and those built before the resize keep the old viewport;
// - the reader's place survives a change of width: the text rewraps and the same scroll offset
//   would show another step (a window made narrower, a phone turned on its side), so the point of
//   the active step at the top of the text the reader could see is put back there (below the
//   graphic, if it now sits above the steps), and that step stays active. The place is read in
//   every frame the page scrolls (so a resize straight after a scroll keeps where the reader got
//   to, not where they last stopped), when scrolling settles and when a jump lands; a change of
//   height alone (a mobile address bar) rewraps nothing and moves nothing. The place read before
//   the change is kept through the layout changes that follow it (the graphic's box taking its
//   new height) until the reader moves. A jump whose layout changed under it (a resize as it
//   lands) lands on its step again as laid out now;
// - progress through a step is read from the layout here, not from scrollama's progress
//   observers, and only while the active step asks for it (`followsProgress`): in the same
//   reads as the reader's place, once per frame the page scrolls and before anything is
//   written, so it survives every resize and adds nothing on steps whose scene does not follow
//   the reader;
// - the trigger line is measured from a CSS-positioned element (placed with svh, rem and the
//   graphic's measured height), so mobile address bars do not move it, and `refresh()` or a
//   resize re-measures it;
// - `onSettle` reports the active step once scrolling stops (or a jump ends), so work that need
//   not follow every step (the address bar) waits for the reader to stop;
// - destroy() also removes the document scroll listener scrollama adds and never removes.
import scrollama from 'scrollama'
import { activeIndexAt, progressAt, scrollTargetFor, scrollToKeepPlace } from './geometry'

export type Direction = 'up' | 'down'

export interface ScrollerOptions {
  steps: HTMLElement[]
  /** The trigger line, in pixels from the top of the viewport. */
  trigger: () => number
  onChange: (index: number | null, direction: Direction) => void
  /** Whether the step's graphic follows the reader through it (then onProgress is called). */
  followsProgress: (index: number) => boolean
  /** 0-1 through the active step, for steps that follow progress; at most once a frame. */
  onProgress: (index: number, progress: number) => void
  /** Scrolling has stopped (or a jump ended) with this step active. */
  onSettle: (index: number | null) => void
}

export interface Scroller {
  readonly current: number | null
  /** True while a jump is scrolling. */
  readonly jumping: boolean
  /**
   * Jump to a step without firing the steps in between. The step lands where its scroll margin
   * and the page's scroll padding put it (below the sticky graphic; see App.svelte).
   */
  goTo(index: number, smooth: boolean): Promise<void>
  /** Re-read the active step from the layout (call once after creating, unless jumping). */
  sync(): void
  /** The layout changed (the graphic's height, the trigger line): re-measure and rebuild. */
  refresh(): void
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
  offset(value: string): Scrollama
  resize(): Scrollama
  enable(): Scrollama
  disable(): Scrollama
  destroy(): void
}

const SETTLE_DELAY = 150
/**
 * How long a place pinned across a change of width holds after it was last put back (ms): the
 * layout changes a resize brings (the graphic re-measured, its box's new height, the steps
 * rewrapped) come within a few frames of it, even on a slow phone.
 */
const PIN_HOLD = 1000
const SCROLL_END_TIMEOUT = 1500
const READER_INPUT = { capture: true, passive: true } as const
/** Keys the browser scrolls the page with. */
const SCROLL_KEYS = new Set([' ', 'PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown'])

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

const pixels = (value: string) => Number.parseFloat(value) || 0

/**
 * Where a jump to `step` scrolls the window: its top at its scroll margin plus the page's scroll
 * padding (what scrollIntoView and fragment links use too, so every way to a step lands alike).
 */
function jumpTarget(step: HTMLElement): number {
  const root = document.documentElement
  const maxScroll = root.scrollHeight - window.innerHeight
  return scrollTargetFor(step.getBoundingClientRect().top, window.scrollY, insetOf(step), maxScroll)
}

/** Where a jump puts a step's top (px from the viewport's top): its scroll margin plus padding. */
function insetOf(step: HTMLElement): number {
  const root = document.documentElement
  return (
    pixels(getComputedStyle(step).scrollMarginTop) + pixels(getComputedStyle(root).scrollPaddingTop)
  )
}

/** Sets scrollama up on the steps (see the file's header); destroy() stops it for good. */
export function createScroller({
  steps,
  trigger,
  onChange,
  followsProgress,
  onProgress,
  onSettle,
}: ScrollerOptions): Scroller {
  const instance = scrollama() as unknown as Scrollama
  let current: number | null = null
  let jumping = false
  let offset = trigger()

  // One frame's reads while the page scrolls, before anything is written: the reader's place
  // (see takePlace), then, only while the active step follows progress, the progress.
  let scrollFrame = 0
  let progressOn = false
  const readFrame = () => {
    scrollFrame = 0
    takePlace()
    const index = current
    const step = index === null ? undefined : steps[index]
    if (!progressOn || index === null || !step || jumping) return
    // Reads first (two rectangles), then the one write (the callback).
    const box = step.getBoundingClientRect()
    const line = trigger()
    onProgress(index, progressAt(box.top, box.height, line))
  }
  const scheduleFrame = () => {
    if (!scrollFrame) scrollFrame = requestAnimationFrame(readFrame)
  }
  window.addEventListener('scroll', scheduleFrame, { passive: true })
  const followProgress = () => {
    progressOn = current !== null && followsProgress(current)
    if (progressOn) scheduleFrame()
  }

  const set = (index: number | null, direction?: Direction) => {
    if (index === current) return
    const dir = direction ?? ((index ?? -1) > (current ?? -1) ? 'down' : 'up')
    current = index
    onChange(index, dir)
    followProgress()
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

  // The reader's place (see the file's header): the step active as laid out, how far through it
  // the line a jump puts its top on is (the top of the text the reader can see), and the layout
  // width it was read at. Across a change of width the place read before it is pinned, and so is
  // the place a jump lands on (the layout may still be settling as it lands): each layout change
  // that follows (a refresh: the graphic's box taking its new height, the steps rewrapping) puts
  // it back again, and no place is read from the page meanwhile, until the reader moves (wheel,
  // touch, pointer, a scrolling key), a jump starts, or PIN_HOLD passes with no layout change;
  // the place is then read again. Scrolling alone (find in page, a screen reader, a scrollbar)
  // never brings a pinned place back.
  interface Place {
    index: number
    through: number
    width: number
  }
  let place: Place | null = null
  let pinned: { place: Place; at: number } | null = null
  let pinTimer: ReturnType<typeof setTimeout> | undefined
  const unpin = () => {
    clearTimeout(pinTimer)
    pinned = null
  }
  /** Pins `at` (or holds the pin longer): it lets go PIN_HOLD after, and the place is read again. */
  const pin = (at: Place) => {
    if (pinned?.place !== at) pinned = { place: at, at: performance.now() }
    clearTimeout(pinTimer)
    pinTimer = setTimeout(() => {
      pinned = null
      takePlace()
    }, PIN_HOLD)
  }
  const layoutWidth = () => document.documentElement.clientWidth
  /** Whether the pinned place still holds (see above); forgets it once the reader has moved. */
  const holdsPin = () => {
    if (pinned && readerInput > pinned.at) unpin()
    return pinned !== null
  }
  // The inset line (see insetOf), read again on every refresh: the frame's reads need no style.
  let inset = steps[0] ? insetOf(steps[0]) : 0
  /**
   * Reads the place from the layout: the step active as laid out now (found from `current` by a
   * step or two, as activeIndexAt would). Not during a jump, not while a pinned place holds, and
   * not once the width has changed since the last place was read (keepPlace pins that one first).
   */
  const takePlace = () => {
    if (jumping || holdsPin() || (place && place.width !== layoutWidth())) return
    let index = current ?? -1
    while (index + 1 < steps.length && steps[index + 1]!.getBoundingClientRect().top <= offset)
      index++
    while (index >= 0 && steps[index]!.getBoundingClientRect().top > offset) index--
    const step = steps[index]
    if (!step) {
      place = null
      return
    }
    const box = step.getBoundingClientRect()
    place = {
      index,
      through: progressAt(box.top, box.height, inset),
      width: layoutWidth(),
    }
  }
  /**
   * If the width changed since the place was read, pins that place and puts it back (its point
   * of the step on the inset line as laid out now); after any other layout change (`layout`, a
   * refresh), puts a pinned place that still holds back again.
   */
  const keepPlace = (layout: boolean) => {
    if (jumping) return
    const width = layoutWidth()
    if (place && place.width !== width) {
      pin(place)
      place = { ...place, width }
    } else if (!layout) return
    if (!holdsPin()) return
    const held = pinned!
    pin(held.place)
    const step = steps[held.place.index]
    if (!step) return
    const root = document.documentElement
    const box = step.getBoundingClientRect()
    const maxScroll = root.scrollHeight - window.innerHeight
    const top = scrollToKeepPlace(
      box.top,
      box.height,
      held.place.through,
      insetOf(step),
      offset,
      window.scrollY,
      maxScroll,
    )
    if (Math.abs(top - window.scrollY) >= 1) window.scrollTo({ top, behavior: 'instant' })
  }

  const scrollListener = captureScrollListener(() => {
    instance.setup({
      step: steps,
      offset: `${offset}px`,
      progress: false,
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

  // Re-measure the trigger line and rebuild every observer (scrollama's resize() does all of
  // them, with the viewport as it is now), then read the active step and its progress again.
  // A layout change during a jump (the graphic's box appearing above the steps) is owed, not
  // dropped: the jump re-measures before it reads the active step where it landed.
  let refreshFrame = 0
  let refreshOwed = false
  const remeasure = () => {
    refreshOwed = false
    inset = steps[0] ? insetOf(steps[0]) : 0
    const measured = trigger()
    if (Math.abs(measured - offset) >= 1) {
      offset = measured
      instance.offset(`${offset}px`)
    } else {
      instance.resize()
    }
  }
  const refresh = () => {
    cancelAnimationFrame(refreshFrame)
    refreshFrame = requestAnimationFrame(() => {
      if (jumping) {
        refreshOwed = true
        return
      }
      remeasure()
      keepPlace(true)
      sync()
      if (progressOn) scheduleFrame()
    })
  }
  window.addEventListener('resize', refresh)

  // Steps change size when their text rewraps (a resize, a rotation, a font loading): rebuild.
  const heights = new Map<Element, number>()
  const resizes = new ResizeObserver((entries) => {
    let changed = false
    for (const entry of entries) {
      const height = Math.round(entry.contentRect.height)
      if (heights.has(entry.target) && heights.get(entry.target) !== height) changed = true
      heights.set(entry.target, height)
    }
    if (changed) refresh()
  })
  for (const step of steps) resizes.observe(step)

  // A safety net for what scrollama misses (a flick past several steps into a gap, the browser
  // moving the page when the layout changes under it): shortly after scrolling stops, read the
  // active step from the layout, then report where the reader settled.
  let settleTimer: ReturnType<typeof setTimeout> | undefined
  const onScroll = () => {
    clearTimeout(settleTimer)
    settleTimer = setTimeout(() => {
      if (jumping) return
      // A change of width not yet seen by a refresh (its frame held back) is kept first.
      keepPlace(false)
      sync()
      takePlace()
      onSettle(current)
    }, SETTLE_DELAY)
  }
  window.addEventListener('scroll', onScroll, { passive: true })

  // When the reader last scrolled by wheel, touch, pointer or a scrolling key: a jump they
  // interrupt is theirs.
  let readerInput = 0
  const onReaderInput = (event: Event) => {
    if (event instanceof KeyboardEvent && !SCROLL_KEYS.has(event.key)) return
    readerInput = event.timeStamp
  }
  const inputs = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const
  for (const type of inputs) window.addEventListener(type, onReaderInput, READER_INPUT)

  let jump = 0
  return {
    get current() {
      return current
    },
    get jumping() {
      return jumping
    },
    sync() {
      sync()
      takePlace()
    },
    refresh,
    async goTo(index, smooth) {
      const step = steps[index]
      if (!step) return
      const mine = ++jump
      const started = performance.now()
      jumping = true
      unpin()
      instance.disable()
      const from = current
      current = index
      onChange(index, index >= (from ?? -1) ? 'down' : 'up')
      const top = jumpTarget(step)
      if (Math.abs(top - window.scrollY) >= 1) {
        window.scrollTo({ top, behavior: smooth ? 'smooth' : 'instant' })
        await (smooth ? waitForScrollEnd() : nextFrame())
      }
      // A `scrollend` can belong to an earlier smooth scroll this one interrupted (the reader
      // pressed k while j's scroll was still running): wait for this one's end once more, then
      // land at the target at once, so the step is read from the layout only where it is placed.
      // A reader who scrolled meanwhile keeps the place they scrolled to.
      // Landed means still at the target a frame later (nothing older is moving the page).
      for (let tries = 0; mine === jump && readerInput < started && tries < 3; tries++) {
        if (Math.abs(jumpTarget(step) - window.scrollY) < 1) {
          await nextFrame()
          if (Math.abs(jumpTarget(step) - window.scrollY) < 1) break
        }
        const target = jumpTarget(step)
        if (smooth && tries === 0) await waitForScrollEnd()
        else {
          window.scrollTo({ top: target, behavior: 'instant' })
          await nextFrame()
        }
      }
      await nextFrame()
      // A newer jump started while this one scrolled: it finishes the job.
      if (mine !== jump) return
      // The layout changed as the jump landed (a resize in its last frames, seen by no try
      // above): it lands on its step as laid out now, unless the reader has taken over.
      if (readerInput < started && Math.abs(jumpTarget(step) - window.scrollY) >= 1) {
        window.scrollTo({ top: jumpTarget(step), behavior: 'instant' })
        await nextFrame()
        if (mine !== jump) return
      }
      instance.enable()
      jumping = false
      if (refreshOwed) remeasure()
      followProgress()
      sync()
      // Where the jump landed, as laid out now, is the reader's place (whatever width it had),
      // pinned like a place kept across a change of width: the layout may not be final yet (a
      // resize as the jump landed: the graphic's box takes its new height a frame or two later,
      // and the step is put back below it then).
      place = null
      takePlace()
      if (place) pin(place)
      onSettle(current)
    },
    destroy() {
      // A jump under way stops at its next frame: nothing is enabled, read or reported again.
      jump++
      refreshOwed = false
      cancelAnimationFrame(refreshFrame)
      cancelAnimationFrame(scrollFrame)
      clearTimeout(settleTimer)
      clearTimeout(pinTimer)
      resizes.disconnect()
      window.removeEventListener('resize', refresh)
      window.removeEventListener('scroll', onScroll)
      for (const type of inputs) window.removeEventListener(type, onReaderInput, READER_INPUT)
      window.removeEventListener('scroll', scheduleFrame)
      instance.destroy()
      if (scrollListener) document.removeEventListener('scroll', scrollListener)
    },
  }
}
