// The story page in the browser: one controller working on the server's markup (App.svelte, never
// hydrated). It owns the active step and everything that follows it: the step's `is-active` class
// and `data-active`, the graphic and the previous/next buttons (the live parts, mounted by
// story/islands.svelte.ts), the live region, focus on a step's headline, the "Show graphic" and
// "Hide graphic" buttons (Escape closes; keys scroll a graphic taller than the screen), the
// classes on <main> (`is-live`, `graphic-open`, `reduce-motion`; the live parts add `has-graphic`
// or `graphic-failed`), scrolling (scroll/scroller.ts), the room the graphic and the buttons cover
// (scroll/clearance.ts), keys, links and focus (scroll/controls.ts), the address bar (?event=<id>
// once scrolling stops; an older #event-<id> is rewritten at once) and printing (print.ts).
// On load it reads the step elements once; nothing else it does on load grows with the number
// of steps, and a step change touches only the step left and the step entered.
import type { Story } from '../../../worker/model'
import { openDetailsWhenPrinting } from '../print'
import { measureClearance, watchClearance } from '../scroll/clearance'
import { attachControls } from '../scroll/controls'
import type { StepMove } from '../scroll/keys'
import { createScroller, type Scroller } from '../scroll/scroller'
import { stepOrder } from './chapters'
import { mountLiveParts, type LiveParts } from './islands.svelte'
import { eventIdFromHash, eventIdFromUrl, stepLinkId, urlForEvent } from './location'
import { reducedMotion, watchReducedMotion } from './motion.svelte'
import {
  ACTIVE_CLASS,
  ANNOUNCER_ID,
  GRAPHIC_CLOSE_ID,
  GRAPHIC_OPEN_CLASS,
  LIVE_CLASS,
  REDUCE_MOTION_CLASS,
  SHOW_GRAPHIC_CLASS,
} from './page-parts'
import { moveTarget } from './steps'

interface Jump {
  smooth: boolean
  /** Put keyboard focus on the step's headline (unless it is already in the step). */
  focus: boolean
  /** Say the step's headline in the live region: only for changes the reader asked for. */
  announce: boolean
}

/** What the reader does to move the page themselves (a step kept in place is then forgotten). */
const READER_MOVES = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const
const LISTEN_PASSIVE = { capture: true, passive: true } as const

/** How far each key scrolls the graphic opened over the page (px, from its box). */
const OVERLAY_SCROLL: Record<string, (box: HTMLElement) => number> = {
  ArrowDown: () => 40,
  ArrowUp: () => -40,
  PageDown: (box) => box.clientHeight * 0.85,
  PageUp: (box) => -box.clientHeight * 0.85,
  Home: (box) => -box.scrollHeight,
  End: (box) => box.scrollHeight,
}

/** A part of the server's markup the controller needs; its absence is a fault of the page. */
function required<T extends Element>(found: T | null, what: string): T {
  if (!found) throw new Error(`The story page has no ${what}.`)
  return found
}

/**
 * Makes the server-rendered story page in `doc` live for `story` (the data the page was rendered
 * from). Throws when the markup lacks one of the parts it works on. Returns a function that
 * stops everything it started and takes the live parts off the page.
 */
export function startStoryPage(story: Story, doc: Document = document): () => void {
  const main = required(doc.getElementById('main'), 'main element (#main)')
  const graphicBox = required(doc.querySelector<HTMLElement>('.scrolly__graphic'), 'graphic box')
  const sticky = required(doc.querySelector<HTMLElement>('.scrolly__sticky'), 'sticky box')
  const column = required(doc.querySelector<HTMLElement>('.scrolly__steps'), 'steps column')
  const trigger = doc.querySelector<HTMLElement>('.scrolly__trigger')
  const masthead = required(doc.querySelector<HTMLElement>('.masthead'), 'masthead')
  const announcer = required(doc.getElementById(ANNOUNCER_ID), 'live region')
  const closer = required(
    doc.getElementById(GRAPHIC_CLOSE_ID) as HTMLButtonElement | null,
    '"Hide graphic" button',
  )

  // The one read of the step elements; the story's reading order is the markup's order.
  const steps = [...column.querySelectorAll<HTMLElement>('.step')]
  const order = stepOrder(story)
  const ids = new Set(order.map((e) => e.id))
  const indexes = new Map(order.map((e, i) => [e.id, i]))
  const indexOf = (id: string) => indexes.get(id) ?? -1

  // The step the server rendered as active (?event=<id>), if any.
  const marked = column.querySelector<HTMLElement>(`.step[data-active="true"]`)
  let active: number | null = marked ? steps.indexOf(marked) : null
  if (active === -1) active = null

  let scroller: Scroller | null = null
  let live: LiveParts | null = null
  /**
   * The step the reader was on when the graphic's box appeared above the steps: placed again
   * below the box once the room above the steps is measured anew, unless the reader has moved
   * (any jump, wheel, touch, pointer or key clears it).
   */
  let keep: number | null = null
  const forget = () => {
    keep = null
  }

  /** Marks step `index` active (and the one before it not): what Step.svelte renders. */
  function show(index: number | null) {
    if (index !== active) {
      const left = active === null ? undefined : steps[active]
      left?.classList.remove(ACTIVE_CLASS)
      left?.removeAttribute('data-active')
      const entered = index === null ? undefined : steps[index]
      entered?.classList.add(ACTIVE_CLASS)
      entered?.setAttribute('data-active', 'true')
      active = index
    }
    live?.show(index)
  }

  /**
   * Only steps whose scene follows the reader get progress (and its scroll handler): the server
   * marks them `data-progress` (see Step.svelte), so this needs none of the graphic's code.
   */
  function followsProgress(index: number): boolean {
    if (reducedMotion.current) return false
    return steps[index]?.hasAttribute('data-progress') === true
  }

  /** The address bar names the step the reader settled on (the form the server sees). */
  function settle(index: number | null) {
    const id = index === null ? null : (order[index]?.id ?? null)
    const url = urlForEvent(new URL(location.href), id)
    if (url !== `${location.pathname}${location.search}${location.hash}`) {
      history.replaceState(history.state, '', url)
    }
  }

  function jumpTo(index: number, { smooth, focus, announce }: Jump) {
    const event = order[index]
    if (!scroller || !event) return
    keep = null
    void scroller.goTo(index, smooth && !reducedMotion.current)
    if (announce && announcer.textContent !== event.headline) announcer.textContent = event.headline
    if (focus) doc.getElementById(stepLinkId(event.id))?.focus({ preventScroll: true })
  }

  function move(direction: StepMove) {
    // The graphic open over the page holds the story still, as it does against wheels and touch.
    if (!scroller || main.classList.contains(GRAPHIC_OPEN_CLASS)) return
    const target = moveTarget(scroller.current, direction, order.length)
    if (target !== null) jumpTo(target, { smooth: true, focus: true, announce: true })
  }

  /** A link to an event on this page was followed. */
  function follow(id: string) {
    const index = indexOf(id)
    if (index >= 0) jumpTo(index, { smooth: true, focus: true, announce: true })
  }

  /**
   * Keyboard focus entered another step (Tab): that step becomes the active one, placed below
   * the graphic. The screen reader already says the focused headline, so nothing is announced.
   */
  function focusStep(id: string) {
    const index = indexOf(id)
    if (!scroller || index < 0 || index === scroller.current) return
    jumpTo(index, { smooth: false, focus: false, announce: false })
  }

  /** Where focus goes back to when the graphic, opened on a small screen, closes. */
  let graphicOpener: HTMLButtonElement | null = null

  /** A step's "Show graphic" (small screens): that step's graphic, over the page. */
  function showGraphic(id: string, opener: HTMLButtonElement) {
    const index = indexOf(id)
    if (scroller && index >= 0 && index !== scroller.current) {
      jumpTo(index, { smooth: false, focus: false, announce: false })
    }
    graphicOpener = opener
    main.classList.add(GRAPHIC_OPEN_CLASS)
    holdPageStill(true)
    closer.focus()
  }

  function hideGraphic() {
    main.classList.remove(GRAPHIC_OPEN_CLASS)
    holdPageStill(false)
    graphicOpener?.focus({ preventScroll: true })
    graphicOpener = null
  }

  // One listener for every step's "Show graphic" button.
  const onShowGraphic = (event: MouseEvent) => {
    if (!(event.target instanceof Element)) return
    const button = event.target.closest<HTMLButtonElement>(`.${SHOW_GRAPHIC_CLASS}`)
    const id = button?.closest<HTMLElement>('.step')?.dataset.eventId
    if (button && id) showGraphic(id, button)
  }
  // Keys for the graphic opened over the page: Escape closes it, and where it is taller than the
  // screen (a 400% zoom) the arrows, Page Up/Down, Home and End scroll it, as they would the
  // page; focus stays on "Hide graphic", whose own Space and Enter are left to it.
  // It is modal: Tab stays on "Hide graphic" (its one control), and a wheel or a touch anywhere
  // scrolls the graphic, never the page under it, so the reader's place and the button that
  // opened it are where they were when it closes.
  const onOverlayKey = (event: KeyboardEvent) => {
    if (!main.classList.contains(GRAPHIC_OPEN_CLASS)) return
    if (event.key === 'Tab') {
      event.preventDefault()
      closer.focus()
      return
    }
    if (event.defaultPrevented) return
    if (event.key === 'Escape') {
      hideGraphic()
      return
    }
    const by = OVERLAY_SCROLL[event.key]
    if (!by || event.altKey || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    graphicBox.scrollBy({
      top: by(graphicBox),
      behavior: reducedMotion.current ? 'instant' : 'smooth',
    })
  }

  // Every wheel is the graphic's, over it or not (one that fits the screen would pass a wheel on
  // to the page), and a touch outside it, or on it when it fits, moves nothing.
  const onOverlayWheel = (event: WheelEvent) => {
    if (!main.classList.contains(GRAPHIC_OPEN_CLASS)) return
    event.preventDefault()
    const unit =
      event.deltaMode === WheelEvent.DOM_DELTA_PAGE
        ? graphicBox.clientHeight
        : event.deltaMode === WheelEvent.DOM_DELTA_LINE
          ? 16
          : 1
    graphicBox.scrollBy({ top: event.deltaY * unit, behavior: 'instant' })
  }
  const onOverlayTouch = (event: TouchEvent) => {
    if (!main.classList.contains(GRAPHIC_OPEN_CLASS)) return
    const scrolls = graphicBox.scrollHeight > graphicBox.clientHeight
    if (scrolls && event.target instanceof Node && graphicBox.contains(event.target)) return
    event.preventDefault()
  }
  const MODAL_LISTEN = { capture: true, passive: false } as const
  /**
   * While the graphic is open over the page, wheels and touches outside it are its own (listened
   * to only then: a wheel listener that may cancel makes every scroll of the page wait for the
   * main thread).
   */
  function holdPageStill(hold: boolean) {
    if (hold) {
      window.addEventListener('wheel', onOverlayWheel, MODAL_LISTEN)
      window.addEventListener('touchmove', onOverlayTouch, MODAL_LISTEN)
    } else {
      window.removeEventListener('wheel', onOverlayWheel, MODAL_LISTEN)
      window.removeEventListener('touchmove', onOverlayTouch, MODAL_LISTEN)
    }
  }

  // The URL names the active step, so a reload opens there (restoring the old scroll position
  // would make scrollama fire earlier steps out of order).
  history.scrollRestoration = 'manual'
  // An older #event-<id> link: the address bar takes the ?event= form at once.
  const fromHash = eventIdFromHash(location.hash, ids)
  if (fromHash)
    history.replaceState(history.state, '', urlForEvent(new URL(location.href), fromHash))

  const detachControls = attachControls({
    ids,
    move,
    follow,
    focusStep,
    jumping: () => scroller?.jumping ?? false,
  })
  const detachPrint = openDetailsWhenPrinting()
  const stopMotion = watchReducedMotion((reduce) =>
    main.classList.toggle(REDUCE_MOTION_CLASS, reduce),
  )
  for (const type of READER_MOVES) window.addEventListener(type, forget, LISTEN_PASSIVE)
  doc.addEventListener('keydown', onOverlayKey, { capture: true })
  doc.addEventListener('click', onShowGraphic)
  closer.addEventListener('click', hideGraphic)

  // The buttons appear with `is-live`, and the graphic's box where it sits beside the steps
  // (still showing the server's drawing). The live graphic's code follows in a chunk of its
  // own; when it arrives it is drawn and measures itself in one task (see islands.svelte.ts),
  // so on an upright phone, where its box is shown only then, the box has its final height in
  // the first frame it is seen in. The steps, keys and buttons never wait for it. Should it
  // arrive above the steps once the reader is on one (a linked step, a key, a scroll), that step
  // is placed again below the box, so the box never covers the step the reader is on.
  main.classList.add(LIVE_CLASS)
  live = mountLiveParts(
    {
      graphic: sticky,
      page: main,
      nav: { parent: required(masthead.parentElement, 'page root'), before: masthead },
    },
    {
      story,
      order,
      position: active,
      onmove: move,
      onneed: (px) => {
        if (px) graphicBox.style.setProperty('--graphic-need', `${px}px`)
        else graphicBox.style.removeProperty('--graphic-need')
      },
    },
  )

  let stopped = false
  let stopClearance = () => {}
  /** The room the graphic covers above the steps, as last measured (px). */
  let roomAbove = 0
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  const clearanceTargets = () => ({
    graphic: graphicBox,
    column,
    nav: doc.querySelector<HTMLElement>('.step-nav'),
  })
  void frame()
    .then(frame)
    .then(() => {
      if (stopped) return
      stopClearance = watchClearance(clearanceTargets(), ({ top }) => {
        roomAbove = top
        scroller?.refresh()
        if (keep === null || !scroller) return
        const at = keep
        keep = null
        jumpTo(at, { smooth: false, focus: false, announce: false })
      })
      scroller = createScroller({
        steps,
        trigger: () => trigger?.getBoundingClientRect().top ?? window.innerHeight / 2,
        onChange: (index) => show(index),
        followsProgress,
        onProgress: (_index, value) => live?.progress(value),
        onSettle: settle,
      })
      const target = eventIdFromUrl(new URL(location.href), ids)
      const index = target ? indexOf(target) : -1
      if (index >= 0) {
        jumpTo(index, { smooth: false, focus: true, announce: true })
      } else {
        scroller.sync()
        settle(scroller.current)
      }
    })
  // The graphic arrived: this runs in the task that drew it, before any scroll report of the
  // layout it changed, so the active step is still the one the reader is on (kept only while it
  // is on screen: a reader past the steps stays where they are). Before the scroller starts
  // there is nothing to keep: it starts from the measured room.
  void live.graphicReady.then(() => {
    const at = scroller?.current ?? null
    const box = at === null ? undefined : steps[at]?.getBoundingClientRect()
    const onScreen = box !== undefined && box.top < window.innerHeight && box.bottom > 0
    if (!stopped && onScreen && measureClearance(clearanceTargets()).top !== roomAbove) keep = at
  })

  return () => {
    stopped = true
    scroller?.destroy()
    scroller = null
    stopClearance()
    detachControls()
    detachPrint()
    stopMotion()
    for (const type of READER_MOVES) window.removeEventListener(type, forget, LISTEN_PASSIVE)
    doc.removeEventListener('keydown', onOverlayKey, { capture: true })
    holdPageStill(false)
    doc.removeEventListener('click', onShowGraphic)
    closer.removeEventListener('click', hideGraphic)
    live?.destroy()
    live = null
    main.classList.remove(LIVE_CLASS, GRAPHIC_OPEN_CLASS, REDUCE_MOTION_CLASS)
  }
}
