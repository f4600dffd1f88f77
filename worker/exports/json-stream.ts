// JSON written a part at a time: the same text JSON.stringify gives for the whole value, with its
// long arrays (a FeatureCollection's features, a timeline's events, a Dataset's events and places)
// written a page of items at a time, so only one page is held.

/** The arrays a JSON text is written with, by key: each gives its items a page at a time. */
export type StreamedArrays = Record<string, () => AsyncIterable<readonly unknown[]>>

/**
 * The JSON text of `skeleton` with the value at each key of `arrays` (a top-level key of
 * `skeleton`, which keeps its place; a key `skeleton` lacks is added at its end) written as an
 * array of the items its pages give: the text JSON.stringify gives for the whole value, without
 * whitespace. Each array's place in the text is marked with a string no data can hold (a random
 * UUID), then the text is cut there.
 */
export async function* jsonChunks(
  skeleton: Record<string, unknown>,
  arrays: StreamedArrays,
): AsyncGenerator<string> {
  const nonce = crypto.randomUUID()
  const marks = new Map<string, string>()
  const marked: Record<string, unknown> = { ...skeleton }
  for (const key of Object.keys(arrays)) {
    const mark = `${nonce}:${key}`
    marked[key] = mark
    marks.set(JSON.stringify(mark), key)
  }
  let text = JSON.stringify(marked)
  for (;;) {
    // The next marked place in the text, whichever array it is.
    let at = -1
    let found: [string, string] | null = null
    for (const [mark, key] of marks) {
      const i = text.indexOf(mark)
      if (i >= 0 && (at < 0 || i < at)) [at, found] = [i, [mark, key]]
    }
    if (!found) break
    const [mark, key] = found
    yield text.slice(0, at)
    yield* arrayChunks(arrays[key]!())
    text = text.slice(at + mark.length)
  }
  yield text
}

/** A JSON array of the items `pages` give: `[`, each page's items, `]`. */
async function* arrayChunks(pages: AsyncIterable<readonly unknown[]>): AsyncGenerator<string> {
  let first = true
  yield '['
  for await (const items of pages) {
    if (!items.length) continue
    yield (first ? '' : ',') + items.map((item) => JSON.stringify(item)).join(',')
    first = false
  }
  yield ']'
}
