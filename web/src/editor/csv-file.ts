// The text of a CSV file an editor chooses for the import: decoded from its bytes by the file's
// byte-order mark, and refused when it is not UTF-8, so a file saved as Windows-1252 or Latin-1
// never reaches the import with U+FFFD in place of its accented letters.

/**
 * A file's bytes as text: UTF-16 (little- or big-endian) when it starts with that byte-order
 * mark, otherwise UTF-8 (its own mark dropped, as the WHATWG Encoding standard's decode does), or
 * null when the bytes are not UTF-8 at all ("fatal" error mode).
 */
export function decodeCsv(bytes: Uint8Array): string | null {
  const [a, b] = bytes
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
