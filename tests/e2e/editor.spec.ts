// The editor page at /editor, driven in Chromium against the real worker and a fresh D1: signing
// in, editing and publishing (the story page follows), conflicts, field errors, revisions, hostile
// input that must stay text everywhere, and axe on every view. Each test puts back what it changed.
import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import type { Story, StoryEvent } from '../../worker/model'
import { clientHeaders, test as base } from './client'

const TOKEN = process.env.E2E_EDITOR_TOKEN ?? ''

/** Watches a page for anything that went wrong: script errors, failed or refused requests,
 *  dialogs, and requests that leave the site. Statuses a test expects are allowed one by one. */
class Guard {
  readonly problems: string[] = []
  readonly dialogs: string[] = []
  readonly requests: string[] = []
  /** Set by a test that leaves unsaved changes on purpose: the next "leave?" is answered yes. */
  acceptLeave = false
  private allowed: number[] = []

  constructor(page: Page, origin: string) {
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      // A refused request is logged by the browser too; the response listener judges those.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        this.problems.push(`console error: ${m.text()}`)
    })
    page.on('dialog', (d) => {
      if (this.acceptLeave && d.type() === 'confirm') {
        this.acceptLeave = false
        void d.accept()
        return
      }
      this.dialogs.push(`${d.type()}: ${d.message()}`)
      void d.dismiss()
    })
    page.on('request', (r) => {
      this.requests.push(r.url())
      const url = new URL(r.url())
      if (url.origin !== origin && url.protocol !== 'data:')
        this.problems.push(`request to another site: ${r.url()}`)
    })
    page.on('requestfailed', (r) => {
      const reason = r.failure()?.errorText ?? 'unknown'
      // A request still running when the test moves to another page is cut off, not failed.
      if (reason !== 'net::ERR_ABORTED')
        this.problems.push(`request failed: ${r.url()} (${reason})`)
    })
    page.on('response', (r) => {
      if (r.status() < 400) return
      const index = this.allowed.indexOf(r.status())
      if (index >= 0) this.allowed.splice(index, 1)
      else this.problems.push(`HTTP ${r.status()}: ${r.url()}`)
    })
  }

  /** The next response with this status is expected (a conflict, a refused field). */
  allow(status: number, times = 1) {
    for (let i = 0; i < times; i++) this.allowed.push(status)
  }
}

/** Puts an event's fields back after a test, whether it passed or not. */
type PutBack = (event: StoryEvent, fields: (keyof StoryEvent)[]) => void

const test = base.extend<{ guard: Guard; story: Story; editorName: string; putBack: PutBack }>({
  putBack: async ({ request }, use) => {
    const later: [StoryEvent, (keyof StoryEvent)[]][] = []
    await use((event, fields) => later.push([event, fields]))
    const api = adminApi(request)
    for (const [event, fields] of later) {
      await api.publish(event.id)
      const value = (f: keyof StoryEvent) =>
        f === 'places' ? event.places.map((p) => p.id) : event[f]
      await api.patch(event.id, Object.fromEntries(fields.map((f) => [f, value(f)])))
    }
  },
  guard: [
    async ({ page, baseURL }, use) => {
      const guard = new Guard(page, new URL(baseURL!).origin)
      await use(guard)
      expect(guard.dialogs, 'dialogs opened').toEqual([])
      expect(guard.problems, 'errors, failed requests or requests elsewhere').toEqual([])
    },
    { auto: true },
  ],
  editorName: async ({ request }, use) => {
    const response = await request.get('/api/v1/admin/me', {
      headers: { Authorization: `Bearer ${TOKEN}` },
    })
    expect(response.status(), 'the test token is accepted').toBe(200)
    await use(((await response.json()) as { name: string }).name)
  },
  story: async ({ request }, use) => {
    const response = await request.get('/api/v1/story')
    expect(response.ok(), 'GET /api/v1/story').toBe(true)
    await use(((await response.json()) as { data: Story }).data)
  },
})

test.beforeAll(() => {
  if (!TOKEN)
    throw new Error('E2E_EDITOR_TOKEN is not set: run these tests with playwright.config.ts')
})

/** The write API, called directly: to set the scene for a test and to put things back after it. */
function adminApi(request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${TOKEN}` }
  async function read(id: string) {
    const response = await request.get(`/api/v1/admin/events/${id}`, { headers })
    expect(response.status(), `GET admin event ${id}`).toBe(200)
    const version = Number(response.headers()['etag']?.replaceAll('"', ''))
    return { event: (await response.json()) as StoryEvent & { status: string }, version }
  }
  return {
    read,
    async patch(id: string, body: Partial<StoryEvent>) {
      const { version } = await read(id)
      const response = await request.patch(`/api/v1/admin/events/${id}`, {
        headers: { ...headers, 'If-Match': `"${version}"` },
        data: body,
      })
      expect(response.status(), `PATCH admin event ${id}: ${await response.text()}`).toBe(200)
    },
    async publish(id: string) {
      const { event, version } = await read(id)
      if (event.status === 'published') return
      const response = await request.post(`/api/v1/admin/events/${id}/publish`, {
        headers: { ...headers, 'If-Match': `"${version}"` },
      })
      expect(response.status()).toBe(200)
    },
  }
}

/** A published event for one test, far from the others' so tests never share a row. */
function pick(story: Story, slot: number): StoryEvent {
  const events = [...story.events].sort((a, b) => a.date.localeCompare(b.date))
  const event = events[Math.min(slot * 5 + 2, events.length - 1)]
  if (!event) throw new Error('the story has no events: is the dataset migration applied?')
  return event
}

async function signIn(page: Page, name: string, token = TOKEN) {
  await page.goto('/editor')
  const heading = page.getByRole('heading', { level: 1, name: 'Sign in to edit the story' })
  await expect(heading).toBeFocused()
  // By keyboard: from the focused heading, Tab reaches the token field; Enter signs in.
  await page.keyboard.press('Tab')
  const field = page.getByLabel('Editor token')
  await expect(field).toBeFocused()
  await page.keyboard.type(token)
  await page.keyboard.press('Enter')
  await expect(page.locator('.editor-bar__who')).toContainText(`Signed in as ${name}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeFocused()
}

async function openEvent(page: Page, id: string) {
  await page.goto(`/editor#/events/${id}`)
  await expect(page.locator('.event-head code')).toHaveText(id)
}

async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0)
}

test('an editor signs in, changes a headline, publishes, and the story page shows it on reload', async ({
  page,
  request,
  story,
  editorName,
  putBack,
}) => {
  const event = pick(story, 0)
  const headline = `${event.headline} (checked ${Date.now()})`
  putBack(event, ['headline'])
  await signIn(page, editorName)
  // The token is in this tab's sessionStorage, never in the URL.
  expect(page.url()).not.toContain(TOKEN)
  expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(TOKEN)

  // Find the event in the list and open it.
  await page.getByLabel('Find words').fill(event.id)
  const row = page.locator(`tr[data-event-id="${event.id}"]`)
  await expect(row).toHaveCount(1)
  await expect(row.locator('.badge')).toHaveText('Published')
  await row.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(event.headline)
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  await expectNoOverflow(page)

  // Unpublish: a draft leaves the public API.
  await page.getByRole('button', { name: 'Unpublish', exact: true }).click()
  await expect(page.locator('.event-head .badge')).toHaveText('Draft')
  expect((await request.get(`/api/v1/events/${event.id}`)).status()).toBe(404)

  // Change the headline and save it.
  await page.getByLabel('Headline').fill(headline)
  await expect(page.getByText('Unsaved changes.').first()).toBeVisible()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText(/^Saved at /)).toBeVisible()
  await expect(page.getByRole('status').last()).toHaveText('Saved.')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(headline)

  // Publish, then the story page shows the new headline (and again after a reload).
  await page.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(page.locator('.event-head .badge')).toHaveText('Published')
  await page.goto('/')
  await expect(page.locator(`#event-${event.id} h3`)).toHaveText(headline)
  await page.reload()
  await expect(page.locator(`#event-${event.id} h3`)).toHaveText(headline)

  // Signing out forgets the token.
  await page.goto('/editor')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByLabel('Editor token')).toBeVisible()
  expect(await page.evaluate(() => Object.values(sessionStorage))).not.toContain(TOKEN)
})

test('a wrong token is refused with a message and nothing else happens', async ({
  page,
  guard,
}) => {
  guard.allow(401)
  await page.goto('/editor')
  await page.getByLabel('Editor token').fill('yir_not-a-real-token')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const field = page.getByLabel('Editor token')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#token-error')).toContainText('not accepted')
  await expect(field).toHaveAttribute('aria-describedby', /token-error/)
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
})

test('a token the API no longer takes signs the editor out, once, with the reason', async ({
  page,
  guard,
  editorName,
}) => {
  await signIn(page, editorName)
  // The token this tab kept is refused on the next request (as a revoked one would be).
  guard.allow(401)
  await page.evaluate(() =>
    sessionStorage.setItem('year-in-review:editor-token', 'yir_a-token-that-was-revoked-0000'),
  )
  await page.reload()
  const heading = page.getByRole('heading', { level: 1, name: 'Sign in to edit the story' })
  await expect(heading).toBeVisible()
  await expect(page.locator('.sign-in .message')).toHaveText(
    'Your token was not accepted (it may have been revoked). Sign in again.',
  )
  await expect(page.getByRole('status')).toHaveText(/not accepted/)
  await expect(page.locator('.editor-bar__who')).toHaveCount(0)
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
})

test('field errors from the API show next to their fields, linked to them', async ({
  page,
  story,
  guard,
  editorName,
}) => {
  const event = pick(story, 1)
  await signIn(page, editorName)
  await openEvent(page, event.id)

  // As the editor types: /validate answers, and the error sits under the field.
  const headline = page.getByLabel('Headline')
  await headline.fill('')
  await expect(headline).toHaveAttribute('aria-invalid', 'true')
  await expect(headline).toHaveAttribute('aria-describedby', /event-headline-error/)
  await expect(page.locator('#event-headline-error')).not.toBeEmpty()

  // Saving anyway: the API refuses (422) and says why, next to the field.
  guard.allow(422)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.locator('#main').getByText('Some fields need fixing')).toBeVisible()
  await expect(page.locator('#event-headline-error')).not.toBeEmpty()

  // A correction note must say what the source said.
  await page.getByRole('button', { name: 'Add a note' }).click()
  const kind = page.locator('[id^="note-new-"][id$="-kind"]')
  await expect(kind).toBeFocused()
  await kind.selectOption('correction')
  const said = page.locator('[id^="note-new-"][id$="-source_said"]')
  await expect(said).toHaveAttribute('aria-invalid', 'true')
  await expect(said).toHaveAttribute('aria-describedby', /source_said-error/)
  await page.getByRole('button', { name: 'Discard' }).click()

  // Nothing was written.
  const after = await adminApi(page.request).read(event.id)
  expect(after.event.headline).toBe(event.headline)
})

/** A second editor in a browser context of its own (its own tab storage), signed in. */
async function secondEditor(browser: Browser, baseURL: string | undefined, name: string) {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: clientHeaders(`second editor ${name}`),
  })
  const page = await context.newPage()
  await signIn(page, name)
  return { context, page }
}

test('two editors change different fields of one event at once: both changes are stored', async ({
  page,
  browser,
  baseURL,
  request,
  story,
  guard,
  editorName,
  putBack,
}) => {
  const api = adminApi(request)
  const event = pick(story, 2)
  putBack(event, ['headline', 'summary'])
  const other = await secondEditor(browser, baseURL, editorName)
  try {
    await signIn(page, editorName)
    await openEvent(page, event.id)
    await openEvent(other.page, event.id)

    // The other editor saves a new summary first.
    const summary = `${event.summary} (theirs ${Date.now()})`
    await other.page.getByLabel('Summary').fill(summary)
    await other.page.getByRole('button', { name: 'Save changes' }).click()
    await expect(other.page.getByText(/^Saved at/)).toBeVisible()

    // This editor, still on the old version, changes the headline and saves: the 412 is merged.
    guard.allow(412)
    const headline = `${event.headline} (mine)`
    await page.getByLabel('Headline').fill(headline)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByText(/^Saved at/)).toBeVisible()
    await expect(page.getByLabel('Summary')).toHaveValue(summary)
    await expect(page.getByLabel('Headline')).toHaveValue(headline)

    const stored = (await api.read(event.id)).event
    expect(stored.headline).toBe(headline)
    expect(stored.summary).toBe(summary)
  } finally {
    await other.context.close()
  }
})

test('two editors change the same field: the second picks, and nothing typed is lost', async ({
  page,
  browser,
  baseURL,
  request,
  story,
  guard,
  editorName,
  putBack,
}) => {
  const api = adminApi(request)
  const event = pick(story, 3)
  putBack(event, ['headline', 'summary'])
  const other = await secondEditor(browser, baseURL, editorName)
  try {
    await signIn(page, editorName)
    await openEvent(page, event.id)
    await openEvent(other.page, event.id)

    const theirs = `${event.headline} (theirs)`
    await other.page.getByLabel('Headline').fill(theirs)
    await other.page.getByRole('button', { name: 'Save changes' }).click()
    await expect(other.page.getByText(/^Saved at/)).toBeVisible()

    guard.allow(412)
    const mine = `${event.headline} (mine)`
    const summary = `${event.summary} (mine too)`
    await page.getByLabel('Headline').fill(mine)
    await page.getByLabel('Summary').fill(summary)
    await page.getByRole('button', { name: 'Save changes' }).click()

    // Both versions side by side; mine stays in the form until the editor picks.
    const merge = page.getByRole('region', { name: /Changed by you and by someone else/ })
    await expect(merge).toBeVisible()
    await expect(merge).toBeFocused()
    await expect(merge.getByRole('group', { name: 'Headline' })).toContainText(mine)
    await expect(merge.getByRole('group', { name: 'Headline' })).toContainText(theirs)
    await expect(page.locator('#event-headline')).toHaveValue(mine)
    await expect(page.getByLabel('Summary')).toHaveValue(summary)
    expect((await api.read(event.id)).event.headline).toBe(theirs)

    // Saving before picking is refused and says why; then the editor keeps theirs for the
    // headline, and the summary (only mine changed it) is saved with it.
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(
      page.locator('#main').getByText('Pick your version or the stored one of Headline first.'),
    ).toBeVisible()
    await merge.getByRole('button', { name: 'Take theirs: Headline' }).click()
    await expect(merge).toHaveCount(0)
    await expect(page.locator('#event-headline')).toHaveValue(theirs)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByText(/^Saved at/)).toBeVisible()
    const stored = (await api.read(event.id)).event
    expect(stored.headline).toBe(theirs)
    expect(stored.summary).toBe(summary)
  } finally {
    await other.context.close()
  }
})

test('leaving with unsaved changes asks first, and a reload brings the typing back', async ({
  page,
  browser,
  baseURL,
  story,
  guard,
  editorName,
}) => {
  const event = pick(story, 4)
  await signIn(page, editorName)
  await openEvent(page, event.id)
  const typed = `${event.summary} (typed, not saved)`
  await page.getByLabel('Summary').fill(typed)

  // "All events" and "Story page" ask first; saying no keeps the editor and the typing.
  await page.getByRole('link', { name: '← All events' }).click()
  await page
    .getByRole('navigation', { name: 'Editor' })
    .getByRole('link', { name: 'Story page' })
    .click()
  expect(guard.dialogs).toEqual([
    expect.stringMatching(/^confirm: You have unsaved changes/),
    expect.stringMatching(/^confirm: You have unsaved changes/),
  ])
  guard.dialogs.length = 0
  await expect(page).toHaveURL(new RegExp(`#/events/${event.id}$`))
  await expect(page.getByLabel('Summary')).toHaveValue(typed)

  // A reload asks too (beforeunload); once let through, the draft comes back with a notice.
  const other = await secondEditor(browser, baseURL, editorName)
  try {
    const asked: string[] = []
    other.page.on('dialog', (d) => {
      asked.push(d.type())
      void d.accept()
    })
    await openEvent(other.page, event.id)
    await other.page.getByLabel('Summary').fill(typed)
    await other.page.reload()
    expect(asked).toEqual(['beforeunload'])
    await expect(other.page.locator('.event-head code')).toHaveText(event.id)
    await expect(other.page.getByLabel('Summary')).toHaveValue(typed)
    await expect(other.page.getByText(/What you had not saved in this tab/)).toBeVisible()
    await expect(other.page.getByText('Unsaved changes.')).toBeVisible()
    const { violations } = await new AxeBuilder({ page: other.page }).analyze()
    expect(
      violations.map((v) => v.id),
      'axe on a restored draft',
    ).toEqual([])

    // Discarding the draft shows the saved event again.
    await other.page.getByRole('button', { name: 'Discard draft' }).click()
    await expect(other.page.getByLabel('Summary')).toHaveValue(event.summary)
    await expect(other.page.getByText('No unsaved changes.')).toBeVisible()
  } finally {
    await other.context.close()
  }
})

test('errors wait for a touch or a save, then sit at their fields and take the focus', async ({
  page,
  story,
  guard,
  editorName,
}) => {
  const event = pick(story, 6)
  await signIn(page, editorName)
  await openEvent(page, event.id)
  // Nothing is outlined before the editor types.
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0)

  // The body's room is shown before the limit is hit, and the limit is reported at Body.
  const body = page.getByLabel('Body')
  await expect(page.locator('#event-body-count')).toContainText(/characters left/)
  await expect(body).toHaveAttribute('aria-describedby', /event-body-count/)
  await body.fill('x'.repeat(20_001))
  await expect(body).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#event-body-error')).toContainText('Body is 1 character too long')
  await body.fill(event.body ?? '')

  // A save with an empty summary: the error sits at Summary, outlined, and takes the focus.
  guard.allow(422)
  await page.getByLabel('Summary').fill('')
  await page.getByLabel('Headline').focus()
  await page.getByRole('button', { name: 'Save changes' }).click()
  const summary = page.getByLabel('Summary')
  await expect(summary).toBeFocused()
  await expect(summary).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#event-summary-error')).toHaveText(/Summary must not be empty/)
  const outline = await summary.evaluate((el) => getComputedStyle(el).borderTopWidth)
  expect(outline).toBe('2px')
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(
    violations.map((v) => v.id),
    'axe on a refused save',
  ).toEqual([])

  // A new event refused on create: the focus goes to the first field marked in error, too.
  // The refused summary is still unsaved: typing another address asks first.
  guard.allow(422)
  guard.acceptLeave = true
  await page.goto('/editor#/new')
  await expect(page.getByRole('heading', { level: 1, name: 'New event' })).toBeVisible()
  expect(guard.acceptLeave, 'leaving the unsaved event asked first').toBe(false)
  await page.getByRole('button', { name: 'Create the draft' }).click()
  await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused()
})

test('revisions show a change side by side, and restoring one brings that version back', async ({
  page,
  request,
  story,
  editorName,
  putBack,
}) => {
  const api = adminApi(request)
  const event = pick(story, 8)
  const first = `${event.headline} (first ${Date.now()})`
  const second = `${event.headline} (second ${Date.now()})`
  putBack(event, ['headline'])
  await api.patch(event.id, { headline: first })
  await api.patch(event.id, { headline: second })
  await signIn(page, editorName)
  await openEvent(page, event.id)

  // Newest first: the change to the second headline, then the one to the first.
  const revisions = page.locator('.revision')
  await expect(revisions.first().locator('h3')).toHaveText(`Event ${event.id} changed: Headline`)
  const older = revisions.nth(1)
  await expect(older.locator('.revision__meta')).toContainText(`by ${editorName}`)
  await older.getByText('Compare before and after').click()
  const changed = older.locator('tr.changed', { has: page.locator('th', { hasText: 'headline' }) })
  await expect(changed.locator('.changed-tag')).toHaveText('changed')
  await expect(changed.locator('.diff__before')).toHaveText(event.headline)
  await expect(changed.locator('.diff__after')).toHaveText(first)
  await expect(older.locator('tr:not(.changed)', { hasText: 'summary' })).toHaveCount(1)

  await older.getByRole('button', { name: 'Restore this version' }).click()
  await expect(
    page
      .locator('#main')
      .getByText(
        /^Restored event .* as it was after revision \d+\. Restored the content of the event\.$/,
      ),
  ).toBeVisible()
  await expect(page.getByLabel('Headline')).toHaveValue(first)
  expect((await api.read(event.id)).event.headline).toBe(first)
  // The restore is a revision of its own, on top.
  await expect(revisions.first().locator('.revision__meta')).toContainText(`by ${editorName}`)
  await expect(revisions.first().locator('h3')).toHaveText(`Event ${event.id} changed: Headline`)
})

test('script in a headline and in body text stays text on the page and in the exports, and runs nothing', async ({
  page,
  request,
  story,
  guard,
  editorName,
  putBack,
}) => {
  const event = pick(story, 4)
  const headline = `<img src="/xss-probe-headline" onerror="window.__xss='headline';alert(1)"> Probe ${Date.now()}`
  const body = [
    `<script>window.__xss='body';fetch('/xss-probe-script')</script>`,
    `<img src=/xss-probe-body onerror="window.__xss='img';alert(2)"> body probe`,
    `[a link](javascript:alert(3)) and <a href="javascript:alert(4)">another</a>`,
  ].join('\n\n')
  const probed = () => guard.requests.filter((url) => url.includes('xss-probe'))
  putBack(event, ['headline', 'body'])
  await signIn(page, editorName)
  await openEvent(page, event.id)
  await page.getByLabel('Headline').fill(headline)
  await page.getByLabel('Body').fill(body)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText(/^Saved at /)).toBeVisible()
  // The editor shows it as text, too.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(headline)
  await expect(page.getByLabel('Body')).toHaveValue(body)

  // The story page: the headline as text, the body's tags as text or gone, nothing injected.
  await page.goto('/')
  const step = page.locator(`#event-${event.id}`)
  await expect(step.locator('h3')).toHaveText(headline)
  await expect(step).toContainText('body probe')
  await expect(page.locator('img[src*="xss-probe"], script:has-text("xss-probe")')).toHaveCount(0)
  await expect(page.locator('[onerror], a[href^="javascript:" i]')).toHaveCount(0)
  await page.reload()
  await expect(step.locator('h3')).toHaveText(headline)
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()

  // CSV: plain text, the fields exactly as saved.
  const csv = await request.get('/api/v1/events.csv')
  expect(csv.status()).toBe(200)
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/)
  expect(csv.headers()['x-content-type-options']).toBe('nosniff')
  const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[]
  const csvRow = rows.find((r) => r.id === event.id)
  expect(csvRow?.headline).toBe(headline)
  expect(csvRow?.body).toBe(body)

  // TimelineJS JSON: its fields are HTML; rendered as TimelineJS would, nothing runs.
  const timeline = await request.get('/api/v1/timeline.json')
  expect(timeline.status()).toBe(200)
  const slides = ((await timeline.json()) as { events: TimelineSlide[] }).events
  const slide = slides.find((s) => s.unique_id === event.id || s.unique_id?.endsWith(event.id))
  expect(slide, `a TimelineJS slide for ${event.id}`).toBeDefined()
  expect(slide!.text.headline).not.toMatch(/<img|<script/i)
  expect(slide!.text.text).not.toMatch(/<script|<img|href="?javascript:/i)
  expect(slide!.text.text).toContain('body probe')
  await page.goto('/editor')
  const rendered = await page.evaluate(
    async ({ title, text }) => {
      const box = document.createElement('div')
      box.innerHTML = `<h2>${title}</h2>${text}`
      document.body.appendChild(box)
      await new Promise((done) => setTimeout(done, 300))
      return {
        title: box.querySelector('h2')?.textContent ?? '',
        elements: box.querySelectorAll('img, script, iframe, [onerror], a[href^="javascript:" i]')
          .length,
        flag: (window as { __xss?: unknown }).__xss,
      }
    },
    { title: slide!.text.headline, text: slide!.text.text },
  )
  expect(rendered.title).toBe(headline)
  expect(rendered.elements).toBe(0)
  expect(rendered.flag).toBeUndefined()

  expect(probed(), 'requests the payload would make').toEqual([])
})

interface TimelineSlide {
  unique_id?: string
  text: { headline: string; text: string }
}

test('figures, places and notes are added, changed and deleted from the event page', async ({
  page,
  request,
  story,
  editorName,
  putBack,
}) => {
  const api = adminApi(request)
  const event = pick(story, 6)
  putBack(event, ['places'])
  const stamp = Date.now()
  const linked = new Set(event.places.map((p) => p.id))
  const place = story.places.find((p) => !linked.has(p.id))!
  await signIn(page, editorName)
  await openEvent(page, event.id)

  // A place: ticked, saved, linked; unticked, saved, gone.
  await page.getByLabel('Find a place').fill(place.name)
  await page.getByRole('checkbox', { name: place.name, exact: true }).check()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText(/^Saved at /)).toBeVisible()
  expect((await api.read(event.id)).event.places.map((p) => p.id)).toContain(place.id)
  await page.getByRole('checkbox', { name: place.name, exact: true }).uncheck()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect
    .poll(async () => (await api.read(event.id)).event.places.map((p) => p.id))
    .toEqual(event.places.map((p) => p.id))

  // A figure: added, changed, deleted.
  await page.getByRole('button', { name: 'Add a figure' }).click()
  const figure = page.locator('form[data-figure-id="new"]')
  await figure.getByLabel('As written in the story').fill(`as many as ${stamp} test people`)
  await figure.getByLabel('Qualifier').selectOption('as many as')
  await figure.locator('input[id$="-value"]').fill(String(stamp))
  await figure.getByLabel('Unit').selectOption('people')
  await figure.getByLabel('What it measures').selectOption('rescued')
  await figure.getByRole('button', { name: 'Add this figure' }).click()
  const saved = page.locator('form[data-figure-id]', { hasText: 'Figure saved.' })
  await expect(saved).toHaveCount(1)
  const figureId = Number(await saved.getAttribute('data-figure-id'))
  const figureOf = async () =>
    (await api.read(event.id)).event.figures.find((f) => f.id === figureId)
  expect((await figureOf())?.value).toBe(stamp)
  await saved.locator('input[id$="-value"]').fill(String(stamp + 1))
  await saved.getByRole('button', { name: 'Save figure' }).click()
  await expect.poll(async () => (await figureOf())?.value).toBe(stamp + 1)
  await saved.getByRole('button', { name: 'Delete figure…' }).click()
  await page.getByRole('button', { name: 'Yes, delete the figure' }).click()
  await expect(page.locator(`form[data-figure-id="${figureId}"]`)).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add a figure' })).toBeFocused()
  expect(await figureOf()).toBeUndefined()

  // A correction note: refused without what the source said, then added, shown to readers.
  await page.getByRole('button', { name: 'Add a note' }).click()
  const note = page.locator('form[data-note-id="new"]')
  await note.getByLabel('Kind').selectOption('correction')
  await note.getByLabel('Field it is about').fill('date')
  await note.getByLabel('Note for readers').fill(`Test correction ${stamp}.`)
  await note.getByRole('button', { name: 'Add this note' }).click()
  await expect(note.getByText('Some fields need fixing')).toBeVisible()
  await note.getByLabel('What the source said').fill('The source gave another date.')
  await note.getByRole('button', { name: 'Add this note' }).click()
  const savedNote = page.locator('form[data-note-id]', { hasText: 'Note saved.' })
  await expect(savedNote).toHaveCount(1)
  const noteId = await savedNote.getAttribute('data-note-id')
  await page.goto('/')
  await expect(page.locator(`#event-${event.id}`)).toContainText(`Test correction ${stamp}.`)
  await openEvent(page, event.id)
  const shown = page.locator(`form[data-note-id="${noteId}"]`)
  await shown.getByRole('button', { name: 'Delete note…' }).click()
  await page.getByRole('button', { name: 'Yes, delete the note' }).click()
  await expect
    .poll(async () => (await api.read(event.id)).event.notes)
    .toEqual(event.notes.map((n) => expect.objectContaining({ id: n.id })))
})

test('a new event starts as a draft: in the preview, not on the story page, until published', async ({
  page,
  request,
  story,
  editorName,
}) => {
  const api = adminApi(request)
  const stamp = Date.now()
  const base = pick(story, 7)
  const headline = `Test event ${stamp} for the editor`
  await signIn(page, editorName)
  await page.getByRole('link', { name: 'New event', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'New event' })).toBeFocused()
  await page.locator('#new-date').fill(base.date)
  await page.getByLabel('Headline').fill(headline)
  const id = `${base.date}-test-event-${stamp}-for-the-editor`
  await expect(page.getByLabel('Id')).toHaveValue(id)
  await page.getByLabel('Summary').fill('A draft made by the browser tests.')
  await page.getByLabel('Category').selectOption(base.category)
  await page.getByLabel('Chapter').selectOption(base.chapter)
  await page.getByRole('button', { name: 'Create the draft' }).click()

  await expect(page).toHaveURL(new RegExp(`#/events/${id}$`))
  await expect(page.locator('.event-head .badge')).toHaveText('Draft')
  expect((await request.get(`/api/v1/events/${id}`)).status()).toBe(404)
  expect((await api.read(id)).event.headline).toBe(headline)

  // The preview shows it, marked as a draft; the story page does not.
  await page.getByRole('link', { name: 'Preview the story with drafts' }).click()
  const previewed = page.locator(`.preview-event[data-event-id="${id}"]`)
  await expect(previewed.locator('h3')).toHaveText(headline)
  await expect(previewed.locator('.badge')).toHaveText('Draft')
  await page.goto('/')
  await expect(page.locator('.step').first()).toBeVisible()
  await expect(page.locator(`#event-${id}`)).toHaveCount(0)

  // Published, it is on the story page; deleted (softly), it is gone again.
  await openEvent(page, id)
  await page.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(page.locator('.event-head .badge')).toHaveText('Published')
  await page.goto('/')
  await expect(page.locator(`#event-${id} h3`)).toHaveText(headline)
  await openEvent(page, id)
  await page.getByRole('button', { name: 'Delete…' }).first().click()
  await page.getByRole('button', { name: 'Yes, delete', exact: true }).click()
  await expect(page.locator('.event-head .badge')).toHaveText('Deleted')
  await expect(page.getByRole('button', { name: 'Restore the event' })).toBeFocused()
  expect((await request.get(`/api/v1/events/${id}`)).status()).toBe(404)
})

test('a writer creates drafts but sees no Publish, Delete or Restore, and is told why', async ({
  page,
  request,
  story,
}) => {
  const publisher = { Authorization: `Bearer ${TOKEN}` }
  const stamp = Date.now()
  // A writer's token, made with the test's publisher token through the write API.
  const name = `Writer ${stamp}`
  const made = await request.post('/api/v1/admin/tokens', {
    headers: publisher,
    data: { name, role: 'writer' },
  })
  expect(made.status(), await made.text()).toBe(201)
  const writer = (await made.json()) as { id: number; token: string }
  const base = pick(story, 9)
  const id = `${base.date}-writer-draft-${stamp}`
  const created = await request.post('/api/v1/admin/events', {
    headers: { Authorization: `Bearer ${writer.token}` },
    data: {
      id,
      date: base.date,
      date_precision: 'day',
      headline: `A writer’s draft ${stamp}`,
      summary: 'Made by a writer in the browser tests.',
      body: '',
      category: base.category,
      chapter: base.chapter,
    },
  })
  expect(created.status(), await created.text()).toBe(201)

  await signIn(page, name, writer.token)
  await expect(page.locator('.editor-bar__who')).toContainText('(writer)')
  await openEvent(page, id)
  await expect(page.locator('.event-head .badge')).toHaveText('Draft')
  const actions = page.getByRole('group', { name: 'Publishing' })
  await expect(actions.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Delete…' })).toHaveCount(0)
  await expect(actions.locator('.role-note')).toContainText(
    'Only a publisher can publish an event; your token is a writer’s.',
  )
  // Editing is still theirs: the headline field takes a change.
  await expect(page.getByLabel('Headline')).toBeEditable()
  await expect(
    page.getByRole('button', { name: /Undo this change|Restore this version/ }),
  ).toHaveCount(0)
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(
    violations.map((v) => v.id),
    'axe on the writer’s event view',
  ).toEqual([])

  // Put things back: the publisher deletes the draft and revokes the writer's token.
  const read = await request.get(`/api/v1/admin/events/${id}`, { headers: publisher })
  const removed = await request.delete(`/api/v1/admin/events/${id}`, {
    headers: { ...publisher, 'If-Match': read.headers()['etag'] ?? '' },
  })
  expect(removed.status()).toBe(200)
  const revoked = await request.post(`/api/v1/admin/tokens/${writer.id}/revoke`, {
    headers: publisher,
  })
  expect(revoked.status()).toBe(200)
})

test('a share-preview link opens the real page with the draft in a fresh browser, until revoked', async ({
  page,
  browser,
  request,
  story,
  editorName,
}) => {
  const headers = { Authorization: `Bearer ${TOKEN}` }
  const stamp = Date.now()
  const base = pick(story, 11)
  const id = `${base.date}-shared-draft-${stamp}`
  const headline = `A shared draft ${stamp}`
  const created = await request.post('/api/v1/admin/events', {
    headers,
    data: {
      id,
      date: base.date,
      date_precision: 'day',
      headline,
      summary: 'Shown by a share-preview link in the browser tests.',
      body: '',
      category: base.category,
      chapter: base.chapter,
    },
  })
  expect(created.status(), await created.text()).toBe(201)

  await signIn(page, editorName)
  await page.goto('/editor#/preview')
  await page.getByRole('button', { name: 'Make a share-preview link' }).click()
  const field = page.getByLabel('Share-preview link')
  await expect(field).toHaveValue(/\/preview\/[0-9a-f]{32}\.\d+\.[\w-]{43}$/)
  const url = await field.inputValue()
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(
    violations.map((v) => v.id),
    'axe on the preview with a share link',
  ).toEqual([])

  // A fresh context: no token, no session; the real story page, the draft marked, the graphic.
  const reader = await browser.newContext({ extraHTTPHeaders: clientHeaders('reader') })
  const readerPage = await reader.newPage()
  const response = await readerPage.goto(url)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['x-robots-tag']).toContain('noindex')
  expect(response?.headers()['cache-control']).toBe('private, no-store')
  await expect(readerPage.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
  await expect(readerPage.getByRole('complementary', { name: 'Preview' })).toContainText(headline)
  await expect(readerPage.locator(`#event-${id} h3`)).toHaveText(headline)
  const label = await readerPage
    .locator(`#event-${id}`)
    .evaluate((el) => getComputedStyle(el, '::before').content)
  expect(label).toBe('"Draft: not published"')
  await expect(readerPage.locator('svg').first()).toBeVisible()
  // The public page still has no draft.
  await readerPage.goto('/')
  await expect(readerPage.locator('.step').first()).toBeVisible()
  await expect(readerPage.locator(`#event-${id}`)).toHaveCount(0)

  // Revoked on the editor page, the link answers 404.
  await page
    .getByRole('button', { name: /^Revoke the link made by/ })
    .first()
    .click()
  await expect(
    page.locator('.message', { hasText: 'Revoked: the link now answers “not found”.' }),
  ).toBeVisible()
  const gone = await readerPage.goto(url)
  expect(gone?.status()).toBe(404)
  await reader.close()

  const read = await request.get(`/api/v1/admin/events/${id}`, { headers })
  const removed = await request.delete(`/api/v1/admin/events/${id}`, {
    headers: { ...headers, 'If-Match': read.headers()['etag'] ?? '' },
  })
  expect(removed.status()).toBe(200)
})

test('axe finds nothing wrong on any view of the editor', async ({
  page,
  story,
  editorName,
  guard,
}) => {
  const event = pick(story, 5)
  const check = async (view: string) => {
    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe on ${view}`,
    ).toEqual([])
    await expectNoOverflow(page)
  }

  await page.goto('/editor')
  await expect(page.getByLabel('Editor token')).toBeVisible()
  await check('the sign-in form')

  await signIn(page, editorName)
  await expect(page.locator('.event-table tbody tr').first()).toBeVisible()
  await check('the event list')

  await openEvent(page, event.id)
  await expect(page.getByRole('heading', { level: 2, name: 'Revisions' })).toBeVisible()
  await expect(page.getByText('Loading the revisions…')).toHaveCount(0)
  await page.getByLabel('Headline').fill('')
  await expect(page.getByLabel('Headline')).toHaveAttribute('aria-invalid', 'true')
  await page.getByRole('button', { name: 'Add a figure' }).click()
  await page.getByRole('button', { name: 'Delete…' }).first().click()
  await check('an event with a field error, a new figure and a delete question')

  // The emptied headline is unsaved: typing another address asks first.
  guard.acceptLeave = true
  await page.goto('/editor#/new')
  await expect(page.getByRole('heading', { level: 1, name: 'New event' })).toBeVisible()
  expect(guard.acceptLeave, 'leaving the unsaved event asked first').toBe(false)
  await check('the new event form')

  await page.goto('/editor#/preview')
  await expect(page.locator('.preview-event').first()).toBeVisible()
  await check('the preview')
})
