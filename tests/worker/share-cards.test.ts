// Share cards: every event and the story have a 1200x630 PNG drawn at the edge from their own
// words, cached by data version; the page's head names it (og:image) with its size and alt text.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardAlt,
  cardPath,
  eventCard,
  storyCard,
} from '../../worker/shared/share-card'
import type { Story } from '../../worker/model'
import { IMMUTABLE, REVALIDATE } from '../../worker/lib/cache-control'
import { ORIGIN, expectProblem, get, getJson } from './api-client'
import { dataChanged } from '../../worker/http/freshness'

const EVENT = '2022-09-27-phnom-penh-raids-1480-released'

/** Width and height from a PNG's signature and IHDR chunk (PNG spec, sections 5.2 and 11.2.2). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  expect([...bytes.slice(0, 8)], 'PNG signature').toEqual(signature)
  expect(new TextDecoder().decode(bytes.slice(12, 16)), 'first chunk').toBe('IHDR')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

async function story(): Promise<Story> {
  return (await getJson<{ data: Story }>('/api/v1/story')).data
}

describe('share cards', () => {
  it('draws an event’s card as a 1200x630 PNG, then serves it from the edge cache', async () => {
    const { story: meta } = await story()
    const path = `/share/${EVENT}.png?v=${meta.data_version}.1`
    const first = await get(path)
    expect(first.status, await first.clone().text()).toBe(200)
    expect(first.headers.get('Content-Type')).toBe('image/png')
    expect(first.headers.get('Cache-Control')).toBe(IMMUTABLE)
    expect(first.headers.get('X-Card-Cache')).toBe('miss')
    const bytes = new Uint8Array(await first.arrayBuffer())
    expect(pngSize(bytes)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT })
    expect(bytes.length).toBeGreaterThan(10_000)

    // The cache write runs after the response; poll until it is there.
    let again = await get(path)
    for (let i = 0; i < 20 && again.headers.get('X-Card-Cache') !== 'hit'; i++) {
      await again.arrayBuffer()
      await new Promise((resolve) => setTimeout(resolve, 50))
      again = await get(path)
    }
    expect(again.headers.get('X-Card-Cache')).toBe('hit')
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes)

    const etag = first.headers.get('ETag')!
    const cached = await get(path, { headers: { 'If-None-Match': etag } })
    expect(cached.status).toBe(304)
  })

  it('draws different cards for different events, and one for the story', async () => {
    const data = await story()
    const [a, b] = data.events
    const sizes = new Set<number>()
    const hashes = new Set<string>()
    for (const name of [a!.id, b!.id, 'story']) {
      const res = await get(`/share/${name}.png`)
      expect(res.status, name).toBe(200)
      expect(res.headers.get('Cache-Control'), 'without ?v= a card is revalidated').toBe(REVALIDATE)
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 })
      sizes.add(bytes.length)
      hashes.add(
        [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
          .map((x) => x.toString(16))
          .join(''),
      )
    }
    expect(hashes.size, 'three different pictures').toBe(3)
  })

  it('follows an edit: a new data version draws a new card', async () => {
    const before = await story()
    const event = before.events[3]!
    const old = new Uint8Array(await (await get(`/share/${event.id}.png`)).arrayBuffer())
    await env.DB.prepare('UPDATE events SET headline = ? WHERE id = ?')
      .bind(`${event.headline} (edited for the share card test)`, event.id)
      .run()
    dataChanged()
    const after = await story()
    expect(after.story.data_version).toBeGreaterThan(before.story.data_version)
    const res = await get(cardPath(event.id, after.story.data_version))
    expect(res.headers.get('X-Card-Cache')).toBe('miss')
    const fresh = new Uint8Array(await res.arrayBuffer())
    expect(fresh).not.toEqual(old)
  })

  it('answers a card that does not exist or a bad request with problem+json', async () => {
    await expectProblem(await get('/share/no-such-event.png'), 404, 'not-found')
    await expectProblem(await get('/share/..%2Fsecrets.png'), 404, 'not-found')
    await expectProblem(await get(`/share/${EVENT}.jpg`), 404, 'not-found')
    await expectProblem(await get(`/share/${EVENT}.png?size=2x`), 400, 'unknown-parameter')
  })

  it('judges If-None-Match only once the card exists: a made-up tag for no card is 404', async () => {
    const { story: meta } = await story()
    const version = `${meta.data_version}.1`
    // Before: `*`, or the tag the route would give, for an id with no card answered 304.
    for (const header of ['*', `"card-${version}-no-such-event"`, '"card-0.1-no-such-event"']) {
      const res = await get('/share/no-such-event.png', { headers: { 'If-None-Match': header } })
      await expectProblem(res, 404, 'not-found')
    }
    // A draft has no card, whatever the client sends; its tag is as easy to make up.
    const event = (await story()).events[5]!
    await env.DB.prepare("UPDATE events SET status = 'draft' WHERE id = ?").bind(event.id).run()
    dataChanged()
    try {
      const { story: now } = await story()
      for (const header of ['*', `"card-${now.data_version}.1-${event.id}"`]) {
        const res = await get(`/share/${event.id}.png`, { headers: { 'If-None-Match': header } })
        await expectProblem(res, 404, 'not-found')
      }
    } finally {
      await env.DB.prepare("UPDATE events SET status = 'published' WHERE id = ?")
        .bind(event.id)
        .run()
      dataChanged()
    }
    // A card that exists: `*` and its own tag are 304, on a miss as on a hit.
    const { story: back } = await story()
    const path = `/share/${event.id}.png`
    const tag = `"card-${back.data_version}.1-${event.id}"`
    for (const header of ['*', tag, tag]) {
      const res = await get(path, { headers: { 'If-None-Match': header } })
      expect(res.status, header).toBe(304)
      expect(res.headers.get('ETag')).toBe(tag)
      expect(res.headers.get('Cache-Control')).toBe(REVALIDATE)
    }
  })

  it('ignores tracking parameters, as the page and the exports do, and shares their cache', async () => {
    const { story: meta } = await story()
    const path = `/share/${EVENT}.png?v=${meta.data_version}.1`
    // Drawn (or found) once, then polled until the cache holds it.
    let plain = await get(path)
    for (let i = 0; i < 20 && plain.headers.get('X-Card-Cache') !== 'hit'; i++) {
      expect(plain.status).toBe(200)
      await plain.arrayBuffer()
      await new Promise((resolve) => setTimeout(resolve, 50))
      plain = await get(path)
    }
    expect(plain.headers.get('X-Card-Cache')).toBe('hit')
    const bytes = new Uint8Array(await plain.arrayBuffer())
    // Before: a newsletter's or a social site's link to a card answered 400.
    const tracked = await get(
      `${path}&utm_source=newsletter&utm_medium=email&fbclid=IwAR0abc&gclid=Cj0KCQ`,
    )
    expect(tracked.status).toBe(200)
    expect(tracked.headers.get('ETag')).toBe(plain.headers.get('ETag'))
    expect(tracked.headers.get('X-Card-Cache')).toBe('hit')
    expect(new Uint8Array(await tracked.arrayBuffer())).toEqual(bytes)
    // Any other parameter is still refused.
    await expectProblem(await get(`${path}&utm=1`), 400, 'unknown-parameter')
  })

  it('names its card in the page’s head, with size, alt text and a large Twitter card', async () => {
    const data = await story()
    const event = data.events.find((e) => e.id === EVENT)!
    const html = await (await get(`/?event=${EVENT}`)).text()
    const meta = (key: string) =>
      html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1]
    const image = meta('og:image')!
    expect(image).toBe(`${ORIGIN}${cardPath(EVENT, data.story.data_version)}`)
    expect(meta('og:image:width')).toBe('1200')
    expect(meta('og:image:height')).toBe('630')
    expect(meta('og:image:type')).toBe('image/png')
    const alt = cardAlt(eventCard(event, data.story))
    const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"')
    expect(unescape(meta('og:image:alt')!)).toBe(alt)
    expect(unescape(meta('twitter:image:alt')!)).toBe(alt)
    expect(meta('twitter:card')).toBe('summary_large_image')
    expect(meta('twitter:image')).toBe(image)
    expect(alt).toContain(event.headline)
    expect(alt).toContain(event.figures[0]!.display)

    const plain = await (await get('/')).text()
    const storyImage = plain.match(/<meta property="og:image" content="([^"]*)"/)?.[1]
    expect(storyImage).toBe(`${ORIGIN}${cardPath(null, data.story.data_version)}`)
    expect(plain).toContain(
      cardAlt(storyCard(data.story, data.events.length)).replace(/&/g, '&amp;').slice(0, 40),
    )
  })
})
