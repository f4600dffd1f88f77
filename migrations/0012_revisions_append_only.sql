-- The audit trail is append-only. The change feed (`updated_since`) and its tombstones are read
-- from `revisions`, so a revision edited or deleted with raw SQL would silently lose partners a
-- change (for example the tombstone of an event deleted with SQL). Rows are only ever added, by
-- the audit triggers; UPDATE and DELETE of a revision are refused with a message that says so.
CREATE TRIGGER IF NOT EXISTS revisions_no_update
BEFORE UPDATE ON revisions
BEGIN
  SELECT RAISE(ABORT, '[refused] revisions are the audit trail and are never changed: partners sync from them. Record a correction as a new change to the row itself.');
END;

CREATE TRIGGER IF NOT EXISTS revisions_no_delete
BEFORE DELETE ON revisions
BEGIN
  SELECT RAISE(ABORT, '[refused] revisions are the audit trail and are never deleted: partners sync from them, and a deleted revision could lose them a tombstone.');
END;
