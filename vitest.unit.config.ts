// Unit tests of pure functions (chart models, scenes, formatting) and of the command-line tools,
// in plain Node. The Svelte and map-data plugins let a test render a scene's component on the server.
import { fileURLToPath } from 'node:url'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vitest/config'
import mapData from './vite-plugin-map-data.ts'

export default defineConfig({
  plugins: [
    svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) }),
    mapData(),
  ],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    environment: 'node',
    // A time limit that catches a hang, not a busy machine (the CLI tests start processes).
    testTimeout: 60_000,
  },
})
