// A failed request as the editor page sees it: the API's problem (ApiError), field errors (the
// API's 422 `errors`, or /validate's) grouped by field, ids to link them to their inputs, and a
// plain sentence for every other problem.
import { tick } from 'svelte'
import type { FieldError, Problem } from './types'

/** A request the write API refused (its problem), or one that never reached it (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  /** Set by the client when its `onUnauthorized` has already dealt with this refusal (a 401). */
  handled = false

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `The server answered HTTP ${status}.`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  /** Field-level errors of a 422. */
  get errors(): FieldError[] {
    return this.problem.errors ?? []
  }
}

/** Whether the client has already dealt with a failure (a refused token, see api.ts). */
export const handled = (error: unknown) => error instanceof ApiError && error.handled

/** What the editor is told when the API refuses the token: it is signed out with this. */
export const TOKEN_REFUSED =
  'Your token was not accepted (it may have been revoked). Sign in again.'

/** Error messages by field name ("_" for the form as a whole). */
export type ErrorMap = Record<string, string[]>

export function byField(errors: FieldError[]): ErrorMap {
  const map: ErrorMap = {}
  for (const { field, message } of errors) (map[field || '_'] ??= []).push(message)
  return map
}

/** Whether an error key belongs to a field: `places` owns `places` and `places.2`. */
const owns = (field: string, key: string) =>
  key === field || key.startsWith(`${field}.`) || key.startsWith(`${field}[`)

/** The messages for one field. */
export function errorsFor(map: ErrorMap, field: string): string[] {
  return Object.entries(map)
    .filter(([key]) => owns(field, key))
    .flatMap(([, messages]) => messages)
}

/**
 * Errors not attached to one of `fields`: shown at the top of the form, each led by its field's
 * label (from `labels`, the registry in worker/data/labels.ts) unless it already starts with it.
 */
export function otherErrors(
  map: ErrorMap,
  fields: readonly string[],
  labels: Readonly<Record<string, string>> = {},
): string[] {
  return Object.entries(map)
    .filter(([key]) => !fields.some((field) => owns(field, key)))
    .flatMap(([key, messages]) =>
      messages.map((m) => {
        if (key === '_' || key === '(body)') return m
        const label = labels[key.split('.')[0]!] ?? labels[key]
        if (label === undefined) return `${key}: ${m}`
        return m.startsWith(label) ? m : `${label}: ${m}`
      }),
    )
}

export function mergeErrors(...maps: ErrorMap[]): ErrorMap {
  const merged: ErrorMap = {}
  for (const map of maps)
    for (const [key, messages] of Object.entries(map)) (merged[key] ??= []).push(...messages)
  return merged
}

export const errorId = (inputId: string) => `${inputId}-error`

/** One sentence about a failed request for the editor. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 401:
        return TOKEN_REFUSED
      case 412:
        return 'Someone else changed this since you opened it. Reload to see their version, then make your change again.'
      case 422:
        return 'Some fields need fixing: see the messages next to them.'
      default:
        return error.message
    }
  }
  return error instanceof Error ? error.message : String(error)
}

/**
 * What a failed write means for a form: a refused token has already signed the editor out (the
 * client did, see api.ts) and a stale version raises the conflict banner (both return null);
 * anything else gives the form its message and field errors.
 */
export function formFailure(
  error: unknown,
  handlers: { onconflict: (message: string) => void },
): { message: string; errors: ErrorMap } | null {
  const message = describeFailure(error)
  if (handled(error)) return null
  if (error instanceof ApiError && error.status === 412) {
    handlers.onconflict(message)
    return null
  }
  return { message, errors: error instanceof ApiError ? byField(error.errors) : {} }
}

/**
 * Moves keyboard focus, once the page shows the errors (Svelte's next tick), to the first field in
 * `scope` marked invalid (`aria-invalid="true"`, in the order the form shows them), or else to the
 * form's error message (`.message--error`): an editor whose save was refused is taken to what needs
 * fixing (WCAG 2.2, 3.3.1 Error Identification). Every editor form calls this one.
 */
export async function focusFirstInvalid(scope: ParentNode | null | undefined): Promise<void> {
  await tick()
  const field = scope?.querySelector<HTMLElement>('[aria-invalid="true"]')
  if (field) field.focus()
  else scope?.querySelector<HTMLElement>('.message--error')?.focus()
}
