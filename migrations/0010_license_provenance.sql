-- Terms of reuse and provenance of the story's data, for partners (API meta, JSON-LD, OpenAPI
-- info, the CSV README and the page's footer):
--   license_name, license_url  the licence of this project's compilation (editors may change it);
--   creator                    who compiled the dataset;
--   publisher                  who publishes it;
-- and the source article's address, which the dataset had left empty.
-- ALTER TABLE cannot be repeated; D1 runs each migration once (d1_migrations). The UPDATE acts
-- only on a row whose source address is still empty, so it never overwrites an editor's value.
-- The audit triggers that record the new columns are in the next migration (npm run db:triggers).

ALTER TABLE story ADD COLUMN license_name TEXT NOT NULL
  DEFAULT 'Creative Commons Attribution 4.0 International (CC BY 4.0)'
  CHECK (length(license_name) BETWEEN 1 AND 200);
ALTER TABLE story ADD COLUMN license_url TEXT NOT NULL
  DEFAULT 'https://creativecommons.org/licenses/by/4.0/'
  CHECK (license_url LIKE 'https://%');
ALTER TABLE story ADD COLUMN creator TEXT NOT NULL
  DEFAULT 'Year in Review project'
  CHECK (length(creator) BETWEEN 1 AND 200);
ALTER TABLE story ADD COLUMN publisher TEXT NOT NULL
  DEFAULT 'Year in Review project'
  CHECK (length(publisher) BETWEEN 1 AND 200);

-- The article's address, as CamboJA News published it (the article gives no publication date,
-- so source_published stays empty).
UPDATE story
SET source_url = 'https://cambojanews.com/year-in-review-human-trafficking-cyber-scams-and-the-governments-response/'
WHERE id = 1 AND source_url IS NULL;
