// A browser's own HTTP cache in front of the worker: what it has kept of the public API, the
// exports and the page must not outlive an editor's change. Every such answer is sent with one
// Cache-Control (REVALIDATE, worker/lib/cache.ts), so the browser asks again before each use and
// gets a 304 while nothing changed. Before, the API and the exports said `max-age=60`, and
// Chromium's fetch went on returning the old event for up to a minute after a write. The test
// puts back what it changed.
import type { APIRequestContext, Page } from '@playwright/test'
import { REVALIDATE } from '../../worker/lib/cache-control'
import type { Story } from '../../worker/model'
import { expect, test } from './client'

const TOKEN = process.env.E2E_EDITOR_TOKEN ?? ''
const ADMIN = '/api/v1/admin'
const auth = { Authorization: `Bearer ${TOKEN}` }

async function setHeadline(request: APIRequestContext, id: string, headline: string) {
  const read = await request.get(`${ADMIN}/events/${id}`, { headers: auth })
  expect(read.status()).toBe(200)
  const res = await request.patch(`${ADMIN}/events/${id}`, {
    headers: { ...auth, 'If-Match': read.headers()['etag']!, 'Content-Type': 'application/json' },
    data: { headline },
  })
  expect(res.status(), await res.text()).toBe(200)
}

/** The page's own fetch (default cache mode: the browser's HTTP cache is used): status and text. */
const fetchInPage = (page: Page, path: string) =>
  page.evaluate(async (url) => {
    const res = await fetch(url)
    return {
      status: res.status,
      cacheControl: res.headers.get('Cache-Control'),
      text: await res.text(),
    }
  }, path)

test('a browser that kept the API, an export and the page sees an editor’s change on its next fetch', async ({
  page,
  request,
}) => {
  const story = ((await (await request.get('/api/v1/story')).json()) as { data: Story }).data
  const event = story.events[7]!
  const paths = [`/api/v1/events/${event.id}`, '/api/v1/events.csv', `/?event=${event.id}`]
  // A page of the site, whose policy lets it fetch its own origin.
  await page.goto('/')
  // Fetched twice, so the browser's cache holds each of them.
  for (const path of paths) {
    for (let i = 0; i < 2; i++) {
      const seen = await fetchInPage(page, path)
      expect(seen.status, path).toBe(200)
      expect(seen.cacheControl, path).toBe(REVALIDATE)
      expect(seen.text, path).toContain(event.headline)
    }
  }
  const changed = `${event.headline} (checked through the browser cache)`
  await setHeadline(request, event.id, changed)
  try {
    for (const path of paths) {
      // The worker serves the write at once where it was made; the old rule kept it 60 s.
      await expect
        .poll(async () => (await fetchInPage(page, path)).text, { message: path, timeout: 5_000 })
        .toContain(changed)
    }
  } finally {
    await setHeadline(request, event.id, event.headline)
  }
})
