// The whole event built on the editor page, in Chromium against the real worker and a fresh D1:
// a writer makes a new event, and on its page a new place (picked on the map of Cambodia), a new
// outlet and a new actor (linked with roles), a quote, a figure and a note, and cannot publish it;
// a publisher sends a share-preview link that a fresh browser without a token opens on the real
// story page (the graphic, the draft marked), then publishes it and readers see it. axe on every
// editor screen on the way. A second test leaves half-typed new rows and reloads: they come
// back, and leaving asks first. The tests remove what they made, so others see the story as
// shipped.
import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { clientHeaders, test as base } from './client'
import type { Story } from '../../worker/model'

/** Where screenshots go: the README's pictures with UPDATE_EDITOR_SCREENSHOTS=1. */
const SHOTS =
  process.env.UPDATE_EDITOR_SCREENSHOTS === '1' ? 'docs/editor' : 'test-results/editor-workspace'

const TOKEN = process.env.E2E_EDITOR_TOKEN ?? ''

/** Watches a page for script errors, failed or refused requests, dialogs and other sites. */
class Guard {
  readonly problems: string[] = []
  constructor(page: Page, origin: string) {
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        this.problems.push(`console error: ${m.text()}`)
    })
    page.on('dialog', (d) => {
      this.problems.push(`dialog: ${d.type()}: ${d.message()}`)
      void d.dismiss()
    })
    page.on('request', (r) => {
      const url = new URL(r.url())
      if (url.origin !== origin && url.protocol !== 'data:')
        this.problems.push(`request to another site: ${r.url()}`)
    })
    page.on('response', (r) => {
      if (r.status() >= 400) this.problems.push(`HTTP ${r.status()}: ${r.url()}`)
    })
  }
}

/** What a test made, removed afterwards by a publisher whether the test passed or not. */
interface Made {
  events: string[]
  rows: [table: 'places' | 'outlets' | 'actors', id: string][]
  tokens: number[]
}

const test = base.extend<{ guard: Guard; story: Story; made: Made }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const guard = new Guard(page, new URL(baseURL!).origin)
      await use(guard)
      expect(guard.problems, 'errors, dialogs, failed requests or requests elsewhere').toEqual([])
    },
    { auto: true },
  ],
  story: async ({ request }, use) => {
    const response = await request.get('/api/v1/story')
    expect(response.ok(), 'GET /api/v1/story').toBe(true)
    await use(((await response.json()) as { data: Story }).data)
  },
  made: async ({ request }, use) => {
    const made: Made = { events: [], rows: [], tokens: [] }
    await use(made)
    const headers = { Authorization: `Bearer ${TOKEN}` }
    const remove = async (path: string) => {
      const read = await request.get(`/api/v1/admin/${path}`, { headers })
      if (read.status() !== 200) return
      const row = (await read.json()) as { deleted_at?: string | null }
      if (row.deleted_at) return
      const gone = await request.delete(`/api/v1/admin/${path}?detach=true`, {
        headers: { ...headers, 'If-Match': read.headers()['etag'] ?? '' },
      })
      expect(gone.status(), `DELETE ${path}: ${await gone.text()}`).toBe(200)
    }
    for (const id of made.events) await remove(`events/${id}`)
    for (const [table, id] of made.rows) await remove(`${table}/${id}`)
    for (const id of made.tokens)
      await request.post(`/api/v1/admin/tokens/${id}/revoke`, { headers })
  },
})

test.beforeAll(() => {
  if (!TOKEN)
    throw new Error('E2E_EDITOR_TOKEN is not set: run these tests with playwright.config.ts')
})

async function signIn(page: Page, name: string, token: string) {
  await page.goto('/editor')
  await page.getByLabel('Editor token').fill(token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.locator('.editor-bar__who')).toContainText(`Signed in as ${name}`)
}

/** axe finds nothing wrong, and the page does not scroll sideways. */
async function checkScreen(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([])
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0)
}

/** The event as a publisher reads it through the write API. */
async function readEvent(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/v1/admin/events/${id}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  })
  expect(response.status()).toBe(200)
  return (await response.json()) as {
    status: string
    places: { id: string }[]
    outlets: { id: string; role: string }[]
    actors: { id: string; role: string }[]
    quotes: { speaker_id: string; outlet_id: string | null; text: string }[]
    figures: { value: number; display: string }[]
    notes: { text: string }[]
  }
}

test('a writer builds a whole event on its page; a publisher shares a preview, then publishes it', async ({
  page,
  browser,
  baseURL,
  request,
  story,
  made,
}, testInfo) => {
  const publisher = { Authorization: `Bearer ${TOKEN}` }
  const mobile = testInfo.project.name === 'mobile'
  const stamp = `${Date.now()}${mobile ? 'm' : 'd'}`
  const events = [...story.events].sort((a, b) => a.date.localeCompare(b.date))
  const base = events[Math.floor(events.length / 2)]!
  const province = story.places.find((p) => p.kind === 'province')!

  // A writer's token, made by the publisher through the write API.
  const writerName = `Workspace writer ${stamp}`
  const madeToken = await request.post('/api/v1/admin/tokens', {
    headers: publisher,
    data: { name: writerName, role: 'writer' },
  })
  expect(madeToken.status(), await madeToken.text()).toBe(201)
  const writer = (await madeToken.json()) as { id: number; token: string }
  made.tokens.push(writer.id)

  // 1. The writer makes a new event: a draft.
  await signIn(page, writerName, writer.token)
  await expect(page.locator('.editor-bar__who')).toContainText('(writer)')
  await page.goto('/editor#/new')
  await expect(page.getByRole('heading', { level: 1, name: 'New event' })).toBeVisible()
  const headline = `Workspace event ${stamp}`
  await page.locator('#new-date').fill(base.date)
  await page.getByLabel('Headline').fill(headline)
  await page.getByLabel('Summary').fill('An event built on the editor page by the browser tests.')
  await page.getByLabel('Category').selectOption(base.category)
  await page.getByLabel('Chapter').selectOption(base.chapter)
  const id = await page.getByLabel('Id').inputValue()
  made.events.push(id)
  await page.getByRole('button', { name: 'Create the draft' }).click()
  await expect(page).toHaveURL(new RegExp(`#/events/${id}$`))
  await expect(page.locator('.event-head .badge')).toHaveText('Draft')

  // 2. A new place: none matches, so it is added here, its coordinates picked on the map.
  const placeName = `Test compound ${stamp}`
  const placeId = `test-compound-${stamp}`
  made.rows.push(['places', placeId])
  await page.getByLabel('Find a place').fill(placeName)
  await expect(page.locator('.places').getByText('No place matches.')).toBeVisible()
  await page.getByRole('button', { name: /^Add a place/ }).click()
  const newPlace = page.getByRole('group', { name: 'New place' })
  await expect(newPlace.getByLabel('Name')).toBeFocused()
  await expect(newPlace.getByLabel('Name')).toHaveValue(placeName)
  await expect(newPlace.getByLabel('Id')).toHaveValue(placeId)
  // Nothing is outlined before the editor touches a field.
  await expect(newPlace.locator('[aria-invalid="true"]')).toHaveCount(0)
  await newPlace.getByLabel('Lies in').selectOption(province.id)
  // A latitude without a longitude is pointed out at the field once it is left.
  await newPlace.getByLabel('Latitude').fill('11')
  await newPlace.getByLabel('Latitude').blur()
  await expect(newPlace.getByLabel('Longitude')).toHaveAttribute('aria-invalid', 'false')
  await newPlace.getByRole('button', { name: 'Add the place' }).click()
  const longitude = newPlace.getByLabel('Longitude')
  await expect(longitude).toBeFocused()
  await expect(longitude).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#add-place-longitude-error')).toContainText('Give the longitude too')
  // Picked on the map (a tap on the phone): both coordinates come from the point, in Cambodia.
  const map = newPlace.locator('svg.place-map__svg')
  const box = (await map.boundingBox())!
  const point = { x: box.width * 0.45, y: box.height * 0.45 }
  if (mobile) await map.tap({ position: point })
  else await map.click({ position: point })
  const lat = Number(await newPlace.getByLabel('Latitude').inputValue())
  const lon = Number(await longitude.inputValue())
  expect(lat).toBeGreaterThan(10)
  expect(lat).toBeLessThan(15)
  expect(lon).toBeGreaterThan(102)
  expect(lon).toBeLessThan(108)
  await expect(newPlace.locator('.place-map__marker')).toHaveCount(1)
  await expect(longitude).toHaveAttribute('aria-invalid', 'false')
  await checkScreen(page, 'the event with the new-place form and its map')
  await newPlace.getByRole('button', { name: 'Add the place' }).click()
  await expect(page.getByRole('checkbox', { name: placeName, exact: true })).toBeChecked()

  // 3. A new outlet, linked as the one that reported the event.
  const outletName = `Test outlet ${stamp}`
  const outletId = `test-outlet-${stamp}`
  made.rows.push(['outlets', outletId])
  const outlets = page.locator('fieldset.outlets')
  await outlets.getByLabel('Role in this event').selectOption('reported')
  await outlets.getByLabel('Find an outlet').fill(outletName)
  await expect(outlets.getByText('No outlet matches.')).toBeVisible()
  await outlets.getByRole('button', { name: /^Add an outlet/ }).click()
  const newOutlet = page.getByRole('group', { name: 'New outlet' })
  await expect(newOutlet.getByLabel('Name')).toHaveValue(outletName)
  await expect(newOutlet.locator('#add-outlet-name-count')).toHaveText(
    `${120 - outletName.length} characters left.`,
  )
  await newOutlet.getByLabel('Kind').selectOption('news')
  // A wrong address is named at its field, in editors' words (the API's /validate).
  await newOutlet.getByLabel('Web address').fill('not an address')
  await newOutlet.getByLabel('Web address').blur()
  await expect(newOutlet.getByLabel('Web address')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#add-outlet-url-error')).toContainText('Web address')
  await newOutlet.getByLabel('Web address').fill(`https://example.org/${stamp}`)
  await expect(newOutlet.getByLabel('Web address')).toHaveAttribute('aria-invalid', 'false')
  // Enter in a field adds the outlet (and never saves the event).
  await newOutlet.getByLabel('Web address').press('Enter')
  await expect(outlets.locator('.links__list')).toContainText(outletName)
  await expect(outlets.locator('.links__list')).toContainText('reported')

  // 4. A new actor, linked as the speaker, and linked again as a source (two roles, each once).
  const actorName = `Test spokesperson ${stamp}`
  const actorId = `test-spokesperson-${stamp}`
  made.rows.push(['actors', actorId])
  const actors = page.locator('fieldset.actors')
  await actors.getByLabel('Role in this event').selectOption('speaker')
  await actors.getByLabel('Find an actor').fill(actorName)
  await actors.getByRole('button', { name: /^Add an actor/ }).click()
  const newActor = page.getByRole('group', { name: 'New actor' })
  await newActor.getByLabel('Kind').selectOption('person')
  await newActor.getByLabel('Description').fill('Speaks for a test ministry.')
  await newActor.getByRole('button', { name: 'Add the actor' }).click()
  await expect(actors.locator('.links__list li')).toHaveCount(1)
  await actors.getByLabel('Role in this event').selectOption('source')
  await actors.getByLabel('Find an actor').fill(actorName)
  await actors.getByRole('button', { name: `Link ${actorName} as source` }).click()
  await expect(actors.locator('.links__list li')).toHaveCount(2)
  // In the role it already holds, it is no longer offered.
  await actors.getByLabel('Role in this event').selectOption('speaker')
  await expect(actors.getByRole('button', { name: `Link ${actorName} as speaker` })).toHaveCount(0)

  // The lists are saved with the event.
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText(/^Saved at /)).toBeVisible()
  const linked = await readEvent(request, id)
  expect(linked.places.map((p) => p.id)).toEqual([placeId])
  expect(linked.outlets).toEqual([expect.objectContaining({ id: outletId, role: 'reported' })])
  expect(linked.actors.map((a) => `${a.id}/${a.role}`)).toEqual([
    `${actorId}/speaker`,
    `${actorId}/source`,
  ])

  // 5. A quote of the new speaker, carried by the new outlet.
  const quoteText = `We are looking into it, test ${stamp}.`
  await page.getByRole('button', { name: 'Add a quote' }).click()
  const quote = page.locator('form[data-quote-id="new"]')
  await expect(quote.getByLabel('Speaker')).toBeFocused()
  await quote.getByLabel('Speaker').selectOption(actorId)
  await quote.getByLabel('Outlet that carried it').selectOption(outletId)
  await quote.getByLabel('Quotation').fill(quoteText)
  await expect(quote.locator('.field__count')).toHaveText(
    `${400 - quoteText.length} characters left.`,
  )
  await quote.getByRole('button', { name: 'Add this quote' }).click()
  await expect(page.locator('form[data-quote-id]', { hasText: 'Quote saved.' })).toHaveCount(1)

  // 6. A figure and a note.
  const display = `at least ${stamp.length} test workers`
  await page.getByRole('button', { name: 'Add a figure' }).click()
  const figure = page.locator('form[data-figure-id="new"]')
  await figure.getByLabel('As written in the story').fill(display)
  await figure.getByLabel('Qualifier').selectOption('at least')
  await figure.locator('input[id$="-value"]').fill(String(stamp.length))
  await figure.getByLabel('Unit').selectOption('people')
  await figure.getByLabel('What it measures').selectOption('rescued')
  await figure.getByRole('button', { name: 'Add this figure' }).click()
  await expect(page.locator('form[data-figure-id]', { hasText: 'Figure saved.' })).toHaveCount(1)
  const noteText = `Context added by the browser tests, ${stamp}.`
  await page.getByRole('button', { name: 'Add a note' }).click()
  const note = page.locator('form[data-note-id="new"]')
  await note.getByLabel('Kind').selectOption('context')
  await note.getByLabel('Note for readers').fill(noteText)
  await note.getByRole('button', { name: 'Add this note' }).click()
  await expect(page.locator('form[data-note-id]', { hasText: 'Note saved.' })).toHaveCount(1)

  const built = await readEvent(request, id)
  expect(built.status).toBe('draft')
  expect(built.quotes).toEqual([
    expect.objectContaining({ speaker_id: actorId, outlet_id: outletId, text: quoteText }),
  ])
  expect(built.figures).toEqual([expect.objectContaining({ value: stamp.length, display })])
  expect(built.notes).toEqual([expect.objectContaining({ text: noteText })])

  // 7. The writer cannot publish: the page offers no Publish, and the API answers 403.
  const actions = page.getByRole('group', { name: 'Publishing' })
  await expect(actions.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0)
  await expect(actions.locator('.role-note')).toContainText('Only a publisher can publish')
  await checkScreen(page, 'the writer’s whole event')
  // The README's picture of the event page (docs/editor/ with UPDATE_EDITOR_SCREENSHOTS=1).
  if (test.info().project.name === 'desktop') {
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/event-desktop.png` })
  }
  const version = (
    await request.get(`/api/v1/admin/events/${id}`, { headers: publisher })
  ).headers()['etag']
  const refused = await request.post(`/api/v1/admin/events/${id}/publish`, {
    headers: { Authorization: `Bearer ${writer.token}`, 'If-Match': version ?? '' },
  })
  expect(refused.status()).toBe(403)
  expect(refused.headers()['content-type']).toContain('application/problem+json')

  // 8. A publisher makes a share-preview link.
  await page.getByRole('button', { name: 'Sign out' }).click()
  const me = await request.get('/api/v1/admin/me', { headers: publisher })
  const publisherName = ((await me.json()) as { name: string }).name
  await signIn(page, publisherName, TOKEN)
  await page.goto('/editor#/preview')
  await page.getByRole('button', { name: 'Make a share-preview link' }).click()
  const field = page.getByLabel('Share-preview link')
  await expect(field).toHaveValue(/\/preview\/[0-9a-f]{32}\.\d+\.[\w-]{43}$/)
  const url = await field.inputValue()
  await checkScreen(page, 'the preview with a share link')

  // A fresh browser without a token: the real story page, the graphic, the new event a draft.
  const { viewport, isMobile, hasTouch } = testInfo.project.use
  const reader = await browser.newContext({
    baseURL,
    viewport,
    isMobile,
    hasTouch,
    extraHTTPHeaders: clientHeaders('reader'),
  })
  try {
    const readerPage = await reader.newPage()
    const opened = await readerPage.goto(url)
    expect(opened?.status()).toBe(200)
    const step = readerPage.locator(`#event-${id}`)
    await expect(step.locator('h3')).toHaveText(headline)
    expect(await step.evaluate((el) => getComputedStyle(el, '::before').content)).toBe(
      '"Draft: not published"',
    )
    for (const text of [quoteText, placeName, outletName, display, noteText])
      await expect(step).toContainText(text)
    await expect(readerPage.locator('svg').first()).toBeVisible()
    expect(await readerPage.evaluate(() => Object.keys(sessionStorage).length)).toBe(0)
  } finally {
    await reader.close()
  }

  // 9. The publisher publishes it, and the public story page shows it.
  await page.goto(`/editor#/events/${id}`)
  await expect(page.locator('.event-head code')).toHaveText(id)
  await page.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect(page.locator('.event-head .badge')).toHaveText('Published')
  await page.goto('/')
  await expect(page.locator(`#event-${id} h3`)).toHaveText(headline)
  await expect(page.locator(`#event-${id}`)).toContainText(quoteText)
})

test('half-typed new rows (a place, a quote) come back after a reload, and leaving asks first', async ({
  page,
  story,
}) => {
  const me = await page.request.get('/api/v1/admin/me', {
    headers: { Authorization: `Bearer ${TOKEN}` },
  })
  const name = ((await me.json()) as { name: string }).name
  const event = [...story.events].sort((a, b) => a.date.localeCompare(b.date))[3]!
  const asked: string[] = []
  // This test answers the questions itself: no to the first link, yes to the reload.
  page.removeAllListeners('dialog')
  page.on('dialog', (d) => {
    asked.push(d.type())
    void (d.type() === 'beforeunload' ? d.accept() : d.dismiss())
  })
  await signIn(page, name, TOKEN)
  await page.goto(`/editor#/events/${event.id}`)
  await expect(page.locator('.event-head code')).toHaveText(event.id)

  // A new place, half typed, with coordinates typed (keyboard only): the marker follows them.
  await page.getByLabel('Find a place').fill('Half-typed place')
  await page.getByRole('button', { name: /^Add a place/ }).click()
  const newPlace = page.getByRole('group', { name: 'New place' })
  await newPlace.getByLabel('Latitude').fill('11.55')
  await newPlace.getByLabel('Longitude').fill('104.91667')
  await expect(newPlace.locator('.place-map__marker')).toHaveCount(1)
  await expect(newPlace.locator('.place-map__where')).toContainText('The marker is at')
  // A new quote, half typed.
  const typed = 'Words typed but not yet saved.'
  await page.getByRole('button', { name: 'Add a quote' }).click()
  await page.locator('form[data-quote-id="new"]').getByLabel('Quotation').fill(typed)

  // A link inside the page asks first; saying no keeps everything.
  await page.getByRole('link', { name: '← All events' }).click()
  expect(asked).toEqual(['confirm'])
  await expect(page).toHaveURL(new RegExp(`#/events/${event.id}$`))

  // A reload asks too; once let through, both come back as typed.
  await page.reload()
  expect(asked).toEqual(['confirm', 'beforeunload'])
  await expect(page.locator('.event-head code')).toHaveText(event.id)
  const back = page.getByRole('group', { name: 'New place' })
  await expect(back.getByLabel('Name')).toHaveValue('Half-typed place')
  await expect(back.getByLabel('Latitude')).toHaveValue('11.55')
  await expect(back.getByLabel('Longitude')).toHaveValue('104.91667')
  await expect(page.locator('form[data-quote-id="new"]').getByLabel('Quotation')).toHaveValue(typed)
  await checkScreen(page, 'an event with half-typed new rows brought back')

  // Cancel and Discard forget them: nothing is left to ask about, nothing was written.
  await back.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: /^Add a place/ })).toBeFocused()
  await page.locator('form[data-quote-id="new"]').getByRole('button', { name: 'Discard' }).click()
  await expect(page.locator('form[data-quote-id="new"]')).toHaveCount(0)
  expect(
    await page.evaluate(() =>
      Object.keys(sessionStorage).filter((k) => k.includes('editor-draft')),
    ),
  ).toEqual([])
  await page.getByRole('link', { name: '← All events' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible()
  expect(asked).toEqual(['confirm', 'beforeunload'])
})
