// Every kind of error the API gives, by its stable slug. The type URI of each is
// /api/v1/problems/<slug>, and that address serves this description.
export interface ProblemType {
  status: 400 | 404 | 405 | 429 | 500 | 503
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
  'not-found': {
    status: 404,
    title: 'Not Found',
    description: 'There is nothing public at this address.',
    fix: 'Check the path against /api/v1/openapi.json; event ids are listed at /api/v1/events.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method Not Allowed',
    description: 'The public API is read-only.',
    fix: 'Use GET (or HEAD, or OPTIONS for CORS preflight).',
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
  'no-story': {
    status: 503,
    title: 'Story Not Loaded',
    description: 'The database has no story yet.',
    fix: 'Apply the database migrations, then try again.',
  },
} as const satisfies Record<string, ProblemType>

export type ProblemSlug = keyof typeof PROBLEM_TYPES
