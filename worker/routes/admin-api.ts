// The building blocks of the write API's routes: one kind of small OpenAPIHono app for every part
// of /api/v1/admin, and handle(), which gives a route's handler its typed context.
import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi'
import { refuseInvalid } from '../admin/request'
import type { AdminEnv } from '../admin/types'

/** A write-API app: a part of the request that fails its schema gets 422 invalid-body. */
export function createAdminApi(): OpenAPIHono<AdminEnv> {
  return new OpenAPIHono<AdminEnv>({ defaultHook: refuseInvalid({}) })
}

type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, AdminEnv>>[0]

/**
 * A route's handler, with the context its route gives (typed path, header, query and body).
 * The handler answers with a plain Response: rows come from SQL untyped, so the route's
 * documented response schemas, not the handler, are the contract the typed client sees (the
 * worker tests check the answers against them). Typed `never` so that openapi() takes it for any
 * route, generic ones included.
 */
export const handle = <R extends RouteConfig>(
  _route: R,
  handler: (c: RouteContext<R>) => Response | Promise<Response>,
): never => handler as never

/**
 * A route's validation hook: a body or query that fails its schema gets 422 invalid-body with
 * field errors (admin/request.ts refuseInvalid). Typed `never` for the reason handle() is.
 */
export const onInvalid = (schemas: Parameters<typeof refuseInvalid>[0]): never =>
  refuseInvalid(schemas) as never
