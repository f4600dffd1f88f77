// The share-preview page: the story page rendered by the same server renderer as "/" (renderPage),
// from the story with every draft in it, with each draft marked as a draft (a banner listing them,
// and a dashed outline and a "Draft" label on each draft's step), not indexed (X-Robots-Tag and a
// robots meta tag), never cached anywhere (private, no-store) and never stored in the page cache.
// The public page's path (ssr/page.ts) is not touched: it never sees a draft.
import { escapeHtml } from '../lib/html'
import type { Story } from '../model'
import { renderPage } from './build/entry-server.js'

/** Event ids are slugs; a draft with any other id (raw SQL) is listed but not outlined. */
const EVENT_ID = /^[a-z0-9][a-z0-9-]{2,79}$/

/** The headers of every preview answer, the page and its 404 alike. */
export const PREVIEW_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow, noarchive',
  'Referrer-Policy': 'no-referrer',
} as const

const ROBOTS_META = '<meta name="robots" content="noindex, nofollow, noarchive">'

/** The style that marks the drafts: one rule per draft event's step. */
function draftStyle(draftIds: readonly string[]): string {
  const steps = draftIds.filter((id) => EVENT_ID.test(id)).map((id) => `[id="event-${id}"]`)
  const base =
    '.preview-banner{position:relative;z-index:10;margin:0;padding:.75rem 1rem;' +
    'background:#fff3cd;color:#3d2a00;border-bottom:2px solid #8a5a00;' +
    'font:1rem/1.5 system-ui,sans-serif}' +
    '.preview-banner a{color:#3d2a00}.preview-banner ul{margin:.25rem 0 0;padding-left:1.25rem}'
  if (steps.length === 0) return base
  return (
    base +
    `${steps.join(',')}{outline:3px dashed #8a5a00;outline-offset:6px}` +
    `${steps.map((s) => `${s}::before`).join(',')}{content:"Draft: not published";display:inline-block;` +
    'margin-bottom:.5rem;padding:.1rem .5rem;background:#fff3cd;color:#3d2a00;' +
    'border:1px solid #8a5a00;font:600 .875rem/1.4 system-ui,sans-serif}'
  )
}

/** The banner above the page: what this is, until when, and the drafts it shows. */
function banner(drafts: readonly { id: string; headline: string }[], expiresAt: string): string {
  const items = drafts
    .map((d) =>
      EVENT_ID.test(d.id)
        ? `<li><a href="#event-${d.id}">${escapeHtml(d.headline)}</a></li>`
        : `<li>${escapeHtml(d.headline)}</li>`,
    )
    .join('')
  const count =
    drafts.length === 0
      ? 'There are no drafts: this is the story as readers see it.'
      : `${drafts.length === 1 ? 'One draft is' : `${drafts.length} drafts are`} shown, each marked “Draft: not published”:`
  return (
    `<aside class="preview-banner" aria-label="Preview">` +
    `<strong>Preview, not the published story.</strong> Read-only; this link stops working at ` +
    `${escapeHtml(expiresAt.replace('T', ' ').slice(0, 16))} UTC or when an editor revokes it. ${count}` +
    (items ? `<ul>${items}</ul>` : '') +
    `</aside>`
  )
}

const toBase64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)))

/**
 * The preview page for `story` (with drafts; each event's `status` says which), opening at
 * `eventId` when given, for a link that expires at `expiresAt` (ISO 8601). Its CSP is the page's,
 * plus the hash of its one style element.
 */
export async function renderPreview(
  story: Story,
  origin: string,
  eventId: string | null,
  expiresAt: string,
): Promise<Response> {
  const drafts = story.events.filter((e) => (e as { status?: string }).status === 'draft')
  const { html } = renderPage(story, {
    origin,
    search: eventId && EVENT_ID.test(eventId) ? `?event=${eventId}` : '',
  })
  const style = draftStyle(drafts.map((d) => d.id))
  const styleHash = toBase64(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(style)))
  const page = html
    .replace('</head>', () => `${ROBOTS_META}<style>${style}</style></head>`)
    .replace(/<body([^>]*)>/, (body) => `${body}${banner(drafts, expiresAt)}`)
  return new Response(page, {
    headers: {
      ...PREVIEW_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': [
        "default-src 'self'",
        "script-src 'self'",
        `style-src 'self' 'sha256-${styleHash}'`,
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    },
  })
}
