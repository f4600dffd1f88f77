declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
    /** An empty database of its own, for tests that change the schema (see vitest.config.ts). */
    SCRATCH_DB: D1Database
  }
  interface GlobalProps {
    mainModule: typeof import('../../worker/index')
  }
}
