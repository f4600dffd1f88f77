// The story page without hydration: the previous/next arithmetic the controller uses, and the
// server's markup the controller works on (story/controller.ts finds its parts by the names in
// story/page-parts.ts, and marks the active step the way Step.svelte renders it).
import { render } from 'svelte/server'
import { describe, expect, test } from 'vitest'
import App from '../../web/src/App.svelte'
import { sceneRegistry } from '../../web/src/charts/scenes'
import { stepOrder } from '../../web/src/story/chapters'
import {
  ACTIVE_CLASS,
  ANNOUNCER_ID,
  GRAPHIC_CLOSE_ID,
  SHOW_GRAPHIC_CLASS,
} from '../../web/src/story/page-parts'
import { moveTarget, stepNavState } from '../../web/src/story/steps'
import { buildStory } from './fixtures/story'

describe('moveTarget', () => {
  test('next from no active step is the first; previous from it is nowhere', () => {
    expect(moveTarget(null, 'next', 5)).toBe(0)
    expect(moveTarget(null, 'previous', 5)).toBeNull()
  })
  test('moves one step and stops at either end', () => {
    expect(moveTarget(2, 'next', 5)).toBe(3)
    expect(moveTarget(2, 'previous', 5)).toBe(1)
    expect(moveTarget(0, 'previous', 5)).toBeNull()
    expect(moveTarget(4, 'next', 5)).toBeNull()
  })
  test('a story without steps has nowhere to go', () => {
    expect(moveTarget(null, 'next', 0)).toBeNull()
  })
})

describe('stepNavState', () => {
  const order = ['a', 'b', 'c']
  test('before the first step: nothing behind, the first ahead', () => {
    expect(stepNavState(order, null)).toEqual({ position: null, previous: null, next: 'a' })
  })
  test('in the middle and at the ends', () => {
    expect(stepNavState(order, 1)).toEqual({ position: 1, previous: 'a', next: 'c' })
    expect(stepNavState(order, 0)).toEqual({ position: 0, previous: null, next: 'b' })
    expect(stepNavState(order, 2)).toEqual({ position: 2, previous: 'b', next: null })
  })
})

describe('the server-rendered page the controller works on', () => {
  const story = buildStory()
  const order = stepOrder(story)
  const linked = order[3]!
  const { body } = render(App, {
    props: { story, origin: 'https://example.org', initialEventId: linked.id },
  })
  const steps = [...body.matchAll(/<li\b[^>]*\bdata-event-id="([^"]+)"[^>]*>/g)]

  test('the steps come in reading order', () => {
    expect(steps.map((m) => m[1])).toEqual(order.map((e) => e.id))
  })

  test('the linked step alone is active, with the class and the attribute the controller moves', () => {
    const active = steps.filter((m) => m[0].includes('data-active="true"'))
    expect(active.map((m) => m[1])).toEqual([linked.id])
    const classes = /\bclass="([^"]*)"/.exec(active[0]![0])![1]!.split(/\s+/)
    expect(classes).toContain(ACTIVE_CLASS)
    for (const other of steps.filter((m) => m[1] !== linked.id)) {
      expect(/\bclass="([^"]*)"/.exec(other[0])![1]!.split(/\s+/)).not.toContain(ACTIVE_CLASS)
    }
  })

  test('every step has its "Show graphic" button; the page has one "Hide graphic" and an empty live region', () => {
    const shows = body.match(new RegExp(`<button[^>]*class="${SHOW_GRAPHIC_CLASS}\\b`, 'g')) ?? []
    expect(shows).toHaveLength(order.length)
    expect(body).toMatch(
      new RegExp(`<button[^>]*id="${GRAPHIC_CLOSE_ID}"[^>]*>Hide graphic</button>`),
    )
    expect(body).toMatch(
      new RegExp(`<div[^>]*id="${ANNOUNCER_ID}"[^>]*aria-live="polite"[^>]*></div>`),
    )
  })

  test('exactly the steps whose scene follows the reader are marked data-progress (the scroller reads no scene code)', () => {
    const marked = steps.filter((m) => /\bdata-progress(=""|\s|>)/.test(m[0])).map((m) => m[1])
    const following = order
      .filter((e) => sceneRegistry.get(sceneRegistry.sceneFor(e, story).scene).usesProgress)
      .map((e) => e.id)
    expect(
      following.length,
      'the fixture has steps of a scene that follows the reader',
    ).toBeGreaterThan(0)
    expect(following.length, 'and steps of scenes that do not').toBeLessThan(order.length)
    expect(marked).toEqual(following)
  })

  test('the sticky box holds the graphic at the linked event', () => {
    expect(body).toMatch(
      new RegExp(
        `class="scrolly__sticky[^"]*">(<!---->)?<div class="graphic[^"]*"[^>]*data-event-id="${linked.id}"`,
      ),
    )
  })
})
