-- Year in Review: the schema for the whole story.
-- Timestamps are ISO 8601 UTC with milliseconds (strftime('%Y-%m-%dT%H:%M:%fZ')).
-- Dates are real calendar dates: a value must survive a round trip through date().
-- Every statement is idempotent, so running this file twice changes nothing.

PRAGMA defer_foreign_keys = on;

-- The story itself: one row.
CREATE TABLE IF NOT EXISTS story (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  dek TEXT NOT NULL CHECK (length(dek) BETWEEN 1 AND 600),
  credit TEXT NOT NULL CHECK (length(credit) BETWEEN 1 AND 400),
  source_outlet TEXT NOT NULL,
  source_title TEXT NOT NULL,
  source_period TEXT NOT NULL,
  source_published TEXT CHECK (source_published IS NULL OR source_published IS date(source_published)),
  source_url TEXT CHECK (source_url IS NULL OR source_url LIKE 'https://%'),
  language TEXT NOT NULL DEFAULT 'en',
  data_version INTEGER NOT NULL DEFAULT 1 CHECK (data_version >= 1),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);

-- Categories: what kind of thing happened.
CREATE TABLE IF NOT EXISTS categories (
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9-]*' AND length(id) <= 60),
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL UNIQUE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT
);

-- Chapters: the story's eras.
CREATE TABLE IF NOT EXISTS chapters (
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9-]*' AND length(id) <= 60),
  position INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  dek TEXT NOT NULL CHECK (length(dek) BETWEEN 1 AND 600),
  start_date TEXT NOT NULL CHECK (start_date IS date(start_date)),
  end_date TEXT NOT NULL CHECK (end_date IS date(end_date)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  CHECK (end_date >= start_date)
);

-- Events: one dated entry of the timeline. The id is a slug that never changes once published.
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND length(id) BETWEEN 3 AND 80),
  date TEXT NOT NULL CHECK (date IS date(date)),
  date_precision TEXT NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
  headline TEXT NOT NULL CHECK (length(headline) BETWEEN 1 AND 200),
  summary TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 1000),
  body TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
  category TEXT NOT NULL REFERENCES categories (id) ON UPDATE CASCADE,
  chapter TEXT NOT NULL REFERENCES chapters (id) ON UPDATE CASCADE,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT
);
CREATE INDEX IF NOT EXISTS events_public ON events (status, deleted_at, date, id);
CREATE INDEX IF NOT EXISTS events_category ON events (category, date);
CREATE INDEX IF NOT EXISTS events_chapter ON events (chapter, date);
CREATE INDEX IF NOT EXISTS events_updated ON events (updated_at);

-- A published event keeps its id for ever: partners link to it.
CREATE TRIGGER IF NOT EXISTS events_id_is_stable
BEFORE UPDATE OF id ON events
WHEN OLD.id <> NEW.id AND OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published event keeps its id');
END;

-- Outlets: who reported or published (news outlets, official channels, watchdogs).
CREATE TABLE IF NOT EXISTS outlets (
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND length(id) <= 60),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind TEXT NOT NULL CHECK (kind IN ('news', 'official', 'social', 'organisation')),
  country TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
  url TEXT CHECK (url IS NULL OR url LIKE 'https://%'),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT
);

-- How an outlet stands to an event: it reported it, published the work that is the event,
-- carried the statement, or (for CamboJA's review) compiled it.
CREATE TABLE IF NOT EXISTS event_outlets (
  event_id TEXT NOT NULL REFERENCES events (id) ON UPDATE CASCADE ON DELETE CASCADE,
  outlet_id TEXT NOT NULL REFERENCES outlets (id) ON UPDATE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('published', 'reported', 'statement', 'compiled')),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, outlet_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_outlets_outlet ON event_outlets (outlet_id, event_id);

-- Places: countries, provinces (with their ISO 3166-2 code), cities and sites.
CREATE TABLE IF NOT EXISTS places (
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND length(id) <= 60),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind TEXT NOT NULL CHECK (kind IN ('country', 'province', 'city', 'site')),
  parent_id TEXT REFERENCES places (id) ON UPDATE CASCADE,
  iso_code TEXT CHECK (
    iso_code IS NULL
    OR (kind = 'country' AND iso_code GLOB '[A-Z][A-Z]')
    OR (kind = 'province' AND iso_code GLOB '[A-Z][A-Z]-[0-9A-Z]*' AND length(iso_code) <= 6)
  ),
  latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  CHECK ((latitude IS NULL) = (longitude IS NULL)),
  CHECK (kind <> 'province' OR iso_code IS NOT NULL)
);
CREATE UNIQUE INDEX IF NOT EXISTS places_iso_code ON places (iso_code) WHERE iso_code IS NOT NULL;

CREATE TABLE IF NOT EXISTS event_places (
  event_id TEXT NOT NULL REFERENCES events (id) ON UPDATE CASCADE ON DELETE CASCADE,
  place_id TEXT NOT NULL REFERENCES places (id) ON UPDATE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, place_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_places_place ON event_places (place_id, event_id);

-- Actors: people, organisations, companies, governments, media and groups.
CREATE TABLE IF NOT EXISTS actors (
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND length(id) <= 80),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'company', 'government', 'media', 'group')),
  description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 300),
  country TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT
);

CREATE TABLE IF NOT EXISTS event_actors (
  event_id TEXT NOT NULL REFERENCES events (id) ON UPDATE CASCADE ON DELETE CASCADE,
  actor_id TEXT NOT NULL REFERENCES actors (id) ON UPDATE CASCADE,
  role TEXT NOT NULL CHECK (role IN (
    'speaker', 'subject', 'authority', 'owner', 'victim', 'accused', 'investigator',
    'host', 'attendee', 'partner', 'target', 'source'
  )),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, actor_id, role)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (actor_id, event_id);

-- Figures: every number, with its exact qualifier, unit and what it measures.
CREATE TABLE IF NOT EXISTS figures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL REFERENCES events (id) ON UPDATE CASCADE ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  value REAL NOT NULL,
  value_max REAL CHECK (value_max IS NULL OR value_max >= value),
  qualifier TEXT NOT NULL CHECK (qualifier IN (
    'exactly', 'more than', 'over', 'at least', 'nearly', 'about', 'as many as', 'up to'
  )),
  unit TEXT NOT NULL CHECK (unit IN (
    'people', 'complaints', 'cases', 'requests', 'suspects', 'USD', 'subscribers', 'percent',
    'reports', 'nationalities', 'articles', 'buildings', 'provinces', 'years', 'days'
  )),
  measure TEXT NOT NULL CHECK (measure IN (
    'rescued', 'released', 'returned', 'escaped', 'stranded', 'held captive', 'complaints',
    'cases', 'suspects', 'victims', 'requests', 'lost', 'subscribers', 'confirmed', 'raided',
    'reports', 'detained', 'charged', 'nationalities', 'published', 'deaths', 'sentence',
    'duration', 'decline'
  )),
  subject TEXT CHECK (subject IS NULL OR length(subject) <= 160),
  nationality TEXT CHECK (nationality IS NULL OR length(nationality) <= 60),
  place_id TEXT REFERENCES places (id) ON UPDATE CASCADE,
  period TEXT CHECK (period IS NULL OR length(period) <= 80),
  period_start TEXT CHECK (period_start IS NULL OR period_start IS date(period_start)),
  period_end TEXT CHECK (period_end IS NULL OR period_end IS date(period_end)),
  display TEXT NOT NULL CHECK (length(display) BETWEEN 1 AND 200),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX IF NOT EXISTS figures_event ON figures (event_id, position);
CREATE INDEX IF NOT EXISTS figures_measure ON figures (measure, unit);
CREATE INDEX IF NOT EXISTS figures_unit ON figures (unit);
CREATE INDEX IF NOT EXISTS figures_place ON figures (place_id);

-- Quotes: one sentence at most, with its speaker and the outlet that carried it.
CREATE TABLE IF NOT EXISTS quotes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL REFERENCES events (id) ON UPDATE CASCADE ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  speaker_id TEXT NOT NULL REFERENCES actors (id) ON UPDATE CASCADE,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 400),
  outlet_id TEXT REFERENCES outlets (id) ON UPDATE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT
);
CREATE INDEX IF NOT EXISTS quotes_event ON quotes (event_id, position);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_id);

-- Editor's notes, shown to readers. A correction keeps what the source said.
CREATE TABLE IF NOT EXISTS notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL REFERENCES events (id) ON UPDATE CASCADE ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL CHECK (kind IN ('correction', 'context')),
  field TEXT CHECK (field IS NULL OR length(field) <= 40),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  source_said TEXT CHECK (source_said IS NULL OR length(source_said) <= 400),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  CHECK (kind <> 'correction' OR source_said IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS notes_event ON notes (event_id, position);
