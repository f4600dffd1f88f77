// The worker's Hono environment: bindings come from `wrangler types` (worker-configuration.d.ts).
export interface AppEnv {
  Bindings: Env
  Variables: {
    /** This request's D1 session (see lib/session.ts). */
    db?: D1DatabaseSession
  }
}
