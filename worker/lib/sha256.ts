// The one SHA-256 helper: WebCrypto, so the worker (workerd) and the command-line tools (Node)
// hash the same way. Used for editor tokens, cache keys, cursor checksums and request hashes.

/** The SHA-256 digest of `text` (UTF-8) as 64 lowercase hexadecimal digits (FIPS 180-4). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
