// The three-way merge of a form after a conflict (412): `base` is the row as the editor loaded it,
// `theirs` the row stored now (someone else saved after the editor loaded), `mine` the form. A
// field only one side changed takes that side's value by itself; a field both changed, to
// different values, is a conflict the editor resolves by picking one. Nothing the editor typed is
// dropped: the form keeps `mine` for every conflict until the editor picks "theirs".

/** Whether two field values are the same (lists and objects compared as JSON; null = missing). */
export const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** A field both sides changed, with both values. */
export interface FieldConflict<T> {
  field: keyof T & string
  mine: T[keyof T]
  theirs: T[keyof T]
}

/** What a three-way merge gives: the merged form, and the fields the editor must pick for. */
export interface Merged<T> {
  /** The form after the merge: their changes taken in, mine kept (for conflicts too). */
  merged: T
  /** Fields both sides changed to different values, in the form's order. */
  conflicts: FieldConflict<T>[]
  /** Fields whose stored value changed and was taken in by itself. */
  taken: (keyof T & string)[]
}

/** Merges `mine` and `theirs`, both made from `base` (see the file's header). */
export function threeWayMerge<T extends object>(base: T, theirs: T, mine: T): Merged<T> {
  const merged = { ...mine }
  const conflicts: FieldConflict<T>[] = []
  const taken: (keyof T & string)[] = []
  for (const field of Object.keys(mine) as (keyof T & string)[]) {
    const mineChanged = !sameValue(mine[field], base[field])
    const theirsChanged = !sameValue(theirs[field], base[field])
    if (theirsChanged && !mineChanged) {
      merged[field] = theirs[field]
      taken.push(field)
    } else if (theirsChanged && mineChanged && !sameValue(mine[field], theirs[field])) {
      conflicts.push({ field, mine: mine[field], theirs: theirs[field] })
    }
  }
  return { merged, conflicts, taken }
}
