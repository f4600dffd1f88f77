// Share-preview links: the story page with its drafts, marked as drafts, for someone without a
// token, from a signed link that works until it expires (24 hours) or is revoked and then answers
// 404 problem+json; never indexed, never cached; the public routes still show no draft.
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { PREVIEW_TTL_MS, previewPath } from '../../worker/admin/share-preview'
import { sha256Hex } from '../../worker/lib/sha256'
import { adminJson, freshIp, type Editor } from './admin-client'
import { ORIGIN } from './api-client'

const DRAFT_ID = '2022-10-20-share-preview-test-draft'
const HEADLINE = 'Quillwort inspectors visit a compound'

let publisher: Editor
let writer: Editor

async function tokenWith(name: string, role: 'writer' | 'publisher'): Promise<Editor> {
  const token = `yir_${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${crypto.randomUUID()}`
  await env.DB.prepare('INSERT INTO editor_tokens (name, role, token_hash) VALUES (?, ?, ?)')
    .bind(name, role, await sha256Hex(token))
    .run()
  return { token, name }
}

/** A request as a reader's browser makes it: no token. */
const visit = (url: string) =>
  exports.default.fetch(new Request(url, { headers: { 'CF-Connecting-IP': freshIp() } }))

interface Link {
  id: string
  url: string
  expires_at: string
  revoked_at: string | null
  created_by: string
}

/** A writer's new draft event, dated by its id's leading day. */
const makeDraft = (id: string, headline: string, summary: string) =>
  adminJson(writer, 'POST', '/api/v1/admin/events', 201, {
    body: {
      id,
      date: id.slice(0, 10),
      date_precision: 'day',
      headline,
      summary,
      body: '',
      category: 'enforcement',
      chapter: 'crackdown',
    },
  })

beforeAll(async () => {
  publisher = await tokenWith('Preview publisher', 'publisher')
  writer = await tokenWith('Preview writer', 'writer')
  await makeDraft(DRAFT_ID, HEADLINE, 'A draft only a preview shows.')
})

/** Expects the 404 a link that cannot be served gets: problem+json, never cached, not indexed. */
async function expectGone(res: Response) {
  const text = await res.text()
  expect(res.status, text).toBe(404)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  expect(JSON.parse(text)).toMatchObject({ type: '/api/v1/problems/not-found', status: 404 })
  expect(text).not.toContain(HEADLINE)
  expect(res.headers.get('Cache-Control')).toBe('private, no-store')
  expect(res.headers.get('X-Robots-Tag')).toContain('noindex')
}

describe('a share-preview link', () => {
  let link: Link

  it('is made by a writer as by a publisher, for 24 hours', async () => {
    const before = Date.now()
    link = await adminJson<Link>(writer, 'POST', '/api/v1/admin/previews', 201, {
      body: { event_id: DRAFT_ID },
    })
    expect(link.created_by).toBe('Preview writer')
    expect(link.url).toMatch(/^http:\/\/example\.com\/preview\/[0-9a-f]{32}\.\d+\.[\w-]{43}$/)
    const expires = Date.parse(link.expires_at)
    expect(expires - before).toBeGreaterThan(PREVIEW_TTL_MS - 5_000)
    expect(expires - before).toBeLessThanOrEqual(PREVIEW_TTL_MS)
    const { data } = await adminJson<{ data: Link[] }>(
      publisher,
      'GET',
      '/api/v1/admin/previews',
      200,
    )
    expect(data.map((l) => l.id)).toContain(link.id)
  })

  it('shows the real story page with the draft, marked, without a token; never cached or indexed', async () => {
    const res = await visit(link.url)
    const html = await res.text()
    expect(res.status, html.slice(0, 300)).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(res.headers.get('Cache-Control')).toBe('private, no-store')
    expect(res.headers.get('X-Robots-Tag')).toBe('noindex, nofollow, noarchive')
    expect(html).toContain('<meta name="robots" content="noindex, nofollow, noarchive">')
    // The draft is in the page, in its step, and marked as a draft in words and in the style.
    expect(html).toContain(HEADLINE)
    expect(html).toContain(`id="event-${DRAFT_ID}"`)
    expect(html).toContain('Preview, not the published story.')
    expect(html).toContain(`<a href="#event-${DRAFT_ID}">${HEADLINE}</a>`)
    expect(html).toContain(`[id="event-${DRAFT_ID}"]::before{content:"Draft: not published"`)
    // The same renderer as "/": the page's graphic and its data block are there.
    const pub = await visit(`${ORIGIN}/`)
    const publicHtml = await pub.text()
    const graphic = /<svg[^>]*class="[^"]*"/.exec(publicHtml)?.[0]
    expect(graphic, 'the public page has a graphic').toBeDefined()
    expect(html).toContain(graphic!)
    expect(html).toContain('id="story-data"')
    // Its style is allowed by hash, and nothing else inline.
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
    expect(csp).toContain("script-src 'self'")
  })

  it('leaves every public route without the draft, before and after the preview is seen', async () => {
    const page = await (await visit(`${ORIGIN}/`)).text()
    expect(page).not.toContain(HEADLINE)
    const deep = await (await visit(`${ORIGIN}/?event=${DRAFT_ID}`)).text()
    expect(deep).not.toContain(HEADLINE)
    const story = await (await visit(`${ORIGIN}/api/v1/story`)).text()
    expect(story).not.toContain(DRAFT_ID)
    const events = await (await visit(`${ORIGIN}/api/v1/events?limit=200`)).text()
    expect(events).not.toContain(DRAFT_ID)
    const one = await visit(`${ORIGIN}/api/v1/events/${DRAFT_ID}`)
    expect(one.status).toBe(404)
    await one.arrayBuffer()
  })

  it('404s when its signature, expiry or id is changed', async () => {
    const path = new URL(link.url).pathname
    const [id, expires, signature] = path.slice('/preview/'.length).split('.') as [
      string,
      string,
      string,
    ]
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1)
    await expectGone(await visit(`${ORIGIN}/preview/${id}.${expires}.${flipped}`))
    await expectGone(await visit(`${ORIGIN}/preview/${id}.${Number(expires) + 3600}.${signature}`))
    const otherId = (id[0] === 'a' ? 'b' : 'a') + id.slice(1)
    await expectGone(await visit(`${ORIGIN}/preview/${otherId}.${expires}.${signature}`))
    await expectGone(await visit(`${ORIGIN}/preview/not-a-link`))
    // Other spellings of the same link: an expiry with a leading zero; a last character whose
    // spare bits (a 32-byte signature leaves 2 in base64url) differ, which decodes to the same bytes.
    await expectGone(await visit(`${ORIGIN}/preview/${id}.0${expires}.${signature}`))
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(signature.at(-1)!)
    const twin = signature.slice(0, -1) + alphabet[last ^ 1]!
    await expectGone(await visit(`${ORIGIN}/preview/${id}.${expires}.${twin}`))
    // And every other address under /preview/.
    for (const other of [`${path}/`, `${path}/api/v1/story`, '/preview/']) {
      await expectGone(await visit(`${ORIGIN}${other}`))
    }
  })

  it('404s once it is revoked, to everyone', async () => {
    const revoked = await adminJson<Link>(
      writer,
      'POST',
      `/api/v1/admin/previews/${link.id}/revoke`,
      200,
    )
    expect(revoked.revoked_at).not.toBeNull()
    await expectGone(await visit(link.url))
    await adminJson(publisher, 'POST', `/api/v1/admin/previews/${'0'.repeat(32)}/revoke`, 404)
  })

  it('404s once the token that made it is revoked or deleted, by the API or by raw SQL', async () => {
    const idOf = async (name: string) =>
      (await env.DB.prepare('SELECT id FROM editor_tokens WHERE name = ?')
        .bind(name)
        .first<{ id: number }>())!.id
    const made = async (name: string) => {
      const maker = await tokenWith(name, 'writer')
      const made = await adminJson<Link>(maker, 'POST', '/api/v1/admin/previews', 201, {
        body: { event_id: DRAFT_ID },
      })
      expect((await visit(made.url)).status).toBe(200)
      return { made, id: await idOf(name) }
    }
    const byApi = await made('Preview maker revoked by the API')
    await adminJson(publisher, 'POST', `/api/v1/admin/tokens/${byApi.id}/revoke`, 200)
    await expectGone(await visit(byApi.made.url))

    const bySql = await made('Preview maker revoked by SQL')
    await env.DB.prepare(
      "UPDATE editor_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    )
      .bind(bySql.id)
      .run()
    await expectGone(await visit(bySql.made.url))

    const deleted = await made('Preview maker deleted by SQL')
    await env.DB.prepare('DELETE FROM editor_tokens WHERE id = ?').bind(deleted.id).run()
    await expectGone(await visit(deleted.made.url))

    // The links are revoked, not lost: the list still shows them, with when.
    const { data } = await adminJson<{ data: Link[] }>(
      publisher,
      'GET',
      '/api/v1/admin/previews',
      200,
    )
    for (const { made } of [byApi, bySql, deleted]) {
      expect(data.find((l) => l.id === made.id)?.revoked_at).not.toBeNull()
    }
  })

  it('404s once it has expired, though its signature is good', async () => {
    // A link made 25 hours ago: signed with the same key, so only its expiry stops it.
    const id = 'e'.repeat(32)
    const expires = Math.floor((Date.now() - 60 * 60 * 1000) / 1000)
    await env.DB.prepare(
      'INSERT INTO share_previews (id, event_id, created_by, expires_at) VALUES (?, NULL, ?, ?)',
    )
      .bind(id, 'Preview publisher', new Date(expires * 1000).toISOString())
      .run()
    const path = await previewPath(env.PREVIEW_SECRET, id, expires)
    await expectGone(await visit(`${ORIGIN}${path}`))
    // The same row with a future expiry works: the signature was not what stopped it.
    const later = Math.floor((Date.now() + 60 * 60 * 1000) / 1000)
    await env.DB.prepare('UPDATE share_previews SET expires_at = ? WHERE id = ?')
      .bind(new Date(later * 1000).toISOString(), id)
      .run()
    const live = await visit(`${ORIGIN}${await previewPath(env.PREVIEW_SECRET, id, later)}`)
    expect(live.status).toBe(200)
    expect(await live.text()).toContain(HEADLINE)
  })

  it('is refused for an event that does not exist or is deleted, naming event_id, and none is made', async () => {
    const count = async () =>
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM share_previews').first<{ n: number }>())!.n
    const before = await count()
    const unknown = await adminJson<{ errors: { field: string; message: string }[] }>(
      writer,
      'POST',
      '/api/v1/admin/previews',
      422,
      { body: { event_id: '2022-10-20-no-such-event' } },
    )
    expect(unknown.errors).toEqual([
      expect.objectContaining({
        field: 'event_id',
        message: expect.stringMatching(/^There is no event "2022-10-20-no-such-event"/),
      }),
    ])
    const gone = '2022-10-21-share-preview-deleted-draft'
    await makeDraft(
      gone,
      'A draft deleted before its preview',
      'Deleted with SQL, as an editor may.',
    )
    await env.DB.prepare(
      "UPDATE events SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    )
      .bind(gone)
      .run()
    const deleted = await adminJson<{ errors: { field: string; message: string }[] }>(
      writer,
      'POST',
      '/api/v1/admin/previews',
      422,
      { body: { event_id: gone } },
    )
    expect(deleted.errors[0]).toMatchObject({ field: 'event_id' })
    expect(deleted.errors[0]!.message).toMatch(/is deleted; restore it first/)
    expect(await count()).toBe(before)
  })

  it('needs a token to make, list or revoke', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/admin/previews'],
      ['POST', '/api/v1/admin/previews'],
    ] as const) {
      const res = await exports.default.fetch(
        new Request(`${ORIGIN}${path}`, { method, headers: { 'CF-Connecting-IP': freshIp() } }),
      )
      expect(res.status).toBe(401)
      await res.arrayBuffer()
    }
  })
})
