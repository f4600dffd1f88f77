-- Editors: the audit trail, editor tokens and idempotency keys.
-- Every change to every story table, through the API or raw SQL (`wrangler d1 execute`), is recorded
-- in `revisions` by the triggers below, and moves `story.data_version` (and `story.updated_at`, when
-- the data last changed) on, so caches follow at once.
-- Who made a change: the API sets `write_context.actor` in the same batch as its write; anything
-- else is recorded as 'sql'. A raw UPDATE that leaves `version` alone gets its version and
-- updated_at moved on by the trigger, so optimistic concurrency sees every change.
-- Every statement is idempotent.

CREATE TABLE IF NOT EXISTS revisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  event_id TEXT,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  actor TEXT NOT NULL,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
);
CREATE INDEX IF NOT EXISTS revisions_row ON revisions (table_name, row_id, id);
CREATE INDEX IF NOT EXISTS revisions_event ON revisions (event_id, id);
CREATE INDEX IF NOT EXISTS revisions_at ON revisions (at);

-- Who is writing: set and cleared by the API inside the same batch as its change.
-- It also guards optimistic concurrency: a write batch starts by setting `guard` to whether the
-- row still has the version the editor read (If-Match). A stale version makes the CHECK fail, and
-- D1 rolls the whole batch back, so nothing of a stale write lands.
CREATE TABLE IF NOT EXISTS write_context (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  actor TEXT,
  guard INTEGER CONSTRAINT stale_version CHECK (guard IS NULL OR guard = 1)
);
INSERT INTO write_context (id, actor, guard) VALUES (1, NULL, NULL) ON CONFLICT DO NOTHING;

-- Editor tokens: only the SHA-256 hash of a token is stored.
CREATE TABLE IF NOT EXISTS editor_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_used_at TEXT,
  revoked_at TEXT
);

-- Idempotency keys for POST: a retry gets the first response back.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  editor TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  resource TEXT NOT NULL,
  response TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (editor, key)
);

-- categories
CREATE TRIGGER IF NOT EXISTS categories_audit_insert AFTER INSERT ON categories
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('categories', NEW.id, NULL, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', NEW.id, 'label', NEW.label, 'description', NEW.description, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'deleted_at', NEW.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS categories_audit_update AFTER UPDATE ON categories
BEGIN
  UPDATE categories SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE id = NEW.id AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'categories', r.id, NULL, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'label', OLD.label, 'description', OLD.description, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at), json_object('id', r.id, 'label', r.label, 'description', r.description, 'position', r.position, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version, 'deleted_at', r.deleted_at)
  FROM categories r WHERE r.id = NEW.id;
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS categories_audit_delete AFTER DELETE ON categories
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('categories', OLD.id, NULL, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'label', OLD.label, 'description', OLD.description, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- chapters
CREATE TRIGGER IF NOT EXISTS chapters_audit_insert AFTER INSERT ON chapters
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('chapters', NEW.id, NULL, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', NEW.id, 'position', NEW.position, 'title', NEW.title, 'dek', NEW.dek, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'deleted_at', NEW.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS chapters_audit_update AFTER UPDATE ON chapters
BEGIN
  UPDATE chapters SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE id = NEW.id AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'chapters', r.id, NULL, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'position', OLD.position, 'title', OLD.title, 'dek', OLD.dek, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at), json_object('id', r.id, 'position', r.position, 'title', r.title, 'dek', r.dek, 'start_date', r.start_date, 'end_date', r.end_date, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version, 'deleted_at', r.deleted_at)
  FROM chapters r WHERE r.id = NEW.id;
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS chapters_audit_delete AFTER DELETE ON chapters
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('chapters', OLD.id, NULL, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'position', OLD.position, 'title', OLD.title, 'dek', OLD.dek, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- events
CREATE TRIGGER IF NOT EXISTS events_audit_insert AFTER INSERT ON events
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('events', NEW.id, NEW.id, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', NEW.id, 'date', NEW.date, 'date_precision', NEW.date_precision, 'headline', NEW.headline, 'summary', NEW.summary, 'body', NEW.body, 'category', NEW.category, 'chapter', NEW.chapter, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'deleted_at', NEW.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS events_audit_update AFTER UPDATE ON events
BEGIN
  UPDATE events SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE id = NEW.id AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'events', r.id, r.id, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'date', OLD.date, 'date_precision', OLD.date_precision, 'headline', OLD.headline, 'summary', OLD.summary, 'body', OLD.body, 'category', OLD.category, 'chapter', OLD.chapter, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at), json_object('id', r.id, 'date', r.date, 'date_precision', r.date_precision, 'headline', r.headline, 'summary', r.summary, 'body', r.body, 'category', r.category, 'chapter', r.chapter, 'status', r.status, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version, 'deleted_at', r.deleted_at)
  FROM events r WHERE r.id = NEW.id;
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS events_audit_delete AFTER DELETE ON events
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('events', OLD.id, OLD.id, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'date', OLD.date, 'date_precision', OLD.date_precision, 'headline', OLD.headline, 'summary', OLD.summary, 'body', OLD.body, 'category', OLD.category, 'chapter', OLD.chapter, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- outlets
CREATE TRIGGER IF NOT EXISTS outlets_audit_insert AFTER INSERT ON outlets
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('outlets', NEW.id, NULL, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'country', NEW.country, 'url', NEW.url, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'deleted_at', NEW.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS outlets_audit_update AFTER UPDATE ON outlets
BEGIN
  UPDATE outlets SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE id = NEW.id AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'outlets', r.id, NULL, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'country', OLD.country, 'url', OLD.url, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at), json_object('id', r.id, 'name', r.name, 'kind', r.kind, 'country', r.country, 'url', r.url, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version, 'deleted_at', r.deleted_at)
  FROM outlets r WHERE r.id = NEW.id;
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS outlets_audit_delete AFTER DELETE ON outlets
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('outlets', OLD.id, NULL, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'country', OLD.country, 'url', OLD.url, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- places
CREATE TRIGGER IF NOT EXISTS places_audit_insert AFTER INSERT ON places
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('places', NEW.id, NULL, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'parent_id', NEW.parent_id, 'iso_code', NEW.iso_code, 'latitude', NEW.latitude, 'longitude', NEW.longitude, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'deleted_at', NEW.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS places_audit_update AFTER UPDATE ON places
BEGIN
  UPDATE places SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE id = NEW.id AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'places', r.id, NULL, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'parent_id', OLD.parent_id, 'iso_code', OLD.iso_code, 'latitude', OLD.latitude, 'longitude', OLD.longitude, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at), json_object('id', r.id, 'name', r.name, 'kind', r.kind, 'parent_id', r.parent_id, 'iso_code', r.iso_code, 'latitude', r.latitude, 'longitude', r.longitude, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version, 'deleted_at', r.deleted_at)
  FROM places r WHERE r.id = NEW.id;
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS places_audit_delete AFTER DELETE ON places
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('places', OLD.id, NULL, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'parent_id', OLD.parent_id, 'iso_code', OLD.iso_code, 'latitude', OLD.latitude, 'longitude', OLD.longitude, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- actors
CREATE TRIGGER IF NOT EXISTS actors_audit_insert AFTER INSERT ON actors
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('actors', NEW.id, NULL, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'description', NEW.description, 'country', NEW.country, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'deleted_at', NEW.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS actors_audit_update AFTER UPDATE ON actors
BEGIN
  UPDATE actors SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE id = NEW.id AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'actors', r.id, NULL, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'description', OLD.description, 'country', OLD.country, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at), json_object('id', r.id, 'name', r.name, 'kind', r.kind, 'description', r.description, 'country', r.country, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version, 'deleted_at', r.deleted_at)
  FROM actors r WHERE r.id = NEW.id;
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS actors_audit_delete AFTER DELETE ON actors
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('actors', OLD.id, NULL, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'description', OLD.description, 'country', OLD.country, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- figures
CREATE TRIGGER IF NOT EXISTS figures_audit_insert AFTER INSERT ON figures
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('figures', NEW.id, NEW.event_id, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', NEW.id, 'event_id', NEW.event_id, 'position', NEW.position, 'value', NEW.value, 'value_max', NEW.value_max, 'qualifier', NEW.qualifier, 'unit', NEW.unit, 'measure', NEW.measure, 'subject', NEW.subject, 'nationality', NEW.nationality, 'place_id', NEW.place_id, 'period', NEW.period, 'period_start', NEW.period_start, 'period_end', NEW.period_end, 'display', NEW.display, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'deleted_at', NEW.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS figures_audit_update AFTER UPDATE ON figures
BEGIN
  UPDATE figures SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE id = NEW.id AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'figures', r.id, r.event_id, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'event_id', OLD.event_id, 'position', OLD.position, 'value', OLD.value, 'value_max', OLD.value_max, 'qualifier', OLD.qualifier, 'unit', OLD.unit, 'measure', OLD.measure, 'subject', OLD.subject, 'nationality', OLD.nationality, 'place_id', OLD.place_id, 'period', OLD.period, 'period_start', OLD.period_start, 'period_end', OLD.period_end, 'display', OLD.display, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at), json_object('id', r.id, 'event_id', r.event_id, 'position', r.position, 'value', r.value, 'value_max', r.value_max, 'qualifier', r.qualifier, 'unit', r.unit, 'measure', r.measure, 'subject', r.subject, 'nationality', r.nationality, 'place_id', r.place_id, 'period', r.period, 'period_start', r.period_start, 'period_end', r.period_end, 'display', r.display, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version, 'deleted_at', r.deleted_at)
  FROM figures r WHERE r.id = NEW.id;
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS figures_audit_delete AFTER DELETE ON figures
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('figures', OLD.id, OLD.event_id, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'event_id', OLD.event_id, 'position', OLD.position, 'value', OLD.value, 'value_max', OLD.value_max, 'qualifier', OLD.qualifier, 'unit', OLD.unit, 'measure', OLD.measure, 'subject', OLD.subject, 'nationality', OLD.nationality, 'place_id', OLD.place_id, 'period', OLD.period, 'period_start', OLD.period_start, 'period_end', OLD.period_end, 'display', OLD.display, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- quotes
CREATE TRIGGER IF NOT EXISTS quotes_audit_insert AFTER INSERT ON quotes
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('quotes', NEW.id, NEW.event_id, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', NEW.id, 'event_id', NEW.event_id, 'position', NEW.position, 'speaker_id', NEW.speaker_id, 'text', NEW.text, 'outlet_id', NEW.outlet_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'deleted_at', NEW.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS quotes_audit_update AFTER UPDATE ON quotes
BEGIN
  UPDATE quotes SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE id = NEW.id AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'quotes', r.id, r.event_id, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'event_id', OLD.event_id, 'position', OLD.position, 'speaker_id', OLD.speaker_id, 'text', OLD.text, 'outlet_id', OLD.outlet_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at), json_object('id', r.id, 'event_id', r.event_id, 'position', r.position, 'speaker_id', r.speaker_id, 'text', r.text, 'outlet_id', r.outlet_id, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version, 'deleted_at', r.deleted_at)
  FROM quotes r WHERE r.id = NEW.id;
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS quotes_audit_delete AFTER DELETE ON quotes
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('quotes', OLD.id, OLD.event_id, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'event_id', OLD.event_id, 'position', OLD.position, 'speaker_id', OLD.speaker_id, 'text', OLD.text, 'outlet_id', OLD.outlet_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- notes
CREATE TRIGGER IF NOT EXISTS notes_audit_insert AFTER INSERT ON notes
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('notes', NEW.id, NEW.event_id, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', NEW.id, 'event_id', NEW.event_id, 'position', NEW.position, 'kind', NEW.kind, 'field', NEW.field, 'text', NEW.text, 'source_said', NEW.source_said, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'version', NEW.version, 'deleted_at', NEW.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS notes_audit_update AFTER UPDATE ON notes
BEGIN
  UPDATE notes SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE id = NEW.id AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'notes', r.id, r.event_id, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'event_id', OLD.event_id, 'position', OLD.position, 'kind', OLD.kind, 'field', OLD.field, 'text', OLD.text, 'source_said', OLD.source_said, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at), json_object('id', r.id, 'event_id', r.event_id, 'position', r.position, 'kind', r.kind, 'field', r.field, 'text', r.text, 'source_said', r.source_said, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version, 'deleted_at', r.deleted_at)
  FROM notes r WHERE r.id = NEW.id;
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS notes_audit_delete AFTER DELETE ON notes
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('notes', OLD.id, OLD.event_id, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'event_id', OLD.event_id, 'position', OLD.position, 'kind', OLD.kind, 'field', OLD.field, 'text', OLD.text, 'source_said', OLD.source_said, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version, 'deleted_at', OLD.deleted_at));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- event_outlets
CREATE TRIGGER IF NOT EXISTS event_outlets_audit_insert AFTER INSERT ON event_outlets
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('event_outlets', NEW.event_id || '/' || NEW.outlet_id, NEW.event_id, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('event_id', NEW.event_id, 'outlet_id', NEW.outlet_id, 'role', NEW.role, 'position', NEW.position));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS event_outlets_audit_update AFTER UPDATE ON event_outlets
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  VALUES ('event_outlets', NEW.event_id || '/' || NEW.outlet_id, NEW.event_id, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('event_id', OLD.event_id, 'outlet_id', OLD.outlet_id, 'role', OLD.role, 'position', OLD.position), json_object('event_id', NEW.event_id, 'outlet_id', NEW.outlet_id, 'role', NEW.role, 'position', NEW.position));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS event_outlets_audit_delete AFTER DELETE ON event_outlets
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('event_outlets', OLD.event_id || '/' || OLD.outlet_id, OLD.event_id, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('event_id', OLD.event_id, 'outlet_id', OLD.outlet_id, 'role', OLD.role, 'position', OLD.position));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- event_places
CREATE TRIGGER IF NOT EXISTS event_places_audit_insert AFTER INSERT ON event_places
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('event_places', NEW.event_id || '/' || NEW.place_id, NEW.event_id, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('event_id', NEW.event_id, 'place_id', NEW.place_id, 'position', NEW.position));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS event_places_audit_update AFTER UPDATE ON event_places
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  VALUES ('event_places', NEW.event_id || '/' || NEW.place_id, NEW.event_id, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('event_id', OLD.event_id, 'place_id', OLD.place_id, 'position', OLD.position), json_object('event_id', NEW.event_id, 'place_id', NEW.place_id, 'position', NEW.position));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS event_places_audit_delete AFTER DELETE ON event_places
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('event_places', OLD.event_id || '/' || OLD.place_id, OLD.event_id, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('event_id', OLD.event_id, 'place_id', OLD.place_id, 'position', OLD.position));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- event_actors
CREATE TRIGGER IF NOT EXISTS event_actors_audit_insert AFTER INSERT ON event_actors
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('event_actors', NEW.event_id || '/' || NEW.actor_id || '/' || NEW.role, NEW.event_id, 'insert', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('event_id', NEW.event_id, 'actor_id', NEW.actor_id, 'role', NEW.role, 'position', NEW.position));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS event_actors_audit_update AFTER UPDATE ON event_actors
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  VALUES ('event_actors', NEW.event_id || '/' || NEW.actor_id || '/' || NEW.role, NEW.event_id, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('event_id', OLD.event_id, 'actor_id', OLD.actor_id, 'role', OLD.role, 'position', OLD.position), json_object('event_id', NEW.event_id, 'actor_id', NEW.actor_id, 'role', NEW.role, 'position', NEW.position));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS event_actors_audit_delete AFTER DELETE ON event_actors
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('event_actors', OLD.event_id || '/' || OLD.actor_id || '/' || OLD.role, OLD.event_id, 'delete', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('event_id', OLD.event_id, 'actor_id', OLD.actor_id, 'role', OLD.role, 'position', OLD.position));
  UPDATE story SET data_version = data_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;
END;

-- story (its data_version moves on every change and is not itself a revision)
CREATE TRIGGER IF NOT EXISTS story_audit_update AFTER UPDATE OF title, dek, credit, source_outlet, source_title, source_period, source_published, source_url, language ON story
BEGIN
  UPDATE story SET version = OLD.version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), data_version = data_version + 1
  WHERE id = NEW.id;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'story', r.id, NULL, 'update', COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql'), json_object('id', OLD.id, 'title', OLD.title, 'dek', OLD.dek, 'credit', OLD.credit, 'source_outlet', OLD.source_outlet, 'source_title', OLD.source_title, 'source_period', OLD.source_period, 'source_published', OLD.source_published, 'source_url', OLD.source_url, 'language', OLD.language, 'data_version', OLD.data_version, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'version', OLD.version), json_object('id', r.id, 'title', r.title, 'dek', r.dek, 'credit', r.credit, 'source_outlet', r.source_outlet, 'source_title', r.source_title, 'source_period', r.source_period, 'source_published', r.source_published, 'source_url', r.source_url, 'language', r.language, 'data_version', r.data_version, 'created_at', r.created_at, 'updated_at', r.updated_at, 'version', r.version)
  FROM story r WHERE r.id = NEW.id;
END;

