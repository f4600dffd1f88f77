// The write API's field errors: what a 422 lists in `errors`, one entry per field. The problem
// types themselves (unauthorized, stale-version, invalid-body, ...) are registered with the public
// ones in lib/problem-types.ts and sent with lib/problem.ts.

/** One thing wrong with a body: the field (a dotted path, or "(body)") and what it needs. */
export interface FieldError {
  field: string
  message: string
}
