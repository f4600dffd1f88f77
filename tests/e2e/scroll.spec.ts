// Scrolling: every step becomes active in turn and the graphic follows it; the page keeps its
// state across a reload; a step already past the trigger line on load is entered; progress
// through a step still drives the graphic after large resizes.
import { sceneFor } from '../../web/src/charts/scenes'
import { expect, test } from './fixtures'
import {
  activeMatchesLayout,
  expectGraphicFollowsActiveStep,
  expectStepShown,
  graphicDrawn,
  graphicStates,
  recordGraphicStates,
  scrollToStep,
} from './story-page'

test('every event is a step with its date, headline, outlets and the graphic’s description', async ({
  page,
  story,
  order,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.story.title)
  const steps = page.locator('.step')
  await expect(steps).toHaveCount(story.events.length)
  await expect(steps.locator('h3')).toHaveText(order.map((e) => e.headline))
  for (const event of order) {
    const step = page.locator(`#event-${event.id}`)
    await expect(step.locator('time')).toHaveAttribute('datetime', event.date)
    for (const outlet of event.outlets) await expect(step).toContainText(outlet.name)
    await expect(step.locator('.sr-only')).toContainText(/^Graphic: \S/)
  }
})

test('scrolling down through the story activates every step in turn', async ({
  page,
  story,
  order,
}) => {
  test.setTimeout(180_000)
  await recordGraphicStates(page)
  await page.goto('/')
  await graphicDrawn(page)
  await expect(page.locator('.step[data-active="true"]')).toHaveCount(0)
  for (const event of order) {
    await scrollToStep(page, event.id)
    await expectStepShown(page, story, event)
  }
  // Scrolled one step at a time, the graphic showed every event once, in reading order.
  const shown = (await graphicStates(page)).filter((id) => id !== null)
  expect(shown).toEqual(order.map((e) => e.id))
})

test('jumps of the page far down, back near the top and above the first step: the graphic always shows the active step’s scene', async ({
  page,
  story,
  order,
}) => {
  await page.goto('/')
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const first = order[0]!
  await scrollToStep(page, first.id)
  await expectStepShown(page, story, first)
  // Scroll jumps the scroller does not make itself (a script, the browser's find, a scrollbar
  // drag): far down, back to the second step, and back above the first.
  const topOf = (id: string) =>
    page.locator(`#event-${id}`).evaluate((el) => el.getBoundingClientRect().top + window.scrollY)
  const trigger = await page
    .locator('.scrolly__trigger')
    .evaluate((el) => el.getBoundingClientRect().top)
  for (const target of [order.at(-3)!, order[1]!, order[Math.floor(order.length / 2)]!, first]) {
    const y = (await topOf(target.id)) - trigger + 10
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y)
    await expect(page.locator(`#event-${target.id}`)).toHaveAttribute('data-active', 'true')
    await expectGraphicFollowsActiveStep(page, story)
    await expectStepShown(page, story, target)
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }))
  await expect(page.locator('.step[data-active="true"]')).toHaveCount(0)
  await expectGraphicFollowsActiveStep(page, story)
})

test('scrolling back above the first step returns to the overview', async ({ page, order }) => {
  await page.goto('/')
  const first = order[0]!
  await scrollToStep(page, first.id)
  await expect(page.locator(`#event-${first.id}`)).toHaveAttribute('data-active', 'true')
  await page.mouse.wheel(0, -5000)
  await expect(page.locator('.step[data-active="true"]')).toHaveCount(0)
  await expect(page.locator('.graphic')).not.toHaveAttribute('data-event-id')
  await expect(page).not.toHaveURL(/#event-/)
  await expect(page).not.toHaveURL(/[?&]event=/)
})

test('a reload mid-story comes back to the same step and graphic state', async ({
  page,
  story,
  order,
}) => {
  await page.goto('/')
  const middle = order[Math.floor(order.length / 2)]!
  // One fast flick of the wheel from the top to the middle of the story.
  await scrollToStep(page, middle.id)
  await expectStepShown(page, story, middle)
  await page.reload()
  await expectStepShown(page, story, middle)
  const top = await page
    .locator(`#event-${middle.id}`)
    .evaluate((el) => el.getBoundingClientRect().top)
  expect(top).toBeLessThan(page.viewportSize()!.height)
})

test('a page already scrolled into the story when its script starts enters the right step', async ({
  page,
}) => {
  // The browser restored a position, or the reader scrolled while the page loaded: the page is
  // mid-story before the script runs. No scroll event will come; the step must be entered anyway.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') window.scrollTo(0, document.body.scrollHeight / 3)
    })
  })
  await page.goto('/')
  await graphicDrawn(page)
  await expect(page.locator('.step[data-active="true"]')).toHaveCount(1)
  await expect.poll(() => activeMatchesLayout(page)).toBe(true)
  const id = await page.locator('.step[data-active="true"]').getAttribute('data-event-id')
  await expect(page.locator('.graphic')).toHaveAttribute('data-event-id', id!)
  await expect(page).toHaveURL(new RegExp(`[?&]event=${id}$`))
})

test('resizes and a changing address bar do not break step detection', async ({
  page,
  story,
  order,
}) => {
  const { width, height } = page.viewportSize()!
  const [a, b, c] = [order[4]!, order[5]!, order[6]!]
  await page.goto('/')
  await scrollToStep(page, a.id)
  await expectStepShown(page, story, a)

  // A mobile address bar hiding and showing again changes only the viewport's height.
  await page.setViewportSize({ width, height: height - 80 })
  await page.setViewportSize({ width, height })
  await expectStepShown(page, story, a)
  await scrollToStep(page, b.id)
  await expectStepShown(page, story, b)

  // The other layout (side by side <-> stacked): the active step is the one the layout says.
  await page.setViewportSize(
    width > 600 ? { width: 390, height: 844 } : { width: 1280, height: 800 },
  )
  await expect.poll(() => activeMatchesLayout(page)).toBe(true)
  await scrollToStep(page, c.id)
  await expectStepShown(page, story, c)
})

test('after 1280 -> 390 -> 1280 px the progress-driven marks still move through a step', async ({
  page,
  story,
  order,
}) => {
  test.setTimeout(120_000)
  // The timeline follows the reader through a step: its cursor runs from the active event
  // towards the next one as the step passes the trigger line.
  const dayOf = (iso: string) => Date.parse(iso.slice(0, 10))
  const byDate = story.events
  const gapAfter = (id: string) => {
    const at = byDate.findIndex((e) => e.id === id)
    const next = byDate[at + 1]
    return next ? dayOf(next.date) - dayOf(byDate[at]!.date) : 0
  }
  // The timeline step whose cursor has the farthest to go.
  const candidates = order
    .map((e, i) => ({ i, gap: gapAfter(e.id) }))
    .filter(({ i }) => i > 0 && sceneFor(order[i]!, story).scene === 'timeline')
    .sort((a, b) => b.gap - a.gap)
  const index = candidates[0]?.i ?? -1
  expect(index, 'a timeline step followed by a later event').toBeGreaterThan(0)
  expect(candidates[0]!.gap).toBeGreaterThan(5 * 86_400_000)
  const event = order[index]!
  const cursor = page.locator('.graphic svg .cursor')
  const cursorX = () => cursor.evaluate((el) => Number(el.getAttribute('x1')))

  /** Scrolls through the step in small moves and returns the cursor's positions. */
  async function cursorThroughStep(): Promise<number[]> {
    await scrollToStep(page, event.id)
    await expectStepShown(page, story, event)
    const xs = [await cursorX()]
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, 60)
      await expect.poll(cursorX).not.toBe(xs.at(-1))
      xs.push(await cursorX())
    }
    return xs
  }

  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/')
  const before = await cursorThroughStep()
  expect(before, 'the cursor moves forward').toEqual([...before].sort((a, b) => a - b))

  await page.setViewportSize({ width: 390, height: 844 })
  await expect.poll(() => activeMatchesLayout(page)).toBe(true)
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect.poll(() => activeMatchesLayout(page)).toBe(true)
  await page.mouse.wheel(0, -1500)
  const after = await cursorThroughStep()
  expect(after, 'the cursor still moves forward').toEqual([...after].sort((a, b) => a - b))
  expect(new Set(after).size).toBe(after.length)
})
