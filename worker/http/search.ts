// The public search (`q`): an index of every public event's folded text (lib/fold.ts), built from
// one read per data version and kept in the isolate until an editor's change moves the version on.
// Matching is in the worker (every folded word of `q` must appear in an event's folded text); the
// listing then reads the matching events by id, with the visibility rule applied again in SQL, so
// an index a change has overtaken can never show what is no longer public. Building and matching
// are linear in the story's text; one index is kept at a time.
import { readSearchText } from '../db/search'
import type { Db } from '../db/sql'
import { fold, searchWords } from '../lib/fold'

interface SearchIndex {
  dataVersion: number
  entries: { id: string; text: string }[]
}

// Plain data only: a request never awaits another request's read (workerd ties I/O to the request
// that started it), so two requests that find the index stale each build one.
let current: SearchIndex | null = null

/** The index for `dataVersion` or a newer one: the one kept, or one built from a fresh read. */
async function indexFor(db: Db, dataVersion: number): Promise<SearchIndex> {
  if (current && current.dataVersion >= dataVersion) return current
  const { dataVersion: version, rows } = await readSearchText(db)
  const index = {
    dataVersion: version,
    entries: rows.map((row) => ({ id: row.id, text: fold(row.text) })),
  }
  if (!current || index.dataVersion >= current.dataVersion) current = index
  return index
}

/** The ids of the public events whose text holds every word of `q`, folded alike. */
export async function searchEvents(db: Db, dataVersion: number, q: string): Promise<string[]> {
  const words = searchWords(q)
  const index = await indexFor(db, dataVersion)
  return index.entries
    .filter((entry) => words.every((word) => entry.text.includes(word)))
    .map((entry) => entry.id)
}
