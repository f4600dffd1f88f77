declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
    /** An empty database of its own, for tests that change the schema (see vitest.config.ts). */
    SCRATCH_DB: D1Database
    /** The tests' own share-preview key (vitest.config.ts); a deployment sets it as a secret. */
    PREVIEW_SECRET: string
  }
  interface GlobalProps {
    mainModule: typeof import('../../worker/index')
  }
}
