// A response body written a part at a time: an async iterable of text or bytes as a ReadableStream
// that asks for its next part only when the reader wants more (pull, with no queue of its own),
// so a body nobody reads (a HEAD, a 304) is never made, and a slow reader holds the writer back.

/**
 * `parts` as a byte stream (text as UTF-8). Nothing is read from `parts` before the stream's
 * reader asks (high-water mark 0); cancelling the stream ends `parts` (its `return`). An error
 * thrown by `parts` errors the stream (the response is cut short, and so never cached whole)
 * and is logged with `what`.
 */
export function streamOf(
  parts: AsyncIterable<string | Uint8Array>,
  what: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let iterator: AsyncIterator<string | Uint8Array> | null = null
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= parts[Symbol.asyncIterator]()
        try {
          // Skip empty parts: an empty chunk would tell the reader nothing.
          for (;;) {
            const next = await iterator.next()
            if (next.done) {
              controller.close()
              return
            }
            const bytes = typeof next.value === 'string' ? encoder.encode(next.value) : next.value
            if (bytes.byteLength) {
              controller.enqueue(bytes)
              return
            }
          }
        } catch (error) {
          console.error(`${what} failed while streaming`, error)
          controller.error(error)
        }
      },
      async cancel(reason) {
        await iterator?.return?.(reason)
      },
    },
    { highWaterMark: 0 },
  )
}

/**
 * Reads a body of unknown length (a streamed one) up to `limit` bytes: the whole of `body` when it
 * has at most `limit` bytes; else a stream of the same bytes (those
 * read so far, then the rest), having held no more than about `limit` of them.
 */
export async function readUpTo(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<{ body: ArrayBuffer; stream?: never } | { body: null; stream: ReadableStream }> {
  if (!body) return { body: new ArrayBuffer(0) }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    total += value.byteLength
    if (total > limit) {
      const stream = new ReadableStream<Uint8Array>({
        pull: async (controller) => {
          const first = chunks.shift()
          if (first) return controller.enqueue(first)
          const next = await reader.read()
          if (next.done) controller.close()
          else controller.enqueue(next.value)
        },
        cancel: (reason) => reader.cancel(reason),
      })
      return { body: null, stream }
    }
  }
  const whole = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    whole.set(chunk, at)
    at += chunk.byteLength
  }
  return { body: whole.buffer }
}
