import { expect, test } from '@playwright/test'

test('the page lists every event with its headline, date and outlets', async ({
  page,
  request,
}) => {
  const api = (await (await request.get('/api/v1/events')).json()) as {
    data: { id: string; headline: string }[]
  }
  expect(api.data).toHaveLength(41)

  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))

  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const headings = page.getByRole('heading', { level: 2 })
  await expect(headings).toHaveCount(41)
  await expect(headings).toHaveText(api.data.map((e) => e.headline))
  for (const event of api.data) {
    const item = page.locator(`#event-${event.id}`)
    await expect(item.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/)
    await expect(item.locator('.outlets')).toContainText(/\w/)
  }
  expect(errors).toEqual([])
})
