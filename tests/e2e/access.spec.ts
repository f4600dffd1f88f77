// Access: no axe violations, the heading alone announced on a step change, no motion for readers
// who ask for none, a usable page at 360 px, and print with tables in place of graphics.
import { expect, test } from './fixtures'
import { expectNoAxeViolations, expectStepShown, graphicDrawn } from './story-page'

test('axe finds no violations at the start, mid-story and with every table open', async ({
  page,
  story,
  order,
}) => {
  // Three full axe runs over a long page: slow on a busy machine.
  test.setTimeout(180_000)
  await page.goto('/')
  await graphicDrawn(page)
  await expectNoAxeViolations(page, 'at the start')

  const middle = order[Math.floor(order.length / 2)]!
  await page.goto(`/#event-${middle.id}`)
  await expectStepShown(page, story, middle)
  await expectNoAxeViolations(page, 'mid-story')

  await page.locator('#data-tables details').evaluateAll((els) => {
    for (const el of els) (el as HTMLDetailsElement).open = true
  })
  await page.locator('#data-tables').scrollIntoViewIfNeeded()
  await expectNoAxeViolations(page, 'with every table open')
})

test('a step change announces only the step’s heading', async ({ page, order }) => {
  await page.goto('/')
  const live = page.locator('[aria-live]')
  await expect(live).toHaveCount(1)
  await expect(live).toHaveAttribute('aria-live', 'polite')
  await expect(live).toHaveText('')
  await page.keyboard.press('j')
  await expect(live).toHaveText(order[0]!.headline)
  await page.keyboard.press('j')
  await expect(live).toHaveText(order[1]!.headline)
})

test('the graphic is hidden from screen readers; each step describes it in words', async ({
  page,
  story,
}) => {
  await page.goto('/')
  await expect(page.locator('.graphic')).toHaveAttribute('aria-hidden', 'true')
  const descriptions = page.locator('.step .sr-only')
  await expect(descriptions).toHaveCount(story.events.length)
  // The description comes after the step's own text.
  const last = await page
    .locator('.step article')
    .first()
    .evaluate((el) => el.lastElementChild?.className ?? '')
  expect(last).toContain('sr-only')
  // Every chart's table sits outside the hidden graphic.
  await expect(page.locator('#data-tables table').first()).toBeAttached()
  await expect(page.locator('[aria-hidden="true"] table')).toHaveCount(0)
})

test('with reduced motion nothing animates during a step change', async ({ page, order }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('/')
  await page.keyboard.press('j')
  await expect(page.locator(`#event-${order[0]!.id}`)).toHaveAttribute('data-active', 'true')

  const report = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
    const graphic = () => document.querySelector('.graphic')?.outerHTML ?? ''
    const durations = new Set<string>()
    const animations: number[] = []
    const scrolls: number[] = []
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }))
    for (let i = 0; i < 4; i++) {
      await frame()
      animations.push(document.getAnimations().length)
      scrolls.push(window.scrollY)
      for (const el of document.querySelectorAll('*')) {
        const style = getComputedStyle(el)
        for (const d of `${style.transitionDuration},${style.animationDuration}`.split(',')) {
          durations.add(d.trim())
        }
      }
    }
    const soon = graphic()
    await new Promise((resolve) => setTimeout(resolve, 800))
    animations.push(document.getAnimations().length)
    return { animations, durations: [...durations], scrolls, settled: soon === graphic() }
  })
  expect(
    report.animations.every((n) => n === 0),
    `animations: ${report.animations}`,
  ).toBe(true)
  expect(report.durations).toEqual(['0s'])
  expect(report.settled, 'the graphic reached its final state at once').toBe(true)
  expect(new Set(report.scrolls).size, 'the page jumped instead of scrolling smoothly').toBe(1)
  await expect(page.locator(`#event-${order[1]!.id}`)).toHaveAttribute('data-active', 'true')
})

test('at 360 px wide nothing overflows and every control is reachable', async ({ page, order }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(overflow).toBeLessThanOrEqual(360)
  await graphicDrawn(page)
  const next = page.getByRole('button', { name: 'Next event' })
  await expect(next).toBeInViewport()
  await next.click()
  await expect(page.locator(`#event-${order[0]!.id}`)).toHaveAttribute('data-active', 'true')
  const box = await page.locator('.graphic svg').first().boundingBox()
  expect(box!.width).toBeLessThanOrEqual(360)
})

test('the skip links lead to the story and to the tables', async ({ page }) => {
  await page.goto('/')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to the story' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await expect(page.locator('#story')).toBeAttached()
  await expect(page.locator('#data-tables')).toBeAttached()
})

test('printed, the page is an article: graphics and controls give way to tables', async ({
  page,
  story,
}) => {
  await page.goto('/')
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.scrolly__graphic')).toBeHidden()
  await expect(page.locator('.step-nav')).toBeHidden()
  await expect(page.locator('#data-tables table').first()).toBeVisible()
  for (const event of story.events.slice(0, 3)) {
    await expect(page.locator(`#event-${event.id} time`)).toBeVisible()
  }
  const corrections = page.locator('.step .note--correction')
  await expect(corrections.first()).toBeVisible()
})
