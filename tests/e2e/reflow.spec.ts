// Reflow (WCAG 1.4.10, 1.4.4): at 200% zoom (640x400 CSS px), at 400% zoom on a 1280x1024 screen
// (320x256) and on a phone on its side (740x360), every step's headline and first paragraph can
// be read when it is active: the graphic moves beside the text or hides behind a "Show graphic"
// button, and the event buttons never sit over the text. On an upright phone, a deep link and a
// reload put the headline below the sticky graphic, whose height is measured, not assumed.
import type { Page } from '@playwright/test'
import { sceneFor } from '../../web/src/charts/scenes'
import { expect, test } from './fixtures'
import {
  expectNoAxeViolations,
  expectStepShown,
  scrollSettled,
  scrollToStep,
  unreadableParts,
} from './story-page'

const SMALL = [
  { name: '200% zoom', width: 640, height: 400, graphic: 'beside' },
  { name: '400% zoom', width: 320, height: 256, graphic: 'hidden' },
  { name: 'a phone on its side', width: 740, height: 360, graphic: 'beside' },
] as const

/** The boxes of the steps' column, the graphic and the event buttons, and how they are placed. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const element = document.querySelector(selector)
      if (!element) return null
      const r = element.getBoundingClientRect()
      const style = getComputedStyle(element)
      const shown = style.display !== 'none' && r.width > 0 && r.height > 0
      return {
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
        shown,
        position: style.position,
      }
    }
    return {
      column: box('.scrolly__steps')!,
      graphic: box('.scrolly__graphic')!,
      nav: box('.step-nav')!,
      scrollWidth: document.documentElement.scrollWidth,
    }
  })
}

const overlap = (a: { left: number; right: number }, b: { left: number; right: number }) =>
  a.left < b.right && a.right > b.left

for (const size of SMALL) {
  test(`at ${size.width}x${size.height} (${size.name}) every step’s headline and first paragraph can be read`, async ({
    page,
    order,
  }) => {
    test.setTimeout(300_000)
    await page.setViewportSize({ width: size.width, height: size.height })
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto('/')
    await expect(page.getByRole('navigation', { name: 'Events' })).toBeAttached()

    const start = await layout(page)
    expect(start.scrollWidth, 'nothing scrolls sideways').toBeLessThanOrEqual(size.width)
    if (size.graphic === 'beside') {
      expect(start.graphic.shown, 'the graphic is shown').toBe(true)
      expect(overlap(start.graphic, start.column), 'the graphic sits beside the text').toBe(false)
    } else {
      expect(start.graphic.shown, 'the graphic waits behind its button').toBe(false)
    }

    for (const event of order) {
      await page.keyboard.press('j')
      await expect(page.locator(`#event-${event.id}`)).toHaveAttribute('data-active', 'true')
      await expect
        .poll(() => unreadableParts(page, event.id), { message: `step ${event.id}` })
        .toEqual([])
      // The event buttons never lie over the story's text (they float over the graphic, or stay
      // at the top of the page where there is no room for them).
      const { nav, column } = await layout(page)
      const fixedOverText = nav.position === 'fixed' && overlap(nav, column)
      expect(fixedOverText, `the event buttons over the text at ${event.id}`).toBe(false)
    }
  })

  test(`at ${size.width}x${size.height} (${size.name}) axe finds no violations`, async ({
    page,
    order,
  }) => {
    test.setTimeout(180_000)
    await page.setViewportSize({ width: size.width, height: size.height })
    const middle = order[Math.floor(order.length / 2)]!
    await page.goto(`/?event=${middle.id}`)
    await expect(page.locator(`#event-${middle.id}`)).toHaveAttribute('data-active', 'true')
    await expectNoAxeViolations(page, `at ${size.width}x${size.height}`)
  })
}

test('at 400% zoom each step’s “Show graphic” opens its graphic over the page, and Escape closes it', async ({
  page,
  story,
  order,
}) => {
  await page.setViewportSize({ width: 320, height: 256 })
  const event = order[5]!
  await page.goto(`/?event=${event.id}`)
  await expect(page.locator(`#event-${event.id}`)).toHaveAttribute('data-active', 'true')
  const graphic = page.locator('.scrolly__graphic')
  await expect(graphic).toBeHidden()

  const show = page.locator(`#event-${event.id}`).getByRole('button', { name: 'Show graphic' })
  await show.click()
  await expect(graphic).toBeVisible()
  await expect(page.locator('.graphic')).toHaveAttribute('data-event-id', event.id)
  await expect(graphic.locator('svg').first()).toBeVisible()
  const hide = page.getByRole('button', { name: 'Hide graphic' })
  await expect(hide).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(graphic).toBeHidden()
  await expect(show).toBeFocused()

  // Opened from another step, it shows that step.
  const other = order[8]!
  await page.locator(`#event-${other.id}`).getByRole('button', { name: 'Show graphic' }).click()
  await expectStepShown(page, story, other)
  await hide.click()
  await expect(graphic).toBeHidden()
})

// Over the page at 400% zoom the drawing keeps its words at 12 px or more, and the box scrolls
// instead. Before, each scene's drawing was scaled down to the 256 px screen, its words to 4-5 px.
test('at 400% zoom the graphic over the page keeps its words at 12 px or more, scrolls by key and wheel, and holds the page still', async ({
  page,
  story,
  order,
}) => {
  test.setTimeout(300_000)
  await page.setViewportSize({ width: 320, height: 256 })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  // One step of each scene (and variant), in reading order.
  const seen = new Set<string>()
  const steps = order.filter((event) => {
    const spec = sceneFor(event, story)
    const kind = `${spec.scene}/${spec.mode ?? ''}`
    if (seen.has(kind)) return false
    seen.add(kind)
    return true
  })
  expect(steps.length).toBeGreaterThan(3)
  const box = page.locator('.scrolly__graphic')
  for (const event of steps) {
    await page.goto(`/?event=${event.id}`)
    const show = page.locator(`#event-${event.id}`).getByRole('button', { name: 'Show graphic' })
    await show.click()
    await expect(page.locator('.graphic')).toHaveAttribute('data-event-id', event.id)
    await expect(box.locator('svg').first()).toBeVisible()
    // The smallest word of the drawing as the reader sees it: its font size through every scale.
    await expect
      .poll(
        () =>
          box.evaluate((el) => {
            const sizes = [...el.querySelectorAll<SVGTextElement>('svg text')]
              .filter((t) => t.getClientRects().length > 0 && t.textContent?.trim())
              .map(
                (t) => (t.getScreenCTM()?.a ?? 0) * Number.parseFloat(getComputedStyle(t).fontSize),
              )
            return sizes.length ? Math.min(...sizes) : 0
          }),
        { message: `${event.id}: the smallest word in the drawing (px)` },
      )
      .toBeGreaterThanOrEqual(11.5)
    // Taller than the screen: End shows its foot (the credit above "Hide graphic"), Home its top.
    await expect(page.getByRole('button', { name: 'Hide graphic' })).toBeFocused()
    const scroll = () =>
      box.evaluate((el) => ({ top: el.scrollTop, max: el.scrollHeight - el.clientHeight }))
    expect((await scroll()).max, event.id).toBeGreaterThan(0)
    await page.keyboard.press('End')
    await expect
      .poll(async () => {
        const s = await scroll()
        return s.max - s.top
      })
      .toBeLessThan(1)
    const credit = await box.locator('.graphic-credit').boundingBox()
    const hide = await page.getByRole('button', { name: 'Hide graphic' }).boundingBox()
    expect(credit!.y + credit!.height, 'the credit ends above "Hide graphic"').toBeLessThanOrEqual(
      hide!.y + 1,
    )
    await page.keyboard.press('Home')
    await expect.poll(async () => (await scroll()).top).toBe(0)
    // It is modal: a wheel over "Hide graphic" scrolls the graphic, not the page under it, and
    // Tab stays on "Hide graphic".
    const pageAt = await page.evaluate(() => window.scrollY)
    const hideButton = page.getByRole('button', { name: 'Hide graphic' })
    await hideButton.hover()
    await page.mouse.wheel(0, 120)
    await expect.poll(async () => (await scroll()).top).toBeGreaterThan(0)
    await page.keyboard.press('Tab')
    await expect(hideButton).toBeFocused()
    await page.keyboard.press('Shift+Tab')
    await expect(hideButton).toBeFocused()
    // Nor do the story's keys move the story under it.
    await page.keyboard.press('j')
    await page.waitForTimeout(100)
    await expect(page.locator('.graphic')).toHaveAttribute('data-event-id', event.id)
    expect(await page.evaluate(() => window.scrollY), 'the page under it stayed').toBe(pageAt)
    await page.keyboard.press('Escape')
    await expect(box).toBeHidden()
    await expect(show).toBeFocused()
    await expect(show).toBeInViewport()
  }
})

test('on a 360x740 phone a ?event= link and a reload show the headline below the sticky graphic', async ({
  page,
  story,
  order,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const event of [order[Math.floor(order.length * 0.6)]!, order.at(-1)!]) {
    await page.goto(`/?event=${event.id}`)
    await expectStepShown(page, story, event)
    await expect.poll(() => unreadableParts(page, event.id)).toEqual([])
    await page.reload()
    await expectStepShown(page, story, event)
    await expect.poll(() => unreadableParts(page, event.id)).toEqual([])
  }

  // The gap kept above a step is the graphic's real height (it changes with the screen).
  const clearance = () =>
    page.evaluate(() => ({
      kept: Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop),
      graphic: document.querySelector('.scrolly__graphic')!.getBoundingClientRect().height,
    }))
  const phone = await clearance()
  expect(phone.kept).toBeCloseTo(phone.graphic, 0)
  await page.setViewportSize({ width: 360, height: 600 })
  await expect.poll(async () => (await clearance()).kept).not.toBeCloseTo(phone.kept, 0)
  const shorter = await clearance()
  expect(shorter.kept).toBeCloseTo(shorter.graphic, 0)
})

// A change of width rewraps the text, so the same scroll offset would show another step: the
// reader's step must stay the active one, named in the address bar, its graphic shown. Before,
// step 9 of a desktop window made 700 px wide became step 11 (and 32 became 41), and a phone
// turned on its side went from step 9 to step 11.
const TURNS = {
  desktop: [
    { width: 700, height: 800 },
    { width: 1280, height: 800 },
  ],
  mobile: [
    { width: 844, height: 390 },
    { width: 390, height: 844 },
  ],
} as const

test('a window made narrower or wider, or a phone turned, keeps the reader’s step', async ({
  page,
  story,
  order,
}, testInfo) => {
  const turns = TURNS[testInfo.project.name as keyof typeof TURNS]
  // Reached by a link (the place a jump lands on) and by the wheel (the place scrolling stops at).
  for (const [index, how] of [
    [9, 'link'],
    [32, 'link'],
    [20, 'wheel'],
  ] as const) {
    const event = order[index]!
    if (how === 'link') {
      await page.goto(`/?event=${event.id}`)
    } else {
      await page.goto(`/?event=${order[index - 1]!.id}`)
      await expectStepShown(page, story, order[index - 1]!)
      await scrollToStep(page, event.id)
    }
    await expectStepShown(page, story, event)
    for (const size of turns) {
      await page.setViewportSize(size)
      await scrollSettled(page)
      await expectStepShown(page, story, event)
      await expect
        .poll(() => unreadableParts(page, event.id), `${size.width}x${size.height}`)
        .toEqual([])
    }
  }
})

// A change of width straight after the reader moved (before scrolling has settled) keeps where
// they got to, not where they last stopped: before, a window made narrower 60 ms after the wheel
// took step 15 across the line went back to step 10, and a contents link followed by a resize
// at once, with reduced motion, left the reader at the story's end.
test('a change of width straight after a scroll or a link keeps the step the reader moved to', async ({
  page,
  story,
  order,
}, testInfo) => {
  const [turn, back] = TURNS[testInfo.project.name as keyof typeof TURNS]
  const start = page.viewportSize()!
  // From step 10, one wheel to the next step or five steps on. The width changes in the first
  // frame the step is across the line (the page may still be moving), or once the page has
  // stopped but before scrolling is taken as settled.
  for (const to of [11, 15])
    for (const when of ['while moving', 'just stopped'] as const) {
      const event = order[to]!
      await page.setViewportSize(start)
      await page.goto(`/?event=${order[10]!.id}`)
      await expectStepShown(page, story, order[10]!)
      await scrollToStep(page, event.id)
      if (when === 'just stopped') await scrollSettled(page)
      await page.setViewportSize(turn)
      await scrollSettled(page)
      await expect(page.locator(`#event-${event.id}`), `step ${to}, ${when}`).toHaveAttribute(
        'data-active',
        'true',
      )
      await expectStepShown(page, story, event)
      await expect.poll(() => unreadableParts(page, event.id)).toEqual([])
    }

  // With reduced motion a link's jump is instant, so the width can change as it lands.
  await page.setViewportSize(start)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  for (const [index, size] of [
    [33, turn],
    [5, back],
  ] as const) {
    const event = order[index]!
    await scrollSettled(page)
    if (!(await page.locator('#contents').evaluate((el) => (el as HTMLDetailsElement).open)))
      await page.locator('#contents summary').click()
    await page.locator(`#contents a[href="/?event=${event.id}"]`).click()
    await page.setViewportSize(size)
    await scrollSettled(page)
    await expect(page.locator(`#event-${event.id}`), 'after a link').toHaveAttribute(
      'data-active',
      'true',
    )
    await expectStepShown(page, story, event)
    await expect.poll(() => unreadableParts(page, event.id)).toEqual([])
  }
})

// The place kept across a change of width lets go of the page once the layout has settled: a
// scroll that comes without the wheel, touch or keys (find in page, a screen reader, a script)
// stays where it went. Before, it was pulled back to the kept place when scrolling settled.
test('after a change of width, a scroll that is not the wheel’s stays where it went', async ({
  page,
  story,
  order,
}, testInfo) => {
  const [turn] = TURNS[testInfo.project.name as keyof typeof TURNS]
  await page.goto(`/?event=${order[9]!.id}`)
  await expectStepShown(page, story, order[9]!)
  await page.setViewportSize(turn)
  await scrollSettled(page)
  await expectStepShown(page, story, order[9]!)
  for (const by of [150, -120]) {
    const went = await page.evaluate((top) => {
      window.scrollBy({ top, behavior: 'instant' })
      return window.scrollY
    }, by)
    // Well past the moment scrolling counts as settled (150 ms).
    await page.waitForTimeout(600)
    await scrollSettled(page)
    expect(
      Math.abs((await page.evaluate(() => window.scrollY)) - went),
      `scrolled by ${by}`,
    ).toBeLessThan(2)
  }
})

// Runs in the page before its scripts: every height the sticky graphic's box is laid out at (as
// the browser reports it before painting), from the moment the box is in the page.
const RECORD_GRAPHIC_HEIGHTS = `(() => {
  const heights = []
  window.__graphicHeights = heights
  const watch = (el) =>
    new ResizeObserver((entries) => {
      for (const e of entries) heights.push(e.borderBoxSize[0].blockSize)
    }).observe(el)
  const found = new MutationObserver(() => {
    const el = document.getElementById('graphic')
    if (!el) return
    found.disconnect()
    watch(el)
  })
  found.observe(document, { childList: true, subtree: true })
})()`

for (const size of [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
]) {
  test(`on a ${size.width}x${size.height} phone the sticky graphic has its final height in the first frame it is shown`, async ({
    page,
  }) => {
    await page.setViewportSize(size)
    await page.addInitScript(RECORD_GRAPHIC_HEIGHTS)
    await page.goto('/')
    await expect(page.locator('#graphic')).toHaveAttribute('style', /--graphic-need/)
    await expect(page.locator('.graphic')).toHaveAttribute('data-scene', /./)
    // Long enough for a late measurement to land, were there one.
    await page.waitForTimeout(1000)
    const { heights, final, scrolled } = await page.evaluate(() => ({
      heights: (window as unknown as { __graphicHeights: number[] }).__graphicHeights,
      final: document.getElementById('graphic')!.getBoundingClientRect().height,
      scrolled: window.scrollY,
    }))
    expect(scrolled, 'nothing scrolled the page').toBe(0)
    // The box is hidden (0 px) until the script runs; from the first frame it is shown, one height.
    const shown = heights.filter((h) => h > 0)
    expect(shown.length, 'the box was laid out').toBeGreaterThan(0)
    expect(final, 'the box is taller than its least height: its scenes need it').toBeGreaterThan(
      size.height * 0.42 + 1,
    )
    expect(shown, 'every height the box was laid out at once shown').toEqual(shown.map(() => final))
  })
}
