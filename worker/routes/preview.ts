// Share-preview pages at /preview/<link>: the story page with its drafts for whoever has a link an
// editor made (admin/share-preview.ts signs and checks it; ssr/preview.ts renders). No token is
// needed; an unsigned, altered, expired or revoked link gets 404 problem+json. Nothing here is
// cached, and nothing here touches the public page or its cache.
import { Hono, type Context } from 'hono'
import { openPreview, previewSecret } from '../admin/share-preview'
import { getPreviewStory } from '../db/admin'
import { problem } from '../lib/problem'
import type { AppEnv } from '../lib/types'
import { PREVIEW_HEADERS, renderPreview } from '../ssr/preview'

export const preview = new Hono<AppEnv>()

/** 404 problem+json for every address under /preview/ that is not a link (or not one any more). */
function noPreview(c: Context<AppEnv>): Response {
  const res = problem(
    c,
    'not-found',
    'There is no preview at this address: the link is not one an editor made, was changed, has expired (links last 24 hours) or has been revoked. Ask the editor for a new link.',
  )
  for (const [name, value] of Object.entries(PREVIEW_HEADERS)) res.headers.set(name, value)
  return res
}

preview.get('/:link', async (c) => {
  const secret = previewSecret(c.env, c.req.url)
  const link = secret ? await openPreview(c.env.DB, secret, c.req.param('link'), Date.now()) : null
  const story = link ? await getPreviewStory(c.env.DB) : null
  if (!link || !story) return noPreview(c)
  return renderPreview(story, new URL(c.req.url).origin, link.event_id, link.expires_at)
})
// Anything else under /preview/ (a trailing slash, a deeper path, another method): the same 404.
preview.all('*', (c) => noPreview(c))
