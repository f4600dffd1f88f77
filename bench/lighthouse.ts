// Lighthouse (pinned 12.2.3) on the story page with its default mobile settings (emulated phone,
// simulated slow 4G and 4x CPU), in Debian's Chromium started by chrome-launcher. Medians of
// the runs' category scores and key metrics.
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { findChromium } from '../tests/e2e/browser'
import { median, round } from './lib/stats'

export const LIGHTHOUSE_VERSION = '12.2.3'

export interface LighthouseRun {
  performance: number
  accessibility: number
  best_practices: number
  seo: number
  fcp_ms: number
  lcp_ms: number
  tbt_ms: number
  cls: number
  speed_index_ms: number
}

export interface LighthouseResult extends LighthouseRun {
  version: string
  form_factor: 'mobile'
  runs: LighthouseRun[]
  /** Audits that cost the accessibility or performance score, from the last run. */
  failing_audits: Failing
}

type Failing = { id: string; title: string; score: number | null }[]

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

/** One Lighthouse run in a Chromium of its own; a run whose trace failed is tried once more. */
async function oneRun(url: string): Promise<{ run: LighthouseRun; failing: Failing }> {
  let lastError = ''
  for (let attempt = 0; attempt < 2; attempt++) {
    const chrome = await chromeLauncher.launch({
      chromePath: findChromium(),
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    })
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
      })
      if (!result) throw new Error('Lighthouse returned no result')
      const { lhr } = result
      if (lhr.lighthouseVersion !== LIGHTHOUSE_VERSION) {
        throw new Error(`Lighthouse ${lhr.lighthouseVersion} ran; ${LIGHTHOUSE_VERSION} is pinned`)
      }
      if (lhr.runtimeError) {
        lastError = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`
        continue
      }
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
      const metric = (id: string) => round(lhr.audits[id]?.numericValue ?? Number.NaN, 0)
      const failing = ['performance', 'accessibility', 'best-practices']
        .flatMap((cat) => lhr.categories[cat]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id]!)
        .filter((a) => a.score !== null && a.score < 1)
        .map((a) => ({ id: a.id, title: a.title, score: a.score }))
      return {
        run: {
          performance: score('performance'),
          accessibility: score('accessibility'),
          best_practices: score('best-practices'),
          seo: score('seo'),
          fcp_ms: metric('first-contentful-paint'),
          lcp_ms: metric('largest-contentful-paint'),
          tbt_ms: metric('total-blocking-time'),
          cls: round(lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN, 3),
          speed_index_ms: metric('speed-index'),
        },
        failing,
      }
    } finally {
      chrome.kill()
    }
  }
  throw new Error(`Lighthouse failed twice: ${lastError}`)
}

export async function runLighthouse(
  url: string,
  runs: number,
  log: (line: string) => void,
): Promise<LighthouseResult> {
  const list: LighthouseRun[] = []
  let failing: Failing = []
  for (let i = 0; i < runs; i++) {
    const one = await oneRun(url)
    list.push(one.run)
    failing = one.failing
    log(
      `  run ${i + 1}: performance ${one.run.performance}, accessibility ${one.run.accessibility}, ` +
        `best practices ${one.run.best_practices}, SEO ${one.run.seo}; ` +
        `LCP ${one.run.lcp_ms} ms, TBT ${one.run.tbt_ms} ms`,
    )
  }
  const pick = (key: keyof LighthouseRun) => median(list.map((r) => r[key]))
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    best_practices: pick('best_practices'),
    seo: pick('seo'),
    fcp_ms: pick('fcp_ms'),
    lcp_ms: pick('lcp_ms'),
    tbt_ms: pick('tbt_ms'),
    cls: pick('cls'),
    speed_index_ms: pick('speed_index_ms'),
    version: LIGHTHOUSE_VERSION,
    form_factor: 'mobile',
    runs: list,
    failing_audits: failing,
  }
}
