// GET /api/docs: interactive API documentation (Swagger UI) from our own assets, no CDN.
// The Swagger UI files are copied into the built assets under /api-docs/ at build time
// (vite-plugin-api-docs.ts); the page is started by an external script, never an inline one.
import { createRoute, z } from '@hono/zod-openapi'
import { createApi } from '../lib/api'
import { errors } from '../schemas/common'
import { NoQuery } from '../schemas/query'

export const docs = createApi()

/** Where the build puts Swagger UI's files. */
export const SWAGGER_ASSETS = '/api-docs'

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Swagger UI sets style attributes from script.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Year in Review: partner API documentation</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="${SWAGGER_ASSETS}/swagger-ui.css" />
  </head>
  <body>
    <main>
      <div id="swagger-ui">
        <h1>Year in Review: partner API</h1>
        <p>
          The interactive documentation needs JavaScript. The API is described in full by its
          <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
        </p>
      </div>
    </main>
    <script src="${SWAGGER_ASSETS}/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`

const INIT = `// Starts Swagger UI on the API's OpenAPI document. No validator badge: it would call out.
window.addEventListener('DOMContentLoaded', function () {
  if (typeof window.SwaggerUIBundle !== 'function') return
  window.ui = window.SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
  })
})
`

const HEADERS = { 'Cache-Control': 'public, max-age=300', 'Content-Security-Policy': CSP }

const pageRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Meta'],
  summary: 'Interactive API documentation (this page)',
  description: 'Swagger UI, served from this site, reading /api/v1/openapi.json.',
  request: { query: NoQuery },
  responses: {
    200: { description: 'Swagger UI.', content: { 'text/html': { schema: z.string() } } },
    ...errors(),
  },
})

docs.openapi(pageRoute, (c) => c.html(HTML, 200, HEADERS))

const initRoute = createRoute({
  method: 'get',
  path: '/init.js',
  hide: true,
  request: { query: NoQuery },
  responses: { 200: { description: 'The script that starts Swagger UI.' } },
})

docs.openapi(initRoute, (c) =>
  c.body(INIT, 200, { ...HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' }),
)
