// The production build's JavaScript and CSS, per chunk, raw and gzip (level 9), and which page
// loads each and when: a page's first load is the scripts and styles its HTML names and every
// chunk those import statically (what runs before its first step is interactive); its later load
// is what those chunks pull in by `import()` (the story's graphic, the development server's
// markup), fetched without being waited for.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface Chunk {
  file: string
  kind: 'js' | 'css'
  raw_bytes: number
  gzip_bytes: number
  /** The pages that load it: 'story' in the first load, 'story later' only by import(). */
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
  /** Per page: `story` (its first load) and `story later` (only by import()), and so on. */
  pages: Record<string, PageTotals>
  all: PageTotals
}

/** The HTML pages of the build and the address each is served at. */
const PAGES: Record<string, string> = { 'index.html': 'story', 'editor.html': 'editor' }

const HTML_REFS = /<(?:script|link)\b[^>]*?\b(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g
/** A static import or re-export of a sibling chunk, as the bundler writes it. */
const STATIC_IMPORTS = /\b(?:from|import)\s*["'`](\.\/[^"'`]+)["'`]/g
/** An `import()` of a sibling chunk (quoted with '', "" or ``). */
const DYNAMIC_IMPORTS = /\bimport\s*\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g

/** Every chunk reachable from `start` by the imports `patterns` find (including `start`). */
function closure(dist: string, start: string[], patterns: RegExp[]): Set<string> {
  const found = new Set<string>()
  const queue = [...start]
  while (queue.length) {
    const file = queue.pop()!
    if (found.has(file)) continue
    found.add(file)
    if (!file.endsWith('.js')) continue
    const code = readFileSync(join(dist, file), 'utf8')
    for (const pattern of patterns) {
      for (const m of code.matchAll(pattern)) queue.push(posix.join(posix.dirname(file), m[1]!))
    }
  }
  return found
}

/** A page's first load (HTML references and their static imports) and what import() adds. */
function chunksOfPage(dist: string, html: string): { first: Set<string>; later: Set<string> } {
  const named = [...html.matchAll(HTML_REFS)].map((m) => m[1]!.slice(1))
  const first = closure(dist, named, [STATIC_IMPORTS])
  const all = closure(dist, named, [STATIC_IMPORTS, DYNAMIC_IMPORTS])
  return { first, later: new Set([...all].filter((f) => !first.has(f))) }
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
    const { first, later } = chunksOfPage(dist, readFileSync(join(dist, html), 'utf8'))
    for (const file of first) membership.set(file, [...(membership.get(file) ?? []), page])
    for (const file of later) {
      membership.set(file, [...(membership.get(file) ?? []), `${page} later`])
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
    Object.values(PAGES).flatMap((page) =>
      [page, `${page} later`]
        .map((name) => [name, chunks.filter((c) => c.pages.includes(name))] as const)
        .filter(([name, loaded]) => name === page || loaded.length > 0)
        .map(([name, loaded]) => [name, total(loaded)]),
    ),
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
