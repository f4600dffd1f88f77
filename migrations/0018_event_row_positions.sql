-- Each of an event's figures, quotes and notes holds a position of its own among the event's
-- live rows: the position is the order readers see them in, and two rows at one position have no
-- order. The write API gives a new row the next free position and refuses a clash in editors'
-- words (worker/admin/checks.ts); these indexes hold the same rule for raw SQL and for two writes
-- that race. A deleted row keeps its position but holds none (the indexes are partial), so
-- restoring it is refused while another row holds its place.
--
-- Rows written before this rule may share a position (a create without one took 0). Each event
-- whose live rows of a table share a position has them numbered 0, 1, 2, ... in the order they
-- were shown (position, then id), recorded as revisions by the audit triggers like any change.

CREATE TABLE renumbered_positions (tbl TEXT NOT NULL, id INTEGER NOT NULL, position INTEGER NOT NULL);

INSERT INTO renumbered_positions (tbl, id, position)
SELECT 'figures', r.id,
       (SELECT count(*) FROM figures o
         WHERE o.event_id = r.event_id AND o.deleted_at IS NULL
           AND (o.position < r.position OR (o.position = r.position AND o.id < r.id)))
  FROM figures r
 WHERE r.deleted_at IS NULL
   AND r.event_id IN (SELECT event_id FROM figures WHERE deleted_at IS NULL
                       GROUP BY event_id, position HAVING count(*) > 1);
INSERT INTO renumbered_positions (tbl, id, position)
SELECT 'quotes', r.id,
       (SELECT count(*) FROM quotes o
         WHERE o.event_id = r.event_id AND o.deleted_at IS NULL
           AND (o.position < r.position OR (o.position = r.position AND o.id < r.id)))
  FROM quotes r
 WHERE r.deleted_at IS NULL
   AND r.event_id IN (SELECT event_id FROM quotes WHERE deleted_at IS NULL
                       GROUP BY event_id, position HAVING count(*) > 1);
INSERT INTO renumbered_positions (tbl, id, position)
SELECT 'notes', r.id,
       (SELECT count(*) FROM notes o
         WHERE o.event_id = r.event_id AND o.deleted_at IS NULL
           AND (o.position < r.position OR (o.position = r.position AND o.id < r.id)))
  FROM notes r
 WHERE r.deleted_at IS NULL
   AND r.event_id IN (SELECT event_id FROM notes WHERE deleted_at IS NULL
                       GROUP BY event_id, position HAVING count(*) > 1);

UPDATE figures SET position = (SELECT n.position FROM renumbered_positions n
                                 WHERE n.tbl = 'figures' AND n.id = figures.id)
 WHERE id IN (SELECT id FROM renumbered_positions WHERE tbl = 'figures');
UPDATE quotes SET position = (SELECT n.position FROM renumbered_positions n
                                WHERE n.tbl = 'quotes' AND n.id = quotes.id)
 WHERE id IN (SELECT id FROM renumbered_positions WHERE tbl = 'quotes');
UPDATE notes SET position = (SELECT n.position FROM renumbered_positions n
                               WHERE n.tbl = 'notes' AND n.id = notes.id)
 WHERE id IN (SELECT id FROM renumbered_positions WHERE tbl = 'notes');

DROP TABLE renumbered_positions;

CREATE UNIQUE INDEX IF NOT EXISTS figures_event_position ON figures (event_id, position)
  WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS quotes_event_position ON quotes (event_id, position)
  WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS notes_event_position ON notes (event_id, position)
  WHERE deleted_at IS NULL;
