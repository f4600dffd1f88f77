// The server build: the page's App and its entry-server.ts bundled into one module the worker
// imports (worker/ssr/build/entry-server.js). Runs after the browser build, whose index.html it
// embeds as the page template.
import { defineConfig, mergeConfig } from 'vite'
import browser from './vite.config.ts'

export default mergeConfig(
  browser,
  defineConfig({
    build: {
      ssr: 'src/entry-server.ts',
      outDir: '../worker/ssr/build',
      // The folder also holds the committed entry-server.d.ts; the build overwrites one file.
      emptyOutDir: false,
      copyPublicDir: false,
      rollupOptions: { output: { entryFileNames: 'entry-server.js' } },
    },
    // Everything in one file: the worker's bundler must not resolve svelte for the browser.
    ssr: { noExternal: true },
  }),
)
