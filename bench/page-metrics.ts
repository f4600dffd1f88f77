// The story page in Chromium (Playwright) on a phone-sized screen with the CPU slowed 4x (CDP):
// time to the first story text, LCP, long tasks while scrolling through every step, and the peak
// number of SVG nodes. Each run uses a fresh browser context; the medians of the runs are kept.
import { chromium, type Browser, type Page } from '@playwright/test'
import { findChromium } from '../tests/e2e/browser'
import { median, round } from './lib/stats'

export interface PageRun {
  first_text_ms: number
  fcp_ms: number
  lcp_ms: number
  load_long_task_ms: number
  scroll_long_task_ms: number
  scroll_long_tasks: number
  longest_scroll_task_ms: number
  peak_svg_nodes: number
  /** The most elements the document held at once (all of them, SVG included). */
  peak_dom_nodes: number
  /** The longest single task while loading, up to the page being live (ms). */
  longest_load_task_ms: number
  steps: number
  steps_activated: number
  /** Content-Security-Policy violations the page reported (anything the policy blocked). */
  csp_violations: string[]
}

export interface PageResult extends PageRun {
  runs: PageRun[]
  cpu_slowdown: number
  viewport: string
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const CPU_SLOWDOWN = 4
const VIEWPORT = { width: 390, height: 844 }
/** How long a step's graphic may animate after it becomes active (motion is at most 450 ms). */
const SETTLE_MS = 700

// Runs in the page before any of its own scripts.
const INSTRUMENT = `(() => {
  const bench = { longTasks: [], lcp: 0, firstText: 0, svgPeak: 0, domPeak: 0, csp: [] }
  window.__bench = bench
  document.addEventListener('securitypolicyviolation', (e) => {
    bench.csp.push(e.effectiveDirective + ' ' + (e.blockedURI || 'inline'))
  })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration])
  }).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.lcp = e.startTime
  }).observe({ type: 'largest-contentful-paint', buffered: true })
  const countSvg = () => {
    const n = document.querySelectorAll('svg, svg *').length
    if (n > bench.svgPeak) bench.svgPeak = n
    const all = document.getElementsByTagName('*').length
    if (all > bench.domPeak) bench.domPeak = all
  }
  setInterval(countSvg, 100)
  const poll = () => {
    const title = document.querySelector('h1')
    if (title && title.textContent.trim() && title.getBoundingClientRect().height > 0) {
      bench.firstText = performance.now()
      countSvg()
    } else requestAnimationFrame(poll)
  }
  requestAnimationFrame(poll)
})()`

interface BenchState {
  longTasks: [number, number][]
  lcp: number
  firstText: number
  svgPeak: number
  domPeak: number
  csp: string[]
}

/** How a page run goes: every step scrolled through, or only the first `maxSteps`. */
export interface PageOptions {
  /** Scroll through at most this many steps (all when absent). */
  maxSteps?: number
  /** How long the page may take to become live, in ms (30 s when absent). */
  liveTimeoutMs?: number
}

const state = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench)

/**
 * Whether the step `id` is or becomes active within `timeout` ms. Told by the page itself (a
 * MutationObserver on the step's data-active), not by polling: Playwright's waitForSelector
 * queries the page on every animation frame, on the main thread whose long tasks are measured,
 * and that querying was counted as the page's own work (a fifth of the long tasks' time in one
 * profile).
 */
function becomesActive(page: Page, id: string, timeout: number): Promise<boolean> {
  return page.evaluate(
    ({ id, timeout }) =>
      new Promise<boolean>((resolve) => {
        const step = document.getElementById(id)
        if (!step) return resolve(false)
        if (step.dataset.active === 'true') return resolve(true)
        const observer = new MutationObserver(() => {
          if (step.dataset.active !== 'true') return
          clearTimeout(timer)
          observer.disconnect()
          resolve(true)
        })
        const timer = setTimeout(() => {
          observer.disconnect()
          resolve(false)
        }, timeout)
        observer.observe(step, { attributes: true, attributeFilter: ['data-active'] })
      }),
    { id, timeout },
  )
}

async function scrollThroughSteps(
  page: Page,
  maxSteps = Infinity,
): Promise<{ steps: number; activated: number }> {
  const ids = (
    await page.locator('.step').evaluateAll((els) => els.map((el) => el.id).filter(Boolean))
  ).slice(0, maxSteps)
  const triggerTop = () =>
    page.locator('.scrolly__trigger').evaluate((el) => el.getBoundingClientRect().top)
  let activated = 0
  await page.mouse.move(10, 10)
  for (const id of ids) {
    const step = page.locator(`#${id}`)
    const top = await step.evaluate((el) => el.getBoundingClientRect().top)
    await page.mouse.wheel(0, Math.round(top - (await triggerTop()) + 20))
    if (await becomesActive(page, id, 10_000)) activated += 1
    // (Else counted below: a step that never activates is reported, not hidden.)
    await page.waitForTimeout(SETTLE_MS)
  }
  return { steps: ids.length, activated }
}

async function onePageRun(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<PageRun> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  })
  try {
    const page = await context.newPage()
    await page.addInitScript(INSTRUMENT)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    await page.goto(url, { waitUntil: 'load', timeout: options.liveTimeoutMs ?? 30_000 })
    await page.waitForSelector('.is-live', { timeout: options.liveTimeoutMs ?? 30_000 })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1000)
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    )
    const beforeScroll = await state(page)
    const scrollStart = await page.evaluate(() => performance.now())
    const { steps, activated } = await scrollThroughSteps(page, options.maxSteps)
    const after = await state(page)
    const scrollTasks = after.longTasks.filter(([start]) => start >= scrollStart)
    const loadTasks = beforeScroll.longTasks
    const sum = (tasks: [number, number][]) => tasks.reduce((n, [, d]) => n + d, 0)
    return {
      first_text_ms: round(beforeScroll.firstText, 0),
      fcp_ms: round(fcp, 0),
      lcp_ms: round(beforeScroll.lcp, 0),
      load_long_task_ms: round(sum(loadTasks), 0),
      scroll_long_task_ms: round(sum(scrollTasks), 0),
      scroll_long_tasks: scrollTasks.length,
      longest_scroll_task_ms: round(Math.max(0, ...scrollTasks.map(([, d]) => d)), 0),
      peak_svg_nodes: after.svgPeak,
      peak_dom_nodes: after.domPeak,
      longest_load_task_ms: round(Math.max(0, ...loadTasks.map(([, d]) => d)), 0),
      steps,
      steps_activated: activated,
      csp_violations: after.csp,
    }
  } finally {
    await context.close()
  }
}

/**
 * The page at `url` in Chromium (phone screen, CPU 4x slower), `runs` times in fresh contexts after
 * one warm-up visit: the medians of each run's figures (times in ms), the peaks of the node counts.
 * Throws when Chromium cannot start or the page never becomes live.
 */
export async function measurePage(
  url: string,
  runs: number,
  log: (line: string) => void,
  options: PageOptions = {},
): Promise<PageResult> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  try {
    // A first visit fills the worker's page cache, so every measured run sees the same server.
    const warm = await browser.newPage()
    await warm.goto(url, { timeout: options.liveTimeoutMs ?? 30_000 })
    await warm.close()
    const list: PageRun[] = []
    for (let i = 0; i < runs; i++) {
      const run = await onePageRun(browser, url, options)
      log(
        `  run ${i + 1}: first text ${run.first_text_ms} ms, LCP ${run.lcp_ms} ms, ` +
          `long tasks while scrolling ${run.scroll_long_task_ms} ms (${run.scroll_long_tasks}), ` +
          `peak SVG nodes ${run.peak_svg_nodes}, steps ${run.steps_activated}/${run.steps}`,
      )
      list.push(run)
    }
    const pick = (key: Exclude<keyof PageRun, 'csp_violations'>) => median(list.map((r) => r[key]))
    return {
      first_text_ms: pick('first_text_ms'),
      fcp_ms: pick('fcp_ms'),
      lcp_ms: pick('lcp_ms'),
      load_long_task_ms: pick('load_long_task_ms'),
      scroll_long_task_ms: pick('scroll_long_task_ms'),
      scroll_long_tasks: pick('scroll_long_tasks'),
      longest_scroll_task_ms: pick('longest_scroll_task_ms'),
      peak_svg_nodes: Math.max(...list.map((r) => r.peak_svg_nodes)),
      peak_dom_nodes: Math.max(...list.map((r) => r.peak_dom_nodes)),
      longest_load_task_ms: pick('longest_load_task_ms'),
      steps: pick('steps'),
      steps_activated: Math.min(...list.map((r) => r.steps_activated)),
      csp_violations: [...new Set(list.flatMap((r) => r.csp_violations))],
      runs: list,
      cpu_slowdown: CPU_SLOWDOWN,
      viewport: `${VIEWPORT.width}x${VIEWPORT.height} (mobile)`,
    }
  } finally {
    await browser.close()
  }
}
