// The graphic keeps each scene it has drawn while the reader is on steps of other scenes, and
// brings it to the new step when a step of its own comes back: never two scenes in the page at
// once, and a scene shown again draws exactly what a page opened at that step draws.
import type { Page } from '@playwright/test'
import { sceneFor } from '../../web/src/charts/scenes'
import { expect, test } from './fixtures'
import { graphicDrawn } from './story-page'

/**
 * The graphic's one SVG as a drawing: each element's name, its attributes in name order and its
 * children, text included; the framework's empty comments (its anchors) and the order in which
 * attributes happened to be set are not part of what is drawn. Animations leave no attribute.
 */
const drawing = (page: Page) =>
  page.locator('.graphic svg').evaluate((svg) => {
    const write = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent)
      if (!(node instanceof Element)) return ''
      const attributes = [...node.attributes]
        .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
        .sort()
        .join(' ')
      return `<${node.localName} ${attributes}>${[...node.childNodes].map(write).join('')}</>`
    }
    return write(svg)
  })

test('a scene shown again is the same drawing, brought to its new step as a fresh page draws it', async ({
  page,
  story,
  order,
}) => {
  // Without motion, so a scene that follows the reader (the timeline's cursor) is drawn at the
  // start of its step however the page got there, and nothing is in flight.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const scenes = order.map((event) => sceneFor(event, story).scene)
  // For each scene, its first return: a step of it after steps of another scene.
  const returns = new Map<string, { from: number; to: number }>()
  for (let i = 1; i < order.length; i++) {
    const scene = scenes[i]!
    if (returns.has(scene) || scenes[i - 1] === scene) continue
    const from = scenes.lastIndexOf(scene, i - 1)
    if (from >= 0) returns.set(scene, { from, to: i })
  }
  expect([...returns.keys()].sort(), 'every scene of the story comes back at least once').toEqual(
    [...new Set(scenes)].sort(),
  )

  for (const [scene, { from, to }] of returns) {
    await page.goto(`/?event=${order[from]!.id}`)
    await graphicDrawn(page)
    await expect(page.locator('.graphic')).toHaveAttribute('data-event-id', order[from]!.id)
    await page
      .locator('.graphic svg')
      .evaluate((svg) => ((window as unknown as { keptSvg: Element }).keptSvg = svg))
    for (let i = from + 1; i <= to; i++) {
      await page.keyboard.press('j')
      await expect(page.locator(`#event-${order[i]!.id}`)).toHaveAttribute('data-active', 'true')
      await expect(page.locator('.graphic')).toHaveAttribute('data-scene', scenes[i]!)
      await expect(page.locator('.graphic svg'), 'one scene in the page at a time').toHaveCount(1)
    }
    const back = order[to]!
    await expect(page.locator('.graphic')).toHaveAttribute('data-event-id', back.id)
    expect(
      await page
        .locator('.graphic svg')
        .evaluate((svg) => svg === (window as unknown as { keptSvg: Element }).keptSvg),
      `the ${scene} scene is the one drawn at ${order[from]!.id}, kept`,
    ).toBe(true)
    const kept = await drawing(page)

    await page.goto(`/?event=${back.id}`)
    await graphicDrawn(page)
    await expect(page.locator('.graphic')).toHaveAttribute('data-event-id', back.id)
    expect(
      kept,
      `the ${scene} scene at ${back.id}, kept and brought there, as a fresh page draws it`,
    ).toBe(await drawing(page))
  }
})
