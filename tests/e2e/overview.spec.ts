// The overview to jump around: "All N events", every event by chapter, each a link to its step
// that works by pointer, touch and keyboard, and without JavaScript.
import { expect, test } from './fixtures'
import { expectStepShown } from './story-page'

test('the index lists every event by chapter, in reading order', async ({ page, story, order }) => {
  await page.goto('/')
  const summary = page.locator('#contents summary')
  await expect(summary).toHaveText(`All ${story.events.length} events`)
  const links = page.locator('#contents ol a')
  await expect(links.first()).toBeHidden()
  await summary.click()
  await expect(links).toHaveCount(order.length)
  expect(await links.evaluateAll((els) => els.map((a) => a.getAttribute('href')))).toEqual(
    order.map((e) => `/?event=${e.id}`),
  )
  const chapters = page.locator('#contents .contents__chapter')
  await expect(chapters).toHaveCount(story.chapters.length)
  for (const chapter of story.chapters)
    await expect(page.locator('#contents')).toContainText(chapter.title)
})

test('a pointer or a finger on an entry jumps to its step', async ({
  page,
  story,
  order,
}, testInfo) => {
  await page.goto('/')
  await page.locator('#contents summary').click()
  const target = order[Math.floor(order.length * 0.7)]!
  const link = page.locator(`#contents a[href="/?event=${target.id}"]`)
  if (testInfo.project.use.hasTouch) await link.tap()
  else await link.click()
  await expectStepShown(page, story, target)
  await expect(page.locator(`#event-${target.id}-link`)).toBeFocused()
})

test('the keyboard opens the index and follows an entry', async ({ page, story, order }) => {
  await page.goto('/')
  const summary = page.locator('#contents summary')
  await summary.focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('#contents')).toHaveAttribute('open', '')
  const target = order[4]!
  const link = page.locator(`#contents a[href="/?event=${target.id}"]`)
  // Tab through the entries to the fifth one.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab')
  await expect(link).toBeFocused()
  await page.keyboard.press('Enter')
  await expectStepShown(page, story, target)
  await expect(page.locator(`#event-${target.id}-link`)).toBeFocused()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the index opens and its entries lead to their events', async ({ page, order }) => {
    await page.goto('/')
    await page.locator('#contents summary').click()
    const target = order[30]!
    await page.locator(`#contents a[href="/?event=${target.id}"]`).click()
    await expect(page).toHaveURL(new RegExp(`\\?event=${target.id}$`))
    await expect(page.locator(`#event-${target.id}-link`)).toBeFocused()
    await expect(page.locator(`#event-${target.id}-link`)).toBeInViewport()
  })
})
