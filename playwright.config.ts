// Browser tests: a fresh local D1 from the real migrations, the real worker under wrangler dev,
// and Chromium driven by Playwright.
import { defineConfig } from '@playwright/test'
import { findChromium } from './tests/e2e/browser'

const PORT = 8788
const STATE = '.wrangler/e2e'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
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
  webServer: {
    command:
      `node -e "require('node:fs').rmSync('${STATE}',{recursive:true,force:true})" && ` +
      `wrangler d1 migrations apply DB --local --persist-to ${STATE} && ` +
      `wrangler dev --ip 127.0.0.1 --port ${PORT} --persist-to ${STATE} --show-interactive-dev-session=false`,
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
