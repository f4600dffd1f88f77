// Shared set-up for the browser tests: the story as the API serves it, the order a reader meets
// its events, and a watch on every page for console errors, page errors and failed requests.
import { expect } from '@playwright/test'
import { test as base } from './client'
import type { Story, StoryEvent } from '../../worker/model'

/** Chapters by position, events by date within each: the order of the steps on the page. */
export function readingOrder(story: Story): StoryEvent[] {
  const position = new Map(story.chapters.map((c) => [c.id, c.position]))
  const rank = (e: StoryEvent) => position.get(e.chapter) ?? Number.MAX_SAFE_INTEGER
  return [...story.events].sort(
    (a, b) => rank(a) - rank(b) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  )
}

interface Fixtures {
  story: Story
  order: StoryEvent[]
  problems: string[]
}

export const test = base.extend<Fixtures>({
  story: async ({ request }, use) => {
    const response = await request.get('/api/v1/story')
    expect(response.ok(), 'GET /api/v1/story').toBe(true)
    await use(((await response.json()) as { data: Story }).data)
  },
  order: async ({ story }, use) => {
    await use(readingOrder(story))
  },
  problems: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
      })
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
      page.on('requestfailed', (r) => {
        const reason = r.failure()?.errorText ?? 'unknown'
        // With JavaScript disabled, Chromium blocks the page's script and reports it as "csp".
        if (reason === 'csp' && r.resourceType() === 'script') return
        problems.push(`request failed: ${r.url()} (${reason})`)
      })
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`)
      })
      await use(problems)
      expect(problems, 'console errors, page errors or failed requests').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
