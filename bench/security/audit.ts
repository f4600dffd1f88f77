// `npm audit --omit=dev`: the packages that run in production have no known high or critical
// vulnerability. (`npm audit --json` exits 0 when it gets no advisories, so its output is read,
// not its exit code.) A registry or mirror that refuses the audit endpoint outright (405, 404 or
// 501: it serves packages only) cannot be audited against: the run then says in capitals that the
// audit was NOT CHECKED and why, and does not fail; any other failure to audit fails.
import { spawnSync } from 'node:child_process'

interface AuditReport {
  error?: { summary?: string; detail?: string }
  message?: string
  statusCode?: number
  metadata?: {
    vulnerabilities: Record<'info' | 'low' | 'moderate' | 'high' | 'critical' | 'total', number>
    dependencies?: { prod?: number }
  }
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable: unknown }>
}

function main(): number {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 32 * 1024 * 1024,
  })
  let report: AuditReport
  try {
    report = JSON.parse(run.stdout) as AuditReport
  } catch {
    console.error(
      `npm audit: no report (exit ${run.status ?? 'none'}).\n${(run.stderr || run.stdout).slice(0, 2000)}`,
    )
    return 1
  }
  if (report.statusCode && [404, 405, 501].includes(report.statusCode)) {
    console.log(
      `npm audit: NOT CHECKED. The registry refuses the audit endpoint (${report.message ?? report.statusCode}),\n` +
        `  so no vulnerability check ran here. Run npm audit --omit=dev where the registry serves audits.`,
    )
    return 0
  }
  if (report.error || !report.metadata) {
    const why = [report.message, report.error?.summary, report.error?.detail]
      .filter(Boolean)
      .join(' ')
    console.error(
      `npm audit could not get the advisories from the registry, so no vulnerability check ran:\n` +
        `  ${why || 'the registry gave no audit data'}\n` +
        `Run it where the registry's audit endpoint is reachable (npm audit --omit=dev).`,
    )
    return 1
  }
  const v = report.metadata.vulnerabilities
  const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, x]) =>
    ['high', 'critical'].includes(x.severity),
  )
  if (v.high + v.critical > 0) {
    console.error(
      `npm audit: ${v.critical} critical and ${v.high} high in production dependencies:`,
    )
    for (const [name, x] of serious) console.error(`  ${name} (${x.severity})`)
    return 1
  }
  console.log(
    `npm audit: no high or critical vulnerability in ${report.metadata.dependencies?.prod ?? '?'} ` +
      `production dependencies (${v.moderate} moderate, ${v.low} low).`,
  )
  return 0
}

process.exit(main())
