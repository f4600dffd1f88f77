// Screenshots of the graphic at twelve steps, on a desktop and on a phone, saved under
// test-results/chart-screenshots/ for people to look at (artifacts, not baselines: nothing is
// compared). The steps are the ones a graphics review names: every scene, the first and last
// report of each cumulative chart, the map's complaints at two sizes, an event with a place the
// source does not locate, and the government's before/after pairs.
import { sceneFor } from '../../web/src/charts/scenes'
import { expect, test } from './fixtures'
import { expectStepShown, shootGraphic } from './story-page'

/** Event ids (stable once published) and why each is worth a look. */
const STEPS = [
  ['2022-07-14-al-jazeera-scam-compound-documentary', 'timeline, early'],
  ['2022-08-01-indonesians-rescued-sihanoukville', 'people: the first report'],
  ['2022-08-16-taiwanese-police-stranded-estimate', 'people: a range'],
  ['2022-09-19-sar-kheng-289-complaints', 'map: complaints by province'],
  ['2022-09-27-phnom-penh-raids-1480-released', 'people: an open-ended figure'],
  ['2022-10-28-raids-across-10-provinces', 'numbers: hotline complaints'],
  ['2022-11-01-la-times-100000-held-captive', 'people: the estimate to scale'],
  ['2022-12-29-casino-licences-renewed', 'map: a place without a location'],
  ['2023-02-07-taiwan-police-bokor-stronghold', 'map: more than 12 complaints'],
  ['2023-03-01-mfa-8000-cambodians-rescued', 'people: rescued abroad'],
  ['2023-03-23-national-anti-trafficking-report', 'numbers: cases, before and after'],
  ['2023-05-18-sar-kheng-requests-decline', 'numbers: requests, before and after'],
] as const

test('the graphic at twelve steps', async ({ page, story }, testInfo) => {
  test.setTimeout(120_000)
  const dir = `test-results/chart-screenshots/${testInfo.project.name}`
  await page.emulateMedia({ reducedMotion: 'reduce' })
  for (const [index, [id, why]] of STEPS.entries()) {
    const event = story.events.find((e) => e.id === id)
    expect(event, `event ${id} (${why}) is in the story`).toBeDefined()
    await page.goto(`/?event=${id}`)
    await expectStepShown(page, story, event!)
    const scene = sceneFor(event!, story).scene
    const n = String(index + 1).padStart(2, '0')
    await page.screenshot({ path: `${dir}-${n}-${scene}-${id}.png` })
    // Shot in place (an element screenshot would scroll the page and move the story on).
    await shootGraphic(page, { path: `${dir}-${n}-${scene}-${id}-graphic.png` })
    await expectStepShown(page, story, event!)
  }
})
