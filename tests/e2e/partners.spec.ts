// What partners feed our exports to, run for real: Knight Lab's TimelineJS (the bundle from its npm
// package, served by this test from node_modules, nothing fetched from the network) loads
// /api/v1/timeline.json in Chromium after edge-case edits made through the write API (a one-day
// chapter, events on chapter boundaries, unusual Unicode) and shows every slide; and Spectral's
// `oas` ruleset finds nothing to warn about in the OpenAPI document the worker serves. Each test
// puts back what it changed.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import spectralCore from '@stoplight/spectral-core'
import spectralParsers from '@stoplight/spectral-parsers'
import spectralRulesets from '@stoplight/spectral-rulesets'
import { expect, test, type APIRequestContext } from '@playwright/test'
import type { Story } from '../../worker/model'

const TOKEN = process.env.E2E_EDITOR_TOKEN ?? ''
const ADMIN = '/api/v1/admin'
const require = createRequire(import.meta.url)
const TIMELINEJS = join(dirname(require.resolve('@knight-lab/timelinejs/package.json')), 'dist')
/** An origin of the test's own, answered by Playwright from node_modules (never the network). */
const HOST = 'http://timelinejs.test'
// Spectral's packages are CommonJS: Node gives their exports as one default object.
const { Document, Spectral } = spectralCore
const { Json } = spectralParsers
const { oas } = spectralRulesets

// Khmer with a coeng cluster, Vietnamese with stacked diacritics, Arabic between direction marks,
// an emoji with a zero-width joiner, a combining accent, and characters HTML gives meaning to.
const UNUSUAL = 'ស្រី​ពៅ · Việt Nam · \u200Fمرحبا\u200F · 👩‍⚖️ · Cafe\u0301 · <b>&amp;</b> "quoted"'

const auth = { Authorization: `Bearer ${TOKEN}` }

/** The parts of a TimelineJS Timeline object (the bundle's `TL.Timeline`) this test reads. */
interface TimelineObject {
  config: { isValid(): boolean; getErrors(): string[]; eras: unknown[] }
  _storyslider: { _slides: unknown[] }
  current_id: string
  on(event: string, callback: () => void): void
  goTo(n: number): void
}

async function adminWrite(
  request: APIRequestContext,
  method: 'post' | 'patch' | 'delete',
  path: string,
  data?: object,
  etag?: string,
) {
  const res = await request[method](`${ADMIN}${path}`, {
    headers: {
      ...auth,
      ...(etag ? { 'If-Match': etag } : {}),
      ...(data ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(data ? { data } : {}),
  })
  expect(res.status(), `${method.toUpperCase()} ${path}: ${await res.text()}`).toBeLessThan(300)
  return res
}

async function etagOf(request: APIRequestContext, path: string): Promise<string> {
  const res = await request.get(`${ADMIN}${path}`, { headers: auth })
  expect(res.status(), path).toBe(200)
  return res.headers()['etag']!
}

async function storyOf(request: APIRequestContext): Promise<Story> {
  const res = await request.get('/api/v1/story')
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { data: Story }).data
}

/** A new published event through the write API. */
async function publishEvent(request: APIRequestContext, event: Record<string, unknown>) {
  const created = await adminWrite(request, 'post', '/events', event)
  await adminWrite(
    request,
    'post',
    `/events/${String(event.id)}/publish`,
    undefined,
    created.headers()['etag'],
  )
}

test.describe('exports in their consumers', () => {
  // Neither test depends on the screen: each runs once, in the desktop project.
  test.skip(({ isMobile }) => isMobile, 'runs once, in the desktop project')

  test('TimelineJS shows every slide after a one-day chapter, boundary events and unusual Unicode', async ({
    page,
    request,
    baseURL,
  }) => {
    if (!TOKEN)
      throw new Error('E2E_EDITOR_TOKEN is not set: run these tests with playwright.config.ts')
    // A one-day chapter, 31 August 2022, cut from the end of the first (the write API's batch,
    // which keeps the chapters a partition of the year), with an event on its one day and one on
    // the first day of the next chapter, both with unusual Unicode.
    const before = await storyOf(request)
    const positions = [...before.chapters].sort((a, b) => a.position - b.position)
    const first = positions[0]!
    expect(first.end_date).toBe('2022-08-31')
    const oneDay = {
      id: 'a-single-day',
      position: 2,
      title: `One day: ${UNUSUAL}`,
      dek: `A chapter of a single day. ${UNUSUAL}`,
      start_date: '2022-08-31',
      end_date: '2022-08-31',
    }
    await adminWrite(
      request,
      'patch',
      '/chapters',
      {
        chapters: [
          { id: first.id, end_date: '2022-08-30' },
          oneDay,
          ...positions.slice(1).map((c, i) => ({ id: c.id, position: i + 3 })),
        ],
      },
      await etagOf(request, '/chapters'),
    )
    const onTheDay = {
      id: '2022-08-31-one-day-chapter-event',
      date: '2022-08-31',
      headline: `An event on a one-day chapter: ${UNUSUAL}`,
      summary: `Its chapter starts and ends on its date. ${UNUSUAL}`,
      category: before.events[0]!.category,
      chapter: oneDay.id,
    }
    const nextChapter = positions[1]!
    const onTheBoundary = {
      id: `${nextChapter.start_date}-chapter-boundary-event`,
      date: nextChapter.start_date,
      headline: `An event on the first day of a chapter: ${UNUSUAL}`,
      summary: `Dated on the boundary between two chapters. ${UNUSUAL}`,
      category: before.events[0]!.category,
      chapter: nextChapter.id,
    }
    try {
      await publishEvent(request, onTheDay)
      await publishEvent(request, onTheBoundary)
      const story = await storyOf(request)
      expect(story.events.length).toBe(before.events.length + 2)

      await page.route(`${HOST}/**`, async (route) => {
        const path = new URL(route.request().url()).pathname
        if (path === '/') {
          return route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="/timeline.css"><script src="/timeline.js"></script></head>
<body><div id="timeline" style="width: 1000px; height: 640px"></div></body></html>`,
          })
        }
        // Our export, fetched from the worker as it is now and handed over unchanged.
        if (path === '/timeline.json') {
          const response = await route.fetch({ url: `${baseURL}/api/v1/timeline.json` })
          expect(response.status()).toBe(200)
          return route.fulfill({ response })
        }
        const file = { '/timeline.js': 'js/timeline.js', '/timeline.css': 'css/timeline.css' }[path]
        if (!file) return route.fulfill({ status: 404, body: '' })
        return route.fulfill({
          contentType: path.endsWith('.js') ? 'text/javascript' : 'text/css',
          body: readFileSync(join(TIMELINEJS, file)),
        })
      })
      // Anything else TimelineJS might reach for (web fonts, its CDN) is refused, never fetched.
      const refused: string[] = []
      await page.route(
        (url) => url.origin !== HOST,
        (route) => {
          refused.push(route.request().url())
          return route.abort()
        },
      )
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${HOST}/`)

      // TimelineJS fetches the export itself, by its URL, as a partner's embed would.
      const loaded = await page.evaluate(
        (url) =>
          new Promise<{ valid: boolean; errors: string[]; slides: number; eras: number }>(
            (resolve, reject) => {
              const TL = (
                window as unknown as { TL: { Timeline: new (...a: unknown[]) => TimelineObject } }
              ).TL
              const timeline = new TL.Timeline('timeline', url, {
                hash_bookmark: false,
                font: null,
              })
              ;(window as unknown as { timeline: unknown }).timeline = timeline
              const done = () =>
                resolve({
                  valid: timeline.config.isValid(),
                  errors: timeline.config.getErrors(),
                  slides: timeline._storyslider._slides.length,
                  eras: timeline.config.eras.length,
                })
              timeline.on('loaded', done)
              setTimeout(
                () =>
                  reject(
                    new Error(
                      `TimelineJS did not load: ${document.querySelector('#timeline')?.textContent ?? ''}`,
                    ),
                  ),
                60_000,
              )
            },
          ),
        `${HOST}/timeline.json`,
      )
      expect(loaded.errors).toEqual([])
      expect(loaded.valid).toBe(true)
      expect(loaded.eras).toBe(story.chapters.length)
      // The title slide and one slide per event.
      expect(loaded.slides).toBe(story.events.length + 1)
      await expect(page.locator('#timeline .tl-message-full')).toHaveCount(0)

      // Every slide, one after another: each event's own slide shows its headline, as text.
      const expected = new Map(story.events.map((e) => [e.id, e.headline]))
      const seen = new Set<string>()
      for (let n = 0; n < loaded.slides; n++) {
        const id = await page.evaluate((i) => {
          const timeline = (window as unknown as { timeline: TimelineObject }).timeline
          timeline.goTo(i)
          return timeline.current_id as string
        }, n)
        if (n === 0) {
          expect(id).toBe('title')
          continue
        }
        const slide = page.locator(`#timeline [id="${id}"]`)
        await expect(slide.locator('.tl-headline').first(), id).toHaveText(expected.get(id)!)
        seen.add(id)
      }
      expect([...seen].sort()).toEqual([...expected.keys()].sort())
      for (const id of [onTheDay.id, onTheBoundary.id]) expect(seen).toContain(id)
      expect(errors).toEqual([])
      // What TimelineJS reached for beyond its own files and our export (web fonts), refused.
      test.info().annotations.push({ type: 'refused', description: refused.join(' ') || 'none' })
    } finally {
      // Put everything back: the two events, the one-day chapter, the first chapter's end.
      for (const id of [onTheDay.id, onTheBoundary.id]) {
        const res = await request.get(`${ADMIN}/events/${id}`, { headers: auth })
        if (res.status() === 200) {
          await adminWrite(request, 'delete', `/events/${id}`, undefined, res.headers()['etag'])
        }
      }
      const now = await storyOf(request)
      if (now.chapters.some((c) => c.id === oneDay.id)) {
        await adminWrite(
          request,
          'patch',
          '/chapters',
          {
            chapters: [
              // A deleted chapter keeps its position: it moves out of the way first.
              { id: oneDay.id, deleted: true, position: 9_999 },
              { id: first.id, end_date: '2022-08-31' },
              ...positions.slice(1).map((c) => ({ id: c.id, position: c.position })),
            ],
          },
          await etagOf(request, '/chapters'),
        )
      }
      const after = await storyOf(request)
      expect(after.chapters.map((c) => [c.id, c.start_date, c.end_date, c.position])).toEqual(
        before.chapters.map((c) => [c.id, c.start_date, c.end_date, c.position]),
      )
      expect(after.events.length).toBe(before.events.length)
    }
  })

  test('Spectral’s oas ruleset finds no error and no warning in the OpenAPI document', async ({
    request,
  }) => {
    const res = await request.get('/api/v1/openapi.json')
    expect(res.status()).toBe(200)
    const spectral = new Spectral()
    spectral.setRuleset({ extends: [[oas as never, 'recommended']] } as never)
    const results = await spectral.run(new Document(await res.text(), Json, 'openapi.json'))
    // Severity 0 is an error, 1 a warning (2 and 3 are information and hints).
    const findings = results
      .filter((r) => r.severity <= 1)
      .map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)
    expect(findings).toEqual([])
    // The ruleset does find things: the same document without its operationIds and contact fails.
    const broken = JSON.parse(await res.text()) as {
      info: Record<string, unknown>
      paths: Record<string, Record<string, { operationId?: string }>>
    }
    delete broken.info.contact
    for (const item of Object.values(broken.paths)) {
      for (const op of Object.values(item)) delete op.operationId
    }
    const againstBroken = await spectral.run(new Document(JSON.stringify(broken), Json, 'b.json'))
    const codes = new Set(againstBroken.map((r) => r.code))
    expect(codes).toContain('operation-operationId')
    expect(codes).toContain('info-contact')
  })
})
