// The worker's Hono environment: bindings come from `wrangler types` (worker-configuration.d.ts).
export interface AppEnv {
  Bindings: Env
  Variables: {
    /** This request's D1 session (see lib/session.ts). */
    db?: D1DatabaseSession
    /**
     * The sync watermark of this request's reads (ISO 8601 UTC), read before them in the same
     * session: every response's `meta.generated_at` (see http/cache.ts and db/changes.ts).
     */
    watermark?: string
  }
}
