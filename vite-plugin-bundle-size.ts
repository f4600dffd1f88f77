// Prints, after a browser build, the gzip size of the JavaScript and CSS each page ships: its
// entry chunk, every chunk it imports statically, and their CSS (with the CSS of what it imports
// dynamically, which vite-plugin-lazy-css.ts links up front).
import { gzipSync } from 'node:zlib'
import type { Plugin, Rolldown } from 'vite'
import { lazyCss } from './vite-plugin-lazy-css.ts'

type Bundle = Rolldown.OutputBundle
type Chunk = Rolldown.OutputChunk

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
const gzip = (source: string | Uint8Array) => gzipSync(source, { level: 9 }).length

/** The files a page loads up front: the entry, its static imports, their CSS, and lazy CSS. */
function pageFiles(entry: Chunk, bundle: Bundle): Set<string> {
  const files = new Set<string>()
  const visit = (chunk: Chunk) => {
    if (files.has(chunk.fileName)) return
    files.add(chunk.fileName)
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css)
    for (const name of chunk.imports) {
      const imported = bundle[name]
      if (imported?.type === 'chunk') visit(imported)
    }
  }
  visit(entry)
  for (const css of lazyCss(entry, bundle)) files.add(css)
  return files
}

export function bundleSize(): Plugin {
  let ssr = false
  let lines: string[] = []
  return {
    name: 'bundle-size',
    apply: 'build',
    configResolved(config) {
      ssr = Boolean(config.build.ssr)
    },
    generateBundle(_options, bundle) {
      if (ssr) return
      const size = (fileName: string) => {
        const file = bundle[fileName]
        if (!file) return 0
        return gzip(file.type === 'chunk' ? file.code : file.source)
      }
      lines = Object.values(bundle)
        .filter((file): file is Chunk => file.type === 'chunk' && file.isEntry)
        .map((entry) => {
          const files = [...pageFiles(entry, bundle)]
          const js = files.filter((f) => f.endsWith('.js')).reduce((n, f) => n + size(f), 0)
          const css = files.filter((f) => f.endsWith('.css')).reduce((n, f) => n + size(f), 0)
          return (
            `${entry.name} page ships ${kB(js + css)} gzip ` +
            `(JS ${kB(js)}, CSS ${kB(css)}; ${files.length} files)`
          )
        })
    },
    closeBundle() {
      if (lines.length) this.environment.logger.info(`\n${lines.join('\n')}`)
    },
  }
}
