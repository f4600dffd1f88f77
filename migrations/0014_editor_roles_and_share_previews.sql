-- Editor roles and share-preview links.
--
-- Roles: every editor token carries a role (worker/admin/roles.ts says what each may do):
--   writer     creates and edits rows, events as drafts;
--   publisher  also publishes, unpublishes, deletes, restores and manages tokens.
-- Tokens made before this migration could already do everything, so they become publishers and
-- keep working as they did. The column's default is 'publisher' for the same reason (a token
-- inserted by raw SQL without a role behaves as every token did before); `npm run editor:token`
-- always writes the role it was given, and defaults to writer, the role that cannot publish.
ALTER TABLE editor_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'publisher'
  CHECK (role IN ('writer', 'publisher'));

-- Share-preview links: a signed, read-only link to the story page with its drafts, for someone
-- without a token. The link carries the row's id and its expiry, signed with HMAC-SHA-256
-- (worker/admin/share-preview.ts); the row is what lets a link be revoked before it expires.
-- Nothing here is a story table: no revision is recorded and data_version does not move.
CREATE TABLE IF NOT EXISTS share_previews (
  id TEXT PRIMARY KEY CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
  -- The event the page opens at, or NULL for the start of the story.
  event_id TEXT CHECK (event_id IS NULL OR length(event_id) BETWEEN 1 AND 80),
  created_by TEXT NOT NULL CHECK (length(created_by) BETWEEN 1 AND 80),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS share_previews_expires ON share_previews (expires_at);
