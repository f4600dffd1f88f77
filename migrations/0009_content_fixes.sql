-- Content fixes from an audit of the dataset against the source article (CamboJA, "Year in
-- Review: Human Trafficking, Cyber Scams and the Government's Response"). Each change is made
-- here, not in 0002 (a migration already applied is never edited), so a deployed database gets
-- it too; the audit triggers record every change as a revision by "sql".
-- Where a reader should know what changed or why, an editor's note says so.
-- Every statement is idempotent: an UPDATE acts only on the old text, an INSERT only when its row
-- is missing, so running this file twice changes nothing.

PRAGMA defer_foreign_keys = on;

-- 13 July 2022: the source says the report traced global scam operations to the compounds, not
-- that the American's $2.5 million loss was traced to Cambodia.
UPDATE events
SET headline = 'Vice World News ties global romance scams to Cambodian compounds, through one American''s $2.5 million loss',
    summary = 'An American told Vice World News of losing $2.5 million to a "pig-butchering" romance scam, and the report tied scam operations around the world to factory-scale compounds in Sihanoukville and elsewhere in Cambodia.'
WHERE id = '2022-07-13-vice-pig-butchering-investigation'
  AND headline = 'Vice World News traces a $2.5 million romance-scam loss to Cambodian compounds';

-- 14 July 2022: the entry names Prime Minister Hun Sen (as Hun To's uncle).
INSERT INTO event_actors (event_id, actor_id, role, position)
SELECT '2022-07-14-al-jazeera-scam-compound-documentary', 'hun-sen', 'subject', 1
WHERE NOT EXISTS (
  SELECT 1 FROM event_actors
  WHERE event_id = '2022-07-14-al-jazeera-scam-compound-documentary' AND actor_id = 'hun-sen'
);

-- 18 August 2022: the entry names Vietnam (the workers are Vietnamese); and the map draws the
-- Koh Thom casino complex at Kandal's provincial capital, far from Koh Thom district: say so.
INSERT INTO event_places (event_id, place_id, position)
SELECT '2022-08-18-vietnamese-workers-escape-koh-thom', 'vietnam', 2
WHERE NOT EXISTS (
  SELECT 1 FROM event_places
  WHERE event_id = '2022-08-18-vietnamese-workers-escape-koh-thom' AND place_id = 'vietnam'
);
INSERT INTO notes (event_id, position, kind, field, text, source_said)
SELECT '2022-08-18-vietnamese-workers-escape-koh-thom', 0, 'context', 'place',
  'The source does not give the complex''s exact position. Koh Thom is a district in the south of Kandal province, on the border with Vietnam; our map draws the complex at Ta Khmau, Kandal''s provincial capital (11.48 N, 104.95 E), about 44 km to the north, because that is the nearest position we can vouch for.',
  NULL
WHERE NOT EXISTS (
  SELECT 1 FROM notes
  WHERE event_id = '2022-08-18-vietnamese-workers-escape-koh-thom' AND field = 'place' AND kind = 'context'
);

-- 27 September 2022: the source says "more than", not "over".
UPDATE events
SET headline = 'Phnom Penh raids on more than 10 buildings free more than 1,480 foreign nationals'
WHERE id = '2022-09-27-phnom-penh-raids-1480-released'
  AND headline = 'Phnom Penh raids on more than 10 buildings free over 1,480 foreign nationals';

-- 27 October 2022: the source writes "VN Express"; we list the outlet under its own name.
INSERT INTO notes (event_id, position, kind, field, text, source_said)
SELECT '2022-10-27-vietnamese-return-home', 0, 'context', 'outlets',
  'The source names the outlet "VN Express"; it is the Vietnamese news site VnExpress, which the data lists under that name.',
  'VN Express reports.'
WHERE NOT EXISTS (
  SELECT 1 FROM notes
  WHERE event_id = '2022-10-27-vietnamese-return-home' AND field = 'outlets'
);

-- 1 November 2022: the source says "as many as", not "up to".
UPDATE events
SET summary = 'The Los Angeles Times reported that as many as 100,000 people were being held captive in Cambodia by Chinese-led gangs operating with relative immunity.'
WHERE id = '2022-11-01-la-times-100000-held-captive'
  AND summary = 'The Los Angeles Times reported that up to 100,000 people were being held captive in Cambodia by Chinese-led gangs operating with relative immunity.';

-- 29 December 2022: the entry names VOD and Al Jazeera as the outlets whose reporting linked the
-- MDS Thmor Da zone to trafficking and scams. They did not report the renewal itself, so they are
-- linked as actors (investigators of the zone), not as the event's outlets.
INSERT INTO actors (id, name, kind, description, country)
SELECT 'al-jazeera', 'Al Jazeera', 'media', 'Qatar-based broadcaster', 'QA'
WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = 'al-jazeera');
INSERT INTO event_actors (event_id, actor_id, role, position)
SELECT '2022-12-29-casino-licences-renewed', 'vod', 'investigator', 4
WHERE NOT EXISTS (
  SELECT 1 FROM event_actors WHERE event_id = '2022-12-29-casino-licences-renewed' AND actor_id = 'vod'
);
INSERT INTO event_actors (event_id, actor_id, role, position)
SELECT '2022-12-29-casino-licences-renewed', 'al-jazeera', 'investigator', 5
WHERE NOT EXISTS (
  SELECT 1 FROM event_actors
  WHERE event_id = '2022-12-29-casino-licences-renewed' AND actor_id = 'al-jazeera'
);

-- 7 February 2023: the entry names Taiwan (Taiwanese police).
INSERT INTO event_places (event_id, place_id, position)
SELECT '2023-02-07-taiwan-police-bokor-stronghold', 'taiwan', 2
WHERE NOT EXISTS (
  SELECT 1 FROM event_places
  WHERE event_id = '2023-02-07-taiwan-police-bokor-stronghold' AND place_id = 'taiwan'
);

-- 12 February 2023, and the third chapter's dek: the source does not rank VOD among outlets.
UPDATE events
SET headline = 'Hun Sen shuts down VOD, which had published more than 120 pieces on trafficking and scams'
WHERE id = '2023-02-12-hun-sen-shuts-down-vod'
  AND headline = 'Hun Sen shuts down VOD, a leading reporter of the scam-compound story';
UPDATE chapters
SET dek = 'Casinos linked to trafficking keep their licences, officials admit going easy on investors, a local outlet that reported on the compounds is shut, and Cambodia leaves the money-laundering grey list.'
WHERE id = 'business-as-usual'
  AND dek = 'Casinos linked to trafficking keep their licences, officials admit going easy on investors, the outlet that covered the story most is shut, and Cambodia leaves the money-laundering grey list.';

-- 23 March 2023: the entry names the Department of Social Affairs, to which the rescued victims
-- were sent.
INSERT INTO actors (id, name, kind, description, country)
SELECT 'department-of-social-affairs', 'Department of Social Affairs', 'government',
  'Cambodian government department to which rescued trafficking victims are sent', 'KH'
WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = 'department-of-social-affairs');
INSERT INTO event_actors (event_id, actor_id, role, position)
SELECT '2023-03-23-national-anti-trafficking-report', 'department-of-social-affairs', 'authority', 3
WHERE NOT EXISTS (
  SELECT 1 FROM event_actors
  WHERE event_id = '2023-03-23-national-anti-trafficking-report'
    AND actor_id = 'department-of-social-affairs'
);

-- 12 April 2023: the entry names Preah Sihanouk (its governor).
INSERT INTO event_places (event_id, place_id, position)
SELECT '2023-04-12-ko-kidnapped-xing-tian-di', 'preah-sihanouk', 2
WHERE NOT EXISTS (
  SELECT 1 FROM event_places
  WHERE event_id = '2023-04-12-ko-kidnapped-xing-tian-di' AND place_id = 'preah-sihanouk'
);

-- 18 April 2023: only Kuong Li spoke to CamboJA; the deputy governor's words are not said to have
-- been given to CamboJA. The entry also names Preah Sihanouk (its deputy governor).
UPDATE events
SET summary = 'Authorities in Sihanoukville issued a letter rejecting the documentary the BBC aired in March and calling victims'' testimony groundless; the compound''s owner, Kuong Li, told CamboJA that who owned it did not matter, and a deputy governor of Preah Sihanouk did not dispute the footage.'
WHERE id = '2023-04-18-sihanoukville-dismisses-bbc'
  AND summary = 'Authorities in Sihanoukville issued a letter rejecting the documentary the BBC aired in March and calling victims'' testimony groundless, while compound owner Kuong Li and a deputy governor gave CamboJA other accounts.';
INSERT INTO event_places (event_id, place_id, position)
SELECT '2023-04-18-sihanoukville-dismisses-bbc', 'preah-sihanouk', 2
WHERE NOT EXISTS (
  SELECT 1 FROM event_places
  WHERE event_id = '2023-04-18-sihanoukville-dismisses-bbc' AND place_id = 'preah-sihanouk'
);
