// The production build's JavaScript and CSS, per chunk, raw and gzip (level 9), and which page
// loads each: a page's chunks are the scripts and styles its HTML names, and every chunk those
// import, statically or dynamically.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface Chunk {
  file: string
  kind: 'js' | 'css'
  raw_bytes: number
  gzip_bytes: number
  pages: string[]
}

export interface PageTotals {
  js_gzip_bytes: number
  css_gzip_bytes: number
  js_raw_bytes: number
  css_raw_bytes: number
}

export interface BundleResult {
  chunks: Chunk[]
  pages: Record<string, PageTotals>
  all: PageTotals
}

/** The HTML pages of the build and the address each is served at. */
const PAGES: Record<string, string> = { 'index.html': 'story', 'editor.html': 'editor' }

const HTML_REFS = /<(?:script|link)\b[^>]*?\b(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g
const JS_IMPORTS =
  /\bimport\s*\(\s*["'](\.\/[^"']+)["']\s*\)|\b(?:from|import)\s*["'](\.\/[^"']+)["']/g

function chunksOfPage(dist: string, html: string): Set<string> {
  const found = new Set<string>()
  const queue = [...html.matchAll(HTML_REFS)].map((m) => m[1]!.slice(1))
  while (queue.length) {
    const file = queue.pop()!
    if (found.has(file)) continue
    found.add(file)
    if (!file.endsWith('.js')) continue
    const code = readFileSync(join(dist, file), 'utf8')
    for (const m of code.matchAll(JS_IMPORTS)) {
      queue.push(posix.join(posix.dirname(file), m[1] ?? m[2]!))
    }
  }
  return found
}

const total = (chunks: Chunk[]): PageTotals => {
  const sum = (kind: Chunk['kind'], key: 'raw_bytes' | 'gzip_bytes') =>
    chunks.filter((c) => c.kind === kind).reduce((n, c) => n + c[key], 0)
  return {
    js_gzip_bytes: sum('js', 'gzip_bytes'),
    css_gzip_bytes: sum('css', 'gzip_bytes'),
    js_raw_bytes: sum('js', 'raw_bytes'),
    css_raw_bytes: sum('css', 'raw_bytes'),
  }
}

export function measureBundle(dist = 'web/dist'): BundleResult {
  const assets = join(dist, 'assets')
  const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f))
  if (files.length === 0) throw new Error(`no JS or CSS in ${assets}: run npm run build first`)
  const membership = new Map<string, string[]>()
  for (const [html, page] of Object.entries(PAGES)) {
    for (const file of chunksOfPage(dist, readFileSync(join(dist, html), 'utf8'))) {
      membership.set(file, [...(membership.get(file) ?? []), page])
    }
  }
  const chunks: Chunk[] = files.sort().map((name) => {
    const file = `assets/${name}`
    const path = join(dist, file)
    return {
      file,
      kind: name.endsWith('.js') ? 'js' : 'css',
      raw_bytes: statSync(path).size,
      gzip_bytes: gzipSync(readFileSync(path), { level: 9 }).length,
      pages: membership.get(file) ?? [],
    }
  })
  const pages = Object.fromEntries(
    Object.values(PAGES).map((page) => [page, total(chunks.filter((c) => c.pages.includes(page)))]),
  )
  return { chunks, pages, all: total(chunks) }
}

/** The built file closest in size to `bytes` (for the static side of the API comparison). */
export function closestAsset(bytes: number, dist = 'web/dist'): { path: string; bytes: number } {
  const candidates: { path: string; bytes: number }[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(dist, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(rel)
      else if (!entry.name.startsWith('_') && !entry.name.endsWith('.html')) {
        candidates.push({ path: `/${rel}`, bytes: statSync(join(dist, rel)).size })
      }
    }
  }
  walk('')
  candidates.sort((a, b) => Math.abs(a.bytes - bytes) - Math.abs(b.bytes - bytes))
  const best = candidates[0]
  if (!best) throw new Error(`${dist} is empty: run npm run build first`)
  return best
}
