// The worker: the public API under /api/v1, the write API under /api/v1/admin, their docs at
// /api/docs, the story page and its share cards (/share), and the built page's assets
// (web/dist). Each resource is a small app in routes/, mounted here. The worker's entry point
// (index.ts) puts the memo of finished responses in front of it.
import { OpenAPIHono } from '@hono/zod-openapi'
import { HTTPException } from 'hono/http-exception'
import { validationHook } from './lib/api'
import { canonicalRequest, varyOnCompressible } from './lib/canonical'
import { PUBLIC_DATA, isPublicData, publicCors, securityHeaders } from './lib/headers'
import { problem } from './lib/problem'
import type { ProblemSlug } from './lib/problem-types'
import { rateLimit } from './lib/rate-limit'
import type { AppEnv } from './lib/types'
import { actors } from './routes/actors'
import { ADMIN_BASE, admin } from './routes/admin'
import { categories } from './routes/categories'
import { chapters } from './routes/chapters'
import { docs } from './routes/docs'
import { events } from './routes/events'
import { exportsApi } from './routes/exports'
import { figures } from './routes/figures'
import { health } from './routes/health'
import { openApi } from './routes/openapi'
import { outlets } from './routes/outlets'
import { places } from './routes/places'
import { problems } from './routes/problems'
import { story } from './routes/story'
import { page } from './routes/page'
import { share } from './routes/share'
import { preview } from './routes/preview'

const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

app.use('*', securityHeaders)
app.use('*', varyOnCompressible)
app.use(`${PUBLIC_DATA}*`, publicCors)
// Before any cache: trailing slashes, malformed percent-encoding, tracking parameters.
app.use('*', canonicalRequest)
// Spent on work only: reads answered from a cache call no binding (lib/rate-limit.ts); the page
// at "/" spends it on a miss of its own cache (ssr/page.ts).
app.use('/api/*', rateLimit)
// Drawing a card costs far more than serving one: share cards count against the same limit.
app.use('/share/*', rateLimit)

app.route('/api/v1/events', events)
app.route('/api/v1/figures', figures)
app.route('/api/v1/places', places)
app.route('/api/v1/actors', actors)
app.route('/api/v1/outlets', outlets)
app.route('/api/v1/categories', categories)
app.route('/api/v1/chapters', chapters)
app.route('/api/v1/story', story)
app.route('/api/v1', exportsApi)
app.route('/api/v1/problems', problems)
app.route('/api/v1/health', health)
app.route(ADMIN_BASE, admin)
app.route('/api/docs', docs)
app.route('/', page)
app.route('/share', share)
// Share-preview links (drafts for someone without a token): private, never cached.
app.use('/preview/*', rateLimit)
app.route('/preview', preview)
// Last: the document lists every route mounted above.
app.route('/api/v1/openapi.json', openApi(app))

app.notFound((c) => {
  const path = new URL(c.req.url).pathname
  if (isPublicData(path) && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    c.header('Allow', 'GET, HEAD, OPTIONS')
    return problem(
      c,
      'method-not-allowed',
      `${c.req.method} is not allowed: the public API is read-only.`,
    )
  }
  if (path === '/api' || path.startsWith('/api/')) {
    return problem(
      c,
      'not-found',
      `There is no resource at ${path}. The API lives under /api/v1; start with /api/v1/events, or read the docs at /api/docs.`,
    )
  }
  // The site's pages and files are read-only too: say so, rather than the static files' empty 405.
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    c.header('Allow', 'GET, HEAD')
    return problem(
      c,
      'method-not-allowed',
      `${c.req.method} is not allowed at ${path}: the site's pages and files are read-only. Editors write through /api/v1/admin (see /api/docs).`,
    )
  }
  // A fresh Response, so the header middleware may add to it. A path with no file gets the
  // static 404 page (web/public/404.html, `not_found_handling` in wrangler.toml).
  return c.env.ASSETS.fetch(c.req.raw).then((res) => new Response(res.body, res))
})

/** The problem type of an HTTP error a library raised (Hono's body limit, validators, ...). */
const THROWN: Partial<Record<number, ProblemSlug>> = {
  400: 'invalid-parameter',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
}

app.onError((err, c) => {
  if (err instanceof HTTPException) {
    const slug = THROWN[err.status]
    if (slug) return problem(c, slug, err.message || 'The request is not valid.')
    if (err.status < 500) return err.getResponse()
  }
  console.error('unhandled error', err)
  return problem(
    c,
    'internal',
    'Something went wrong on our side. Nothing was changed; please try again later.',
  )
})

export default app
