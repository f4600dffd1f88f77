// SQL fragments and helpers shared by the db module's files. Constants only: no value is ever
// pasted in. What the public may see is decided in visibility.ts, nowhere else.

/** A bound JSON array of strings as a subquery (`?` takes JSON.stringify(list)). */
export const JSON_LIST = `SELECT value FROM json_each(?)`

export type Db = D1Database | D1DatabaseSession

/** The rows of one result of a batch, typed by the caller who wrote the query. */
export function rowsOf<T>(result: D1Result | undefined): T[] {
  return (result?.results ?? []) as T[]
}
