-- Indexes for the partner API's filters that the schema does not already cover.
-- Idempotent: running this file twice changes nothing.

-- The place filter matches a place and every place inside it, walking parent_id downwards.
CREATE INDEX IF NOT EXISTS places_parent ON places (parent_id);
