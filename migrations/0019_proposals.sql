-- Proposals: a writer's change to what readers see at once, kept for a publisher to apply or
-- decline. A writer's token creates and edits drafts freely; a change to a published event (its
-- own fields, links, figures, quotes or notes), to a place, actor or outlet a published event
-- uses, or to a chapter or category is stored here instead of written (worker/admin/proposals.ts
-- says which). Applying one writes it as the publisher's write, recorded in `revisions` like any
-- other with both names; until then nothing public moves. Not a story table: no revision, and
-- data_version does not move.
CREATE TABLE IF NOT EXISTS proposals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL CHECK (table_name IN (
    'categories', 'events', 'figures', 'notes', 'quotes', 'places', 'actors', 'outlets', 'chapters'
  )),
  -- The row the change is for; NULL for a proposed new row.
  row_id TEXT CHECK (row_id IS NULL OR length(row_id) BETWEEN 1 AND 80),
  -- The event the row belongs to (its own id for an event), for the event's page.
  event_id TEXT CHECK (event_id IS NULL OR length(event_id) BETWEEN 1 AND 80),
  -- The row's version the writer read (If-Match); applying needs the row still at it.
  base_version INTEGER CHECK (base_version IS NULL OR base_version >= 1),
  -- The request's body as the write API checked it: a JSON merge patch, or a new row's fields.
  body TEXT NOT NULL CHECK (json_valid(body) AND length(body) <= 65536),
  proposed_by TEXT NOT NULL CHECK (length(proposed_by) BETWEEN 1 AND 80),
  token_id INTEGER,
  proposed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'applied', 'declined', 'withdrawn')),
  decided_by TEXT CHECK (decided_by IS NULL OR length(decided_by) BETWEEN 1 AND 80),
  decided_at TEXT,
  -- Why it was declined, in the publisher's words (optional).
  reason TEXT CHECK (reason IS NULL OR length(reason) <= 400),
  CHECK ((status = 'open') = (decided_at IS NULL))
);
CREATE INDEX IF NOT EXISTS proposals_open ON proposals (status, event_id, id);
CREATE INDEX IF NOT EXISTS proposals_row ON proposals (table_name, row_id, status);
