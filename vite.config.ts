import { fileURLToPath } from 'node:url'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vite'
import { apiDocs } from './vite-plugin-api-docs.ts'
import { bundleSize } from './vite-plugin-bundle-size.ts'
import { linkLazyCss } from './vite-plugin-lazy-css.ts'
import mapData from './vite-plugin-map-data.ts'

export default defineConfig({
  root: 'web',
  plugins: [
    svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) }),
    mapData(),
    // The story page's markup is the server's; its components' styles load with the page.
    linkLazyCss(['index']),
    bundleSize(),
    apiDocs(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Two pages: the story (index.html) and the editor (editor.html, served at /editor).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./web/index.html', import.meta.url)),
        editor: fileURLToPath(new URL('./web/editor.html', import.meta.url)),
      },
    },
  },
})
