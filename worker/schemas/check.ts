// Compile-time checks that a schema describes the plain type in model.ts: same keys, and every
// value the schema allows fits the type (the schema may be narrower, e.g. an enum for a string).
import type { z } from '@hono/zod-openapi'

export type Describes<S extends z.ZodType, M> = [z.infer<S>] extends [M]
  ? [keyof M] extends [keyof z.infer<S>]
    ? [keyof z.infer<S>] extends [keyof M]
      ? true
      : false
    : false
  : false

export const describes = <T extends true>(ok: T): T => ok
