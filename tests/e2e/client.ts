// Each browser test is a client of its own to the worker's rate limit. The worker counts requests
// per CF-Connecting-IP (worker/lib/rate-limit.ts), which Cloudflare's edge sets and wrangler dev
// does not: without this, every request of the whole run would share one key and the run, not a
// test, would meet the limit of 300 misses a minute (wrangler.toml [[ratelimits]]), more often the
// faster the machine. A test is one reader or one editor, so one key per test is what production
// sees. The header goes with every request of the test's browser context, whatever its origin;
// the specs that use this `test` fetch only the worker's own origin. A page on another origin
// (the TimelineJS test) would turn the extra header into a CORS preflight, so that spec keeps
// the plain `test`.
import { createHash } from 'node:crypto'
import { test as base } from '@playwright/test'

/**
 * A client address for one test: an IPv6 documentation address (RFC 3849, 2001:db8::/32) made
 * from the test's id and its retry, so no two tests of a run, and no test and its retry, share it.
 * `who` names a second client within one test (a second editor, a reader in a fresh context).
 */
export function clientAddress(testId: string, retry = 0, who = ''): string {
  const hex = createHash('sha256').update(`${testId}#${retry}#${who}`).digest('hex')
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}::1`
}

/** Playwright's `test`, with the test's own CF-Connecting-IP on every request of its context. */
export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use, testInfo) => {
    await use({
      ...extraHTTPHeaders,
      'CF-Connecting-IP': clientAddress(testInfo.testId, testInfo.retry),
    })
  },
})

/**
 * The headers that make a browser context the running test opens itself (browser.newContext) a
 * client of its own, named by `who`: pass them as the context's extraHTTPHeaders.
 */
export function clientHeaders(who: string): Record<string, string> {
  const { testId, retry } = base.info()
  return { 'CF-Connecting-IP': clientAddress(testId, retry, who) }
}

export { expect } from '@playwright/test'
