// Which Chromium the browser tests drive: CHROMIUM_PATH, else Playwright's own, else Debian's.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export function findChromium(): string {
  const candidates: [string, string | undefined][] = [
    ['CHROMIUM_PATH', process.env.CHROMIUM_PATH],
    ["Playwright's own Chromium", safely(() => chromium.executablePath())],
    ["Debian's chromium", '/usr/bin/chromium'],
  ]
  for (const [, path] of candidates) if (path && existsSync(path)) return path
  const looked = candidates.map(([name, path]) => `  ${name}: ${path ?? '(not set)'}`).join('\n')
  throw new Error(
    `No Chromium found for the browser tests. Looked at:\n${looked}\n` +
      'Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), or point CHROMIUM_PATH ' +
      'at a Chromium or Chrome binary.',
  )
}

function safely(get: () => string): string | undefined {
  try {
    return get()
  } catch {
    return undefined
  }
}
