// Deep links: /#event-<id> and /?event=<id> open at that event, with the graphic in its state,
// without passing through the steps before it.
import { expect, test } from './fixtures'
import { expectStepShown, graphicDrawn, graphicStates, recordGraphicStates } from './story-page'

for (const form of ['hash', 'query'] as const) {
  test(`a ${form} link to a mid-story event opens there, skipping the steps between`, async ({
    page,
    story,
    order,
  }) => {
    const target = order[Math.floor(order.length * 0.6)]!
    await recordGraphicStates(page)
    await page.goto(form === 'hash' ? `/#event-${target.id}` : `/?event=${target.id}`)
    await expectStepShown(page, story, target)
    await expect(page.locator('[aria-live="polite"]')).toHaveText(target.headline)
    const box = await page.locator(`#event-${target.id}`).boundingBox()
    expect(box, 'the step is on screen').not.toBeNull()
    expect(box!.y).toBeLessThan(page.viewportSize()!.height)
    expect(box!.y + box!.height).toBeGreaterThan(0)
    // Give scrollama time to report anything it would have fired on its own.
    await page.waitForTimeout(500)
    const shown = (await graphicStates(page)).filter((id) => id !== null)
    expect(shown).toEqual([target.id])
  })
}

test('a link to an unknown event opens the story at the start', async ({ page }) => {
  await page.goto('/?event=no-such-event')
  await graphicDrawn(page)
  await expect(page.locator('.step[data-active="true"]')).toHaveCount(0)
  await expect(page.locator('.graphic')).toHaveAttribute('data-scene', 'timeline')
})

test('the server renders a ?event= link already at that event', async ({ request, order }) => {
  const target = order[5]!
  const html = await (await request.get(`/?event=${target.id}`)).text()
  const step = html.match(new RegExp(`<li[^>]*id="event-${target.id}"[^>]*>`))?.[0]
  expect(step).toContain('data-active="true"')
  expect(html).toMatch(new RegExp(`class="graphic[^"]*"[^>]*data-event-id="${target.id}"`))
})
