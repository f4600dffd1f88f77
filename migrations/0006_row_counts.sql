-- Row counts of the story tables, kept by the triggers of the next migration (npm run db:triggers).
-- INSERT OR REPLACE and UPDATE OR REPLACE remove a conflicting row without firing its delete
-- trigger (SQLite fires none unless recursive_triggers is on), so the row would leave the audit
-- trail unrecorded. The triggers add one here on every insert and take one away on every delete;
-- a write after which a table holds fewer rows than counted has replaced one and is refused.
-- The triggers' migration counts each table's rows once, when it first writes its triggers.
-- Every statement is idempotent.

CREATE TABLE IF NOT EXISTS row_counts (
  table_name TEXT PRIMARY KEY,
  n INTEGER NOT NULL CHECK (n >= 0)
) WITHOUT ROWID;
