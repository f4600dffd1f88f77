// How a route of the write API is mounted: the role gate for its action (admin/roles.ts: the
// route's x-editor-action, else read for GET and edit for any other method) first, its gates
// (route middleware) next, then the schemas of
// its contract (admin-routes.ts), whose failures get 422 invalid-body with field errors, then its
// handler.
import { OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { TrieRouter } from 'hono/router/trie-router'
import { BODY_LIMIT_KEY, JSON_BODY, type BodyLimit } from '../admin/formats'
import { requireAction } from '../admin/auth'
import { refuseInvalid } from '../admin/request'
import { ACTION_KEY, type EditorAction } from '../admin/roles'
import type { AdminEnv } from '../admin/types'

/** The write API's app: a part of a request that fails its schema gets 422 invalid-body. */
export function createAdminApi(): OpenAPIHono<AdminEnv> {
  return new OpenAPIHono<AdminEnv>({ defaultHook: refuseInvalid({}) })
}

/** The routes that carry their own body limit (admin-routes.ts, bodyUpTo), by method and path. */
const bodyLimits = new TrieRouter<BodyLimit>()

/**
 * The body limit a route mounted by mount() declares for `method` `path` (relative to the app it
 * is mounted on), or undefined when it takes the write API's default.
 */
export function declaredBodyLimit(method: string, path: string): BodyLimit | undefined {
  return bodyLimits.match(method, path)[0][0]?.[0]
}

/** The JSON body schema of a route, if it takes one. */
function bodySchema(route: RouteConfig): z.ZodType | undefined {
  const media = route.request?.body?.content?.[JSON_BODY]
  return media && 'schema' in media ? (media.schema as z.ZodType) : undefined
}

/**
 * Mounts `route` on `app` with `handler`, after `gates`. The handler answers with a plain
 * Response: rows come from SQL untyped, so the route's documented answers, not the handler, are
 * what the typed client sees (the worker tests check the answers against them).
 */
export function mount(
  app: OpenAPIHono<AdminEnv>,
  route: RouteConfig,
  handler: (c: Context<AdminEnv>) => Response | Promise<Response>,
  gates: MiddlewareHandler<AdminEnv>[] = [],
): void {
  // The role gate first: what a role may not do is refused before anything about the request.
  const marked = (route as { [ACTION_KEY]?: EditorAction })[ACTION_KEY]
  const action: EditorAction = marked ?? (route.method === 'get' ? 'read' : 'edit')
  const limit = (route as { [BODY_LIMIT_KEY]?: BodyLimit })[BODY_LIMIT_KEY]
  if (limit) {
    // The router's own spelling of a path parameter: /{id} in OpenAPI is /:id in Hono.
    bodyLimits.add(route.method.toUpperCase(), route.path.replace(/{(\w+)}/g, ':$1'), limit)
  }
  const hook = refuseInvalid({
    json: bodySchema(route),
    query: route.request?.query as z.ZodType | undefined,
  })
  app.openapi(
    { ...route, middleware: [requireAction(action), ...gates] },
    handler as never,
    hook as never,
  )
}

/** A part of the request as its route's schema parsed it. */
export const validOf = <S extends z.ZodType>(
  c: Context<AdminEnv>,
  target: 'json' | 'query',
  _schema: S,
) => c.req.valid(target as never) as z.output<S>
