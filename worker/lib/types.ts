// The worker's Hono environment: bindings come from `wrangler types` (worker-configuration.d.ts).
export interface AppEnv {
  Bindings: Env
}
