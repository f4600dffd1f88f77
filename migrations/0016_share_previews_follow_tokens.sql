-- A share-preview link lives no longer than the token that made it: revoking or deleting an
-- editor's token revokes every link that token made, however the token is revoked (the write
-- API, `npm run editor:token -- --revoke`, or raw SQL), because the rule is held here, by the
-- database, and not by each of those paths.
--
-- token_id names the token that made the link (editor_tokens.id; the worker sets it). It is not a
-- foreign key, so that deleting a token by hand is never refused: the trigger below revokes the
-- token's links instead.
ALTER TABLE share_previews ADD COLUMN token_id INTEGER;

-- Links made before this migration carry only their maker's name: a name held by exactly one
-- token names that token.
UPDATE share_previews
   SET token_id = (SELECT t.id FROM editor_tokens t WHERE t.name = share_previews.created_by)
 WHERE token_id IS NULL
   AND (SELECT count(*) FROM editor_tokens t WHERE t.name = share_previews.created_by) = 1;

-- And a link whose maker has no token left that works is revoked now.
UPDATE share_previews
   SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
 WHERE revoked_at IS NULL
   AND NOT EXISTS (
     SELECT 1 FROM editor_tokens t
      WHERE t.revoked_at IS NULL
        AND (t.id = share_previews.token_id
             OR (share_previews.token_id IS NULL AND t.name = share_previews.created_by))
   );

CREATE INDEX IF NOT EXISTS share_previews_token ON share_previews (token_id);

CREATE TRIGGER IF NOT EXISTS share_previews_revoked_with_token
AFTER UPDATE OF revoked_at ON editor_tokens
WHEN NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL
BEGIN
  UPDATE share_previews SET revoked_at = NEW.revoked_at
   WHERE token_id = NEW.id AND revoked_at IS NULL;
END;

CREATE TRIGGER IF NOT EXISTS share_previews_revoked_with_deleted_token
AFTER DELETE ON editor_tokens
BEGIN
  UPDATE share_previews SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
   WHERE token_id = OLD.id AND revoked_at IS NULL;
END;
