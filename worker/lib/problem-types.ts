// Every kind of error the worker gives, public API and write API alike, by its stable slug. The
// type URI of each is /api/v1/problems/<slug>, and that address serves this description; the
// problem() helper takes only these slugs, so no response can name a type without a page.
export interface ProblemType {
  /** The HTTP status every problem of this type is sent with. */
  status: 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500 | 503
  title: string
  /** What happened, for the person reading the problem page. */
  description: string
  /** What to do about it. */
  fix: string
}

export const PROBLEM_TYPES = {
  'invalid-parameter': {
    status: 400,
    title: 'Invalid Parameter',
    description: 'A query or path parameter has a value the API cannot use.',
    fix: 'Read `detail` and `invalid_params`: each names the parameter and the form it needs. The OpenAPI document at /api/v1/openapi.json lists every parameter.',
  },
  'unknown-parameter': {
    status: 400,
    title: 'Unknown Parameter',
    description:
      'The request has a query parameter this route does not take. It is refused rather than ignored, so a misspelt filter never returns unfiltered data.',
    fix: 'Remove the parameter or correct its spelling; `detail` lists the parameters the route takes.',
  },
  'invalid-cursor': {
    status: 400,
    title: 'Invalid Cursor',
    description: 'The cursor was not made by this API, was altered, or was cut short.',
    fix: 'Use the `links.next` URL of a previous page exactly as given, or start again without a cursor.',
  },
  'cursor-mismatch': {
    status: 400,
    title: 'Cursor Does Not Match the Filters',
    description:
      'A cursor carries the filters and sort of the listing it came from; this request asked for different ones.',
    fix: 'Follow `links.next` as given (it repeats the same filters), or drop the cursor to start a new listing with the new filters.',
  },
  'cursor-expired': {
    status: 400,
    title: 'Cursor Expired',
    description:
      'The cursor belongs to a listing that can no longer be continued as it was: it was made in an older form, before cursors carried the sync watermark, or the database can no longer give a state as new as its first page saw.',
    fix: 'Start the listing again without cursor. To sync, ask again with updated_since set to the meta.generated_at you kept from your last complete sync: nothing is missed, at worst a few events come twice.',
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    description:
      'The write API (/api/v1/admin) is for the story’s editors. The request carried no editor token, a token that is not valid or has been revoked, or (where the deployment is behind Cloudflare Access) no valid Access sign-in. Every path under /api/v1/admin answers this before anything else, so nothing about the write API is revealed without a token.',
    fix: 'Send "Authorization: Bearer <token>" with a token made by `npm run editor:token`; ask for a new one if yours was revoked. Behind Cloudflare Access, sign in through Access first.',
  },
  forbidden: {
    status: 403,
    title: 'Forbidden by Role',
    description:
      'The editor token is valid, but its role may not take this action. A writer creates and edits rows (new events start as drafts); publishing, unpublishing, deleting, restoring and managing tokens need a publisher. `action` names what was refused and `role_needed` the role it takes.',
    fix: 'Ask a publisher to take the action, or ask for a publisher token (`npm run editor:token -- --name <you> --role publisher`). GET /api/v1/admin/me lists what your token may do.',
  },
  'not-found': {
    status: 404,
    title: 'Not Found',
    description:
      'There is nothing at this address: no such route, no public event with this id, no row of this table with this id (in the write API), or no such problem type.',
    fix: 'Check the path against /api/v1/openapi.json; event ids are listed at /api/v1/events, and editors find every row (drafts and deleted ones too) at GET /api/v1/admin/<table>.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method Not Allowed',
    description:
      'The resource exists but does not take this method. The public API is read-only; each route of the write API takes the methods its OpenAPI entry lists.',
    fix: 'Use one of the methods in the Allow header: GET (or HEAD, or OPTIONS for CORS preflight) on the public API; on the write API, for example PATCH rather than PUT to change a row.',
  },
  conflict: {
    status: 409,
    title: 'Conflict',
    description: 'A row with this id already exists, so the new one cannot take it.',
    fix: 'Choose another id, or edit the existing row (GET /api/v1/admin/<table>/<id>).',
  },
  'in-use': {
    status: 409,
    title: 'Row In Use',
    description:
      'The row cannot be deleted: live rows still use it (events link to it or are in it, figures or quotes name it, places lie inside it). `used_by` lists each of them, with its table, id and title, and whether the delete can detach it.',
    fix: 'Detach the row first (change or delete what uses it), or send the delete again with ?detach=true to remove its links and clear the references that may be empty in the same write. An event’s chapter or category and a quote’s speaker cannot be cleared: move those to another row first.',
  },
  'stale-version': {
    status: 412,
    title: 'Precondition Failed',
    description:
      'The If-Match header does not name the row’s current version: someone changed the row after it was read (`current_version` says which version it is now), or the header is not one ETag as the API gave it.',
    fix: 'Read the row again (GET), redo the change on what it says now, and send its new ETag in If-Match, exactly as given, such as "3".',
  },
  'payload-too-large': {
    status: 413,
    title: 'Payload Too Large',
    description: 'The request body is larger than the write API takes (64 KB).',
    fix: 'Send a smaller body: change fewer fields at once, or shorten the text.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported Media Type',
    description:
      'The request body is not declared as JSON. Writes take application/json; a PATCH also takes application/merge-patch+json (RFC 7396).',
    fix: 'Send the body as JSON with "Content-Type: application/json" (or "application/merge-patch+json" for a PATCH).',
  },
  'invalid-body': {
    status: 422,
    title: 'Invalid Body',
    description:
      'The body is not one JSON object, or it breaks the table’s rules: a field is missing, unknown, of the wrong type or outside its allowed values, a reference names a row that does not exist, or fields disagree with each other. Nothing was changed.',
    fix: 'Read `errors`: each entry names a `field` and says what it needs. POST /api/v1/admin/validate runs the same checks without writing.',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency Key Reused',
    description:
      'The Idempotency-Key was already used by this editor for a different request. A key stands for one request: its retries get the first answer back.',
    fix: 'Use a new key (such as a fresh UUID) for a new request; resend the same body to get the first answer back.',
  },
  'if-match-required': {
    status: 428,
    title: 'Precondition Required',
    description:
      'A write to an existing row must say which version of the row it changes, so it never overwrites a change the editor has not seen.',
    fix: 'Read the row (GET), then send its ETag in If-Match with the write, such as If-Match: "3".',
  },
  'rate-limited': {
    status: 429,
    title: 'Too Many Requests',
    description:
      'This client sent more requests in the last minute than the API serves to one client.',
    fix: 'Wait the number of seconds in the Retry-After header, then try again. Send If-None-Match with the ETag you have: cached answers are cheap, and syncing with updated_since needs few requests.',
  },
  internal: {
    status: 500,
    title: 'Internal Server Error',
    description: 'Something went wrong on our side. Nothing was changed.',
    fix: 'Try again later; if it persists, tell the story’s editors what you asked for.',
  },
  'preview-unavailable': {
    status: 503,
    title: 'Share Previews Not Set Up',
    description:
      'Share-preview links are signed with the secret PREVIEW_SECRET, and this deployment has none (or one shorter than 32 characters).',
    fix: 'Set it once: `npx wrangler secret put PREVIEW_SECRET` with at least 32 random characters (`openssl rand -base64 48`). Local development (npm start) uses a documented default.',
  },
  'no-story': {
    status: 503,
    title: 'Story Not Loaded',
    description: 'The database has no story yet.',
    fix: 'Apply the database migrations, then try again.',
  },
} as const satisfies Record<string, ProblemType>

/** The slug of a registered problem type: the last segment of its type URI. */
export type ProblemSlug = keyof typeof PROBLEM_TYPES

/** Every registered slug, in the registry's order. */
export const PROBLEM_SLUGS = Object.keys(PROBLEM_TYPES) as ProblemSlug[]

/** Whether `slug` names a registered problem type. */
export function isProblemSlug(slug: string): slug is ProblemSlug {
  return Object.hasOwn(PROBLEM_TYPES, slug)
}
