// Response headers for every route: security headers (hono/secure-headers) everywhere, with the
// cross-origin resource policy relaxed only for the public data under /api/v1, and CORS for it.
// A Content-Security-Policy on every response: the page's allows only our own files (no inline
// script: the page's JSON and JSON-LD blocks are data, never run); the API's allows nothing.
// Static files get the same headers from web/public/_headers; a route that sets its own CSP
// (the API docs) keeps it.
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'

type ContentSecurityPolicyOptions = NonNullable<
  NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']
>

export const PUBLIC_DATA = '/api/v1/'
/** The editors' write API lives under the same prefix but is not public: no CORS, no CORP relaxing. */
export const ADMIN_API = '/api/v1/admin'

export const isPublicData = (path: string) =>
  path.startsWith(PUBLIC_DATA) && !(path === ADMIN_API || path.startsWith(`${ADMIN_API}/`))

/** Where the share cards live (/share/<event-id>.png, worker/share/serve.ts). */
export const SHARE_CARDS = '/share/'

/** Whether `path` is a share card's: an image for the page's head, beside the page. */
export const isShareCard = (path: string) => path.startsWith(SHARE_CARDS)

/** For the story page and any other HTML: our own scripts, styles, images and data only. */
export const PAGE_CSP: ContentSecurityPolicyOptions = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  // The server-rendered page sets a few style attributes (category colours); no <style> elements.
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/** For JSON, CSV and every other API response: nothing in it may load or run. */
export const API_CSP: ContentSecurityPolicyOptions = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
}

const PERMISSIONS = { camera: [], microphone: [], geolocation: [], payment: [], usb: [] }

const forPublicData = secureHeaders({
  crossOriginResourcePolicy: 'cross-origin',
  contentSecurityPolicy: API_CSP,
  permissionsPolicy: PERMISSIONS,
  overwrite: false,
})
const forApi = secureHeaders({
  contentSecurityPolicy: API_CSP,
  permissionsPolicy: PERMISSIONS,
  overwrite: false,
})
const forPages = secureHeaders({
  contentSecurityPolicy: PAGE_CSP,
  permissionsPolicy: PERMISSIONS,
  overwrite: false,
})

const isApi = (path: string) => path === '/api' || path.startsWith('/api/')

export const securityHeaders: MiddlewareHandler = (c, next) =>
  isPublicData(c.req.path)
    ? forPublicData(c, next)
    : isApi(c.req.path)
      ? forApi(c, next)
      : forPages(c, next)

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
