// JSON written a part at a time: the same text JSON.stringify gives for the whole value, with its
// long arrays (a FeatureCollection's features and each feature's events, a timeline's events, a
// Dataset's events and places) written a page of items at a time, so only one page is held.

/** A JSON object written a part at a time: see jsonChunks(). */
export class StreamedJson {
  /** The object, with any value at a key of `parts` to be replaced by that part. */
  readonly skeleton: Record<string, unknown>
  /** The parts written a page at a time, by key: an array's pages, or an object of its own. */
  readonly parts: StreamedParts
  constructor(skeleton: Record<string, unknown>, parts: StreamedParts) {
    this.skeleton = skeleton
    this.parts = parts
  }
}

/**
 * The parts of a StreamedJson, by key: a function giving an array's items a page at a time (an
 * item may itself be a StreamedJson), or a StreamedJson object.
 */
export type StreamedParts = Record<string, (() => AsyncIterable<readonly unknown[]>) | StreamedJson>

/**
 * The JSON text of `skeleton` with the value at each key of `parts` (a top-level key of
 * `skeleton`, which keeps its place; a key `skeleton` lacks is added at its end) written from
 * that part: the text JSON.stringify gives for the whole value, without whitespace. Each part's
 * place in the text is marked with a string no data can hold (a random UUID), then the text is
 * cut there.
 */
export async function* jsonChunks(
  skeleton: Record<string, unknown>,
  parts: StreamedParts,
): AsyncGenerator<string> {
  const nonce = crypto.randomUUID()
  const marks = new Map<string, string>()
  const marked: Record<string, unknown> = { ...skeleton }
  for (const key of Object.keys(parts)) {
    const mark = `${nonce}:${key}`
    marked[key] = mark
    marks.set(JSON.stringify(mark), key)
  }
  let text = JSON.stringify(marked)
  for (;;) {
    // The next marked place in the text, whichever part it is.
    let at = -1
    let found: [string, string] | null = null
    for (const [mark, key] of marks) {
      const i = text.indexOf(mark)
      if (i >= 0 && (at < 0 || i < at)) [at, found] = [i, [mark, key]]
    }
    if (!found) break
    const [mark, key] = found
    yield text.slice(0, at)
    const part = parts[key]!
    if (part instanceof StreamedJson) yield* jsonChunks(part.skeleton, part.parts)
    else yield* arrayChunks(part())
    text = text.slice(at + mark.length)
  }
  yield text
}

/**
 * A JSON array of the items `pages` give: `[`, each page's items, `]`. Plain items of a page are
 * written as one part; an item that is a StreamedJson is written a part at a time.
 */
async function* arrayChunks(pages: AsyncIterable<readonly unknown[]>): AsyncGenerator<string> {
  let first = true
  let pending = '['
  for await (const items of pages) {
    for (const item of items) {
      if (!first) pending += ','
      first = false
      if (item instanceof StreamedJson) {
        yield pending
        pending = ''
        yield* jsonChunks(item.skeleton, item.parts)
      } else {
        pending += JSON.stringify(item)
      }
    }
    if (pending) yield pending
    pending = ''
  }
  yield `${pending}]`
}
