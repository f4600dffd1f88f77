-- What the database itself refuses, so raw SQL cannot store what the write API refuses and the
-- public API could not describe (its `Figure.value` is a JSON number):
-- - a figure's value or value_max that is not a finite number (text such as 'NaN', or a REAL
--   overflowing to infinity such as 1e309), that is negative, that is above 2^53 - 1 (the largest
--   whole number a JSON reader keeps exactly), or that is a fraction of a count (the units of
--   COUNT_UNITS in worker/data/values.ts: people and things are counted in whole numbers);
-- - a story.data_version that moves back: every cache key and ETag names the version, so a
--   version seen before must never name other data.
-- Each refusal names what was wrong and how to fix it, as the write API's problems do.

CREATE TRIGGER IF NOT EXISTS figures_value_check_insert
BEFORE INSERT ON figures
WHEN typeof(NEW.value) NOT IN ('integer', 'real')
  OR NEW.value < 0 OR NEW.value > 9007199254740991
  OR (NEW.value_max IS NOT NULL AND (typeof(NEW.value_max) NOT IN ('integer', 'real')
      OR NEW.value_max > 9007199254740991))
  OR (NEW.unit IN ('people', 'complaints', 'cases', 'requests', 'suspects', 'subscribers',
                   'reports', 'nationalities', 'articles', 'buildings', 'provinces')
      AND (NEW.value <> round(NEW.value)
           OR (NEW.value_max IS NOT NULL AND NEW.value_max <> round(NEW.value_max))))
BEGIN
  SELECT RAISE(ABORT, 'figures: value and value_max must be finite numbers from 0 to 9007199254740991, and whole numbers for counts of people and things (unit people, complaints, cases, requests, suspects, subscribers, reports, nationalities, articles, buildings, provinces)');
END;

CREATE TRIGGER IF NOT EXISTS figures_value_check_update
BEFORE UPDATE OF value, value_max, unit ON figures
WHEN typeof(NEW.value) NOT IN ('integer', 'real')
  OR NEW.value < 0 OR NEW.value > 9007199254740991
  OR (NEW.value_max IS NOT NULL AND (typeof(NEW.value_max) NOT IN ('integer', 'real')
      OR NEW.value_max > 9007199254740991))
  OR (NEW.unit IN ('people', 'complaints', 'cases', 'requests', 'suspects', 'subscribers',
                   'reports', 'nationalities', 'articles', 'buildings', 'provinces')
      AND (NEW.value <> round(NEW.value)
           OR (NEW.value_max IS NOT NULL AND NEW.value_max <> round(NEW.value_max))))
BEGIN
  SELECT RAISE(ABORT, 'figures: value and value_max must be finite numbers from 0 to 9007199254740991, and whole numbers for counts of people and things (unit people, complaints, cases, requests, suspects, subscribers, reports, nationalities, articles, buildings, provinces)');
END;

CREATE TRIGGER IF NOT EXISTS story_data_version_moves_forward
BEFORE UPDATE OF data_version ON story
WHEN NEW.data_version < OLD.data_version
BEGIN
  SELECT RAISE(ABORT, 'story: data_version only moves forward (caches and ETags name each version); to undo a change, make a new one (an editor''s restore), never set the version back');
END;
