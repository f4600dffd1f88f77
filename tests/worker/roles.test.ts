// Editor roles: a writer creates and edits drafts; publishing, unpublishing, deleting, restoring and
// managing tokens need a publisher, and a writer gets 403 problem+json naming the role and how to
// get it. GET /me sends the one table of actions -> roles the API decides by.
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { sha256Hex } from '../../worker/lib/sha256'
import { adminCall, adminJson, etagOf, type Editor } from './admin-client'

/** Registers a token with `role` (as `npm run editor:token -- --role <role>` would). */
async function tokenWith(name: string, role: 'writer' | 'publisher' | null): Promise<Editor> {
  const token = `yir_${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${crypto.randomUUID()}`
  const hash = await sha256Hex(token)
  if (role === null) {
    await env.DB.prepare('INSERT INTO editor_tokens (name, token_hash) VALUES (?, ?)')
      .bind(name, hash)
      .run()
  } else {
    await env.DB.prepare('INSERT INTO editor_tokens (name, role, token_hash) VALUES (?, ?, ?)')
      .bind(name, role, hash)
      .run()
  }
  return { token, name }
}

let writer: Editor
let publisher: Editor

const DRAFT = {
  id: '2022-10-15-roles-test-draft',
  date: '2022-10-15',
  date_precision: 'day',
  headline: 'A draft a writer wrote',
  summary: 'Written to test what each role may do.',
  body: '',
  category: 'enforcement',
  chapter: 'crackdown',
}

beforeAll(async () => {
  writer = await tokenWith('Writer', 'writer')
  publisher = await tokenWith('Publisher', 'publisher')
})

/** Expects a 403 forbidden problem naming `action` and the publisher role. */
async function expectForbidden(res: Response, action: string) {
  const text = await res.text()
  expect(res.status, text).toBe(403)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  const body = JSON.parse(text) as Record<string, unknown>
  expect(body.type).toBe('/api/v1/problems/forbidden')
  expect(body.action).toBe(action)
  expect(body.role).toBe('writer')
  expect(body.role_needed).toBe('publisher')
  expect(body.detail).toContain('publisher role')
  expect(body.detail).toContain('npm run editor:token -- --name "Writer" --role publisher')
}

describe('roles in the database', () => {
  it('refuses a role that is neither writer nor publisher', async () => {
    await expect(
      env.DB.prepare("INSERT INTO editor_tokens (name, role, token_hash) VALUES ('X', 'admin', ?)")
        .bind('a'.repeat(64))
        .run(),
    ).rejects.toThrow(/CHECK constraint failed/)
  })

  it('makes a token without a role a publisher, as every token was before roles', async () => {
    const old = await tokenWith('Old', null)
    const me = await adminJson<{ role: string }>(old, 'GET', '/api/v1/admin/me', 200)
    expect(me.role).toBe('publisher')
  })
})

describe('GET /me', () => {
  it('sends the role and, from the one table, what it may do', async () => {
    const me = await adminJson<{
      name: string
      role: string
      may: Record<string, boolean>
      actions: Record<string, { roles: string[] }>
    }>(writer, 'GET', '/api/v1/admin/me', 200)
    expect(me.name).toBe('Writer')
    expect(me.role).toBe('writer')
    expect(me.may).toMatchObject({
      read: true,
      edit: true,
      publish: false,
      unpublish: false,
      delete: false,
      restore: false,
      'manage-tokens': false,
      'share-preview': true,
    })
    expect(me.actions.publish?.roles).toEqual(['publisher'])
    const mine = await adminJson<{ may: Record<string, boolean> }>(
      publisher,
      'GET',
      '/api/v1/admin/me',
      200,
    )
    expect(Object.values(mine.may).every(Boolean)).toBe(true)
  })
})

describe('a writer', () => {
  it('creates a draft and edits it, but may not publish it; a publisher may', async () => {
    const made = await adminJson<{ status: string }>(writer, 'POST', '/api/v1/admin/events', 201, {
      body: DRAFT,
    })
    expect(made.status).toBe('draft')
    const edited = await adminJson<{ headline: string }>(
      writer,
      'PATCH',
      `/api/v1/admin/events/${DRAFT.id}`,
      200,
      { body: { headline: 'A draft a writer wrote, then changed' }, ifMatch: made.__etag! },
    )
    expect(edited.headline).toBe('A draft a writer wrote, then changed')

    const etag = await etagOf(writer, 'events', DRAFT.id)
    await expectForbidden(
      await adminCall(writer, 'POST', `/api/v1/admin/events/${DRAFT.id}/publish`, {
        ifMatch: etag,
      }),
      'publish',
    )
    // Nothing changed: still a draft, same version, not public.
    expect(await etagOf(writer, 'events', DRAFT.id)).toBe(etag)
    const hidden = await env.DB.prepare('SELECT status FROM events WHERE id = ?')
      .bind(DRAFT.id)
      .first<{ status: string }>()
    expect(hidden?.status).toBe('draft')

    const published = await adminJson<{ status: string }>(
      publisher,
      'POST',
      `/api/v1/admin/events/${DRAFT.id}/publish`,
      200,
      { ifMatch: etag },
    )
    expect(published.status).toBe('published')
  })

  it('may not unpublish, delete or restore; a publisher may', async () => {
    let etag = await etagOf(writer, 'events', DRAFT.id)
    await expectForbidden(
      await adminCall(writer, 'POST', `/api/v1/admin/events/${DRAFT.id}/unpublish`, {
        ifMatch: etag,
      }),
      'unpublish',
    )
    const unpublished = await adminJson(
      publisher,
      'POST',
      `/api/v1/admin/events/${DRAFT.id}/unpublish`,
      200,
      { ifMatch: etag },
    )
    etag = unpublished.__etag!

    await expectForbidden(
      await adminCall(writer, 'DELETE', `/api/v1/admin/events/${DRAFT.id}`, { ifMatch: etag }),
      'delete',
    )
    const deleted = await adminJson<{ deleted_at: string | null }>(
      publisher,
      'DELETE',
      `/api/v1/admin/events/${DRAFT.id}`,
      200,
      { ifMatch: etag },
    )
    expect(deleted.deleted_at).not.toBeNull()
    etag = deleted.__etag!

    await expectForbidden(
      await adminCall(writer, 'POST', `/api/v1/admin/events/${DRAFT.id}/restore`, {
        ifMatch: etag,
      }),
      'restore',
    )
    const restored = await adminJson<{ deleted_at: string | null }>(
      publisher,
      'POST',
      `/api/v1/admin/events/${DRAFT.id}/restore`,
      200,
      { ifMatch: etag },
    )
    expect(restored.deleted_at).toBeNull()
  })

  it('may not restore a revision, nor change chapters (in a batch or one by one)', async () => {
    const { data } = await adminJson<{ data: { id: number }[] }>(
      writer,
      'GET',
      `/api/v1/admin/events/${DRAFT.id}/revisions`,
      200,
    )
    const revision = data[0]!.id
    await expectForbidden(
      await adminCall(writer, 'POST', `/api/v1/admin/revisions/${revision}/restore?to=before`, {
        ifMatch: await etagOf(writer, 'events', DRAFT.id),
      }),
      'restore',
    )
    const list = await adminCall(writer, 'GET', '/api/v1/admin/chapters')
    const listEtag = list.headers.get('ETag')!
    await list.arrayBuffer()
    await expectForbidden(
      await adminCall(writer, 'PATCH', '/api/v1/admin/chapters', {
        ifMatch: listEtag,
        body: { chapters: [{ id: 'crackdown', deleted: true }] },
      }),
      'structure',
    )
  })

  it('may not list, make or revoke tokens; a publisher may, and a revoked token is refused', async () => {
    await expectForbidden(await adminCall(writer, 'GET', '/api/v1/admin/tokens'), 'manage-tokens')
    await expectForbidden(
      await adminCall(writer, 'POST', '/api/v1/admin/tokens', { body: { name: 'Someone' } }),
      'manage-tokens',
    )
    await expectForbidden(
      await adminCall(writer, 'POST', '/api/v1/admin/tokens/1/revoke'),
      'manage-tokens',
    )

    const made = await adminJson<{ id: number; role: string; token: string }>(
      publisher,
      'POST',
      '/api/v1/admin/tokens',
      201,
      { body: { name: 'New writer' } },
    )
    expect(made.role).toBe('writer')
    const newcomer: Editor = { token: made.token, name: 'New writer' }
    const me = await adminJson<{ role: string }>(newcomer, 'GET', '/api/v1/admin/me', 200)
    expect(me.role).toBe('writer')

    const { data } = await adminJson<{ data: { id: number; name: string }[] }>(
      publisher,
      'GET',
      '/api/v1/admin/tokens',
      200,
    )
    expect(data.map((t) => t.name)).toContain('New writer')
    expect(JSON.stringify(data)).not.toContain(made.token)

    const revoked = await adminJson<{ revoked_at: string | null }>(
      publisher,
      'POST',
      `/api/v1/admin/tokens/${made.id}/revoke`,
      200,
    )
    expect(revoked.revoked_at).not.toBeNull()
    const refused = await adminCall(newcomer, 'GET', '/api/v1/admin/me')
    expect(refused.status).toBe(401)
    await refused.arrayBuffer()

    const wrongRole = await adminCall(publisher, 'POST', '/api/v1/admin/tokens', {
      body: { name: 'X', role: 'admin' },
    })
    expect(wrongRole.status).toBe(422)
    expect(await wrongRole.text()).toContain('role must be')

    // Names as people write them, Khmer vowel signs and apostrophes included; one live token per
    // name (in any case), since revisions name their editor; a revoked name may be given again.
    for (const name of ['សុភា', 'Aidan O’Neil', "Aidan O'Neil"]) {
      await adminJson(publisher, 'POST', '/api/v1/admin/tokens', 201, { body: { name } })
    }
    const twice = await adminCall(publisher, 'POST', '/api/v1/admin/tokens', {
      body: { name: 'សុភា', role: 'publisher' },
    })
    expect(twice.status).toBe(409)
    expect((await twice.json()) as { detail: string }).toMatchObject({
      detail: expect.stringContaining('in use already'),
    })
    const same = await adminCall(publisher, 'POST', '/api/v1/admin/tokens', {
      body: { name: 'aidan o’neil' },
    })
    expect(same.status).toBe(409)
    await same.arrayBuffer()
    // A name is stored as written by people, not by keyboards: NFC, trimmed, one space at a time.
    const nfc = await adminJson<{ name: string }>(publisher, 'POST', '/api/v1/admin/tokens', 201, {
      body: { name: '  Nguy\u1EC5n   Thi ' },
    })
    expect(nfc.name).toBe('Nguy\u1EC5n Thi')
    const nfd = await adminCall(publisher, 'POST', '/api/v1/admin/tokens', {
      body: { name: 'Nguye\u0302\u0303n Thi' },
    })
    expect(nfd.status).toBe(409)
    await nfd.arrayBuffer()
    const gone = await adminJson<{ id: number }>(publisher, 'POST', '/api/v1/admin/tokens', 201, {
      body: { name: 'Passing Through' },
    })
    await adminJson(publisher, 'POST', `/api/v1/admin/tokens/${gone.id}/revoke`, 200)
    await adminJson(publisher, 'POST', '/api/v1/admin/tokens', 201, {
      body: { name: 'Passing Through' },
    })
    const bad = await adminCall(publisher, 'POST', '/api/v1/admin/tokens', {
      body: { name: '-dash first' },
    })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('starting with a letter or digit')
  })
})

describe('the OpenAPI document', () => {
  it('may not change the story row (title, licence): it has no draft, so readers see it at once', async () => {
    const read = await adminCall(writer, 'GET', '/api/v1/admin/story')
    expect(read.status).toBe(200)
    await read.arrayBuffer()
    for (const body of [
      { license_url: 'https://example.com/not-ours' },
      { title: 'A writer’s title' },
    ]) {
      await expectForbidden(
        await adminCall(writer, 'PATCH', '/api/v1/admin/story', {
          ifMatch: read.headers.get('ETag')!,
          body,
        }),
        'story',
      )
    }
    const story = await adminJson<{ title: string; license_url: string }>(
      publisher,
      'GET',
      '/api/v1/admin/story',
      200,
    )
    expect(story.license_url).not.toBe('https://example.com/not-ours')
    expect(story.title).not.toBe('A writer’s title')
  })

  it('names the role each publisher-only route needs and its 403', async () => {
    const res = await adminCall(publisher, 'GET', '/api/v1/openapi.json')
    const doc = (await res.json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, unknown>; description?: string }>
      >
    }
    const gated = [
      ['/api/v1/admin/events/{id}/publish', 'post'],
      ['/api/v1/admin/events/{id}/unpublish', 'post'],
      ['/api/v1/admin/events/{id}', 'delete'],
      ['/api/v1/admin/figures/{id}/restore', 'post'],
      ['/api/v1/admin/revisions/{id}/restore', 'post'],
      ['/api/v1/admin/tokens', 'post'],
      ['/api/v1/admin/story', 'patch'],
    ] as const
    for (const [path, method] of gated) {
      const op = doc.paths[path]?.[method]
      expect(op, `${method} ${path}`).toBeDefined()
      expect(op!.responses['403'], `${method} ${path}`).toBeDefined()
      expect(op!.description).toContain('Needs a publisher token')
    }
    expect(doc.paths['/api/v1/admin/events']?.post?.responses['403']).toBeUndefined()
  })
})
