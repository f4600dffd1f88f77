// The server-rendered page: the whole story without JavaScript, share tags and structured data,
// the story's JSON for hydration, and caching by data version.
import { expect, test } from './fixtures'
import { graphicDrawn } from './story-page'

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('every event, note and source is on the page', async ({ page, story, order }) => {
    await page.goto('/')
    await expect(page.locator('.step h3')).toHaveText(order.map((e) => e.headline))
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
    for (const event of story.events) {
      expect(text).toContain(squash(event.summary))
      for (const note of event.notes) {
        expect(text).toContain(squash(note.text))
        if (note.source_said) expect(text).toContain(squash(note.source_said))
      }
      for (const quote of event.quotes) expect(text).toContain(squash(quote.text))
      for (const figure of event.figures) expect(text).toContain(squash(figure.display))
      for (const outlet of event.outlets) expect(text).toContain(outlet.name)
    }
    await expect(page.locator('#sources')).toContainText(story.story.source_title)
    await expect(page.locator('.scrolly__graphic')).toBeHidden()
    await expect(page.locator('#data-tables details').first()).toBeVisible()
    for (const href of [
      '/api/v1/events.csv',
      '/api/v1/figures.csv',
      '/api/v1/places.geojson',
      '/api/v1/timeline.json',
      '/api/v1/data.zip',
    ]) {
      await expect(page.locator(`#data a[href="${href}"]`)).toBeVisible()
    }
    await expect(page.locator('#data a[href="/api/docs"]')).toBeVisible()
  })

  test('the head carries share tags and JSON-LD for the article and the dataset', async ({
    page,
    story,
  }) => {
    await page.goto('/')
    await expect(page).toHaveTitle(story.story.title)
    const meta = (selector: string) => page.locator(selector).getAttribute('content')
    expect(await meta('meta[name="description"]')).toBe(story.story.dek)
    expect(await meta('meta[property="og:title"]')).toBe(story.story.title)
    expect(await meta('meta[property="og:type"]')).toBe('article')
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image')
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/^http.*\/$/)
    const ld = await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((els) => els.flatMap((el) => JSON.parse(el.textContent ?? '[]') as unknown[]))
    const types = (ld as { '@type': string }[]).map((x) => x['@type'])
    expect(types).toEqual(['NewsArticle', 'Dataset'])
    const dataset = ld[1] as { distribution: { contentUrl: string }[] }
    expect(dataset.distribution.map((d) => new URL(d.contentUrl).pathname)).toContain(
      '/api/v1/events.csv',
    )
  })

  test('a shared ?event= link titles the page with that event', async ({ page, order }) => {
    const event = order[3]!
    await page.goto(`/?event=${event.id}`)
    await expect(page).toHaveTitle(
      new RegExp(`^${event.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    )
    expect(await page.locator('meta[property="og:description"]').getAttribute('content')).toBe(
      event.summary,
    )
  })
})

test('the page carries the story’s data, escaped, and the browser needs no other request for it', async ({
  page,
  request,
  story,
}) => {
  const html = await (await request.get('/')).text()
  const data = html.match(/<script type="application\/json" id="story-data">(.*?)<\/script>/s)?.[1]
  expect(data).toBeDefined()
  expect(data).not.toMatch(/<\//)
  expect(JSON.parse(data!)).toEqual(story)

  const apiCalls: string[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r.url())
  })
  await page.goto('/')
  await graphicDrawn(page)
  await expect(page.locator('.graphic svg').first()).toBeVisible()
  expect(apiCalls).toEqual([])
})

test('the page is cached by data version: a matching ETag gets 304', async ({ request, story }) => {
  const first = await request.get('/')
  expect(first.status()).toBe(200)
  expect(first.headers()['content-type']).toMatch(/^text\/html/)
  const etag = first.headers()['etag']!
  expect(etag).toContain(`page-${story.story.data_version}-`)
  const again = await request.get('/', { headers: { 'If-None-Match': etag } })
  expect(again.status()).toBe(304)
  const cached = await request.get('/')
  expect(cached.headers()['x-page-cache']).toBe('hit')
  expect(await cached.text()).toBe(await first.text())
})
