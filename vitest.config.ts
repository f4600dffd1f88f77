// Worker tests: they run inside workerd against a real D1 with the real migrations applied.
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

process.env.CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV = 'false'

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations('./migrations'),
          // The tests' own key for share-preview links (a deployment sets it as a secret).
          PREVIEW_SECRET: 'tests-only-share-preview-key-0123456789abcdef',
        },
        // A second, empty database for tests that change the schema itself (ALTER TABLE).
        d1Databases: { SCRATCH_DB: 'scratch-db' },
      },
    }),
  ],
  test: {
    include: ['tests/worker/**/*.test.ts'],
    setupFiles: ['./tests/worker/apply-migrations.ts'],
    // Tests judge behaviour, never speed (benchmarks do that): a slow, busy machine must not fail
    // a test that walks many routes, so the time limit only catches a test that hangs.
    testTimeout: 60_000,
  },
}))
