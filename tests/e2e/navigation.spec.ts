// Next/previous buttons and the j/k keys walk every step, updating the URL as they go.
import type { Page } from '@playwright/test'
import type { Story, StoryEvent } from '../../worker/model'
import { expect, test } from './fixtures'
import { expectStepShown } from './story-page'

async function walk(
  page: Page,
  story: Story,
  order: StoryEvent[],
  next: () => Promise<void>,
  previous: () => Promise<void>,
) {
  for (const event of order) {
    await next()
    await expectStepShown(page, story, event)
  }
  for (const event of order.slice(0, -1).reverse()) {
    await previous()
    await expectStepShown(page, story, event)
  }
}

test('the next and previous buttons walk every step', async ({ page, story, order }) => {
  test.setTimeout(240_000)
  await page.goto('/')
  const next = page.getByRole('button', { name: 'Next event' })
  const previous = page.getByRole('button', { name: 'Previous event' })
  await expect(previous).toBeDisabled()
  await walk(
    page,
    story,
    order,
    async () => {
      await next.click()
    },
    async () => {
      await previous.click()
    },
  )
  await expect(previous).toBeDisabled()
  await expect(page.getByRole('navigation', { name: 'Events' })).toContainText(
    `1 of ${order.length}`,
  )
})

test('the j and k keys walk every step', async ({ page, story, order }) => {
  test.setTimeout(240_000)
  await page.goto('/')
  await walk(
    page,
    story,
    order,
    () => page.keyboard.press('j'),
    () => page.keyboard.press('k'),
  )
  await expect(page.getByRole('button', { name: 'Next event' })).toBeEnabled()
})

test('the last step disables the next button, and j does nothing more', async ({
  page,
  story,
  order,
}) => {
  const last = order.at(-1)!
  await page.goto(`/#event-${last.id}`)
  await expectStepShown(page, story, last)
  await expect(page.getByRole('button', { name: 'Next event' })).toBeDisabled()
  await page.keyboard.press('j')
  await expectStepShown(page, story, last)
})
