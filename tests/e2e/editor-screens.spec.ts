// The editor's screens other than an event's, driven in Chromium against the real worker and a
// fresh D1, on a desktop and a 390 px phone: the changes list (filters, diff, undo, older pages),
// the import (a dry run, then the rows written as drafts), places, actors and outlets (add and
// change), the chapters (a boundary moved for two chapters at once, and back), the story row, the
// bar's links to each, the role's limits, errors in editors' words, the unsaved-changes guard and
// axe on every screen. Screenshots of the main screens go to test-results/editor-screens/, or to
// docs/editor/ (the README's pictures) with UPDATE_EDITOR_SCREENSHOTS=1.
import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { test as base } from './client'
import { REGISTRY } from '../../worker/data/tables'
import { ROW_FIELDS, type FormTable } from '../../web/src/editor/row-fields'

const TOKEN = process.env.E2E_EDITOR_TOKEN ?? ''
/** Where the editor page keeps its token (web/src/editor/session.ts). */
const TOKEN_KEY = 'year-in-review:editor-token'
const SHOTS =
  process.env.UPDATE_EDITOR_SCREENSHOTS === '1' ? 'docs/editor' : 'test-results/editor-screens'

/** Watches a page: script errors, refused requests (but those a test expects) and dialogs. */
class Guard {
  readonly problems: string[] = []
  readonly dialogs: string[] = []
  /** Set by a test that reloads on purpose: the next "leave this page?" is answered yes. */
  acceptUnload = false
  private allowed: number[] = []

  constructor(page: Page) {
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        this.problems.push(`console error: ${m.text()}`)
    })
    page.on('dialog', (d) => {
      if (d.type() === 'beforeunload' && this.acceptUnload) {
        this.acceptUnload = false
        void d.accept()
        return
      }
      this.dialogs.push(`${d.type()}: ${d.message()}`)
      void d.dismiss()
    })
    page.on('requestfailed', (r) => {
      const reason = r.failure()?.errorText ?? 'unknown'
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

  /** The next response with this status is expected. */
  allow(status: number, times = 1) {
    for (let i = 0; i < times; i++) this.allowed.push(status)
  }
}

const test = base.extend<{ guard: Guard; stamp: string }>({
  guard: [
    async ({ page }, use) => {
      const guard = new Guard(page)
      await use(guard)
      expect(guard.dialogs, 'dialogs opened').toEqual([])
      expect(guard.problems, 'errors or refused requests').toEqual([])
    },
    { auto: true },
  ],
  // Unique per run and per project (desktop and phone run one after the other on one database).
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern.
  stamp: async ({}, use, testInfo) => {
    await use(`${testInfo.project.name}-${Date.now().toString(36)}`)
  },
})

test.beforeAll(() => {
  if (!TOKEN)
    throw new Error('E2E_EDITOR_TOKEN is not set: run these tests with playwright.config.ts')
})

/** The write API, called directly: to read what a screen wrote and to put things back. */
function adminApi(request: APIRequestContext, token = TOKEN) {
  const headers = { Authorization: `Bearer ${token}` }
  const etag = (r: { headers(): Record<string, string> }) => r.headers()['etag'] ?? ''
  return {
    headers,
    async get<T>(path: string): Promise<{ data: T; etag: string }> {
      const response = await request.get(`/api/v1/admin${path}`, { headers })
      expect(response.status(), `GET ${path}`).toBe(200)
      return { data: (await response.json()) as T, etag: etag(response) }
    },
    async patch(path: string, body: object) {
      const { etag: version } = await this.get(path)
      const response = await request.patch(`/api/v1/admin${path}`, {
        headers: { ...headers, 'If-Match': version },
        data: body,
      })
      expect(response.status(), `PATCH ${path}: ${await response.text()}`).toBe(200)
    },
    async remove(path: string) {
      const { etag: version } = await this.get(path)
      const response = await request.delete(`/api/v1/admin${path}`, {
        headers: { ...headers, 'If-Match': version },
      })
      expect(response.status(), `DELETE ${path}: ${await response.text()}`).toBe(200)
    },
  }
}

/** Opens the editor at `hash`, signed in with `token` (kept in the tab as the page keeps it). */
async function open(page: Page, hash: string, token = TOKEN) {
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem(key!)) sessionStorage.setItem(key!, value!)
    },
    [TOKEN_KEY, token],
  )
  await page.goto(`/editor${hash}`)
  await expect(page.locator('.editor-bar__who')).toBeVisible()
}

/** axe finds nothing, and nothing scrolls sideways. */
async function expectClean(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${what}`,
  ).toEqual([])
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0)
}

const bar = (page: Page) => page.getByRole('navigation', { name: 'Editor' })

/** A form's field by its label ("Name", not "Name (required)"). */
const field = (page: Page, label: string) =>
  page.locator('#main').getByLabel(new RegExp(`^${label}(\\(required\\))?$`))

/** Words on the page itself (the live region that reads them out says the same). */
const said = (page: Page, words: string | RegExp) => page.locator('#main').getByText(words)

/** The changes page, filtered to one table (and who, when given). */
async function changesOf(page: Page, table: string, who?: string) {
  await page.goto('/editor#/changes')
  await expect(page.getByRole('heading', { level: 1, name: 'Changes' })).toBeFocused()
  await page.getByLabel('What').selectOption(table)
  if (who) await page.getByLabel('Who').fill(who)
  await page.getByRole('button', { name: 'Show changes' }).click()
  await expect(page.locator('.revision').first()).toBeVisible()
  return page.locator('.revision')
}

test('a new place is added with its parent, code and coordinates typed, changed, and undone from the changes page', async ({
  page,
  request,
  stamp,
  guard,
}) => {
  const api = adminApi(request)
  await open(page, '#/places')
  await page.getByRole('link', { name: 'New place' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New place' })).toBeFocused()

  // Errors wait for a save, then sit at their fields in editors' words, and the focus goes to
  // the first; characters left show before the limit is hit.
  await expect(page.locator('#places-new-name-count')).toHaveText('120 characters left.')
  await expect(page.locator('.field__error')).toHaveCount(0)
  guard.allow(422)
  await page.getByRole('button', { name: 'Add the place' }).click()
  await expect(field(page, 'Name')).toBeFocused()
  await expect(field(page, 'Name')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#places-new-name-error')).toContainText('Name')
  await expectClean(page, 'a refused new place')

  const name = `Test village ${stamp}`
  await field(page, 'Name').fill(name)
  const id = await field(page, 'Id').inputValue()
  expect(id).toMatch(/^test-village-/)
  await field(page, 'Kind').selectOption('site')
  await field(page, 'Lies in').selectOption({ label: 'Kandal' })
  await field(page, 'Latitude').fill('200')
  await field(page, 'Latitude').blur()
  await expect(page.locator('#places-new-latitude-error')).toContainText(
    'Latitude must lie between -90 and 90.',
  )
  await field(page, 'Latitude').fill('11.4')
  await field(page, 'Longitude').fill('104.9')
  await page.getByRole('button', { name: 'Add the place' }).click()
  await expect(page).toHaveURL(new RegExp(`#/places/${id}$`))
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  const stored = (await api.get<Record<string, unknown>>(`/places/${id}`)).data
  expect(stored).toMatchObject({
    name,
    kind: 'site',
    parent_id: 'kandal',
    latitude: 11.4,
    longitude: 104.9,
  })

  // A change, seen in the changes page with its diff, and undone there.
  const renamed = `${name} (renamed)`
  await field(page, 'Name').fill(renamed)
  await expect(page.getByText('Unsaved changes.', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Save the place' }).click()
  await expect(said(page, /^Saved at/)).toBeVisible()
  expect((await api.get<{ name: string }>(`/places/${id}`)).data.name).toBe(renamed)

  const revisions = await changesOf(page, 'places')
  const change = revisions.filter({ hasText: `Place ${id} changed: Name` })
  await expect(change).toHaveCount(1)
  await expect(revisions.filter({ hasText: `Place ${id} added` })).toHaveCount(1)
  await change.getByText('Compare before and after').click()
  await expect(change.locator('tr.changed', { hasText: renamed })).toHaveCount(1)
  await expectClean(page, 'the changes page with a diff open')
  await change.getByRole('button', { name: 'Undo this change' }).click()
  await expect(said(page, /^Undone: Place/)).toBeVisible()
  expect((await api.get<{ name: string }>(`/places/${id}`)).data.name).toBe(name)

  await api.remove(`/places/${id}`)
})

test('an actor and an outlet are added and changed on their screens, and the changes page lists them', async ({
  page,
  request,
  stamp,
}) => {
  const api = adminApi(request)
  const made: string[] = []
  for (const [table, noun, kind] of [
    ['actors', 'actor', 'government'],
    ['outlets', 'outlet', 'news'],
  ] as const) {
    await open(page, `#/new/${table}`)
    const name = `Test ${noun} ${stamp}`
    await field(page, 'Name').fill(name)
    await field(page, 'Kind').selectOption(kind)
    await field(page, 'Country').fill('KH')
    if (table === 'outlets') await field(page, 'Web address').fill('https://example.org/news')
    await page.getByRole('button', { name: `Add the ${noun}` }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    const id = decodeURIComponent(page.url().split('/').at(-1)!)
    made.push(`/${table}/${id}`)
    if (table === 'actors') {
      const description = field(page, 'Description')
      await description.fill('A test actor.')
      await expect(page.locator('#actors-' + id + '-description-count')).toHaveText(
        `${300 - 'A test actor.'.length} characters left.`,
      )
    } else {
      await field(page, 'Web address').fill('https://example.org/other')
    }
    await page.getByRole('button', { name: `Save the ${noun}` }).click()
    await expect(said(page, /^Saved at/)).toBeVisible()
    const revisions = await changesOf(page, table)
    await expect(
      revisions.filter({ hasText: new RegExp(`${id} changed: (Description|Web address)`) }),
    ).toHaveCount(1)
  }
  for (const path of made) await api.remove(path)
})

test('a category is added with its position, relabelled, and listed on the changes page', async ({
  page,
  request,
  stamp,
}) => {
  const api = adminApi(request)
  // Positions are unique among all categories, deleted ones too.
  const all = (await api.get<{ data: { position: number }[] }>('/categories')).data.data
  const position = Math.max(...all.map((c) => c.position)) + 1
  await open(page, '#/categories')
  await expect(page.locator('tbody tr').first()).toBeVisible()
  await page.getByRole('link', { name: 'New category' }).click()
  const label = `Test category ${stamp}`
  await field(page, 'Label').fill(label)
  await field(page, 'Position').fill(String(position))
  await page.getByRole('button', { name: 'Add the category' }).click()
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible()
  const id = decodeURIComponent(page.url().split('/').at(-1)!)
  await field(page, 'Label').fill(`${label} (relabelled)`)
  await page.getByRole('button', { name: 'Save the category' }).click()
  await expect(said(page, /^Saved at/)).toBeVisible()
  const revisions = await changesOf(page, 'categories')
  await expect(revisions.filter({ hasText: `Category ${id} changed: Label` })).toHaveCount(1)
  await expect(revisions.filter({ hasText: `Category ${id} added` })).toHaveCount(1)
  await api.remove(`/categories/${id}`)
})

test('chapters: the rule is shown in words, a boundary moves for two chapters at once, and back', async ({
  page,
  request,
}) => {
  const api = adminApi(request)
  type Chapter = {
    id: string
    title: string
    position: number
    start_date: string
    end_date: string
    deleted_at: string | null
  }
  const chapters = (await api.get<{ data: Chapter[] }>('/chapters')).data.data
    .filter((c) => !c.deleted_at)
    .sort((a, b) => a.position - b.position)
  const [first, second] = chapters as [Chapter, Chapter]
  const events = (
    await api.get<{ data: { date: string; chapter: string; deleted_at: string | null }[] }>(
      '/events',
    )
  ).data.data.filter((e) => !e.deleted_at)
  const day = (date: string, n: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
  // A last day for the first chapter that keeps every event inside its chapter.
  const lastOfFirst =
    events
      .filter((e) => e.chapter === first.id)
      .map((e) => e.date)
      .sort()
      .at(-1) ?? first.start_date
  const firstOfSecond =
    events
      .filter((e) => e.chapter === second.id)
      .map((e) => e.date)
      .sort()[0] ?? second.end_date
  const moved = lastOfFirst < first.end_date ? lastOfFirst : day(first.end_date, 1)
  expect(moved < firstOfSecond, 'room to move the first boundary').toBe(true)

  await open(page, '#/chapters')
  await expect(page.locator('.rule')).toContainText(
    'no day is left out and no day is in two chapters',
  )
  const items = page.locator('.chapter')
  await expect(items).toHaveCount(chapters.length)
  await expect(items.first().getByRole('heading', { level: 2 })).toContainText(first.title)

  const date = page.getByLabel(`Last day of “${first.title}”`)
  await expect(date).toHaveValue(first.end_date)
  await date.fill(moved)
  await expect(page.getByText(`“${second.title}” then starts the next day`)).toBeVisible()
  await expectClean(page, 'the chapters with a boundary being moved')
  await page.getByRole('button', { name: 'Move the boundary' }).first().click()
  await expect(said(page, /^Moved: /)).toBeVisible()
  const after = (await api.get<{ data: Chapter[] }>('/chapters')).data.data
  expect(after.find((c) => c.id === first.id)!.end_date).toBe(moved)
  expect(after.find((c) => c.id === second.id)!.start_date).toBe(day(moved, 1))

  // Both chapters' changes are in the changes list.
  const revisions = await changesOf(page, 'chapters')
  await expect(
    revisions.filter({ hasText: `Chapter ${first.id} changed: End date` }).first(),
  ).toBeVisible()
  await expect(
    revisions.filter({ hasText: `Chapter ${second.id} changed: Start date` }).first(),
  ).toBeVisible()

  // And back.
  await page.goto('/editor#/chapters')
  await page.getByLabel(`Last day of “${first.title}”`).fill(first.end_date)
  await page.getByRole('button', { name: 'Move the boundary' }).first().click()
  await expect(said(page, /^Moved: /)).toBeVisible()
  const back = (await api.get<{ data: Chapter[] }>('/chapters')).data.data
  expect(back.find((c) => c.id === second.id)!.start_date).toBe(second.start_date)
})

test('the story row: a publisher changes the credit, the changes page shows it, and it is put back', async ({
  page,
  request,
  stamp,
}) => {
  const api = adminApi(request)
  const before = (await api.get<{ credit: string }>('/story')).data.credit
  try {
    await open(page, '#/story')
    const credit = field(page, 'Credit')
    await expect(credit).toHaveValue(before)
    await credit.fill(`${before} Checked ${stamp}.`)
    await page.getByRole('button', { name: 'Save the story' }).click()
    await expect(said(page, /^Saved at/)).toBeVisible()
    const revisions = await changesOf(page, 'story')
    await expect(revisions.first()).toContainText('Story changed: Credit')
  } finally {
    await api.patch('/story', { credit: before })
  }
})

test('import: a pasted sheet is checked row by row (nothing written), then a file is imported as drafts', async ({
  page,
  request,
  stamp,
}) => {
  const api = adminApi(request)
  const categories = (
    (await (await request.get('/api/v1/categories')).json()) as {
      data: { id: string; label: string }[]
    }
  ).data
  const group = categories[0]!.label
  const header =
    'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background'
  const row = (year: string, headline: string) =>
    `${year},3,${(headline.length % 20) + 1},,,,,,,"${headline}","<p>A test summary.</p>",,,,,,${group},`
  const one = `Imported one ${stamp}`
  const two = `Imported two ${stamp}`
  const title = `,,,,,,,,,"A title slide",,,,,,title,,`
  const refused = `2019,3,1,,,,,,,"Too early ${stamp}",Text,,,,,,${group},`

  await open(page, '#/import')
  await page
    .getByLabel('Or paste the CSV')
    .fill([header, title, row('2023', one), refused].join('\n'))
  await page.getByRole('button', { name: 'Check the file (writes nothing)' }).click()
  const report = page.getByRole('table')
  await expect(report.locator('caption')).toContainText(
    '3 rows: 1 to create, 0 to change, 0 unchanged, 1 skipped, 1 refused.',
  )
  await expect(
    page.getByRole('heading', { level: 2, name: 'What the import would do' }),
  ).toBeFocused()
  await expect(report.locator('tr[data-action="refuse"]')).toContainText('2019-03-01')
  await expect(report.locator('tr[data-action="skip"]')).toHaveCount(1)
  await expect(page.getByRole('button', { name: /^Import / })).toHaveCount(0)
  await expect(page.getByText('Nothing can be imported while a row is refused')).toBeVisible()
  await expectClean(page, 'an import report with a refused row')
  const events = async () => (await api.get<{ data: { headline: string }[] }>('/events')).data.data
  expect(
    (await events()).some((e) => e.headline === one),
    'the dry run wrote nothing',
  ).toBe(false)

  // The fixed file, chosen as a file this time.
  await page.getByLabel('Choose a CSV file').setInputFiles({
    name: 'sheet.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, row('2023', one), row('2023', two)].join('\r\n')),
  })
  await expect(page.getByText('The text changed since the check')).toBeVisible()
  await page.getByRole('button', { name: 'Check the file (writes nothing)' }).click()
  await expect(report.locator('caption')).toContainText('2 rows: 2 to create')
  await expect(report.locator('tr[data-action="create"]')).toHaveCount(2)
  if (test.info().project.name === 'desktop')
    await page.screenshot({ path: `${SHOTS}/import-${test.info().project.name}.png` })
  await page.getByRole('button', { name: 'Import 2 rows as drafts' }).click()
  await expect(said(page, /^Imported: 2 new drafts/)).toBeVisible()
  const stored = (await events()).filter((e) => e.headline === one || e.headline === two)
  expect(stored).toHaveLength(2)

  // The changes page lists the new drafts, by who imported them.
  const revisions = await changesOf(page, 'events')
  await expect(revisions.filter({ hasText: 'added' }).first()).toBeVisible()
  for (const e of stored as unknown as { id: string }[]) await api.remove(`/events/${e.id}`)
})

test('a writer sees the changes without undo and the story row read-only, and is told who can', async ({
  page,
  request,
  stamp,
}) => {
  const made = await request.post('/api/v1/admin/tokens', {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: { name: `Writer ${stamp}`, role: 'writer' },
  })
  expect(made.status()).toBe(201)
  const writer = (await made.json()) as { id: number; token: string }
  try {
    await open(page, '#/changes', writer.token)
    await expect(page.locator('.editor-bar__who')).toContainText('(writer)')
    await expect(page.locator('.revision').first()).toBeVisible()
    await expect(page.getByRole('button', { name: 'Undo this change' })).toHaveCount(0)
    await expect(page.locator('.role-note')).toContainText('Only a publisher can restore')
    await expectClean(page, 'the changes page for a writer')

    await page.goto('/editor#/story')
    await expect(page.locator('.role-note')).toContainText('Only a publisher can change the story')
    await expect(page.getByRole('button', { name: 'Save the story' })).toHaveCount(0)
    await expect(page.locator('dl.story-meta')).toContainText('Credit')
    await expectClean(page, 'the story row for a writer')

    // Chapters and categories have no draft either: a writer reads them and is told who can.
    await page.goto('/editor#/chapters')
    await expect(page.locator('.chapter').first()).toBeVisible()
    await expect(page.locator('.role-note').first()).toContainText(
      'create or change chapters and categories',
    )
    await expect(page.getByText('Edit the title and dek of', { exact: false })).toHaveCount(0)
    await page.goto('/editor#/categories/enforcement')
    await expect(page.locator('.role-note')).toContainText(
      'create or change chapters and categories',
    )
    await expect(page.getByRole('textbox')).toHaveCount(0)
  } finally {
    const revoked = await request.post(`/api/v1/admin/tokens/${writer.id}/revoke`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    })
    expect(revoked.status()).toBe(200)
  }
})

test('a writer’s change to a published event waits on the proposals page; a publisher applies it', async ({
  page,
  request,
  stamp,
}) => {
  const made = await request.post('/api/v1/admin/tokens', {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: { name: `Proposing writer ${stamp}`, role: 'writer' },
  })
  const writer = (await made.json()) as { id: number; token: string }
  // A published event's note: the writer's change is kept, not written.
  const event = (await (await request.get('/api/v1/events?limit=1')).json()) as {
    data: { id: string }[]
  }
  const id = event.data[0]!.id
  const text = `A note a writer proposed, ${stamp}.`
  try {
    const proposed = await request.post('/api/v1/admin/notes', {
      headers: { Authorization: `Bearer ${writer.token}` },
      data: { event_id: id, kind: 'context', text },
    })
    expect(proposed.status()).toBe(202)
    const { id: proposal } = (await proposed.json()) as { id: number }

    await open(page, '#/proposals')
    const item = page.locator(`[data-proposal-id="${proposal}"]`)
    await expect(item).toContainText(text)
    await expect(item).toContainText(`Proposing writer ${stamp}`)
    await expectClean(page, 'the proposals page')
    await item.getByRole('button', { name: 'Apply' }).click()
    await expect(page.locator('.message--ok')).toContainText(`Proposal ${proposal} applied`)
    const public_ = (await (await request.get(`/api/v1/events/${id}`)).json()) as {
      data: { notes: { text: string }[] }
    }
    expect(public_.data.notes.map((n) => n.text)).toContain(text)
  } finally {
    // Put things back: the applied note goes (a soft delete), the writer's token is revoked.
    const auth = { Authorization: `Bearer ${TOKEN}` }
    const stored = (await (
      await request.get(`/api/v1/admin/events/${id}`, { headers: auth })
    ).json()) as {
      notes: { id: number; text: string; version: number }[]
    }
    for (const note of stored.notes.filter((n) => n.text === text)) {
      await request.delete(`/api/v1/admin/notes/${note.id}`, {
        headers: { ...auth, 'If-Match': `"${note.version}"` },
      })
    }
    await request.post(`/api/v1/admin/tokens/${writer.id}/revoke`, { headers: auth })
  }
})

test('leaving a row form with unsaved changes (a link, Back, Sign out) asks first, the skip link does not, and a reload brings the typing back', async ({
  page,
  guard,
}) => {
  await open(page, '#/outlets')
  await page.locator('tbody tr').first().getByRole('link').click()
  const name = field(page, 'Name')
  const saved = await name.inputValue()
  await name.fill(`${saved} (typed, not saved)`)
  await bar(page).getByRole('link', { name: 'Changes' }).click()
  expect(guard.dialogs).toEqual([expect.stringMatching(/^confirm: You have unsaved changes/)])
  guard.dialogs.length = 0
  await expect(name).toHaveValue(`${saved} (typed, not saved)`)

  // Back and Sign out ask too; answered no, the form, its typing and its address stay.
  const here = page.url()
  await page.goBack()
  await expect.poll(() => guard.dialogs.length).toBe(1)
  expect(guard.dialogs).toEqual([expect.stringMatching(/^confirm: You have unsaved changes/)])
  guard.dialogs.length = 0
  await expect(page).toHaveURL(here)
  await expect(name).toHaveValue(`${saved} (typed, not saved)`)
  await page.getByRole('button', { name: 'Sign out' }).click()
  expect(guard.dialogs).toEqual([expect.stringMatching(/^confirm: You have unsaved changes/)])
  guard.dialogs.length = 0
  await expect(page.locator('.editor-bar__who')).toBeVisible()
  await expect(name).toHaveValue(`${saved} (typed, not saved)`)
  // The skip link leads to a place in this page: it neither asks, nor leaves the form, nor
  // changes the address (which names the view).
  await page.getByRole('link', { name: 'Skip to the editor' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('#main')).toBeFocused()
  await expect(page).toHaveURL(here)
  expect(guard.dialogs).toEqual([])
  await expect(name).toHaveValue(`${saved} (typed, not saved)`)

  // The browser asks before a reload too; once let through, the typing comes back.
  guard.acceptUnload = true
  await page.reload()
  expect(guard.acceptUnload, 'the reload asked first').toBe(false)
  await expect(field(page, 'Name')).toHaveValue(`${saved} (typed, not saved)`)
  await expect(page.getByText(/What you had not saved in this tab/)).toBeVisible()
  await expectClean(page, 'a row form with a restored draft')
  await page.getByRole('button', { name: 'Discard draft' }).click()
  await expect(field(page, 'Name')).toHaveValue(saved)
  await expect(page.getByText('No unsaved changes.')).toBeVisible()
})

test('the forms’ limits are the write API’s own', () => {
  const columns = REGISTRY as unknown as Record<
    string,
    { columns: Record<string, { write: { safeParse(v: unknown): { success: boolean } } | null }> }
  >
  for (const table of Object.keys(ROW_FIELDS) as FormTable[]) {
    for (const field of ROW_FIELDS[table]) {
      const write = columns[table]!.columns[field.name]!.write
      expect(write, `${table}.${field.name} is written`).not.toBeNull()
      if (field.max === undefined) continue
      expect(
        write!.safeParse('a'.repeat(field.max)).success,
        `${table}.${field.name} takes ${field.max}`,
      ).toBe(true)
      expect(
        write!.safeParse('a'.repeat(field.max + 1)).success,
        `${table}.${field.name} refuses ${field.max + 1}`,
      ).toBe(false)
    }
  }
})

// Last, so the screenshots show the changes the tests above made.
test('every screen opens from the bar, focused at its heading, with axe clean', async ({
  page,
}, testInfo) => {
  await open(page, '#/')
  const screens: [string, string, string][] = [
    ['Changes', 'Changes', 'changes'],
    ['Import', 'Import events from a CSV', 'import'],
    ['Places', 'Places', 'places'],
    ['Actors', 'Actors', 'actors'],
    ['Outlets', 'Outlets', 'outlets'],
    ['Categories', 'Categories', 'categories'],
    ['Chapters', 'Chapters', 'chapters'],
    ['Story title and credit', 'The story’s title, credit and source', 'story'],
  ]
  for (const [link, heading, name] of screens) {
    await bar(page).getByRole('link', { name: link, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused()
    await expect(bar(page).getByRole('link', { name: link, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    )
    // Each screen loads its rows from the API: on a busy machine that may take a while.
    await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 })
    await expect(page).toHaveTitle(new RegExp(`· Editor · Year in Review$`))
    await expectClean(page, `the ${name} screen`)
    // The README's pictures: the main screens on a desktop, the changes page on a phone too.
    if (
      ['changes', 'chapters', 'story'].includes(name) &&
      (testInfo.project.name === 'desktop' || name === 'changes')
    )
      await page.screenshot({ path: `${SHOTS}/${name}-${testInfo.project.name}.png` })
  }

  // One row of each table opens in its form, labelled from the one list of labels.
  for (const table of ['places', 'actors', 'outlets'] as const) {
    await page.goto(`/editor#/${table}`)
    await page.locator('tbody tr').first().getByRole('link').click()
    await expect(page.locator(`form[data-row-form="${table}"]`)).toBeVisible()
    await expect(field(page, 'Name')).not.toHaveValue('')
    await expectClean(page, `a row of ${table}`)
    if (table === 'places' && testInfo.project.name === 'desktop')
      await page.screenshot({ path: `${SHOTS}/place-${testInfo.project.name}.png` })
  }
})
