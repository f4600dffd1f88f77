// The graphic as the browser draws it, at every step of the real story, on a desktop and a phone:
// its words and its marks agree (the check the unit tests run on server-rendered SVG, here on the
// SVG the browser holds after the reader gets to the step), and under forced colours (Windows high
// contrast, Chromium's emulation) every label it writes has at least 4.5:1 contrast against what
// is behind it, measured on the pixels; and every label is set at 12 px or more as rendered.
import type { Page } from '@playwright/test'
import type { Story, StoryEvent } from '../../worker/model'
import { checkDescription, drawingOf } from '../unit/helpers/description-check'
import { expect, test } from './fixtures'
import { expectGraphicFollowsActiveStep, expectGraphicShows, shootGraphic } from './story-page'

/**
 * Opens the story and walks it with the j key, calling `check` at the overview and each step.
 * After each check the graphic must still show that step (a check must not move the page), by
 * the one rule for what it shows (see expectGraphicFollowsActiveStep).
 */
async function everyStep(
  page: Page,
  story: Story,
  order: StoryEvent[],
  check: (event: StoryEvent | null) => Promise<void>,
): Promise<void> {
  await page.goto('/')
  const graphic = page.locator('.graphic')
  await expect(graphic).toHaveAttribute('data-scene', /./)
  // The graphic's box takes the height its scenes need at this width once it has measured it.
  await expect(page.locator('#graphic')).toHaveAttribute('style', /--graphic-need/)
  // The page may open on the overview or, where the first step already sits at the trigger line
  // (a short phone layout), on the first step.
  const opened = await graphic.getAttribute('data-event-id')
  if (!opened) {
    // Before the first step the graphic is in the page's flow, below the introduction: bring it
    // wholly into view, its foot at the viewport's (still above the first step, so the overview
    // stays), to measure it (Playwright's scrollIntoViewIfNeeded may leave a graphic taller than
    // the room under the introduction partly out of view).
    await graphic.scrollIntoViewIfNeeded()
    await graphic.evaluate((el) => {
      const box = el.getBoundingClientRect()
      if (box.bottom > window.innerHeight) el.scrollIntoView({ block: 'end' })
    })
    await expectGraphicFollowsActiveStep(page, story)
    await expect(graphic).not.toHaveAttribute('data-event-id')
    await check(null)
    await expectGraphicFollowsActiveStep(page, story)
  }
  for (const [i, event] of order.entries()) {
    if (!(i === 0 && opened === event.id)) await page.keyboard.press('j')
    await expectGraphicShows(page, story, event)
    await check(event)
    await expectGraphicShows(page, story, event)
    await expectGraphicFollowsActiveStep(page, story)
  }
}

test('at every step the words name what the graphic draws, and the reverse', async ({
  page,
  story,
  order,
}) => {
  test.setTimeout(240_000)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const problems: string[] = []
  let checked = 0
  await everyStep(page, story, order, async (event) => {
    if (!event) return // The overview's words are not in a step; the unit tests check them.
    const words = await page
      .locator(`#event-${event.id} .sr-only`)
      .filter({ hasText: /^Graphic: / })
      .textContent()
    expect(words, `the description of ${event.id}`).toBeTruthy()
    const svg = await page.locator('.graphic svg').evaluate((el) => el.outerHTML)
    const drawing = drawingOf(svg)
    expect(drawing.texts.length, `labels drawn at ${event.id}`).toBeGreaterThan(0)
    for (const p of checkDescription(words!.replace(/^Graphic: /, ''), drawing, story))
      problems.push(`${event.id}: ${p}`)
    checked++
  })
  expect(checked).toBe(order.length)
  expect(problems).toEqual([])
})

/** WCAG 2 relative luminance of an sRGB colour (0-255 channels). */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** One label of the graphic as measured: its words, its colour and the colours behind its glyphs. */
interface Measured {
  text: string
  color: number[]
  /** Colours (r, g, b) behind the glyph pixels, with how many pixels each covers. */
  behind: { rgb: number[]; n: number }[]
  glyphs: number
  /** Its middle is under something else of the page (not measured). */
  covered: boolean
}

/**
 * Every label of the graphic (each SVG text or tspan, and the title and credit lines), with its
 * colour and what lies behind its glyphs: the graphic is shot twice, with its labels and with
 * their fill made transparent (halos kept), and the pixels that differ inside a label's box are
 * its glyphs; the second shot at those pixels is its background.
 */
async function measureLabels(page: Page): Promise<Measured[]> {
  const graphic = page.locator('.graphic')
  // Shot in place: an element screenshot would scroll the page (see shootGraphic).
  const shot = async () => (await shootGraphic(page)).toString('base64')
  const withText = await shot()
  // Set through the CSSOM (the page's CSP allows no injected style sheet), then put back.
  const hide = (hidden: boolean) =>
    graphic.evaluate((root, on) => {
      for (const el of root.querySelectorAll<SVGElement>('svg text, svg tspan')) {
        if (on) el.style.setProperty('fill', 'transparent', 'important')
        else el.style.removeProperty('fill')
      }
      for (const el of root.querySelectorAll<HTMLElement>('.graphic-title, .graphic-credit')) {
        if (on) el.style.setProperty('visibility', 'hidden', 'important')
        else el.style.removeProperty('visibility')
      }
    }, hidden)
  await hide(true)
  const without = await shot()
  await hide(false)
  return graphic.evaluate(
    async (root, [a, b]) => {
      const pixels = async (b64: string) => {
        // Decoded here, not fetched: the page's CSP allows no data: URLs.
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
        const ctx = canvas.getContext('2d')!
        ctx.drawImage(bitmap, 0, 0)
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height)
      }
      const [on, off] = [await pixels(a), await pixels(b)]
      const origin = root.getBoundingClientRect()
      const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number)
      // Leaf text elements: tspans, texts without tspans, and the two HTML lines.
      const labels = [
        ...root.querySelectorAll('svg tspan:not(:has(tspan)), svg text:not(:has(tspan))'),
        ...root.querySelectorAll('.graphic-title, .graphic-credit'),
      ].filter((el) => (el.textContent ?? '').trim())
      return labels.map((el) => {
        const style = getComputedStyle(el)
        const color = rgb(el instanceof SVGElement ? style.fill : style.color)
        const r = el.getBoundingClientRect()
        // Something of the page outside the graphic (the step buttons) over the label's middle.
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        const covered = !top || !root.contains(top)
        const behind = new Map<string, number>()
        let glyphs = 0
        const x0 = Math.max(0, Math.floor(r.left - origin.left))
        const y0 = Math.max(0, Math.floor(r.top - origin.top))
        const x1 = Math.min(on.width, Math.ceil(r.right - origin.left))
        const y1 = Math.min(on.height, Math.ceil(r.bottom - origin.top))
        for (let y = y0; y < y1; y++)
          for (let x = x0; x < x1; x++) {
            const i = (y * on.width + x) * 4
            const differs =
              Math.abs(on.data[i]! - off.data[i]!) +
                Math.abs(on.data[i + 1]! - off.data[i + 1]!) +
                Math.abs(on.data[i + 2]! - off.data[i + 2]!) >
              30
            if (!differs) continue
            glyphs++
            const key = `${off.data[i]},${off.data[i + 1]},${off.data[i + 2]}`
            behind.set(key, (behind.get(key) ?? 0) + 1)
          }
        return {
          text: (el.textContent ?? '').trim(),
          color,
          behind: [...behind].map(([k, n]) => ({ rgb: k.split(',').map(Number), n })),
          glyphs,
          covered,
        }
      })
    },
    [withText, without] as const,
  )
}

test('under forced colours every label of the graphic has 4.5:1 contrast, at every step', async ({
  page,
  story,
  order,
}) => {
  test.setTimeout(300_000)
  await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' })
  const problems: string[] = []
  let labels = 0
  await everyStep(page, story, order, async (event) => {
    const where = event?.id ?? 'overview'
    for (const label of await measureLabels(page)) {
      labels++
      expect(label.color, `${where}: “${label.text}” has a colour`).toHaveLength(3)
      if (label.covered) {
        // Before the first step the graphic is still in the page's flow, below the introduction,
        // partly under the step buttons; from the first step on it is whole, and must be.
        if (event) problems.push(`${where}: “${label.text}” is covered by the page`)
        continue
      }
      if (label.glyphs === 0) {
        problems.push(`${where}: “${label.text}” draws no visible glyph`)
        continue
      }
      // Glyph pixels whose background gives less than 4.5:1; a line running under a few glyphs
      // (a leader, a grid line) may take up to 5% of them.
      const low = label.behind
        .filter((b) => contrast(label.color, b.rgb) < 4.5)
        .reduce((n, b) => n + b.n, 0)
      if (low / label.glyphs > 0.05) {
        const worst = label.behind.sort((x, y) => y.n - x.n)[0]!
        problems.push(
          `${where}: “${label.text}” rgb(${label.color}) on rgb(${worst.rgb}): ` +
            `${contrast(label.color, worst.rgb).toFixed(2)}:1 (${Math.round((low / label.glyphs) * 100)}% of its glyphs below 4.5:1)`,
        )
      }
    }
  })
  expect(labels).toBeGreaterThan(order.length * 3)
  expect(problems).toEqual([])
})

/** The least type size a label of the graphic may have, as rendered (CSS px), on any screen. */
const MIN_FONT_PX = 12

// One walk through the story checks both, as each takes every step: the words' size, and the
// frame each scene is drawn in (its scale): the drawing area keeps one size on every step, and a
// scene (and variant) one viewBox, so nothing is redrawn smaller because a title or a credit line
// wraps to more lines on one step than another.
test('every label of the graphic is set at 12 px or more as rendered, and each scene keeps one frame, at every step', async ({
  page,
  story,
  order,
}) => {
  test.setTimeout(300_000)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const problems: string[] = []
  let labels = 0
  const areas = new Map<string, string[]>()
  const frames = new Map<string, Map<string, string[]>>()
  const seen = (map: Map<string, string[]>, key: string, where: string) =>
    map.set(key, [...(map.get(key) ?? []), where])
  await everyStep(page, story, order, async (event) => {
    const where = event?.id ?? 'overview'
    const scene = await page.locator('.graphic').getAttribute('data-scene')
    const mode = (await page.locator('.graphic').getAttribute('data-mode')) ?? ''
    const { area, viewBox } = await page.locator('.graphic-body').evaluate((body) => {
      const shown = [...body.querySelectorAll('svg')].find((svg) => svg.getClientRects().length)
      return {
        area: `${body.clientWidth}x${body.clientHeight}`,
        viewBox: shown?.getAttribute('viewBox') ?? 'none',
      }
    })
    seen(areas, area, where)
    const kind = `${scene}/${mode}`
    if (!frames.has(kind)) frames.set(kind, new Map())
    seen(frames.get(kind)!, viewBox, where)
    const sizes = await page.locator('.graphic').evaluate((root) =>
      [
        ...root.querySelectorAll('svg tspan:not(:has(tspan)), svg text:not(:has(tspan))'),
        ...root.querySelectorAll('.graphic-title, .graphic-credit'),
      ]
        .filter((el) => (el.textContent ?? '').trim())
        .map((el) => {
          const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null
          const size = Number.parseFloat(getComputedStyle(el).fontSize)
          return {
            text: (el.textContent ?? '').trim(),
            px: size * (ctm ? Math.hypot(ctm.a, ctm.b) : 1),
          }
        }),
    )
    for (const { text, px } of sizes) {
      labels++
      if (px < MIN_FONT_PX - 0.05)
        problems.push(`${where} (${scene}): “${text}” at ${px.toFixed(1)} px`)
    }
  })
  expect(labels).toBeGreaterThan(order.length * 3)
  expect(problems).toEqual([])
  // Where a size differs, the steps at each size are named.
  expect(Object.fromEntries(areas), 'the drawing area (width x height, px)').toEqual({
    [[...areas.keys()][0]!]: expect.any(Array),
  })
  for (const [kind, boxes] of frames) {
    expect(Object.fromEntries(boxes), `the viewBox of ${kind}`).toEqual({
      [[...boxes.keys()][0]!]: expect.any(Array),
    })
  }
})
