// The graphic's code is a chunk of its own, loaded after the page's first script and never waited
// for: the steps, keys and buttons work before it arrives; when it does, it is drawn at the step
// the reader is on, and on an upright phone its box appears then, at its final height. A graphic
// that cannot be loaded leaves a story that still reads and moves, linked steps included.
import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectGraphicShows, unreadableParts } from './story-page'

/** The graphic's chunks (the bundler names each after Graphic.svelte). */
const GRAPHIC_CHUNKS = /\/assets\/Graphic-[^/]+\.js$/

/** Holds every request for the graphic's chunks until `release` is called. */
async function holdGraphic(page: Page): Promise<{ held: () => number; release: () => void }> {
  const waiting: Route[] = []
  let released = false
  await page.route(GRAPHIC_CHUNKS, async (route) => {
    if (released) await route.continue()
    else waiting.push(route)
  })
  return {
    held: () => waiting.length,
    release: () => {
      released = true
      for (const route of waiting.splice(0)) void route.continue()
    },
  }
}

test('on a phone the steps, keys and buttons work before the graphic arrives, which then draws the step the reader is on', async ({
  page,
  story,
  order,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  const graphic = await holdGraphic(page)
  await page.goto('/')
  await expect(page.getByRole('navigation', { name: 'Events' })).toBeAttached()
  await expect.poll(graphic.held, 'the graphic was asked for at once').toBeGreaterThan(0)

  // The page is live without it: no empty box above the steps, the keys and the buttons move.
  const box = page.locator('.scrolly__graphic')
  await expect(page.locator('#main')).toHaveClass(/\bis-live\b/)
  await expect(box).toBeHidden()
  await page.keyboard.press('j')
  await expect(page.locator(`#event-${order[0]!.id}`)).toHaveAttribute('data-active', 'true')
  await page.getByRole('button', { name: /^Next event/ }).click()
  const reader = order[1]!
  await expect(page.locator(`#event-${reader.id}`)).toHaveAttribute('data-active', 'true')
  await expect(page.locator(`#event-${reader.id}-link`)).toBeFocused()

  graphic.release()
  await expect(page.locator('#main')).toHaveClass(/\bhas-graphic\b/)
  await expect(box).toBeVisible()
  await expectGraphicShows(page, story, reader)
  // Its box has the height its scenes ask for, the step is still the reader's, and the box
  // that appeared above it covers none of its headline and first paragraph.
  await expect(box).toHaveAttribute('style', /--graphic-need/)
  await expect(page.locator(`#event-${reader.id}`)).toHaveAttribute('data-active', 'true')
  await expect.poll(() => unreadableParts(page, reader.id)).toEqual([])
  await page.keyboard.press('j')
  await expectGraphicShows(page, story, order[2]!)
})

test('beside the steps the server’s drawing holds the graphic’s place until the live one arrives', async ({
  page,
  story,
  order,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const graphic = await holdGraphic(page)
  await page.goto('/')
  await expect(page.locator('#main')).toHaveClass(/\bis-live\b/)
  const box = page.locator('.scrolly__graphic')
  await expect(box).toBeVisible()
  await expect(box.locator('svg').first()).toBeVisible()
  const before = await page.locator('.scrolly__steps').boundingBox()

  graphic.release()
  await expect(page.locator('#main')).toHaveClass(/\bhas-graphic\b/)
  // The steps' column did not move when the live graphic took the server's drawing's place.
  expect(await page.locator('.scrolly__steps').boundingBox()).toEqual(before)
  await page.keyboard.press('j')
  await expectGraphicShows(page, story, order[0]!)
})

test('without the graphic’s code the story still reads and moves, and a linked step is placed and focused', async ({
  page,
  order,
  problems,
}) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.route(GRAPHIC_CHUNKS, (route) => route.abort('failed'))
  const linked = order[Math.floor(order.length / 2)]!
  await page.goto(`/?event=${linked.id}`)
  await expect(page.locator(`#event-${linked.id}`)).toHaveAttribute('data-active', 'true')
  await expect(page.locator(`#event-${linked.id}-link`)).toBeFocused()
  await expect(page.locator('#announcement')).toHaveText(linked.headline)
  await expect(page.locator('.scrolly__graphic')).toBeHidden()
  await expect(page.locator('#main')).not.toHaveClass(/\bhas-graphic\b/)

  const next = order[order.indexOf(linked) + 1]!
  await page.keyboard.press('j')
  await expect(page.locator(`#event-${next.id}`)).toHaveAttribute('data-active', 'true')
  await expect(page).toHaveURL(new RegExp(`[?&]event=${next.id}$`))
  // Its headline is in view, not under anything.
  const top = await page
    .locator(`#event-${next.id}-link`)
    .evaluate((el) => el.getBoundingClientRect().top)
  expect(top).toBeGreaterThanOrEqual(0)
  expect(top).toBeLessThan(740)

  // What the page says about the missing chunk: the failed requests and one logged error, no
  // page error. Anything else is still a problem.
  const expected = (p: string) =>
    (p.startsWith('request failed: ') && GRAPHIC_CHUNKS.test(p.split(' ')[2]!)) ||
    p.startsWith('console error: The story graphic could not be shown') ||
    p.startsWith('console error: Failed to load resource')
  expect(problems.filter(expected).length).toBeGreaterThan(0)
  problems.splice(0, problems.length, ...problems.filter((p) => !expected(p)))
})
