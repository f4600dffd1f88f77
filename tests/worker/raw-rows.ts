// Rows written with raw SQL, as an editor at the D1 console would write them (no write API, no
// revision of its own: the audit triggers still record it). For the tests that check what the
// public surfaces make of such rows: drafts, hostile text, cells a spreadsheet would run.
import { env } from 'cloudflare:workers'

/** The columns of an event row a test chooses; the rest come from the story's rules. */
export interface RawEvent {
  id: string
  /** ISO date, `YYYY-MM-DD`; it picks the chapter whose dates hold it. */
  date: string
  headline: string
  summary: string
  /** Markdown; empty by default (the column's default). */
  body?: string
  status: 'draft' | 'published'
}

/**
 * An `INSERT INTO events` statement for `row`, not yet run: its category is the first event's,
 * its chapter the one whose start and end dates hold `row.date` (migrations' `chapters`), every
 * other column its default. Run it alone (`.run()`) or in `env.DB.batch([...])`.
 */
export function insertEvent(row: RawEvent): D1PreparedStatement {
  return env.DB.prepare(
    `INSERT INTO events (id, date, headline, summary, body, category, chapter, status)
     SELECT ?1, ?2, ?3, ?4, ?5, category,
       (SELECT id FROM chapters WHERE ?2 BETWEEN start_date AND end_date), ?6
     FROM events LIMIT 1`,
  ).bind(row.id, row.date, row.headline, row.summary, row.body ?? '', row.status)
}
