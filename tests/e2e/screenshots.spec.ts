// Screenshots at three points of the story (and of the printed page), saved under test-results/
// for people to look at. They are artifacts, not baselines: nothing is compared.
import { sceneFor } from '../../web/src/charts/scenes'
import { expect, test } from './fixtures'
import { expectStepShown, graphicDrawn } from './story-page'

test('screenshots at the start, the middle and the end of the story', async ({
  page,
  story,
  order,
}, testInfo) => {
  const dir = `test-results/screenshots/${testInfo.project.name}`
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('/')
  await graphicDrawn(page)
  await expect(page.locator('.graphic svg').first()).toBeVisible()
  await page.screenshot({ path: `${dir}-1-start.png` })

  const map = order.find((e) => sceneFor(e, story).mode === 'complaints') ?? order[10]!
  await page.goto(`/#event-${map.id}`)
  await expectStepShown(page, story, map)
  await page.screenshot({ path: `${dir}-2-${sceneFor(map, story).scene}.png` })

  const late =
    [...order].reverse().find((e) => sceneFor(e, story).scene === 'numbers') ?? order.at(-1)!
  await page.goto(`/#event-${late.id}`)
  await expectStepShown(page, story, late)
  await page.screenshot({ path: `${dir}-3-${sceneFor(late, story).scene}.png` })

  // Printed: the top of the article, an event with a correction, and the tables.
  await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' })
  await page.goto('/')
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${dir}-4-print-top.png` })
  await page.locator('.note--correction').first().scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${dir}-5-print-correction.png` })
  await page.locator('#data-tables').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${dir}-6-print-tables.png` })
})
