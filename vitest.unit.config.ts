// Unit tests of pure functions (chart models, formatting) and of the command-line tools, in plain Node.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts', 'tests/cli/**/*.test.ts'], environment: 'node' },
})
