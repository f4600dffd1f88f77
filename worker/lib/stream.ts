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
