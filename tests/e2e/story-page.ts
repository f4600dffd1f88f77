// What the browser tests do to the story page and what they check on it.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { sceneFor } from '../../web/src/charts/scenes'
import type { Story, StoryEvent } from '../../worker/model'

/** The trigger line (pixels from the top of the viewport) that steps cross to become active. */
export async function triggerTop(page: Page): Promise<number> {
  return page.locator('.scrolly__trigger').evaluate((el) => el.getBoundingClientRect().top)
}

/**
 * Waits until the page stops moving (the same scrollY over three frames): a wheel sent just
 * before may still be scrolling smoothly, and a distance measured meanwhile would fall short.
 */
export async function scrollSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = scrollY
        let still = 0
        const frame = () => {
          still = scrollY === last ? still + 1 : 0
          last = scrollY
          if (still >= 3) resolve()
          else requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      }),
  )
}

/**
 * Scroll with the mouse wheel until the step's top has just crossed the trigger line, and return
 * in the first frame it has (scrolling may still be going on, and the scroller may not have
 * taken it as settled). Like a reader, it turns the wheel again if the page stops short (the
 * layout moved under the first turn).
 */
export async function scrollToStep(page: Page, id: string): Promise<void> {
  const step = page.locator(`#event-${id}`)
  await scrollSettled(page)
  await page.mouse.move(10, 10)
  for (let turn = 0; turn < 4; turn++) {
    const trigger = await triggerTop(page)
    const top = await step.evaluate((el) => el.getBoundingClientRect().top)
    if (top <= trigger) return
    await page.mouse.wheel(0, Math.round(top - trigger + 20))
    // Each frame: crossed (done), or the page has stopped (three frames at the same scrollY).
    const crossed = await step.evaluate(
      (el, line) =>
        new Promise<boolean>((resolve) => {
          let last = scrollY
          let still = 0
          const frame = () => {
            if (el.getBoundingClientRect().top <= line) return resolve(true)
            still = scrollY === last ? still + 1 : 0
            last = scrollY
            if (still >= 3) return resolve(false)
            requestAnimationFrame(frame)
          }
          requestAnimationFrame(frame)
        }),
      trigger,
    )
    if (crossed) return
  }
  const trigger = await triggerTop(page)
  expect(
    await step.evaluate((el) => el.getBoundingClientRect().top),
    `step ${id} should reach the trigger line`,
  ).toBeLessThanOrEqual(trigger)
}

/**
 * The step is the one active step, the URL names it (?event=<id>), and the graphic's SVG marks
 * show its state.
 */
export async function expectStepShown(page: Page, story: Story, event: StoryEvent): Promise<void> {
  const step = page.locator(`#event-${event.id}`)
  await expect(step).toHaveAttribute('data-active', 'true')
  await expect(page.locator('.step[data-active="true"]')).toHaveCount(1)
  // The address bar names the step in the form the server sees, never as a fragment.
  await expect(page).toHaveURL(new RegExp(`[?&]event=${event.id}$`))
  await expectGraphicShows(page, story, event)
}

/**
 * Waits until the live graphic is drawn (its code is loaded after the page's first script; until
 * then the box beside the steps holds the server's drawing, which has the same attributes) and
 * is visible.
 */
export async function graphicDrawn(page: Page): Promise<void> {
  await expect(page.locator('#main')).toHaveClass(/\bhas-graphic\b/)
  await expect(page.locator('.graphic')).toBeVisible()
}

export async function expectGraphicShows(
  page: Page,
  story: Story,
  event: StoryEvent,
): Promise<void> {
  await expect(page.locator('#main')).toHaveClass(/\bhas-graphic\b/)
  const spec = sceneFor(event, story)
  const graphic = page.locator('.graphic')
  await expect(graphic).toHaveAttribute('data-scene', spec.scene)
  await expect(graphic).toHaveAttribute('data-event-id', event.id)
  const svg = graphic.locator('svg')
  const lit = svg.locator('[data-active="true"]')
  await expect(lit.first(), `a lit mark for ${event.id}`).toBeAttached()

  if (spec.scene === 'timeline') {
    await expect(svg.locator(`[data-event-id="${event.id}"][data-active="true"]`)).not.toHaveCount(
      0,
    )
    await expect(svg.locator(`[data-label-for="${event.id}"]`)).not.toHaveCount(0)
  }
  for (const figure of spec.figureIds) {
    await expect(
      svg.locator(`[data-figure-id="${figure}"][data-active="true"]`),
      `figure ${figure} of ${event.id} lit`,
    ).not.toHaveCount(0)
  }
  for (const place of spec.placeIds) {
    // Every mark drawn for one of the event's places is lit (places abroad may have none).
    const unlit = svg.locator(`[data-place-id="${place}"]:not([data-active="true"])`)
    await expect(unlit, `marks of place ${place} not lit`).toHaveCount(0)
  }
  if (spec.scene === 'map') {
    await expect(svg.locator('[data-place-id][data-active="true"]')).not.toHaveCount(0)
  }

  // Nothing lit belongs to another event's state.
  const foreign = await lit.evaluateAll(
    (els, s) =>
      els
        .map((el) => (el as SVGElement).dataset)
        .filter(
          (d) =>
            !(d.eventId === s.eventId) &&
            !(d.placeId && s.placeIds.includes(d.placeId)) &&
            !(d.figureId && s.figureIds.includes(Number(d.figureId))),
        )
        .map((d) => JSON.stringify(d)),
    spec,
  )
  expect(foreign, `marks lit at ${event.id} that are not part of its state`).toEqual([])
}

/**
 * A PNG of the graphic as the reader sees it now, without moving the page. Playwright's element
 * screenshot scrolls its element into view first, and Chromium scrolls a stuck sticky element
 * back towards its place in the flow: on a phone that lifts the active step below the trigger
 * line, and the page (rightly) goes back a step. So the viewport is shot, clipped to the graphic's
 * box; the graphic must be wholly in view (it is, from the first step on).
 */
export async function shootGraphic(page: Page, options: { path?: string } = {}): Promise<Buffer> {
  const box = await page.locator('.graphic').boundingBox()
  const viewport = page.viewportSize()!
  expect(box, 'the graphic has a box').not.toBeNull()
  expect(
    box!.y >= -0.5 && box!.y + box!.height <= viewport.height + 0.5,
    `the graphic (${Math.round(box!.y)}-${Math.round(box!.y + box!.height)}) lies within the viewport (0-${viewport.height})`,
  ).toBe(true)
  const y = Math.max(0, box!.y)
  return page.screenshot({
    ...options,
    scale: 'css',
    animations: 'disabled',
    clip: {
      x: box!.x,
      y,
      width: box!.width,
      height: Math.min(box!.height, viewport.height - y),
    },
  })
}

/**
 * The one rule for what the graphic shows: the active step's event (or the overview, with no
 * step active), in the scene sceneFor gives it, and the active step is the one the layout says.
 */
export async function expectGraphicFollowsActiveStep(page: Page, story: Story): Promise<void> {
  await expect.poll(() => activeMatchesLayout(page), 'the active step is the layout’s').toBe(true)
  const active = await page
    .locator('.step[data-active="true"]')
    .evaluateAll((els) => els.map((el) => el.id.replace(/^event-/, '')))
  expect(active.length, 'at most one active step').toBeLessThanOrEqual(1)
  const graphic = page.locator('.graphic')
  const event = story.events.find((e) => e.id === active[0])
  if (!event) {
    await expect(graphic).not.toHaveAttribute('data-event-id')
    return
  }
  await expect(graphic).toHaveAttribute('data-event-id', event.id)
  await expect(graphic).toHaveAttribute('data-scene', sceneFor(event, story).scene)
}

/** Records every state the graphic shows, from the first paint on. */
export async function recordGraphicStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: (string | null)[] = []
    ;(window as unknown as { graphicStates: (string | null)[] }).graphicStates = seen
    const note = () => {
      const graphic = document.querySelector('.graphic')
      if (!graphic) return
      const id = graphic.getAttribute('data-event-id')
      if (seen.at(-1) !== id) seen.push(id)
    }
    new MutationObserver(note).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-event-id'],
    })
  })
}

export async function graphicStates(page: Page): Promise<(string | null)[]> {
  return page.evaluate(
    () => (window as unknown as { graphicStates: (string | null)[] }).graphicStates,
  )
}

/** The active step is the one the layout says: the last whose top has passed the trigger line. */
export async function activeMatchesLayout(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const trigger = document.querySelector('.scrolly__trigger')!.getBoundingClientRect().top
    const steps = [...document.querySelectorAll('.step')]
    const passed = steps.filter((el) => el.getBoundingClientRect().top <= trigger)
    const active = steps.filter((el) => el.getAttribute('data-active') === 'true')
    return active.map((el) => el.id).join(' ') === (passed.at(-1)?.id ?? '')
  })
}

/** axe-core finds nothing on the page as it is now. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  )
  expect(summary, `axe violations ${where}`).toEqual([])
}

/**
 * What keeps the active step's headline and the first line of its first paragraph from being
 * read: each must lie inside the viewport, and at points along it the topmost element must be
 * the text itself (not the sticky graphic, the event buttons or anything else over it). An empty
 * list when both can be read.
 */
export async function unreadableParts(page: Page, id: string): Promise<string[]> {
  return page.locator(`#event-${id}`).evaluate((step) => {
    const problems: string[] = []
    const width = document.documentElement.clientWidth
    const height = document.documentElement.clientHeight
    const check = (label: string, element: Element | null, box: DOMRect | null) => {
      if (!element || !box) return problems.push(`${label}: missing`)
      if (box.top < 0 || box.bottom > height || box.left < 0 || box.right > width) {
        problems.push(
          `${label}: outside the viewport (${Math.round(box.top)}-${Math.round(box.bottom)} of ${height})`,
        )
        return
      }
      const ys = [box.top + 2, (box.top + box.bottom) / 2, box.bottom - 2]
      const xs = [box.left + 2, (box.left + box.right) / 2, box.right - 2]
      for (const y of ys) {
        for (const x of xs) {
          const top = document.elementFromPoint(x, y)
          if (!top || !(element === top || element.contains(top))) {
            const by = top
              ? `${top.tagName.toLowerCase()}.${[...top.classList].join('.')}`
              : 'nothing'
            problems.push(`${label}: covered at (${Math.round(x)}, ${Math.round(y)}) by ${by}`)
            return
          }
        }
      }
    }
    const headline = step.querySelector('h3')
    check('headline', headline, headline?.getBoundingClientRect() ?? null)
    const paragraph = step.querySelector('.step__summary')
    if (paragraph) {
      const box = paragraph.getBoundingClientRect()
      const line = Number.parseFloat(getComputedStyle(paragraph).lineHeight) || 24
      check(
        'first line of the first paragraph',
        paragraph,
        new DOMRect(box.x, box.y, box.width, line),
      )
    } else {
      problems.push('first paragraph: missing')
    }
    return problems
  })
}
