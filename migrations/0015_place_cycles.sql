-- A place cannot lie in itself, nor in a place that lies in it: with such a loop in parent_id no
-- map or list could say where either place is, and every walk up the hierarchy would never end.
-- The write API refuses it with the path of the loop (worker/admin/checks.ts); these triggers
-- refuse the same for raw SQL. SQLite does not allow a WITH clause inside a trigger, so the walk
-- up the hierarchy is a view (place_ancestors: every place with each place it lies in, at most
-- 64 levels up), which a trigger may read.

CREATE VIEW IF NOT EXISTS place_ancestors AS
WITH RECURSIVE up(id, ancestor, depth) AS (
  SELECT id, parent_id, 1 FROM places WHERE parent_id IS NOT NULL
  UNION ALL
  SELECT up.id, p.parent_id, up.depth + 1
    FROM up JOIN places p ON p.id = up.ancestor
   WHERE p.parent_id IS NOT NULL AND up.depth < 64 AND p.parent_id <> up.id
)
SELECT id, ancestor, depth FROM up;

-- On insert too: with foreign keys deferred (PRAGMA defer_foreign_keys, as a bulk load may set),
-- a place can name a parent that is inserted after it, naming the first as its own parent.
CREATE TRIGGER IF NOT EXISTS places_no_cycle_insert
BEFORE INSERT ON places
WHEN NEW.parent_id IS NOT NULL AND (
  NEW.parent_id = NEW.id
  OR EXISTS (SELECT 1 FROM place_ancestors WHERE id = NEW.parent_id AND ancestor = NEW.id)
)
BEGIN
  SELECT RAISE(ABORT, '[refused] A place cannot lie in itself, nor in a place that lies in it: set parent_id to a place that contains it, or to NULL.');
END;

CREATE TRIGGER IF NOT EXISTS places_no_cycle_update
BEFORE UPDATE OF parent_id ON places
WHEN NEW.parent_id IS NOT NULL AND (
  NEW.parent_id = NEW.id
  OR EXISTS (SELECT 1 FROM place_ancestors WHERE id = NEW.parent_id AND ancestor = NEW.id)
)
BEGIN
  SELECT RAISE(ABORT, '[refused] A place cannot lie in a place that lies in it: the two would contain each other. Choose a parent_id that does not lie in this place.');
END;
