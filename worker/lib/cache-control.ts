// The one Cache-Control rule for public answers (RFC 9111). A module of its own, with no runtime
// types, because the OpenAPI schemas state it and the editor page's code reads those schemas:
// - Whatever changes with the data, at a URL that does not name its version (the API, the exports,
//   the story page, a share card without its current ?v=), is sent with REVALIDATE. Browsers and
//   shared caches may keep it but must ask again before each use; the ETag makes the answer a 304
//   with no body. An editor's change so reaches them on their next request, within the second
//   the worker itself may take (http/freshness.ts), never after a cache's lifetime.
// - Only a URL that names the version of what it shows (a share card at its current ?v=) is
//   IMMUTABLE.
// - What this worker keeps in the edge cache (the Cache API, lib/edge-cache.ts) is stored under
//   a key that carries the data version and the deployment, so an entry never changes:
//   EDGE_STORED only bounds how long the edge keeps it. It is never sent to a client.

/** Sent with every public answer that changes with the data: keep, but revalidate before use. */
export const REVALIDATE = 'public, max-age=0, must-revalidate'

/** Sent for a URL that names the version of what it shows: the same bytes for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Stored with an edge-cache entry (its key names its version): kept at the edge for a day. */
export const EDGE_STORED = 'public, max-age=86400'
