// Response headers for every route: security headers (hono/secure-headers) everywhere, with the
// cross-origin resource policy relaxed only for the public data under /api/v1, and CORS for it.
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'

export const PUBLIC_DATA = '/api/v1/'
/** The editors' write API lives under the same prefix but is not public: no CORS, no CORP relaxing. */
export const ADMIN_API = '/api/v1/admin'

export const isPublicData = (path: string) =>
  path.startsWith(PUBLIC_DATA) && !(path === ADMIN_API || path.startsWith(`${ADMIN_API}/`))

const forPublicData = secureHeaders({ crossOriginResourcePolicy: 'cross-origin', overwrite: false })
const forEverythingElse = secureHeaders({ overwrite: false })

export const securityHeaders: MiddlewareHandler = (c, next) =>
  isPublicData(c.req.path) ? forPublicData(c, next) : forEverythingElse(c, next)

/** Anyone may read the public data from any origin; it carries no credentials. */
const corsForAnyone = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match'],
  exposeHeaders: ['ETag', 'Link', 'Retry-After'],
  maxAge: 86400,
})

export const publicCors: MiddlewareHandler = (c, next) =>
  isPublicData(c.req.path) ? corsForAnyone(c, next) : next()
