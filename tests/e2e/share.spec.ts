// Sharing: the address bar follows the reader as ?event=<id> (the form the server sees), never as
// a fragment; old #event- links still open their event; every event and the story have their own
// share card (a 1200x630 PNG named in the head); without JavaScript a ?event= link opens at its
// event.
import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectStepShown, scrollToStep } from './story-page'

/** Width and height from a PNG's signature and IHDR chunk (PNG spec, sections 5.2 and 11.2.2). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)], 'PNG signature').toEqual([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
  ])
  expect(bytes.subarray(12, 16).toString('latin1'), 'first chunk').toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** The page's share tags, as a share site reads them from the HTML. */
async function shareTags(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text()
  const tag = (key: string) =>
    html
      .match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1]
      ?.replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
  return {
    image: tag('og:image'),
    width: tag('og:image:width'),
    height: tag('og:image:height'),
    alt: tag('og:image:alt'),
    card: tag('twitter:card'),
    twitterImage: tag('twitter:image'),
    twitterAlt: tag('twitter:image:alt'),
  }
}

test('a ?event= link serves its own share card: a 1200x630 PNG, with its size and alt text', async ({
  request,
  order,
}) => {
  const images = new Set<string>()
  for (const path of [`/?event=${order[7]!.id}`, `/?event=${order[20]!.id}`, '/']) {
    const tags = await shareTags(request, path)
    expect(tags.image, `og:image of ${path}`).toMatch(
      /^https?:\/\/[^/]+\/share\/[a-z0-9-]+\.png\?v=/,
    )
    expect(tags.twitterImage).toBe(tags.image)
    expect(tags.card).toBe('summary_large_image')
    expect([tags.width, tags.height]).toEqual(['1200', '630'])
    expect(tags.alt).toMatch(/^Share card: /)
    expect(tags.twitterAlt).toBe(tags.alt)

    const image = await request.get(tags.image!)
    expect(image.status(), tags.image).toBe(200)
    expect(image.headers()['content-type']).toBe('image/png')
    const bytes = await image.body()
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 })
    images.add(bytes.toString('base64'))
  }
  expect(images.size, 'each page has its own picture').toBe(3)

  const event = order[7]!
  const tags = await shareTags(request, `/?event=${event.id}`)
  expect(tags.image).toContain(`/share/${event.id}.png`)
  expect(tags.alt).toContain(event.headline)
})

test('the address bar holds ?event= after scrolling, never a fragment', async ({
  page,
  story,
  order,
}) => {
  await page.goto('/')
  for (const event of [order[1]!, order[6]!]) {
    await scrollToStep(page, event.id)
    await expectStepShown(page, story, event)
    await expect(page).toHaveURL(new RegExp(`/\\?event=${event.id}$`))
  }
  expect(new URL(page.url()).hash).toBe('')
  // The address the reader copies opens the same step, rendered by the server.
  await page.goto(page.url())
  await expectStepShown(page, story, order[6]!)
})

test('an old #event- link opens its event and becomes ?event= at once', async ({
  page,
  story,
  order,
}) => {
  const event = order[12]!
  await page.goto(`/#event-${event.id}`)
  await expectStepShown(page, story, event)
  expect(new URL(page.url()).search).toBe(`?event=${event.id}`)
  expect(new URL(page.url()).hash).toBe('')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a ?event= link opens at its event, its headline focused', async ({ page, order }) => {
    for (const event of [order[9]!, order.at(-2)!]) {
      await page.goto(`/?event=${event.id}`)
      const link = page.locator(`#event-${event.id}-link`)
      await expect(link).toBeFocused()
      await expect(link).toBeInViewport()
      await expect(page.locator(`#event-${event.id} .step__summary`)).toBeInViewport()
    }
  })
})
