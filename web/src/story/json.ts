// JSON that is safe inside an HTML <script> element: nothing in it can close the element or
// start a comment, and the line separators that older parsers reject are escaped too.

/** The escape of each character that may not appear as itself inside the element. */
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/** Every character ESCAPES replaces, matched in one pass over the text. */
const UNSAFE = /[<>&\u2028\u2029]/g

/**
 * `value` as JSON text for a `<script type="application/json">` element: `JSON.stringify` with
 * `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` escapes (still the same JSON value, per
 * RFC 8259 section 7), so the HTML parser (WHATWG HTML, "script data" state) can never see `</script`
 * or `<!--` in it. One pass over the text: linear in its length.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (ch) => ESCAPES[ch]!)
}
