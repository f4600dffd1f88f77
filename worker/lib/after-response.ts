// Work that may finish after the answer is sent: stores into the edge cache, an editor token's
// last-used stamp. One way for all of it, so a failed write is always logged and never fails the
// request.

/** The part of a request's execution context a write after the answer needs. */
export interface AfterResponse {
  waitUntil(promise: Promise<unknown>): void
}

/**
 * Lets `write` (a store into a cache, a last-used stamp) finish after the answer is sent, through the request's
 * `waitUntil` (https://developers.cloudflare.com/workers/runtime-apis/context/#waituntil). A write
 * that fails is logged with `what` and never fails the request; with no execution context (Hono's
 * `c.executionCtx` throws outside a fetch event, as in some tests) it finishes on its own.
 */
export function finishAfterResponse(
  context: () => AfterResponse,
  write: Promise<unknown>,
  what: string,
): void {
  const settled = write.catch((err: unknown) => console.error(`${what} failed`, err))
  try {
    context().waitUntil(settled)
  } catch {
    // No execution context: the write finishes on its own.
  }
}
