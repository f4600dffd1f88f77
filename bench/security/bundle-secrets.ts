// No secret in what browsers download: scans every file of the production build (web/dist) for
// editor tokens, private keys, cloud credentials, the names and values of the worker's secret
// settings (.dev.vars, the Access audience), and for shipped source maps. Run after `npm run build`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const DIST = 'web/dist'

const PATTERNS: [string, RegExp][] = [
  ['an editor token', /\byir_[A-Za-z0-9_-]{16,}/],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['an AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
  ['a GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['a Cloudflare API token setting', /CLOUDFLARE_API_TOKEN|CF_API_TOKEN|CLOUDFLARE_API_KEY/],
  ['the Access settings', /\bACCESS_AUD\b|\bACCESS_TEAM_DOMAIN\b|Cf-Access-Jwt-Assertion/i],
  ['a token hash column', /\btoken_hash\b/],
]

/** Values of .dev.vars and of wrangler.toml's [vars] (when set): none may ship to browsers. */
function secretValues(): string[] {
  const values: string[] = []
  const grab = (text: string, line: RegExp) => {
    for (const m of text.matchAll(line)) {
      const value = m[1]!.trim().replace(/^["']|["']$/g, '')
      if (value.length >= 6) values.push(value)
    }
  }
  if (existsSync('.dev.vars'))
    grab(readFileSync('.dev.vars', 'utf8'), /^\s*[A-Z0-9_]+\s*=\s*(.+)$/gm)
  const toml = readFileSync('wrangler.toml', 'utf8')
  const vars = toml.match(/^\[vars\]\n([\s\S]*?)(?:^\[|(?![\s\S]))/m)?.[1] ?? ''
  grab(vars, /^\s*ACCESS_[A-Z_]+\s*=\s*(.+)$/gm)
  if (process.env.E2E_EDITOR_TOKEN) values.push(process.env.E2E_EDITOR_TOKEN)
  return values
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? files(path) : [path]
  })
}

function main(): number {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`bundle-secrets: ${DIST} has no build; run npm run build first`)
    return 1
  }
  const secrets = secretValues()
  const found: string[] = []
  const all = files(DIST)
  for (const file of all) {
    if (file.endsWith('.map')) found.push(`${file}: a source map is shipped`)
    const text = readFileSync(file).toString('latin1')
    for (const [what, pattern] of PATTERNS) {
      if (pattern.test(text)) found.push(`${file}: ${what} (${pattern.source})`)
    }
    for (const value of secrets) {
      if (text.includes(value)) found.push(`${file}: the value of a secret setting`)
    }
  }
  if (found.length) {
    console.error('bundle-secrets: the build ships what it must not:')
    for (const f of found) console.error(`  ${f}`)
    return 1
  }
  console.log(
    `bundle-secrets: ${all.length} files in ${DIST} checked; no token, key, secret setting or ` +
      `source map (${secrets.length} secret values compared).`,
  )
  return 0
}

process.exit(main())
