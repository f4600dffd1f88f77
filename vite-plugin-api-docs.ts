// Copies Swagger UI's files (swagger-ui-dist) into the built assets under /api-docs/, so the
// API docs page at /api/docs loads them from our own origin: no CDN, no network.
// They are copied after the bundle is written, so they never count as the page's own code.
import { copyFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'

/** Where the files land in the build output; the worker's docs page links here. */
export const API_DOCS_DIR = 'api-docs'

const FILES = [
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-bundle.js.LICENSE.txt',
  'LICENSE',
  'NOTICE',
]

export function apiDocs(): Plugin {
  let outDir = ''
  return {
    name: 'api-docs',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.ssr ? '' : join(config.root, config.build.outDir)
    },
    writeBundle() {
      if (!outDir) return
      const source = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
      const target = join(outDir, API_DOCS_DIR)
      mkdirSync(target, { recursive: true })
      for (const file of FILES) copyFileSync(join(source, file), join(target, file))
    },
  }
}
