// The text the public search looks through: one read of every public event's words and linked
// names (visibility.ts), with the data version it belongs to.
import { rowsOf, type Db } from './sql'
import { SEARCH_TEXT } from './visibility'

/** Every public event's searchable text, as stored, and the data version of that read. */
export interface SearchText {
  dataVersion: number
  rows: { id: string; text: string }[]
}

/** One batch (one transaction): the data version and every public event's searchable text. */
export async function readSearchText(db: Db): Promise<SearchText> {
  const [version, text] = await db.batch([
    db.prepare('SELECT data_version FROM story WHERE id = 1'),
    db.prepare(SEARCH_TEXT),
  ])
  return {
    dataVersion: rowsOf<{ data_version: number }>(version)[0]?.data_version ?? 0,
    rows: rowsOf<{ id: string; text: string }>(text),
  }
}
