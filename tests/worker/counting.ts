// The real D1 and rate-limit bindings, counted: each call that reaches them adds one to the
// caller's tally, and is then passed on unchanged. For the tests that show a cache hit (or a memo
// hit) reads nothing from D1 and calls no binding.
import { env } from 'cloudflare:workers'

/** What the bindings were asked to do: D1 calls (prepare, batch, exec, dump) and limiter calls. */
export interface BindingCounts {
  d1: number
  limiter: number
}

/** `db` (a database or a session) with every call that reaches D1 counted in `counts.d1`. */
export function countingDb<T extends object>(db: T, counts: BindingCounts): T {
  return new Proxy(db, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (name === 'prepare' || name === 'batch' || name === 'exec' || name === 'dump') {
          counts.d1 += 1
        }
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args)
        return name === 'withSession' ? countingDb(result as object, counts) : result
      }
    },
  })
}

/** The test environment with its D1 and rate-limit bindings counted in `counts`. */
export function countingBindings(counts: BindingCounts): Env {
  return {
    ...env,
    DB: countingDb(env.DB, counts),
    API_RATE_LIMITER: {
      limit: (options: RateLimitOptions) => {
        counts.limiter += 1
        return env.API_RATE_LIMITER.limit(options)
      },
    },
  }
}
