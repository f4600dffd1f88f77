// The story page with hostile data in the database: an event body of `</li>` (through the write
// API) and names ending in U+202E RIGHT-TO-LEFT OVERRIDE (through raw SQL, which the write API
// refuses but the database can still hold). Every step stays in its chapter, the browser keeps the
// server's HTML when it hydrates, and no name reorders the text after it. Each test puts back what
// it changed.
import { execFileSync } from 'node:child_process'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { clientHeaders, test } from './client'
import type { Story } from '../../worker/model'
import { graphicDrawn } from './story-page'

const TOKEN = process.env.E2E_EDITOR_TOKEN ?? ''
const ADMIN = '/api/v1/admin'
const RLO = '\u202E'

/** Runs SQL on the browser tests' database, as an editor would with wrangler (raw SQL). */
function sql(command: string): void {
  execFileSync(
    'npx',
    [
      'wrangler',
      'd1',
      'execute',
      'DB',
      '--local',
      '--persist-to',
      '.wrangler/e2e',
      '--command',
      command,
    ],
    { stdio: 'pipe' },
  )
}

async function storyOf(request: APIRequestContext): Promise<Story> {
  const res = await request.get('/api/v1/story')
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { data: Story }).data
}

async function patchEvent(request: APIRequestContext, id: string, body: object) {
  const auth = { Authorization: `Bearer ${TOKEN}` }
  const read = await request.get(`${ADMIN}/events/${id}`, { headers: auth })
  expect(read.status()).toBe(200)
  const res = await request.patch(`${ADMIN}/events/${id}`, {
    headers: { ...auth, 'If-Match': read.headers()['etag']!, 'Content-Type': 'application/json' },
    data: body,
  })
  expect(res.status(), await res.text()).toBe(200)
}

/** Every chapter's section holds exactly its own events as steps, in the page as it is now. */
async function expectStepsInChapters(page: Page, story: Story) {
  await expect(page.locator('li.step')).toHaveCount(story.events.length)
  for (const chapter of story.chapters) {
    const own = story.events.filter((e) => e.chapter === chapter.id).map((e) => `event-${e.id}`)
    const steps = page.locator(`section#chapter-${chapter.id} > ol.chapter__steps > li.step`)
    expect((await steps.evaluateAll((els) => els.map((el) => el.id))).sort(), chapter.id).toEqual(
      own.sort(),
    )
  }
}

/**
 * Watches the page for hydration trouble: any console warning or error about hydrating, and any
 * step or chapter the server rendered that the browser removed (Svelte throws the server's HTML
 * away and renders again when it does not match).
 */
async function watchHydration(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = []
  page.on('console', (m) => {
    if (['warning', 'error'].includes(m.type())) messages.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => messages.push(`page error: ${e.message}`))
  await page.addInitScript(() => {
    const removed: string[] = []
    ;(window as unknown as { removedByHydration: string[] }).removedByHydration = removed
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) {
          if (node instanceof Element && node.matches('li.step, section.chapter, main, .story'))
            removed.push(node.id || node.className)
        }
      }
    }).observe(document, { childList: true, subtree: true })
  })
  return async () => [
    ...messages,
    ...(
      await page.evaluate(
        () => (window as unknown as { removedByHydration: string[] }).removedByHydration,
      )
    ).map((what) => `removed after load: ${what}`),
  ]
}

test.describe('an event body of </li>', () => {
  test('leaves every step in its chapter, in the server HTML and after hydration, with no warning', async ({
    page,
    request,
    browser,
  }) => {
    const story = await storyOf(request)
    const event = story.events[3]!
    const bodies = ['</li>', 'Raids go on.</li></ol></section><p>after the list', '<p><li>stray']
    try {
      for (const body of bodies) {
        await patchEvent(request, event.id, { body })
        const changed = await storyOf(request)
        const html = changed.events.find((e) => e.id === event.id)!.body_html
        expect(html, body).not.toMatch(/<\/(ol|section)>|^<\/li>/)

        // The server's HTML, as a browser without JavaScript builds it.
        const plain = await browser.newContext({
          javaScriptEnabled: false,
          extraHTTPHeaders: clientHeaders(`no script ${body}`),
        })
        const server = await plain.newPage()
        await server.goto('/')
        await expectStepsInChapters(server, changed)
        await plain.close()

        // The same page hydrated: nothing thrown away, nothing warned about.
        const problems = await watchHydration(page)
        await page.goto('/')
        await graphicDrawn(page)
        await expect(page.locator('.graphic svg').first()).toBeVisible()
        await expectStepsInChapters(page, changed)
        await expect(page.locator(`#event-${event.id}`)).toHaveCount(1)
        expect(await problems(), body).toEqual([])
      }
    } finally {
      await patchEvent(request, event.id, { body: event.body })
    }
  })
})

test.describe('names ending in U+202E, written with raw SQL', () => {
  test('are isolated: the text after a place, an outlet or a speaker is not reversed', async ({
    page,
    request,
  }) => {
    const story = await storyOf(request)
    // A step naming two places or more, an outlet in the list of sources, a quote with an outlet.
    const placed = story.events.find((e) => e.places.length >= 2)!
    const place = placed.places[0]!
    const outlet = story.events.flatMap((e) => e.outlets)[0]!
    const quoted = story.events.find((e) => e.quotes.some((q) => q.outlet))!
    const quote = quoted.quotes.find((q) => q.outlet)!
    const ids = { place: place.id, outlet: outlet.id, actor: quote.speaker.id }
    const set = (suffix: string) =>
      sql(
        `UPDATE places SET name = ${suffix} WHERE id = '${ids.place}'; ` +
          `UPDATE outlets SET name = ${suffix} WHERE id = '${ids.outlet}'; ` +
          `UPDATE actors SET name = ${suffix} WHERE id = '${ids.actor}'`,
      )
    set(`name || char(${RLO.codePointAt(0)})`)
    try {
      // The database holds them, and the API serves them as stored.
      const changed = await storyOf(request)
      expect(changed.places.find((p) => p.id === place.id)?.name).toBe(`${place.name}${RLO}`)

      for (const [event, name, where] of [
        [placed, place.name, `#event-${placed.id} .step__facts dd`],
        [placed, outlet.name, '#sources li'],
        [quoted, quote.speaker.name, `#event-${quoted.id} .quote figcaption`],
      ] as const) {
        await page.goto(`/?event=${event.id}#event-${event.id}`)
        const holder = page.locator(where).filter({ hasText: name }).first()
        await expect(holder).toBeVisible()
        // The name sits in an isolating element, and the text after it reads left to right.
        const report = await holder.evaluate((el, stored) => {
          const bdi = [...el.querySelectorAll('bdi')].find((b) => b.textContent === stored)
          if (!bdi) return { isolated: false, after: '', ordered: false }
          // The first characters after the name that are not blank, across the nodes that follow.
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
          walker.currentNode = bdi.lastChild ?? bdi
          const lefts: number[] = []
          const tops: number[] = []
          let text = ''
          for (let node = walker.nextNode(); node && lefts.length < 8; node = walker.nextNode()) {
            const chars = node.textContent ?? ''
            for (let i = 0; i < chars.length && lefts.length < 8; i++) {
              text += chars[i]
              if (!/\S/.test(chars[i]!)) continue
              const range = document.createRange()
              range.setStart(node, i)
              range.setEnd(node, i + 1)
              const box = range.getBoundingClientRect()
              lefts.push(box.left)
              tops.push(box.top)
            }
          }
          const sameLine = (i: number) => Math.abs(tops[i]! - tops[i - 1]!) < 2
          return {
            isolated: getComputedStyle(bdi).unicodeBidi === 'isolate',
            after: text,
            ordered:
              lefts.length > 2 &&
              lefts.every((x, i) => i === 0 || x > lefts[i - 1]! || !sameLine(i)),
          }
        }, `${name}${RLO}`)
        expect(report.isolated, `${name} in ${where}`).toBe(true)
        expect(report.after.trim().length, `text after ${name}`).toBeGreaterThan(0)
        expect(report.ordered, `"${report.after}" after ${name} reads left to right`).toBe(true)
      }

      // In the graphics, every line of SVG text is isolated from the next.
      await page.goto(`/?event=${placed.id}#event-${placed.id}`)
      const tspans = page.locator('.graphic svg tspan')
      if ((await tspans.count()) > 0) {
        expect(await tspans.first().evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe(
          'isolate',
        )
      }
    } finally {
      set(`replace(name, char(${RLO.codePointAt(0)}), '')`)
    }
    const after = await storyOf(request)
    expect(after.places.find((p) => p.id === place.id)?.name).toBe(place.name)
  })
})
