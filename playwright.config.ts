// Browser tests: a fresh local D1 from the real migrations, the real worker under wrangler dev,
// and Chromium driven by Playwright.
import { createHash, randomBytes } from 'node:crypto'
import { defineConfig } from '@playwright/test'
import { findChromium } from './tests/e2e/browser'

// E2E_PORT lets two checkouts run their browser tests at once.
const PORT = Number(process.env.E2E_PORT ?? 8788)
const STATE = '.wrangler/e2e'

// The editor's tests sign in with a token made for this run (the test workers inherit it); only
// its SHA-256 hash goes into the test database, as `npm run editor:token` would store it.
process.env.E2E_EDITOR_TOKEN ||= `yir_${randomBytes(32).toString('base64url')}`
const EDITOR_TOKEN_HASH = createHash('sha256').update(process.env.E2E_EDITOR_TOKEN).digest('hex')

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // A limit that catches a hang, not a busy machine: tests judge behaviour, benchmarks judge speed.
  timeout: 180_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The story on a desktop and on a phone (mobile emulation: touch, mobile viewport rules).
  projects: [
    {
      name: 'desktop',
      use: { viewport: { width: 1280, height: 800 } },
      // The long-task record is taken on the phone only, as the benchmark takes it.
      testIgnore: /long-tasks\.spec\.ts$/,
    },
    {
      name: 'mobile',
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    command:
      `node -e "require('node:fs').rmSync('${STATE}',{recursive:true,force:true})" && ` +
      `wrangler d1 migrations apply DB --local --persist-to ${STATE} && ` +
      `wrangler d1 execute DB --local --persist-to ${STATE} --command ` +
      `"INSERT INTO editor_tokens (name, token_hash) VALUES ('Browser test', '${EDITOR_TOKEN_HASH}')" && ` +
      `wrangler dev --ip 127.0.0.1 --port ${PORT} --persist-to ${STATE} --show-interactive-dev-session=false`,
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
