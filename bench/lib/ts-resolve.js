// Lets Node run the bench's TypeScript with the same extensionless imports that Vite, Vitest and
// tsc use: a relative import without an extension resolves to the .ts file beside it.
// Used as `node --import ./bench/lib/ts-resolve.js bench/<program>.ts`.
import { registerHooks } from 'node:module'

const RELATIVE = /^\.{1,2}\//
const HAS_EXTENSION = /\.[cm]?[jt]sx?$|\.json$/

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (error) {
      const missing = /** @type {{ code?: string }} */ (error)?.code === 'ERR_MODULE_NOT_FOUND'
      if (!missing || !RELATIVE.test(specifier) || HAS_EXTENSION.test(specifier)) throw error
      return nextResolve(`${specifier}.ts`, context)
    }
  },
})
