// The keyboard and screen readers: every step is a Tab stop in reading order (its headline is a
// link to it), reached within five presses from the top; Tab never sends the story back; the
// previous/next buttons come early and name where they go; j/k and the buttons put focus on the
// new step's headline; "Skip to the story" moves focus; the live region says only the changes the
// reader asked for, each once, and only the headline.
import type { Page } from '@playwright/test'
import { formatDate } from '../../worker/shared/format'
import type { StoryEvent } from '../../worker/model'
import { expect, test } from './fixtures'
import { scrollToStep } from './story-page'

/** What has focus: the id of a step's headline link, or the element's text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement
    return element?.id || element?.textContent?.trim() || element?.tagName || ''
  })

const activeId = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('.step[data-active="true"]')?.getAttribute('data-event-id') ?? null,
  )

const linkId = (event: StoryEvent) => `event-${event.id}-link`
const destination = (event: StoryEvent) =>
  `${formatDate(event.date, event.date_precision)}, ${event.headline}`

/** Records every text the live region takes, from the first paint on. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const said: string[] = []
    ;(window as unknown as { said: string[] }).said = said
    new MutationObserver(() => {
      const region = document.querySelector('[aria-live]')
      const text = region?.textContent?.trim() ?? ''
      if (text && said.at(-1) !== text) said.push(text)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
}
const announcements = (page: Page) =>
  page.evaluate(() => (window as unknown as { said: string[] }).said)

test('Tab from the top reaches the first step within five presses, then every step in order', async ({
  page,
  order,
}) => {
  test.setTimeout(240_000)
  await page.goto('/')
  await expect(page.getByRole('navigation', { name: 'Events' })).toBeAttached()

  let presses = 0
  while (presses < 5 && (await focused(page)) !== linkId(order[0]!)) {
    await page.keyboard.press('Tab')
    presses += 1
  }
  expect(await focused(page), `step 1's headline after ${presses} presses of Tab`).toBe(
    linkId(order[0]!),
  )
  await expect(page.locator(`#event-${order[0]!.id}`)).toHaveAttribute('data-active', 'true')

  // Then every step in turn; the active step only ever moves forward.
  const index = new Map(order.map((e, i) => [e.id, i]))
  let highest = 0
  for (const [i, event] of order.entries()) {
    if (i === 0) continue
    for (let press = 0; press < 20 && (await focused(page)) !== linkId(event); press++) {
      await page.keyboard.press('Tab')
      const active = await activeId(page)
      const at = active === null ? -1 : index.get(active)!
      expect(
        at,
        `the story went back to ${active} while tabbing to ${event.id}`,
      ).toBeGreaterThanOrEqual(highest)
      highest = at
    }
    expect(await focused(page)).toBe(linkId(event))
    await expect(page.locator(`#event-${event.id}`)).toHaveAttribute('data-active', 'true')
    await expect(page.locator(`#${linkId(event)}`)).toBeInViewport()
  }
})

test('after j and k, Tab goes on from the step the reader is at', async ({ page, order }) => {
  await page.goto('/')
  await expect(page.getByRole('navigation', { name: 'Events' })).toBeAttached()
  // A reader presses a key, sees the step, presses again.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('j')
    await expect(page.locator(`#${linkId(order[i]!)}`)).toBeFocused()
  }
  await page.keyboard.press('k')
  await expect(page.locator(`#${linkId(order[2]!)}`)).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.locator(`#${linkId(order[3]!)}`)).toBeFocused()
  await expect(page.locator(`#event-${order[3]!.id}`)).toHaveAttribute('data-active', 'true')
  await page.keyboard.press('Shift+Tab')
  await expect(page.locator(`#${linkId(order[2]!)}`)).toBeFocused()
  await expect(page.locator(`#event-${order[2]!.id}`)).toHaveAttribute('data-active', 'true')
})

// Focus left behind by a scroll: the wheel, or End, takes the reader far from the focused step.
// Tab used to go on from the old focus and scroll the story back to it (15,000 px after the
// wheel, 49,000 px after End); it now starts from what the reader sees, as after a click there.
test('after the reader scrolls away from the focused step, Tab and Shift+Tab go on from the screen, never back', async ({
  page,
  order,
}) => {
  await page.goto('/')
  await expect(page.getByRole('navigation', { name: 'Events' })).toBeAttached()
  for (let i = 0; i < 2; i++) await page.keyboard.press('j')
  await expect(page.locator(`#${linkId(order[1]!)}`)).toBeFocused()
  /** The index of the step the focus is in, or -1 outside the steps. */
  const focusedStep = () =>
    page.evaluate(
      (ids) =>
        ids.indexOf(document.activeElement?.closest('.step')?.id.replace(/^event-/, '') ?? ''),
      order.map((e) => e.id),
    )
  const onScreen = () =>
    page.evaluate(() => {
      const box = document.activeElement!.getBoundingClientRect()
      return box.bottom > 0 && box.top < window.innerHeight
    })
  for (const [key, far] of [
    ['Tab', order[15]!],
    ['Shift+Tab', order[25]!],
  ] as const) {
    await scrollToStep(page, far.id)
    await expect(page.locator(`#event-${far.id}`)).toHaveAttribute('data-active', 'true')
    expect(await onScreen(), 'the wheel took the focus off the screen').toBe(false)
    const before = await page.evaluate(() => window.scrollY)
    await page.keyboard.press(key)
    expect(await onScreen(), `${key}: the focus is on the screen`).toBe(true)
    expect(
      await focusedStep(),
      `${key}: the focus is at the step the reader is on, or the next`,
    ).toBeGreaterThanOrEqual(order.indexOf(far))
    const after = await page.evaluate(() => window.scrollY)
    expect(before - after, `${key}: the page did not go back`).toBeLessThan(
      page.viewportSize()!.height / 2,
    )
  }
  // End: the page's foot, past the last step. Tab stays there.
  await page.keyboard.press('End')
  await expect
    .poll(() =>
      page.evaluate(() => window.innerHeight + window.scrollY >= document.body.scrollHeight - 2),
    )
    .toBe(true)
  const bottom = await page.evaluate(() => window.scrollY)
  await page.keyboard.press('Tab')
  expect(await onScreen(), 'after End, Tab focuses something on the screen').toBe(true)
  expect(bottom - (await page.evaluate(() => window.scrollY))).toBeLessThan(
    page.viewportSize()!.height / 2,
  )
})

// Scrolls of any kind (here a script, as a scrollbar drag is) to places all over the page, from
// three starts: a step's headline focused, "Next event" focused (fixed, early in the Tab order),
// and nothing focused after a click in the text. Tab never takes the page back, and lands on the
// first link the reader sees from the active step on, or on the next one after the screen.
test('after a scroll of any kind, from any focus, Tab lands on the first link the reader sees, or the next', async ({
  page,
  order,
}) => {
  test.setTimeout(240_000)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.goto('/')
  await expect(page.getByRole('navigation', { name: 'Events' })).toBeAttached()
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  const screen = page.viewportSize()!.height
  const fresh = async () => {
    await page.goto('/')
    await expect(page.getByRole('navigation', { name: 'Events' })).toBeAttached()
  }
  const starts = {
    headline: async () => {
      await fresh()
      await page.keyboard.press('j')
      await expect(page.locator(`#${linkId(order[0]!)}`)).toBeFocused()
    },
    'Next event': async () => {
      await fresh()
      await page.getByRole('button', { name: /^Next event/ }).focus()
    },
    nothing: async () => {
      await fresh()
      await page.mouse.click(5, Math.round(screen / 2))
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    },
  }
  let checked = 0
  for (const [start, begin] of Object.entries(starts)) {
    for (let share = 0.15; share < 1; share += 0.14) {
      await begin()
      const top = Math.round((height - screen) * share)
      await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), top)
      await page.waitForTimeout(150)
      // What the reader sees: the links and buttons of the page's flow (nothing fixed or sticky)
      // whose middle is not covered by anything, in document order, from the active step on.
      const seen = await page.evaluate(() => {
        const held = (el: Element) => {
          for (let at: Element | null = el; at; at = at.parentElement) {
            const position = getComputedStyle(at).position
            if (position === 'fixed' || position === 'sticky') return true
          }
          return false
        }
        const all = [
          ...document.querySelectorAll<HTMLElement>(
            '#main a[href], #main button:not([disabled]), #main summary',
          ),
        ].filter((el) => el.getClientRects().length && !held(el))
        const active = document.querySelector('.step[data-active="true"]')
        const from = active
          ? all.filter(
              (el) =>
                active.contains(el) ||
                !!(active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
            )
          : all
        const visible = from.find((el) => {
          const box = el.getBoundingClientRect()
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
          return !!hit && (hit === el || el.contains(hit))
        })
        if (visible) visible.dataset.firstSeen = 'true'
        return { any: !!visible, y: window.scrollY }
      })
      await page.keyboard.press('Tab')
      const where = `${start}, scrolled to ${top}`
      const after = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const first = document.querySelector<HTMLElement>('[data-first-seen]')
        const box = el.getBoundingClientRect()
        const result = {
          y: window.scrollY,
          onScreen: box.bottom > 0 && box.top < window.innerHeight,
          // The focus is the first link seen, or one before it that shows at the graphic's foot.
          notPast: !first || el === first || !!(el.compareDocumentPosition(first) & 4),
        }
        first?.removeAttribute('data-first-seen')
        return result
      })
      expect(seen.y - after.y, `${where}: the page did not go back`).toBeLessThan(screen / 2)
      expect(after.onScreen, `${where}: the focus is on the screen`).toBe(true)
      if (seen.any) expect(after.notPast, `${where}: no link the reader saw was skipped`).toBe(true)
      checked++
    }
  }
  expect(checked).toBe(3 * 7)
})

test('the previous and next buttons come early in the Tab order and name where they go', async ({
  page,
  order,
}) => {
  await page.goto('/')
  const next = page.getByRole('button', { name: /^Next event/ })
  const previous = page.getByRole('button', { name: /^Previous event/ })
  await expect(next).toHaveAccessibleName(`Next event: ${destination(order[0]!)}`)
  await expect(previous).toBeDisabled()

  let presses = 0
  while (presses < 3 && !(await next.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab')
    presses += 1
  }
  await expect(next, 'Next within three presses of Tab').toBeFocused()

  await page.keyboard.press('Enter')
  await expect(page.locator(`#${linkId(order[0]!)}`)).toBeFocused()
  await expect(next).toHaveAccessibleName(`Next event: ${destination(order[1]!)}`)
  await next.click()
  await expect(page.locator(`#${linkId(order[1]!)}`)).toBeFocused()
  await expect(previous).toHaveAccessibleName(`Previous event: ${destination(order[0]!)}`)
  await expect(next).toHaveAccessibleName(`Next event: ${destination(order[2]!)}`)
  await previous.click()
  await expect(page.locator(`#${linkId(order[0]!)}`)).toBeFocused()
  await expect(page.locator(`#event-${order[0]!.id}`)).toHaveAttribute('data-active', 'true')
})

test('“Skip to the story” moves focus to the story, and Tab goes on to its first step', async ({
  page,
  order,
}) => {
  await page.goto('/')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to the story' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#story')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.locator(`#${linkId(order[0]!)}`)).toBeFocused()
})

test('the live region says only the changes the reader asked for, each once, headline only', async ({
  page,
  order,
}) => {
  await recordAnnouncements(page)
  await page.goto('/')
  await expect(page.getByRole('navigation', { name: 'Events' })).toBeAttached()

  // Scrolling is not announced: the reader sees the step arrive.
  await scrollToStep(page, order[2]!.id)
  await expect(page.locator(`#event-${order[2]!.id}`)).toHaveAttribute('data-active', 'true')
  await page.waitForTimeout(400)
  expect(await announcements(page)).toEqual([])

  // A key, a button and a link are.
  await page.keyboard.press('j')
  await expect(page.locator(`#event-${order[3]!.id}`)).toHaveAttribute('data-active', 'true')
  await page.getByRole('button', { name: /^Next event/ }).click()
  await expect(page.locator(`#event-${order[4]!.id}`)).toHaveAttribute('data-active', 'true')
  await page.locator('#contents summary').click()
  await page.locator(`#contents a[href="/?event=${order[10]!.id}"]`).click()
  await expect(page.locator(`#event-${order[10]!.id}`)).toHaveAttribute('data-active', 'true')
  // The smooth scroll to it has settled (the address bar names it then), as a reader waits for
  // the motion before moving on: a Tab during the scroll would be overtaken by it.
  await expect(page).toHaveURL(new RegExp(`[?&]event=${order[10]!.id}`))

  // Tab is not: the screen reader already says the headline it lands on.
  await page.keyboard.press('Tab')
  await expect(page.locator(`#event-${order[11]!.id}`)).toHaveAttribute('data-active', 'true')
  await page.waitForTimeout(400)

  expect(await announcements(page)).toEqual([
    order[3]!.headline,
    order[4]!.headline,
    order[10]!.headline,
  ])
})
