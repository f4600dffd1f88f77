// JSON merge patches (RFC 7396) from the form: only the fields the editor changed are sent.

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** The fields of `edited` whose values differ from `loaded`. */
export function mergePatch<T extends object>(loaded: T, edited: T): Partial<T> {
  const patch: Partial<T> = {}
  for (const key of Object.keys(edited) as (keyof T)[]) {
    if (!same(loaded[key], edited[key])) patch[key] = edited[key]
  }
  return patch
}

export const isEmpty = (patch: object) => Object.keys(patch).length === 0

/** An optional text field: blank becomes null. */
export const optionalText = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value

/** A number input's value: blank or not a number becomes null. */
export function optionalNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : null
}

/** A fresh key for one POST; a retry of the same POST reuses it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
