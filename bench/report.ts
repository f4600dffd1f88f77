// The bench's report: Markdown tables on stdout, ready for the README.
import type { BenchResults } from './bench'
import { limitText, type BudgetCheck } from './budgets'
import { markdownTable, type Cell } from './lib/table'
import type { ScaleResult, ScaleRun } from './scale'

const kB = (bytes: number) => (bytes / 1000).toFixed(1)

export function printReport(results: BenchResults, checks: BudgetCheck[]): void {
  const out: string[] = []
  const { api, bundle, page, lighthouse } = results

  if (api) {
    out.push(
      `\n### API under load (autocannon, ${api.duration_s} s per run after a ${api.warmup_s} s warm-up, ` +
        `medians of ${api.rounds} interleaved rounds)\n`,
      `Story JSON ${kB(api.story_bytes)} kB; search result ${kB(api.search_bytes)} kB; static asset ` +
        `${api.static_asset.path} ${kB(api.static_asset.bytes)} kB (uncompressed).\n`,
    )
    const rows = api.levels.flatMap((level) =>
      (['story', 'search', 'static'] as const).map((name) => {
        const t = level.targets[name]
        return [
          level.connections,
          name === 'story'
            ? '/api/v1/story (cached)'
            : name === 'search'
              ? '/api/v1/events?q= (cache miss)'
              : 'static asset',
          t.p50_ms,
          t.p99_ms,
          t.rps,
          name === 'story' ? `${level.story_to_static_rps}x static` : '',
          t.non_2xx + t.errors,
        ]
      }),
    )
    out.push(
      markdownTable(
        ['connections', 'target', 'p50 ms', 'p99 ms', 'req/s', 'ratio', 'non-2xx + errors'],
        rows,
      ),
    )
  }

  if (bundle) {
    out.push('\n### Production build: JavaScript and CSS per chunk\n')
    const rows: (string | number)[][] = bundle.chunks.map((c) => [
      c.file,
      c.kind,
      kB(c.raw_bytes),
      kB(c.gzip_bytes),
      c.pages.join(', ') || '(none)',
    ])
    for (const [name, t] of Object.entries(bundle.pages)) {
      rows.push([`${name} page, JS`, 'js', kB(t.js_raw_bytes), kB(t.js_gzip_bytes), name])
      rows.push([`${name} page, CSS`, 'css', kB(t.css_raw_bytes), kB(t.css_gzip_bytes), name])
    }
    rows.push([
      'all chunks, JS',
      'js',
      kB(bundle.all.js_raw_bytes),
      kB(bundle.all.js_gzip_bytes),
      '',
    ])
    out.push(markdownTable(['chunk', 'kind', 'raw kB', 'gzip kB', 'loaded by'], rows))
  }

  if (page) {
    out.push(
      `\n### Story page in Chromium (${page.viewport}, CPU ${page.cpu_slowdown}x slower; medians of ${page.runs.length} runs)\n`,
    )
    out.push(
      markdownTable(
        ['figure', 'value'],
        [
          ['time to the first story text', `${page.first_text_ms} ms`],
          ['first contentful paint', `${page.fcp_ms} ms`],
          ['largest contentful paint', `${page.lcp_ms} ms`],
          ['long tasks while loading', `${page.load_long_task_ms} ms`],
          [
            'long tasks while scrolling through every step',
            `${page.scroll_long_task_ms} ms in ${page.scroll_long_tasks} tasks (longest ${page.longest_scroll_task_ms} ms)`,
          ],
          ['peak SVG nodes', page.peak_svg_nodes],
          ['steps activated', `${page.steps_activated} of ${page.steps}`],
          [
            'Content-Security-Policy violations',
            page.csp_violations.length ? page.csp_violations.join('; ') : 'none',
          ],
        ],
      ),
    )
  }

  if (lighthouse) {
    out.push(
      `\n### Lighthouse ${lighthouse.version}, mobile (medians of ${lighthouse.runs.length} runs)\n`,
    )
    out.push(
      markdownTable(
        ['category or metric', 'value'],
        [
          ['performance', lighthouse.performance],
          ['accessibility', lighthouse.accessibility],
          ['best practices', lighthouse.best_practices],
          ['SEO', lighthouse.seo],
          ['LCP (simulated)', `${lighthouse.lcp_ms} ms`],
          ['total blocking time (simulated)', `${lighthouse.tbt_ms} ms`],
          ['cumulative layout shift', lighthouse.cls],
        ],
      ),
    )
    if (lighthouse.failing_audits.length) {
      out.push('\nAudits below full marks (last run):')
      for (const a of lighthouse.failing_audits) out.push(`- ${a.id} (${a.score}): ${a.title}`)
    }
  }

  out.push('\n### Budgets (bench/budgets.json)\n')
  out.push(
    markdownTable(
      ['budget', 'limit', 'measured', 'status'],
      checks.map((c) => [c.label, limitText(c), c.value, c.status]),
    ),
  )
  console.log(out.join('\n'))
}

/** The scale benchmark's report: one column per size, then its budgets. */
export function printScaleReport(result: ScaleResult, checks: BudgetCheck[]): void {
  const { runs } = result
  const ms = (v: number | null) => (v === null ? null : `${v} ms`)
  const rows: [string, (r: ScaleRun) => Cell][] = [
    ['events in the story', (r) => r.events],
    ['server render (page cache miss, workerd, from the client)', (r) => ms(r.server_render_ms)],
    ['server render in Node: time', (r) => ms(r.node_render_ms)],
    ['server render in Node: heap left allocated', (r) => `${r.node_render_heap_mb} MB`],
    ['first response (the page), raw', (r) => `${kB(r.page_bytes)} kB`],
    ['first response (the page), gzip', (r) => `${kB(r.page_gzip_bytes)} kB`],
    ['/api/v1/story, raw', (r) => `${kB(r.story_json_bytes)} kB`],
    ['/api/v1/story p50 / p99 (cached)', (r) => `${r.api_story_p50_ms} / ${r.api_story_p99_ms} ms`],
    [
      '/api/v1/events p50 / p99 (cached)',
      (r) => `${r.api_events_p50_ms} / ${r.api_events_p99_ms} ms`,
    ],
    ['time to the first story text (phone, CPU 4x)', (r) => ms(r.first_text_ms)],
    ['longest task while loading', (r) => ms(r.longest_load_task_ms)],
    ['longest task while scrolling the first 42 steps', (r) => ms(r.longest_scroll_task_ms)],
    ['most DOM elements at once', (r) => r.peak_dom_nodes],
  ]
  const out = ['\n### Scale: the story at 42 events and as synthetic copies\n']
  out.push(
    markdownTable(
      ['figure', ...runs.map((r) => `${r.size.toLocaleString('en-GB')} events`)],
      rows.map(([label, value]) => [label, ...runs.map(value)]),
    ),
  )
  for (const r of runs) {
    if (r.page_error) out.push(`\nAt ${r.size} events the page was not measured: ${r.page_error}`)
  }
  out.push(
    '\n### Scale: the exports, streamed (a page of rows at a time) beside the whole story at once\n',
  )
  out.push(
    'Each cell: bytes; a cache miss in workerd; streamed in Node (time, most memory held at any part written); whole in Node (time, memory held when done).\n',
  )
  const names = runs[0]?.exports.map((e) => e.export) ?? []
  out.push(
    markdownTable(
      ['export', ...runs.map((r) => `${r.size.toLocaleString('en-GB')} events`)],
      names.map((name) => [
        name,
        ...runs.map((r) => {
          const e = r.exports.find((x) => x.export === name)
          return e
            ? `${kB(e.bytes)} kB; workerd ${e.workerd_ms} ms; streamed ${e.streamed_ms} ms, ${e.streamed_held_mb} MB; whole ${e.whole_ms} ms, ${e.whole_held_mb} MB`
            : null
        }),
      ]),
    ),
  )
  out.push('\n### Scale budgets (bench/budgets.json)\n')
  out.push(
    markdownTable(
      ['budget', 'limit', 'measured', 'status'],
      checks.map((c) => [c.label, limitText(c), c.value, c.status]),
    ),
  )
  console.log(out.join('\n'))
}
