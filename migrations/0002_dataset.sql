-- Year in Review: the dataset.
-- Every dated entry (July 13, 2022 to June 16, 2023) of the Cambodian Journalists Alliance
-- Association's (CamboJA) article "Year in Review: Human Trafficking, Cyber Scams and the
-- Government's Response", as one published event each, with its outlets, places, actors, figures,
-- quotations and editor's notes. Facts, figures and quotations are CamboJA's, while headlines,
-- summaries and bodies are written in this project's own words. Corrections of the source's errors are
-- recorded as notes of kind 'correction' with what the source said.
-- Every statement is idempotent (ON CONFLICT DO NOTHING): running this file twice changes nothing.
-- All rows carry created_at = updated_at = 2023-06-30T00:00:00.000Z and version 1, so the data is
-- reproducible.

PRAGMA defer_foreign_keys = on;

-- The story (one row). source_url and source_published are not given by the source.
INSERT INTO story (id, title, dek, credit, source_outlet, source_title, source_period, source_published, source_url, language, data_version, created_at, updated_at, version) VALUES
  (1, 'A Year Inside Cambodia''s Scam-Compound Crisis', 'From the first exposes in July 2022 to Cambodia''s second year at Tier 3: the spread of forced-labour scam compounds, the raids and rescues that followed, and how the government''s answers shifted from denial to crackdown and back to defence, one dated event at a time.', 'Timeline data compiled from "Year in Review: Human Trafficking, Cyber Scams and the Government’s Response" by the Cambodian Journalists Alliance Association (CamboJA). Headlines, summaries and descriptions are written by this project; quotations are CamboJA''s.', 'Cambodian Journalists Alliance Association (CamboJA)', 'Year in Review: Human Trafficking, Cyber Scams and the Government’s Response', 'July 2022 to June 2023', NULL, NULL, 'en', 1, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)
ON CONFLICT DO NOTHING;

-- Categories
INSERT INTO categories (id, label, description, position, created_at, updated_at, version) VALUES
  ('media-investigation', 'Media investigation', 'Investigations, documentaries and reports by news outlets that brought the scam compounds to light.', 1, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('government-statement', 'Government statement', 'What Cambodian officials said: admissions, denials, figures and warnings.', 2, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('enforcement', 'Enforcement', 'Raids, arrests, prosecutions and crackdowns, and the limits officials admitted.', 3, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('rescue-and-repatriation', 'Rescue and repatriation', 'Rescues, escapes, releases and returns home of people held in or trafficked through compounds.', 4, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('violence-and-death', 'Violence and death', 'Kidnappings, falls, killings and other violence linked to the scam industry.', 5, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('international-pressure', 'International pressure', 'Rankings, warnings and estimates from foreign governments, police and international bodies.', 6, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('press-freedom', 'Press freedom', 'Action against the journalists and outlets who reported on the compounds.', 7, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('business-and-licensing', 'Business and licensing', 'Licences, owners and business interests behind the casinos and compounds.', 8, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)
ON CONFLICT DO NOTHING;

-- Chapters: four eras covering 2022-07-01 to 2023-06-30 without gaps or overlaps
INSERT INTO chapters (id, position, title, dek, start_date, end_date, created_at, updated_at, version) VALUES
  ('exposure', 1, 'Exposed', 'Foreign and local reporters show the world what happens inside the compounds, the United States drops Cambodia to Tier 3, and the Interior Minister admits that foreigners are being trafficked in.', '2022-07-01', '2022-08-31', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('crackdown', 2, 'The Crackdown', 'Raids in Sihanoukville, Phnom Penh and ten provinces free thousands of workers, complaints pour in, and the Prime Minister hosts a forum against trafficking, while the gangs start to move.', '2022-09-01', '2022-11-30', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('business-as-usual', 3, 'Business as Usual', 'Casinos linked to trafficking keep their licences, officials admit going easy on investors, the outlet that covered the story most is shut, and Cambodia leaves the money-laundering grey list.', '2022-12-01', '2023-02-28', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('spread-and-denial', 4, 'Spread and Denial', 'Documentaries, deaths and kidnappings show the industry spreading to new cities, while officials dismiss the evidence, Interpol calls it a global crisis and Cambodia stays at Tier 3.', '2023-03-01', '2023-06-30', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)
ON CONFLICT DO NOTHING;

-- Outlets. "VnExpress" and "VN Express" in the source are one outlet, and so are VOD and Voice of Democracy. Unnamed "Vietnamese media" and "a local journalist" are not outlets.
INSERT INTO outlets (id, name, kind, country, url, created_at, updated_at, version) VALUES
  ('vice-world-news', 'Vice World News', 'news', 'US', 'https://www.vice.com', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('al-jazeera', 'Al Jazeera', 'news', 'QA', 'https://www.aljazeera.com', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('vod', 'VOD (Voice of Democracy)', 'news', 'KH', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('tempo', 'Tempo', 'news', 'ID', 'https://www.tempo.co', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('vnexpress', 'VnExpress', 'news', 'VN', 'https://vnexpress.net', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('propublica', 'ProPublica', 'news', 'US', 'https://www.propublica.org', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('nikkei-asia', 'Nikkei Asia', 'news', 'JP', 'https://asia.nikkei.com', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('los-angeles-times', 'Los Angeles Times', 'news', 'US', 'https://www.latimes.com', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('phnom-penh-post', 'Phnom Penh Post', 'news', 'KH', 'https://www.phnompenhpost.com', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('camboja', 'Cambodian Journalists Alliance Association (CamboJA)', 'news', 'KH', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('bbc', 'BBC', 'news', 'GB', 'https://www.bbc.com', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('cyber-scam-monitor', 'Cyber Scam Monitor', 'news', NULL, NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('bangkok-post', 'Bangkok Post', 'news', 'TH', 'https://www.bangkokpost.com', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('sar-kheng-facebook', 'Sar Kheng''s Facebook page', 'social', 'KH', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('sar-kheng-website', 'Sar Kheng''s website', 'official', 'KH', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)
ON CONFLICT DO NOTHING;

-- Places. Coordinates are WGS84 decimal degrees. Countries: the commonly published geographic
-- centre of each country. Provinces: the provincial capital (Phnom Penh: city centre), not the
-- centroid. Cities: city centre. Sites marked APPROXIMATE carry the coordinates of the city or
-- province that contains them (or, for the Kaibo compound, of the country), because the exact
-- location is not given by the source and not certain to us.
INSERT INTO places (id, name, kind, parent_id, iso_code, latitude, longitude, created_at, updated_at, version) VALUES
  ('cambodia', 'Cambodia', 'country', NULL, 'KH', 12.565679, 104.990963, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('thailand', 'Thailand', 'country', NULL, 'TH', 15.870032, 100.992541, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('vietnam', 'Vietnam', 'country', NULL, 'VN', 14.058324, 108.277199, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('indonesia', 'Indonesia', 'country', NULL, 'ID', -0.789275, 113.921327, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('taiwan', 'Taiwan', 'country', NULL, 'TW', 23.69781, 120.960515, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('malaysia', 'Malaysia', 'country', NULL, 'MY', 4.210484, 101.975766, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('singapore', 'Singapore', 'country', NULL, 'SG', 1.352083, 103.819836, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('united-states', 'United States', 'country', NULL, 'US', 37.09024, -95.712891, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('banteay-meanchey', 'Banteay Meanchey', 'province', 'cambodia', 'KH-1', 13.5859, 102.9737, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Serei Saophoan (Sisophon)
  ('kampot', 'Kampot', 'province', 'cambodia', 'KH-7', 10.6104, 104.1815, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Kampot town
  ('kandal', 'Kandal', 'province', 'cambodia', 'KH-8', 11.4833, 104.95, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Ta Khmau
  ('koh-kong', 'Koh Kong', 'province', 'cambodia', 'KH-9', 11.6153, 102.9838, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Khemarak Phoumin (Koh Kong town)
  ('phnom-penh', 'Phnom Penh', 'province', 'cambodia', 'KH-12', 11.5564, 104.9282, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- municipality with province rank; city centre
  ('pursat', 'Pursat', 'province', 'cambodia', 'KH-15', 12.5388, 103.9192, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Pursat town
  ('siem-reap', 'Siem Reap', 'province', 'cambodia', 'KH-17', 13.3671, 103.8448, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Siem Reap city
  ('preah-sihanouk', 'Preah Sihanouk', 'province', 'cambodia', 'KH-18', 10.60932, 103.52958, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Sihanoukville
  ('svay-rieng', 'Svay Rieng', 'province', 'cambodia', 'KH-20', 11.0878, 105.7994, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Svay Rieng town
  ('oddar-meanchey', 'Oddar Meanchey', 'province', 'cambodia', 'KH-22', 14.1817, 103.5176, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Samraong
  ('pailin', 'Pailin', 'province', 'cambodia', 'KH-24', 12.8489, 102.6093, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- capital: Pailin town
  ('sihanoukville', 'Sihanoukville', 'city', 'preah-sihanouk', NULL, 10.60932, 103.52958, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- city centre
  ('poipet', 'Poipet', 'city', 'banteay-meanchey', NULL, 13.6581, 102.5637, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- city centre, at the Thai border
  ('bavet', 'Bavet', 'city', 'svay-rieng', NULL, 11.0632, 106.1356, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- town centre, at the Vietnamese border (approximate to within a few km)
  ('koh-thom-casino-complex', 'Koh Thom casino complex', 'site', 'kandal', NULL, 11.4833, 104.95, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- APPROXIMATE: exact site not known to us, Kandal provincial capital used
  ('thansur-sokha-hotel', 'Thansur Sokha hotel, Bokor mountain', 'site', 'kampot', NULL, 10.627, 104.03, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- APPROXIMATE: summit area of Bokor mountain, not the building itself
  ('huang-le-compound', 'Huang Le compound (Majestic 2 casino)', 'site', 'sihanoukville', NULL, 10.60932, 103.52958, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- APPROXIMATE: exact site not known to us, Sihanoukville city centre used
  ('kaibo-compound', 'Kaibo compound (KB casino)', 'site', 'cambodia', NULL, 12.565679, 104.990963, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- APPROXIMATE: the article does not say where the compound is, shown at country level only
  ('mds-thmor-da-sez', 'MDS Thmor Da special economic zone', 'site', 'pursat', NULL, 12.5388, 103.9192, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- APPROXIMATE: the article places it in Pursat (May 26, 2023 entry), Pursat provincial capital used
  ('xing-tian-di-casino', 'Xing Tian Di casino', 'site', 'sihanoukville', NULL, 10.60932, 103.52958, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- APPROXIMATE: in Sihanoukville per the article ("another Sihanoukville hotel"), city centre used
  ('jinbei-1-casino', 'Jinbei 1 casino', 'site', 'sihanoukville', NULL, 10.60932, 103.52958, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),  -- APPROXIMATE: the article gives no location, the Jin Bei casinos are in Sihanoukville, city centre used
  ('moc-bai-complex', 'Moc Bai complex', 'site', 'bavet', NULL, 11.0632, 106.1356, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)  -- APPROXIMATE: in Bavet city, facing the Moc Bai border gate, Bavet town centre used
ON CONFLICT DO NOTHING;

-- Actors: everyone the source names as doing or saying something
INSERT INTO actors (id, name, kind, description, country, created_at, updated_at, version) VALUES
  ('hun-sen', 'Hun Sen', 'person', 'Prime Minister of Cambodia', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('sar-kheng', 'Sar Kheng', 'person', 'Interior Minister of Cambodia', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('chou-bun-eng', 'Chou Bun Eng', 'person', 'Vice Chairperson of the National Committee for Counter Trafficking (NCCT)', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('ncct', 'National Committee for Counter Trafficking (NCCT)', 'government', 'Cambodia''s national anti-trafficking committee', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('hun-to', 'Hun To', 'person', 'Nephew of Prime Minister Hun Sen', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('chen-baorong', 'Chen Baorong', 'person', 'Chinese national who helped rescue workers trapped in Cambodian scam compounds', 'CN', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('k99-group', 'K99 Group', 'company', 'Cambodian business group led by Rithy Raksmei; owner of the Xing Tian Di casino', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('rithy-raksmei', 'Rithy Raksmei', 'person', 'Tycoon who leads the K99 Group', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('try-pheap', 'Try Pheap', 'person', 'Tycoon; owner of the Eternal Diamond Casino and the MDS special economic zone', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('eternal-diamond-casino', 'Eternal Diamond Casino', 'company', 'Casino in the MDS Thmor Da special economic zone, owned by Try Pheap', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('rsx-investment', 'RSX Investment Co., Ltd.', 'company', 'Company behind the KB casino', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('kb-casino', 'KB casino', 'company', 'Casino in the area known as the Kaibo compound', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('sok-kong', 'Sok Kong', 'person', 'Well-connected Cambodian tycoon; owner of the Thansur Sokha hotel', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('mao-chanmathurith', 'Mao Chanmathurith', 'person', 'Kampot provincial police chief (Maj. Gen.)', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('kuong-li', 'Kuong Li', 'person', 'Tycoon; owner of the Huang Le compound (Majestic 2 casino)', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('kirth-chantharith', 'Kirth Chantharith', 'person', 'Head of Cambodia''s immigration authorities', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('sao-sokha', 'Sao Sokha', 'person', 'Royal Gendarmerie of Cambodia', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('kuoch-chamroeun', 'Kuoch Chamroeun', 'person', 'Governor of Preah Sihanouk province', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('long-dimanche', 'Long Dimanche', 'person', 'Deputy governor of Preah Sihanouk province', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('jurgen-stock', 'Jürgen Stock', 'person', 'Secretary General of Interpol', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('interpol', 'Interpol', 'organisation', 'International police organisation', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('us-state-department', 'U.S. State Department', 'government', 'Publishes the annual Trafficking in Persons (TIP) report', 'US', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('us-embassy-spokesperson', 'U.S. Embassy spokesperson', 'person', 'Spokesperson of the U.S. Embassy', 'US', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('fatf', 'Financial Action Task Force', 'organisation', 'Global money-laundering and terrorist-financing watchdog', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('ministry-of-foreign-affairs', 'Ministry of Foreign Affairs', 'government', 'Cambodia''s Ministry of Foreign Affairs', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('interior-ministry', 'Interior Ministry', 'government', 'Cambodia''s Ministry of Interior', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('office-of-the-council-of-ministers', 'Office of the Council of Ministers', 'government', 'Cambodia''s cabinet office', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('taiwanese-police', 'Taiwanese police', 'government', 'Police in Taiwan', 'TW', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('thai-police', 'Thai police', 'government', 'Police in Thailand', 'TH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('indonesian-embassy', 'Indonesian Embassy', 'government', 'Embassy of Indonesia in Cambodia', 'ID', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('cambodian-national-police', 'Cambodian National Police', 'government', 'Cambodia''s national police force', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('cambodian-police', 'Cambodian police', 'government', 'Police in Cambodia, unit not named by the article', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('cambodian-authorities', 'Cambodian authorities', 'government', 'Cambodian national or local authorities, not named more precisely by the article', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('preah-sihanouk-provincial-court', 'Preah Sihanouk Provincial Court', 'government', 'Provincial court in Preah Sihanouk', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('sihanoukville-authorities', 'Sihanoukville authorities', 'government', 'Local authorities of Sihanoukville / Preah Sihanouk', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('vod', 'VOD (Voice of Democracy)', 'media', 'Cambodian news outlet shut down in February 2023', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('bbc', 'BBC', 'media', 'British broadcaster', 'GB', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('white-shark-channel', 'White Shark Channel', 'group', 'Telegram group chat in which people were bought and sold', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('international-ngos-and-media', 'International NGOs and media', 'group', 'Foreign NGOs and news outlets criticised by Chou Bun Eng', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('human-rights-groups', 'Human rights groups', 'group', 'Rights groups cited by Nikkei Asia', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('chinese-led-gangs', 'Chinese-led gangs', 'group', 'Gangs holding people captive in Cambodia', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('american-scam-victim', 'American romance-scam victim', 'person', 'US citizen who lost $2.5 million to a pig-butchering scam', 'US', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('bbc-escapee', 'Chinese escapee from the Huang Le compound', 'person', 'Chinese national whose escape the BBC documentary follows', 'CN', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('alleged-scam-leader', 'Alleged scam leader', 'person', 'Interviewee in the BBC documentary who described bribes paid to authorities', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('local-journalist', 'Local journalist', 'person', 'Journalist who reported the Sihanoukville falls', 'KH', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('former-security-guard-poipet', 'Former security guard at a Poipet compound', 'person', 'Witness quoted by Vice World News', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('ko', 'Ko', 'person', 'Chinese national and former scam worker kidnapped at the Xing Tian Di casino', 'CN', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('xing-tian-di-gang', 'Criminal gang at the Xing Tian Di casino', 'group', 'Gang that kidnapped Ko', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('bavet-victim', 'Young woman killed in Bavet', 'person', 'Employee of a hotel and casino with call-center operations', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('chinese-woman-mds', 'Chinese woman held in the MDS zone', 'person', 'Said she was detained and forced to work in the MDS special economic zone', 'CN', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('suitcase-victim', 'Chinese national found dead in a suitcase', 'person', 'Had lived at a Phnom Penh compound; carried an ID card for Jinbei 1', 'CN', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('neighbor-phnom-penh-compound', 'Neighbour of a Phnom Penh compound', 'person', 'Neighbour quoted by CamboJA', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('koh-kong-gang-aide', 'Interpreter and aide of a scam-gang leader', 'person', 'Interpreter and close aide of the Chinese leader of a Koh Kong-based phone-scam gang', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('koh-kong-gang-leader', 'Chinese leader of a Koh Kong phone-scam gang', 'person', 'Leader of a phone-scam gang based in Koh Kong province', 'CN', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)
ON CONFLICT DO NOTHING;

-- Events, in date order
INSERT INTO events (id, date, date_precision, headline, summary, body, category, chapter, status, created_at, updated_at, version) VALUES
  ('2022-07-13-vice-pig-butchering-investigation', '2022-07-13', 'day', 'Vice World News traces a $2.5 million romance-scam loss to Cambodian compounds', 'An American told Vice World News of losing $2.5 million to a "pig-butchering" romance scam, and the outlet followed the global fraud back to vast compounds in Cambodia.', 'Vice World News published an investigation built around the account of a US citizen whose losses to a "pig-butchering" romance fraud came to $2.5 million.

The reporting tied the worldwide networks running such schemes to huge compounds, run on a factory scale, in Sihanoukville and elsewhere in Cambodia.', 'media-investigation', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-07-14-al-jazeera-scam-compound-documentary', '2022-07-14', 'day', 'Al Jazeera documentary shows beatings and captivity inside Cambodian scam compounds', 'In one of the first pieces by a foreign outlet, Al Jazeera aired violent footage and survivor accounts from the compounds and pointed to alleged ties between the industry and Hun To, nephew of Prime Minister Hun Sen.', 'Al Jazeera released a documentary on Cambodia''s cyber-scam compounds, with graphic video and first-hand accounts of workers being beaten and held against their will. It was among the earliest treatments of the subject by an international news organisation.

The film also raised alleged connections between the scam business and Hun To, a nephew of Prime Minister Hun Sen.', 'media-investigation', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-07-19-vod-white-shark-channel', '2022-07-19', 'day', 'VOD exposes "White Shark Channel", a Telegram chat where people were traded', 'Voice of Democracy revealed a Telegram group in which people were bought and sold for criminal operations tied to scam compounds; more than 5,000 users subscribed to it.', 'The local outlet VOD (Voice of Democracy) reported on a Telegram group chat named "White Shark Channel" that worked as a marketplace where human beings changed hands for organised crime connected to the scam compounds.

The channel counted more than 5,000 subscribers.', 'media-investigation', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-07-20-us-tip-report-tier-3-downgrade', '2022-07-20', 'day', 'US State Department downgrades Cambodia to Tier 3 over human trafficking', 'After close to a year of coverage led by local and regional journalists, the US Trafficking in Persons report moved Cambodia down to Tier 3.', 'The U.S. State Department placed Cambodia in Tier 3 of its Trafficking in Persons (TIP) report. The downgrade came after nearly one year of reporting driven by journalists in Cambodia and the wider region.

The report pointed to persistent labour exploitation and cybercrime, and to accounts of foreign nationals being trafficked into Cambodia to work for online fraud and gambling operations.', 'international-pressure', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-08-01-indonesians-rescued-sihanoukville', '2022-08-01', 'day', 'Indonesian Embassy and Cambodian authorities free 62 Indonesians from Sihanoukville compounds', 'Working with Cambodian authorities, Indonesia''s embassy rescued 62 of its citizens held captive in compounds in Sihanoukville, according to Tempo.', 'According to the Indonesian news outlet Tempo, the Indonesian Embassy and Cambodian authorities jointly freed 62 Indonesian nationals who had been held captive in compounds in Sihanoukville.', 'rescue-and-repatriation', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-08-16-taiwanese-police-stranded-estimate', '2022-08-16', 'day', 'Taiwanese police say at least 2,000 Taiwanese are trapped in Cambodia, perhaps 5,000', 'Police in Taiwan estimated that at least 2,000 Taiwanese remained stuck in Cambodia against their will, and said the true number could reach 5,000.', 'Taiwanese police put the number of Taiwanese people still held in Cambodia against their will at a minimum of 2,000.

They cautioned that the real figure could reach 5,000.', 'international-pressure', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-08-18-vietnamese-workers-escape-koh-thom', '2022-08-18', 'day', 'Dozens of Vietnamese workers flee a Kandal casino complex by river as guards give chase', 'Video posted by VnExpress showed more than 42 Vietnamese workers escaping the Koh Thom casino complex in Kandal province, leaping into a river while guards with metal rods ran after them.', 'More than 42 Vietnamese workers broke out of the Koh Thom casino complex in Cambodia''s Kandal province.

Footage published by the news outlet VnExpress captured them plunging into a river as guards armed with metal rods pursued them.', 'rescue-and-repatriation', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-08-22-chou-bun-eng-blames-outsiders', '2022-08-22', 'day', 'Anti-trafficking official Chou Bun Eng says Cambodia is unfairly singled out', 'At a conference of the Office of the Council of Ministers, NCCT vice chair Chou Bun Eng said she was distressed that criminals were trafficking people in Cambodia, but faulted international NGOs and media for blaming the country alone.', 'Speaking at a conference held by the Office of the Council of Ministers, Chou Bun Eng, vice chairperson of the National Committee for Counter Trafficking (NCCT), said it upset her that criminals were carrying out human trafficking on Cambodian soil. She called trafficking a worldwide problem and said she was disappointed that international NGOs and news outlets put the blame on Cambodia alone.

She said people working against trafficking were hurting, because they believed they were doing their utmost to protect people, only to see Cambodian territory used for crime. She conceded that Cambodia lacks the capacity to wipe out every kind of crime, but said stopping it was a priority so that the country would be safer for all.', 'government-statement', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-08-26-sar-kheng-acknowledges-trafficking', '2022-08-26', 'day', 'Interior Minister Sar Kheng admits foreigners are trafficked into Cambodian scam compounds', 'Sar Kheng acknowledged that foreign nationals had been trafficked into Cambodia and forced into jobs at online scam compounds, VOD reported.', 'Interior Minister Sar Kheng conceded that foreign nationals had been brought into Cambodia through trafficking and made to work for online scam compounds, according to VOD.', 'government-statement', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-08-30-chen-baorong-sentenced', '2022-08-30', 'day', 'Chinese rescuer Chen Baorong gets two years in prison for incitement', 'The Preah Sihanouk Provincial Court sentenced Chen Baorong, who had helped free workers from scam compounds, to two years in prison on incitement charges, VOD reported.', 'Chen Baorong, a Chinese citizen who had been assisting in getting workers out of scam compounds in Cambodia, was sentenced by the Preah Sihanouk Provincial Court to two years in prison for incitement, VOD reported.

He had taken part in freeing an alleged "blood slave" held in a Sihanoukville compound. The incitement charge came after Cambodian authorities asserted that the story had been made up.', 'enforcement', 'exposure', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-09-13-propublica-compound-owners', '2022-09-13', 'day', 'ProPublica ties Cambodia''s scam compounds to politically connected business groups', 'ProPublica published a detailed investigation of the scam compounds in Cambodia and the well-connected Cambodian businessmen who own them, among them Rithy Raksmei''s K99 Group.', 'ProPublica released a detailed investigation into scam compounds in Cambodia, reporting that they are owned by Cambodian businessmen with strong political connections.

One owner it named was the K99 Group, headed by Rithy Raksmei.', 'media-investigation', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-09-19-sar-kheng-289-complaints', '2022-09-19', 'day', 'Sar Kheng reports 289 trafficking complaints in a month, most from Preah Sihanouk', 'Chairing an anti-trafficking meeting, Interior Minister Sar Kheng condemned illegal gambling, and his website listed 289 trafficking complaints received over a month, with Preah Sihanouk province alone accounting for more than 200.', 'Interior Minister Sar Kheng chaired a meeting on how to tackle human trafficking and told officials they had to meet the challenge. He called illegal gambling of every kind the worst of social ills, said it could never stand in for lawful investment, and warned that a sudden arrival of the wrong people could not take the place of skilled professionals and tourists.

His website said 289 trafficking-related complaints had reached the Interior Ministry in the space of a month. Preah Sihanouk province, home to Sihanoukville, accounted for more than 200 of them. The others came from Svay Rieng (18), Kandal (18), Oddar Meanchey (14), Phnom Penh (14), Koh Kong (5), Pursat (4), Banteay Meanchey (2), Pailin (1) and Siem Reap (1).

He said officials had not fully believed the complaints at first, but later raids showed about 95 percent of them to be true.', 'government-statement', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-09-22-vietnamese-rescued-after-raids', '2022-09-22', 'day', 'Over 1,000 Vietnamese lured into illegal work in Cambodia rescued after raids', 'Raids by local authorities freed over 1,000 Vietnamese who had been deceived into working illegally in Cambodia, according to Vietnamese media.', 'Vietnamese media reported that over 1,000 people from Vietnam, duped into taking illegal jobs in Cambodia, had been freed in raids carried out by local authorities.', 'rescue-and-repatriation', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-09-27-phnom-penh-raids-1480-released', '2022-09-27', 'day', 'Phnom Penh raids on more than 10 buildings free over 1,480 foreign nationals', 'Cambodian authorities raided more than 10 buildings in Phnom Penh, condominiums and hotels among them, that were suspected of housing scam operations; police said more than 1,480 foreigners were released, VOD reported.', 'In a crackdown on suspected scam compounds in the capital, Cambodian authorities searched more than 10 buildings in Phnom Penh, including condominiums and hotels, VOD reported.

According to the police, the operation released more than 1,480 foreigners.', 'enforcement', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-09-29-hun-sen-interfaith-forum', '2022-09-29', 'day', 'Hun Sen hosts interfaith forum, warns Cambodia must not become a haven for trafficking', 'Prime Minister Hun Sen led a national forum of religious leaders on human trafficking and acknowledged that serious fraud and forced labour for online scams had emerged in Cambodia that year.', 'Prime Minister Hun Sen hosted a national forum bringing faiths together against trafficking, held under a motto asking that Cambodia not be used as a destination for trafficking in persons. He described the motto as a call to crack down on every corrupt activity in the country.

He acknowledged that serious fraud had surfaced in Cambodia that year, together with people being confined, forced to labour and made to carry out online scams, and he urged that the country not be allowed to become a refuge for crime, money laundering and trafficking. He added that he made no claim that Cambodia was the finest country anywhere, but asked others not to use the moment to brand it the worst.', 'government-statement', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-10-04-vice-detention-bribes', '2022-10-04', 'day', 'Vice World News: some Cambodian officials extort rescued scam victims in detention', 'Vice World News reported that some Cambodian authorities were demanding bribes from people rescued from scam compounds, keeping them in detention centres until they paid officers.', 'According to Vice World News, some Cambodian authorities were extorting victims freed from scam compounds: the rescued workers were kept in detention centres until they had paid fees to officers.', 'media-investigation', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-10-13-nikkei-gangs-relocate', '2022-10-13', 'day', 'Nikkei Asia: raids free more than a thousand workers, but scam gangs move elsewhere', 'Nikkei Asia reported that raids by Cambodian authorities had freed more than a thousand enslaved workers, while human rights groups said the gangs had simply shifted their operations.', 'Nikkei Asia reported that Cambodian authorities had moved against some cyber gangs, with raids on compounds that set free more than a thousand workers held as slaves.

Human rights groups cited in the report said, however, that the gangs had relocated their operations to other areas.', 'enforcement', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-10-27-vietnamese-return-home', '2022-10-27', 'day', 'More than 800 Vietnamese return home following raids on compounds in Cambodia', 'VnExpress reported that more than 800 Vietnamese people had returned to Vietnam following raids on compounds in Cambodia.', 'Following raids on compounds in Cambodia, more than 800 Vietnamese people made their way back to Vietnam, the outlet VnExpress reported.', 'rescue-and-repatriation', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-10-28-raids-across-10-provinces', '2022-10-28', 'day', 'Police raid scam compounds in 10 provinces after more than 600 hotline complaints', 'Police raided scam compounds across 10 provinces after more than 600 complaints came in via an Interior Ministry hotline, VOD reported.', 'VOD reported that police had carried out raids on scam compounds in 10 provinces.

The raids followed more than 600 complaints made to a hotline the Interior Ministry had put in place.', 'enforcement', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-11-01-la-times-100000-held-captive', '2022-11-01', 'day', 'Los Angeles Times: Chinese-led gangs hold as many as 100,000 captive in Cambodia', 'The Los Angeles Times reported that up to 100,000 people were being held captive in Cambodia by Chinese-led gangs operating with relative immunity.', 'The Los Angeles Times reported that as many as 100,000 people were being held captive in Cambodia by Chinese-led gangs, which it said operated with relative immunity.', 'media-investigation', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-11-14-scams-move-to-koh-kong', '2022-11-14', 'day', 'Police say scam operations are moving from Sihanoukville to provinces such as Koh Kong', 'After raids on Sihanoukville compounds, police said scam operations seemed to be shifting to other provinces including Koh Kong, VOD reported.', 'Police told VOD that, in the wake of raids on compounds in Sihanoukville, scam operations looked to be relocating to other provinces, Koh Kong among them.', 'enforcement', 'crackdown', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-12-29-casino-licences-renewed', '2022-12-29', 'day', 'Two casinos at sites linked to trafficking have their licences renewed', 'Try Pheap''s Eternal Diamond Casino in the MDS Thmor Da special economic zone had its licence renewed, and RSX Investment''s KB casino in the so-called Kaibo compound got a temporary licence renewal the same day.', 'Tycoon Try Pheap''s Eternal Diamond Casino won a renewal of its casino licence. The casino is located inside the MDS Thmor Da special economic zone, a place that VOD and Al Jazeera had linked in their reporting to alleged trafficking and scams.

On the same day the KB casino of RSX Investment Co., Ltd. received a renewal of a "temporary casino license". The casino is part of what is called the "Kaibo compound", which had been named again and again as an alleged site of trafficking and scam work.', 'business-and-licensing', 'business-as-usual', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2022-12-31-sar-kheng-600-requests', '2022-12-31', 'day', 'Sar Kheng: since August 18, police have acted on more than 600 requests, from over 1,590 foreigners', 'Interior Minister Sar Kheng said that since August 18 the police had handled more than 600 requests for help, made by over 1,590 foreigners of 16 nationalities.', 'Interior Minister Sar Kheng stated that since August 18 the police had acted on more than 600 requests, which came from over 1,590 foreign nationals belonging to 16 nationalities.', 'government-statement', 'business-as-usual', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-01-20-central-database-707-reports', '2023-01-20', 'day', 'Authorities log 707 trafficking reports in a central database; 120 suspects detained', 'Authorities said 707 reports of human trafficking of all kinds had been logged in a central database and 120 suspects detained as a result, the Phnom Penh Post reported.', 'According to the Phnom Penh Post, authorities said they had entered 707 reports covering every form of human trafficking into a central database.

Those reports had led to 120 suspects being detained.', 'enforcement', 'business-as-usual', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-01-23-officials-went-easy-on-investors', '2023-01-23', 'day', 'Officials admit going easy on employers of undocumented foreign workers who were investors', 'Authorities running a crackdown on foreign workers without papers said they struggled to get into work sites and held back with employers because they were investors, VOD reported.', 'Officials in charge of a crackdown on foreign workers without documents told VOD that they had trouble visiting and inspecting the sites where such workers were employed, and that they treated the employers gently because the employers were investors.

Immigration head Kirth Chantharith said cooperation had been lacking, above all at places where the law was being broken: staff there refused to let officials in and shut the doors when authorities turned up.', 'enforcement', 'business-as-usual', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-02-07-taiwan-police-bokor-stronghold', '2023-02-07', 'day', 'Taiwanese police call Sok Kong''s Bokor mountain hotel a scam stronghold; Kampot police deny crimes', 'Taiwanese police named the Thansur Sokha hotel atop Bokor mountain in Kampot a stronghold of scam companies and trafficking, CamboJA reported; Kampot''s police chief acknowledged more than a dozen complaints but said no crimes were found.', 'Police in Taiwan described the Thansur Sokha hotel, on top of Bokor mountain in Kampot province and owned by Sok Kong, a Cambodian tycoon with strong connections, as a base for online scam firms and for trafficking in people, CamboJA reported.

Maj. Gen. Mao Chanmathurith, who heads the Kampot provincial police, acknowledged that foreign nationals at the Bokor compound had lodged more than a dozen complaints, yet insisted there had been no trafficking or other crime there. He said the complainants reported being detained and tortured, yet police found nothing when they checked, and he put the complaints down to workers wanting to switch jobs for better pay.', 'international-pressure', 'business-as-usual', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-02-12-hun-sen-shuts-down-vod', '2023-02-12', 'day', 'Hun Sen shuts down VOD, a leading reporter of the scam-compound story', 'Prime Minister Hun Sen ordered the closure of the local outlet VOD after demanding an apology over a humanitarian-aid article he called inaccurate; VOD had published more than 120 articles on trafficking and scams since November 2021.', 'Prime Minister Hun Sen announced that VOD, a local news outlet, would be shut down. He had first insisted that VOD apologise for a story on humanitarian relief that he said was wrong.

Since November 2021, VOD had put out more than 120 stories and investigations on trafficking and scam operations.', 'press-freedom', 'business-as-usual', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-02-25-fatf-grey-list-removal', '2023-02-25', 'day', 'FATF takes Cambodia off its money-laundering grey list', 'The Financial Action Task Force removed Cambodia from its "grey list", ending the increased monitoring that came with it.', 'The Financial Action Task Force, the global watchdog on money laundering and terrorist financing, took Cambodia off its grey list, so the country is no longer under increased monitoring.', 'international-pressure', 'business-as-usual', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-03-01-mfa-8000-cambodians-rescued', '2023-03-01', 'day', 'Foreign Ministry says nearly 8,000 Cambodians rescued from trafficking abroad', 'Cambodia''s Ministry of Foreign Affairs said nearly 8,000 Cambodians had been rescued from trafficking in other countries of the region, including Thailand, Malaysia and Singapore.', 'The Ministry of Foreign Affairs said nearly 8,000 Cambodian citizens had been rescued from human trafficking in other countries of the region, naming Thailand, Malaysia and Singapore among them.', 'rescue-and-repatriation', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-03-08-bbc-huang-le-documentary', '2023-03-08', 'day', 'BBC documentary follows an escape from Sihanoukville''s Huang Le compound', 'A BBC documentary on pig-butchering scams in Cambodia tracked a Chinese national''s escape from the Huang Le compound, a site registered as Majestic 2 casino with tycoon Kuong Li as owner, and aired claims that owners bribe the authorities.', 'The BBC broadcast a documentary on how pig-butchering scams had multiplied in Cambodia. It followed a Chinese national escaping from the Huang Le compound in Sihanoukville, which is registered as the Majestic 2 casino and belongs to tycoon Kuong Li.

The film also carried the account of an alleged scam leader, who said compound owners pay off the authorities so that the scams are not shut down.', 'media-investigation', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-03-21-three-falls-sihanoukville', '2023-03-21', 'day', 'Three people fall from Sihanoukville buildings within four days', 'A local journalist reported that three people had fallen from buildings in Sihanoukville in the space of four days.', 'A local journalist reported that, over a four-day period, three people fell from buildings in Sihanoukville.', 'violence-and-death', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-03-23-national-anti-trafficking-report', '2023-03-23', 'day', 'National anti-trafficking report: 166 cases in 2022, down from 359 the year before', 'Presiding over the ceremony for the 2022 national report on combating human trafficking, Sar Kheng warned officials against complacency; the NCCT counted 166 cases in 2022 against 359 in 2021.', 'Interior Minister Sar Kheng presided over the ceremony presenting the National Report on Combating Human Trafficking for 2022 and the work targets for 2023. He told officials not to take pride in the results, but to make sure traffickers answer in court and that victims are properly rescued.

According to the NCCT''s 2022 report, police acted against 166 cases in 2022, compared with 359 in 2021. It said 202 suspects, 33 of them foreigners, were sent to municipal court. The NCCT put the number of victims rescued at 358, 265 of them women, and said all of them were referred to their families and to the Department of Social Affairs.

Sar Kheng said cases in Sihanoukville had fallen sharply, but acknowledged that new crimes were still appearing in the city and in other provinces. He also said the public had been urged to invest only in legitimate businesses and to keep clear of illegal acts such as trafficking and sex crimes.', 'government-statement', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-04-05-vice-poipet-expansion', '2023-04-05', 'day', 'Vice World News finds scam compounds spreading across the region, including Poipet', 'Vice World News reported that scam compounds were spreading through the region, with sites all over Poipet on Cambodia''s border with Thailand, where a former guard said workers could not leave.', 'Vice World News reported on how scam compounds were multiplying in the region, with sites found all over the city of Poipet, which lies on the border with Thailand.

A former security guard at a Poipet compound said hundreds of workers inside were unable to leave, and that the guard had witnessed this first-hand.', 'media-investigation', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-04-12-ko-kidnapped-xing-tian-di', '2023-04-12', 'day', 'Scam worker handcuffed at a K99 casino as Rithy Raksmei opens a new hotel with officials', 'A Chinese former scam worker named Ko was abducted by a gang and handcuffed to a bed at the Xing Tian Di casino, newly licensed and owned by K99 Group, while the group''s leader Rithy Raksmei opened another Sihanoukville hotel with Sao Sokha of the Royal Gendarmerie and the provincial governor attending, Cyber Scam Monitor reported.', 'Ko, a Chinese national who had worked in scams, was abducted by a criminal gang and handcuffed to a bed at the Xing Tian Di casino, a recently licensed venue belonging to the K99 Group of tycoon Rithy Raksmei.

While Ko was still being held, Raksmei opened another hotel in Sihanoukville, with Sao Sokha of the Royal Gendarmerie and Preah Sihanouk governor Kuoch Chamroeun at the ribbon-cutting, Cyber Scam Monitor reported.

Ko said the compounds changed some things right after the September crackdowns, but that as time went by and people seemed to forget, companies were gradually going back to their old ways: they might now be wary of buying and selling people, but were again starting to detain workers and curb their freedom.', 'violence-and-death', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-04-18-sihanoukville-dismisses-bbc', '2023-04-18', 'day', 'Sihanoukville authorities dismiss the BBC documentary as baseless', 'Authorities in Sihanoukville issued a letter rejecting the documentary the BBC aired in March and calling victims'' testimony groundless, while compound owner Kuong Li and a deputy governor gave CamboJA other accounts.', 'Authorities in Sihanoukville released a letter in which they rejected the BBC''s March documentary outright and called the testimony of trafficking victims in it groundless.

Kuong Li, the owner of the compound featured in the film, who has faced no legal consequences, told CamboJA that the land and casino had been rented out to a Chinese national and that who owned them did not matter.

Long Dimanche, a deputy governor of Preah Sihanouk, did not dispute the footage or the reporting. He said only that what it showed had happened a few months ahead of the authorities'' raid on the compound.', 'government-statement', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-04-20-woman-killed-bavet', '2023-04-20', 'day', 'Young woman found beheaded in Bavet, near a complex linked to trafficking', 'A young woman employed by a hotel-casino that ran "call center" operations was discovered beheaded inside her room in Bavet city, Svay Rieng province, opposite the Moc Bai complex.', 'A young woman was discovered beheaded inside her room in Bavet city, in Svay Rieng province. She had been employed by a hotel-casino that also ran "call center" operations.

Her workplace faced the Moc Bai complex in Bavet from the other side of the street, an area that has been the subject of many reports of trafficking and scams.', 'violence-and-death', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-05-18-sar-kheng-requests-decline', '2023-05-18', 'day', 'Sar Kheng says requests for intervention fell 78% in the first quarter of 2023', 'On Facebook, Interior Minister Sar Kheng said 128 requests for intervention came in from January to March, against 605 in the same three months of 2022, which he called a 78% decline.', 'Interior Minister Sar Kheng wrote on his Facebook page that 128 requests for intervention had been received between January and March, compared with 605 pleas for help in the first three months of 2022, a drop of 78%. Many of the latest requests, he said, came from Oddar Meanchey, Koh Kong, Kandal and Preah Sihanouk provinces.

On the allegations of trafficking and illegal online activity, he said the authorities would keep reviewing requests for intervention, even at places that had been temporarily closed, to assess them and continue searching so that foreigners would be completely safe.', 'government-statement', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-05-26-police-raid-pursat-mds-zone', '2023-05-26', 'day', 'National Police raid a Pursat company after a Chinese woman reports forced work in the MDS zone', 'The Cambodian National Police said they raided a firm in Pursat after a request about a Chinese woman who said she was detained and forced to work in Try Pheap''s MDS special economic zone, Cyber Scam Monitor reported.', 'A company in Pursat province was raided by the Cambodian National Police, the force announced. The raid was prompted by a request concerning a Chinese woman who said she had been held and made to work in the MDS special economic zone, which belongs to tycoon Try Pheap.

According to police, the woman had been barred from resigning and told to stay on until the company found someone to replace her, Cyber Scam Monitor reported.', 'enforcement', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-06-07-interpol-global-crisis-warning', '2023-06-07', 'day', 'Interpol warns that scam centres concentrated in Cambodia have fuelled a global trafficking crisis', 'Interpol warned that human trafficking tied to online scam centres concentrated in Cambodia had grown into a global crisis, with victims from as far as South America, East Africa and Western Europe.', 'Interpol warned that a trafficking crisis tied to online scam centres, which it said were concentrated in Cambodia, was spreading around the world. The agency said victims had been found who came from South America, East Africa and Western Europe.

Its Secretary General, Jürgen Stock, said a regional crime threat had turned into a global trafficking crisis, that almost anyone could fall prey to the trafficking or the scams run from these hubs, and that far stronger international police cooperation was needed to halt the trend.', 'international-pressure', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-06-10-body-in-suitcase-jinbei-1', '2023-06-10', 'day', 'Chinese national found dead in a suitcase, carrying a Jinbei 1 casino ID card', 'A Chinese national was found dead inside a suitcase, carrying a Jinbei 1 ID card; the casino is one trafficking victims often name as a scam site, CamboJA reported.', 'The body of a Chinese national was discovered stuffed into a suitcase together with a Jinbei 1 ID card. Jinbei 1 is a casino that trafficking victims have often named as a place where online scams are run.

The victim had lived in a compound in Phnom Penh that a neighbour described as a place people could enter but never leave. Local authorities said the compound had been allowed to keep operating because a high-ranking official owned it, CamboJA reported.', 'violence-and-death', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-06-14-thai-police-arrest-gang-aide', '2023-06-14', 'day', 'Thai police arrest an aide to the Chinese boss of a Koh Kong-based phone-scam gang', 'Thai police detained an interpreter said to be a trusted aide to the Chinese boss of a phone-scam ring operating out of Cambodia''s Koh Kong, once he had got away and returned to Thailand, the Bangkok Post reported.', 'Police in Thailand detained an interpreter who was described as a "close aide" to the Chinese boss of a phone-scam ring operating out of Koh Kong province in Cambodia.

The arrest came after the man had got away from the gang and returned to Thailand, the Bangkok Post reported.', 'enforcement', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  ('2023-06-16-cambodia-stays-tier-3', '2023-06-16', 'day', 'US keeps Cambodia at Tier 3 in its latest trafficking report', 'The US State Department kept Cambodia at Tier 3, judging it still short of the minimum standards against trafficking; a U.S. Embassy spokesperson faulted law enforcement on forced labour in scam operations, while NCCT''s Chou Bun Eng called the rankings illogical and arbitrary.', 'The U.S. State Department left Cambodia''s Tier 3 ranking unchanged, finding that the country still did not meet minimum standards for fighting human trafficking. A U.S. Embassy spokesperson told CamboJA that law enforcement had not dealt effectively with forced labour in cyber-scam operations.

Before the report came out, NCCT vice chairperson Chou Bun Eng told CamboJA that its rankings were illogical and arbitrary and should not be read as a verdict on Cambodia''s anti-trafficking work as a whole. She said Cambodian authorities at every level were fighting crime vigorously and working with other countries and international organisations to get victims released, and that although officials were busy and wanted rest, perpetrators gave them no peace.', 'international-pressure', 'spread-and-denial', 'published', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)
ON CONFLICT DO NOTHING;

-- Event outlets. 'compiled' = known only from CamboJA's review (no other source named).
INSERT INTO event_outlets (event_id, outlet_id, role, position) VALUES
  ('2022-07-13-vice-pig-butchering-investigation', 'vice-world-news', 'published', 0),
  ('2022-07-14-al-jazeera-scam-compound-documentary', 'al-jazeera', 'published', 0),
  ('2022-07-19-vod-white-shark-channel', 'vod', 'published', 0),
  ('2022-07-20-us-tip-report-tier-3-downgrade', 'camboja', 'compiled', 0),
  ('2022-08-01-indonesians-rescued-sihanoukville', 'tempo', 'reported', 0),
  ('2022-08-16-taiwanese-police-stranded-estimate', 'camboja', 'compiled', 0),
  ('2022-08-18-vietnamese-workers-escape-koh-thom', 'vnexpress', 'reported', 0),
  ('2022-08-22-chou-bun-eng-blames-outsiders', 'camboja', 'compiled', 0),
  ('2022-08-26-sar-kheng-acknowledges-trafficking', 'vod', 'reported', 0),
  ('2022-08-30-chen-baorong-sentenced', 'vod', 'reported', 0),
  ('2022-09-13-propublica-compound-owners', 'propublica', 'published', 0),
  ('2022-09-19-sar-kheng-289-complaints', 'sar-kheng-website', 'statement', 0),
  ('2022-09-22-vietnamese-rescued-after-raids', 'camboja', 'compiled', 0),
  ('2022-09-27-phnom-penh-raids-1480-released', 'vod', 'reported', 0),
  ('2022-09-29-hun-sen-interfaith-forum', 'camboja', 'compiled', 0),
  ('2022-10-04-vice-detention-bribes', 'vice-world-news', 'reported', 0),
  ('2022-10-13-nikkei-gangs-relocate', 'nikkei-asia', 'reported', 0),
  ('2022-10-27-vietnamese-return-home', 'vnexpress', 'reported', 0),
  ('2022-10-28-raids-across-10-provinces', 'vod', 'reported', 0),
  ('2022-11-01-la-times-100000-held-captive', 'los-angeles-times', 'reported', 0),
  ('2022-11-14-scams-move-to-koh-kong', 'vod', 'reported', 0),
  ('2022-12-29-casino-licences-renewed', 'camboja', 'compiled', 0),
  ('2022-12-31-sar-kheng-600-requests', 'camboja', 'compiled', 0),
  ('2023-01-20-central-database-707-reports', 'phnom-penh-post', 'reported', 0),
  ('2023-01-23-officials-went-easy-on-investors', 'vod', 'reported', 0),
  ('2023-02-07-taiwan-police-bokor-stronghold', 'camboja', 'reported', 0),
  ('2023-02-12-hun-sen-shuts-down-vod', 'camboja', 'compiled', 0),
  ('2023-02-25-fatf-grey-list-removal', 'camboja', 'compiled', 0),
  ('2023-03-01-mfa-8000-cambodians-rescued', 'camboja', 'compiled', 0),
  ('2023-03-08-bbc-huang-le-documentary', 'bbc', 'published', 0),
  ('2023-03-21-three-falls-sihanoukville', 'camboja', 'compiled', 0),
  ('2023-03-23-national-anti-trafficking-report', 'camboja', 'compiled', 0),
  ('2023-04-05-vice-poipet-expansion', 'vice-world-news', 'published', 0),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'cyber-scam-monitor', 'reported', 0),
  ('2023-04-18-sihanoukville-dismisses-bbc', 'camboja', 'reported', 0),
  ('2023-04-20-woman-killed-bavet', 'camboja', 'compiled', 0),
  ('2023-05-18-sar-kheng-requests-decline', 'sar-kheng-facebook', 'statement', 0),
  ('2023-05-26-police-raid-pursat-mds-zone', 'cyber-scam-monitor', 'reported', 0),
  ('2023-06-07-interpol-global-crisis-warning', 'camboja', 'compiled', 0),
  ('2023-06-10-body-in-suitcase-jinbei-1', 'camboja', 'reported', 0),
  ('2023-06-14-thai-police-arrest-gang-aide', 'bangkok-post', 'reported', 0),
  ('2023-06-16-cambodia-stays-tier-3', 'camboja', 'reported', 0)
ON CONFLICT DO NOTHING;

-- Event places
INSERT INTO event_places (event_id, place_id, position) VALUES
  ('2022-07-13-vice-pig-butchering-investigation', 'sihanoukville', 0),
  ('2022-07-13-vice-pig-butchering-investigation', 'cambodia', 1),
  ('2022-07-13-vice-pig-butchering-investigation', 'united-states', 2),
  ('2022-07-14-al-jazeera-scam-compound-documentary', 'cambodia', 0),
  ('2022-07-19-vod-white-shark-channel', 'cambodia', 0),
  ('2022-07-20-us-tip-report-tier-3-downgrade', 'cambodia', 0),
  ('2022-07-20-us-tip-report-tier-3-downgrade', 'united-states', 1),
  ('2022-08-01-indonesians-rescued-sihanoukville', 'sihanoukville', 0),
  ('2022-08-01-indonesians-rescued-sihanoukville', 'indonesia', 1),
  ('2022-08-16-taiwanese-police-stranded-estimate', 'cambodia', 0),
  ('2022-08-16-taiwanese-police-stranded-estimate', 'taiwan', 1),
  ('2022-08-18-vietnamese-workers-escape-koh-thom', 'koh-thom-casino-complex', 0),
  ('2022-08-18-vietnamese-workers-escape-koh-thom', 'kandal', 1),
  ('2022-08-22-chou-bun-eng-blames-outsiders', 'cambodia', 0),
  ('2022-08-26-sar-kheng-acknowledges-trafficking', 'cambodia', 0),
  ('2022-08-30-chen-baorong-sentenced', 'sihanoukville', 0),
  ('2022-08-30-chen-baorong-sentenced', 'preah-sihanouk', 1),
  ('2022-09-13-propublica-compound-owners', 'cambodia', 0),
  ('2022-09-19-sar-kheng-289-complaints', 'cambodia', 0),
  ('2022-09-19-sar-kheng-289-complaints', 'preah-sihanouk', 1),
  ('2022-09-19-sar-kheng-289-complaints', 'banteay-meanchey', 2),
  ('2022-09-19-sar-kheng-289-complaints', 'pursat', 3),
  ('2022-09-19-sar-kheng-289-complaints', 'svay-rieng', 4),
  ('2022-09-19-sar-kheng-289-complaints', 'koh-kong', 5),
  ('2022-09-19-sar-kheng-289-complaints', 'pailin', 6),
  ('2022-09-19-sar-kheng-289-complaints', 'oddar-meanchey', 7),
  ('2022-09-19-sar-kheng-289-complaints', 'kandal', 8),
  ('2022-09-19-sar-kheng-289-complaints', 'siem-reap', 9),
  ('2022-09-19-sar-kheng-289-complaints', 'phnom-penh', 10),
  ('2022-09-22-vietnamese-rescued-after-raids', 'cambodia', 0),
  ('2022-09-22-vietnamese-rescued-after-raids', 'vietnam', 1),
  ('2022-09-27-phnom-penh-raids-1480-released', 'phnom-penh', 0),
  ('2022-09-29-hun-sen-interfaith-forum', 'cambodia', 0),
  ('2022-10-04-vice-detention-bribes', 'cambodia', 0),
  ('2022-10-13-nikkei-gangs-relocate', 'cambodia', 0),
  ('2022-10-27-vietnamese-return-home', 'cambodia', 0),
  ('2022-10-27-vietnamese-return-home', 'vietnam', 1),
  ('2022-10-28-raids-across-10-provinces', 'cambodia', 0),
  ('2022-11-01-la-times-100000-held-captive', 'cambodia', 0),
  ('2022-11-14-scams-move-to-koh-kong', 'sihanoukville', 0),
  ('2022-11-14-scams-move-to-koh-kong', 'koh-kong', 1),
  ('2022-12-29-casino-licences-renewed', 'mds-thmor-da-sez', 0),
  ('2022-12-29-casino-licences-renewed', 'kaibo-compound', 1),
  ('2022-12-31-sar-kheng-600-requests', 'cambodia', 0),
  ('2023-01-20-central-database-707-reports', 'cambodia', 0),
  ('2023-01-23-officials-went-easy-on-investors', 'cambodia', 0),
  ('2023-02-07-taiwan-police-bokor-stronghold', 'thansur-sokha-hotel', 0),
  ('2023-02-07-taiwan-police-bokor-stronghold', 'kampot', 1),
  ('2023-02-12-hun-sen-shuts-down-vod', 'cambodia', 0),
  ('2023-02-25-fatf-grey-list-removal', 'cambodia', 0),
  ('2023-03-01-mfa-8000-cambodians-rescued', 'cambodia', 0),
  ('2023-03-01-mfa-8000-cambodians-rescued', 'thailand', 1),
  ('2023-03-01-mfa-8000-cambodians-rescued', 'malaysia', 2),
  ('2023-03-01-mfa-8000-cambodians-rescued', 'singapore', 3),
  ('2023-03-08-bbc-huang-le-documentary', 'huang-le-compound', 0),
  ('2023-03-08-bbc-huang-le-documentary', 'sihanoukville', 1),
  ('2023-03-21-three-falls-sihanoukville', 'sihanoukville', 0),
  ('2023-03-23-national-anti-trafficking-report', 'cambodia', 0),
  ('2023-03-23-national-anti-trafficking-report', 'sihanoukville', 1),
  ('2023-04-05-vice-poipet-expansion', 'poipet', 0),
  ('2023-04-05-vice-poipet-expansion', 'thailand', 1),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'xing-tian-di-casino', 0),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'sihanoukville', 1),
  ('2023-04-18-sihanoukville-dismisses-bbc', 'huang-le-compound', 0),
  ('2023-04-18-sihanoukville-dismisses-bbc', 'sihanoukville', 1),
  ('2023-04-20-woman-killed-bavet', 'bavet', 0),
  ('2023-04-20-woman-killed-bavet', 'svay-rieng', 1),
  ('2023-04-20-woman-killed-bavet', 'moc-bai-complex', 2),
  ('2023-05-18-sar-kheng-requests-decline', 'cambodia', 0),
  ('2023-05-18-sar-kheng-requests-decline', 'oddar-meanchey', 1),
  ('2023-05-18-sar-kheng-requests-decline', 'koh-kong', 2),
  ('2023-05-18-sar-kheng-requests-decline', 'kandal', 3),
  ('2023-05-18-sar-kheng-requests-decline', 'preah-sihanouk', 4),
  ('2023-05-26-police-raid-pursat-mds-zone', 'mds-thmor-da-sez', 0),
  ('2023-05-26-police-raid-pursat-mds-zone', 'pursat', 1),
  ('2023-06-07-interpol-global-crisis-warning', 'cambodia', 0),
  ('2023-06-10-body-in-suitcase-jinbei-1', 'phnom-penh', 0),
  ('2023-06-10-body-in-suitcase-jinbei-1', 'jinbei-1-casino', 1),
  ('2023-06-14-thai-police-arrest-gang-aide', 'koh-kong', 0),
  ('2023-06-14-thai-police-arrest-gang-aide', 'thailand', 1),
  ('2023-06-16-cambodia-stays-tier-3', 'cambodia', 0),
  ('2023-06-16-cambodia-stays-tier-3', 'united-states', 1)
ON CONFLICT DO NOTHING;

-- Event actors
INSERT INTO event_actors (event_id, actor_id, role, position) VALUES
  ('2022-07-13-vice-pig-butchering-investigation', 'american-scam-victim', 'victim', 0),
  ('2022-07-14-al-jazeera-scam-compound-documentary', 'hun-to', 'subject', 0),
  ('2022-07-19-vod-white-shark-channel', 'white-shark-channel', 'subject', 0),
  ('2022-07-20-us-tip-report-tier-3-downgrade', 'us-state-department', 'authority', 0),
  ('2022-08-01-indonesians-rescued-sihanoukville', 'indonesian-embassy', 'authority', 0),
  ('2022-08-01-indonesians-rescued-sihanoukville', 'cambodian-authorities', 'partner', 1),
  ('2022-08-16-taiwanese-police-stranded-estimate', 'taiwanese-police', 'source', 0),
  ('2022-08-22-chou-bun-eng-blames-outsiders', 'chou-bun-eng', 'speaker', 0),
  ('2022-08-22-chou-bun-eng-blames-outsiders', 'ncct', 'subject', 1),
  ('2022-08-22-chou-bun-eng-blames-outsiders', 'office-of-the-council-of-ministers', 'host', 2),
  ('2022-08-22-chou-bun-eng-blames-outsiders', 'international-ngos-and-media', 'target', 3),
  ('2022-08-26-sar-kheng-acknowledges-trafficking', 'sar-kheng', 'speaker', 0),
  ('2022-08-30-chen-baorong-sentenced', 'chen-baorong', 'accused', 0),
  ('2022-08-30-chen-baorong-sentenced', 'preah-sihanouk-provincial-court', 'authority', 1),
  ('2022-08-30-chen-baorong-sentenced', 'cambodian-authorities', 'source', 2),
  ('2022-09-13-propublica-compound-owners', 'k99-group', 'owner', 0),
  ('2022-09-13-propublica-compound-owners', 'rithy-raksmei', 'owner', 1),
  ('2022-09-19-sar-kheng-289-complaints', 'sar-kheng', 'speaker', 0),
  ('2022-09-19-sar-kheng-289-complaints', 'interior-ministry', 'source', 1),
  ('2022-09-22-vietnamese-rescued-after-raids', 'cambodian-authorities', 'authority', 0),
  ('2022-09-27-phnom-penh-raids-1480-released', 'cambodian-authorities', 'authority', 0),
  ('2022-09-27-phnom-penh-raids-1480-released', 'cambodian-police', 'source', 1),
  ('2022-09-29-hun-sen-interfaith-forum', 'hun-sen', 'host', 0),
  ('2022-09-29-hun-sen-interfaith-forum', 'hun-sen', 'speaker', 1),
  ('2022-10-04-vice-detention-bribes', 'cambodian-authorities', 'accused', 0),
  ('2022-10-13-nikkei-gangs-relocate', 'cambodian-authorities', 'authority', 0),
  ('2022-10-13-nikkei-gangs-relocate', 'human-rights-groups', 'source', 1),
  ('2022-10-28-raids-across-10-provinces', 'cambodian-police', 'authority', 0),
  ('2022-10-28-raids-across-10-provinces', 'interior-ministry', 'partner', 1),
  ('2022-11-01-la-times-100000-held-captive', 'chinese-led-gangs', 'accused', 0),
  ('2022-11-14-scams-move-to-koh-kong', 'cambodian-police', 'source', 0),
  ('2022-12-29-casino-licences-renewed', 'try-pheap', 'owner', 0),
  ('2022-12-29-casino-licences-renewed', 'eternal-diamond-casino', 'subject', 1),
  ('2022-12-29-casino-licences-renewed', 'rsx-investment', 'owner', 2),
  ('2022-12-29-casino-licences-renewed', 'kb-casino', 'subject', 3),
  ('2022-12-31-sar-kheng-600-requests', 'sar-kheng', 'speaker', 0),
  ('2022-12-31-sar-kheng-600-requests', 'cambodian-police', 'authority', 1),
  ('2023-01-20-central-database-707-reports', 'cambodian-authorities', 'source', 0),
  ('2023-01-23-officials-went-easy-on-investors', 'kirth-chantharith', 'speaker', 0),
  ('2023-01-23-officials-went-easy-on-investors', 'cambodian-authorities', 'authority', 1),
  ('2023-02-07-taiwan-police-bokor-stronghold', 'taiwanese-police', 'source', 0),
  ('2023-02-07-taiwan-police-bokor-stronghold', 'sok-kong', 'owner', 1),
  ('2023-02-07-taiwan-police-bokor-stronghold', 'mao-chanmathurith', 'speaker', 2),
  ('2023-02-12-hun-sen-shuts-down-vod', 'hun-sen', 'authority', 0),
  ('2023-02-12-hun-sen-shuts-down-vod', 'vod', 'target', 1),
  ('2023-02-25-fatf-grey-list-removal', 'fatf', 'authority', 0),
  ('2023-03-01-mfa-8000-cambodians-rescued', 'ministry-of-foreign-affairs', 'source', 0),
  ('2023-03-08-bbc-huang-le-documentary', 'kuong-li', 'owner', 0),
  ('2023-03-08-bbc-huang-le-documentary', 'bbc-escapee', 'victim', 1),
  ('2023-03-08-bbc-huang-le-documentary', 'alleged-scam-leader', 'source', 2),
  ('2023-03-21-three-falls-sihanoukville', 'local-journalist', 'source', 0),
  ('2023-03-23-national-anti-trafficking-report', 'sar-kheng', 'host', 0),
  ('2023-03-23-national-anti-trafficking-report', 'sar-kheng', 'speaker', 1),
  ('2023-03-23-national-anti-trafficking-report', 'ncct', 'source', 2),
  ('2023-04-05-vice-poipet-expansion', 'former-security-guard-poipet', 'speaker', 0),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'ko', 'victim', 0),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'ko', 'speaker', 1),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'xing-tian-di-gang', 'accused', 2),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'k99-group', 'owner', 3),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'rithy-raksmei', 'owner', 4),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'rithy-raksmei', 'host', 5),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'sao-sokha', 'attendee', 6),
  ('2023-04-12-ko-kidnapped-xing-tian-di', 'kuoch-chamroeun', 'attendee', 7),
  ('2023-04-18-sihanoukville-dismisses-bbc', 'sihanoukville-authorities', 'speaker', 0),
  ('2023-04-18-sihanoukville-dismisses-bbc', 'kuong-li', 'owner', 1),
  ('2023-04-18-sihanoukville-dismisses-bbc', 'kuong-li', 'speaker', 2),
  ('2023-04-18-sihanoukville-dismisses-bbc', 'long-dimanche', 'speaker', 3),
  ('2023-04-18-sihanoukville-dismisses-bbc', 'bbc', 'target', 4),
  ('2023-04-20-woman-killed-bavet', 'bavet-victim', 'victim', 0),
  ('2023-05-18-sar-kheng-requests-decline', 'sar-kheng', 'speaker', 0),
  ('2023-05-26-police-raid-pursat-mds-zone', 'cambodian-national-police', 'authority', 0),
  ('2023-05-26-police-raid-pursat-mds-zone', 'chinese-woman-mds', 'victim', 1),
  ('2023-05-26-police-raid-pursat-mds-zone', 'try-pheap', 'owner', 2),
  ('2023-06-07-interpol-global-crisis-warning', 'interpol', 'source', 0),
  ('2023-06-07-interpol-global-crisis-warning', 'jurgen-stock', 'speaker', 1),
  ('2023-06-10-body-in-suitcase-jinbei-1', 'suitcase-victim', 'victim', 0),
  ('2023-06-10-body-in-suitcase-jinbei-1', 'neighbor-phnom-penh-compound', 'speaker', 1),
  ('2023-06-10-body-in-suitcase-jinbei-1', 'cambodian-authorities', 'source', 2),
  ('2023-06-14-thai-police-arrest-gang-aide', 'thai-police', 'authority', 0),
  ('2023-06-14-thai-police-arrest-gang-aide', 'koh-kong-gang-aide', 'accused', 1),
  ('2023-06-14-thai-police-arrest-gang-aide', 'koh-kong-gang-leader', 'subject', 2),
  ('2023-06-16-cambodia-stays-tier-3', 'us-state-department', 'authority', 0),
  ('2023-06-16-cambodia-stays-tier-3', 'us-embassy-spokesperson', 'speaker', 1),
  ('2023-06-16-cambodia-stays-tier-3', 'chou-bun-eng', 'speaker', 2),
  ('2023-06-16-cambodia-stays-tier-3', 'ncct', 'subject', 3)
ON CONFLICT DO NOTHING;

-- Figures: every number in every entry, with its qualifier as the source gives it
INSERT INTO figures (id, event_id, position, value, value_max, qualifier, unit, measure, subject, nationality, place_id, period, period_start, period_end, display, created_at, updated_at, version) VALUES
  (1, '2022-07-13-vice-pig-butchering-investigation', 0, 2500000, NULL, 'exactly', 'USD', 'lost', 'American victim of a pig-butchering romance scam', 'American', NULL, NULL, NULL, NULL, '$2.5 million lost by one American', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (2, '2022-07-19-vod-white-shark-channel', 0, 5000, NULL, 'more than', 'subscribers', 'subscribers', 'Subscribers to the White Shark Channel Telegram chat', NULL, NULL, NULL, NULL, NULL, 'more than 5,000 subscribers to the chat', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (3, '2022-07-20-us-tip-report-tier-3-downgrade', 0, 1, NULL, 'nearly', 'years', 'duration', 'Reporting by local and regional media before the downgrade', NULL, NULL, NULL, NULL, NULL, 'nearly one year of media reporting before the downgrade', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (4, '2022-08-01-indonesians-rescued-sihanoukville', 0, 62, NULL, 'exactly', 'people', 'rescued', 'Indonesian nationals held in Sihanoukville compounds', 'Indonesian', 'sihanoukville', NULL, NULL, NULL, '62 Indonesian nationals rescued', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (5, '2022-08-16-taiwanese-police-stranded-estimate', 0, 2000, 5000, 'at least', 'people', 'stranded', 'Taiwanese held in Cambodia against their will', 'Taiwanese', 'cambodia', NULL, NULL, NULL, 'at least 2,000 Taiwanese stranded, possibly as many as 5,000', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (6, '2022-08-18-vietnamese-workers-escape-koh-thom', 0, 42, NULL, 'more than', 'people', 'escaped', 'Vietnamese workers at the Koh Thom casino complex', 'Vietnamese', 'koh-thom-casino-complex', NULL, NULL, NULL, 'more than 42 Vietnamese workers escaped', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (7, '2022-08-30-chen-baorong-sentenced', 0, 2, NULL, 'exactly', 'years', 'sentence', 'Chen Baorong, convicted of incitement', 'Chinese', 'preah-sihanouk', NULL, NULL, NULL, 'two-year prison sentence', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (8, '2022-09-19-sar-kheng-289-complaints', 0, 289, NULL, 'exactly', 'complaints', 'complaints', 'Complaints linked to human trafficking received by the Interior Ministry', NULL, 'cambodia', 'the month before September 19, 2022', NULL, NULL, '289 trafficking complaints in a month', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (9, '2022-09-19-sar-kheng-289-complaints', 1, 200, NULL, 'more than', 'complaints', 'complaints', 'Complaints from Preah Sihanouk province', NULL, 'preah-sihanouk', 'the month before September 19, 2022', NULL, NULL, 'more than 200 complaints from Preah Sihanouk', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (10, '2022-09-19-sar-kheng-289-complaints', 2, 2, NULL, 'exactly', 'complaints', 'complaints', 'Complaints from Banteay Meanchey', NULL, 'banteay-meanchey', 'the month before September 19, 2022', NULL, NULL, '2 complaints from Banteay Meanchey', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (11, '2022-09-19-sar-kheng-289-complaints', 3, 4, NULL, 'exactly', 'complaints', 'complaints', 'Complaints from Pursat', NULL, 'pursat', 'the month before September 19, 2022', NULL, NULL, '4 complaints from Pursat', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (12, '2022-09-19-sar-kheng-289-complaints', 4, 18, NULL, 'exactly', 'complaints', 'complaints', 'Complaints from Svay Rieng', NULL, 'svay-rieng', 'the month before September 19, 2022', NULL, NULL, '18 complaints from Svay Rieng', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (13, '2022-09-19-sar-kheng-289-complaints', 5, 5, NULL, 'exactly', 'complaints', 'complaints', 'Complaints from Koh Kong', NULL, 'koh-kong', 'the month before September 19, 2022', NULL, NULL, '5 complaints from Koh Kong', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (14, '2022-09-19-sar-kheng-289-complaints', 6, 1, NULL, 'exactly', 'complaints', 'complaints', 'Complaints from Pailin', NULL, 'pailin', 'the month before September 19, 2022', NULL, NULL, '1 complaint from Pailin', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (15, '2022-09-19-sar-kheng-289-complaints', 7, 14, NULL, 'exactly', 'complaints', 'complaints', 'Complaints from Oddar Meanchey', NULL, 'oddar-meanchey', 'the month before September 19, 2022', NULL, NULL, '14 complaints from Oddar Meanchey', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (16, '2022-09-19-sar-kheng-289-complaints', 8, 18, NULL, 'exactly', 'complaints', 'complaints', 'Complaints from Kandal', NULL, 'kandal', 'the month before September 19, 2022', NULL, NULL, '18 complaints from Kandal', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (17, '2022-09-19-sar-kheng-289-complaints', 9, 1, NULL, 'exactly', 'complaints', 'complaints', 'Complaints from Siem Reap', NULL, 'siem-reap', 'the month before September 19, 2022', NULL, NULL, '1 complaint from Siem Reap', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (18, '2022-09-19-sar-kheng-289-complaints', 10, 14, NULL, 'exactly', 'complaints', 'complaints', 'Complaints from Phnom Penh', NULL, 'phnom-penh', 'the month before September 19, 2022', NULL, NULL, '14 complaints from Phnom Penh', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (19, '2022-09-19-sar-kheng-289-complaints', 11, 95, NULL, 'about', 'percent', 'confirmed', 'Share of complaints that later raids showed to be true', NULL, 'cambodia', NULL, NULL, NULL, 'about 95 percent of complaints found to be true', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (20, '2022-09-22-vietnamese-rescued-after-raids', 0, 1000, NULL, 'over', 'people', 'rescued', 'Vietnamese citizens tricked into working illegally in Cambodia', 'Vietnamese', 'cambodia', NULL, NULL, NULL, 'over 1,000 Vietnamese citizens rescued', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (21, '2022-09-27-phnom-penh-raids-1480-released', 0, 10, NULL, 'more than', 'buildings', 'raided', 'Condominiums, hotels and other buildings in Phnom Penh', NULL, 'phnom-penh', NULL, NULL, NULL, 'more than 10 buildings raided', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (22, '2022-09-27-phnom-penh-raids-1480-released', 1, 1480, NULL, 'more than', 'people', 'released', 'Foreign nationals', NULL, 'phnom-penh', NULL, NULL, NULL, 'more than 1,480 foreign nationals released', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (23, '2022-10-13-nikkei-gangs-relocate', 0, 1000, NULL, 'more than', 'people', 'released', 'Enslaved workers freed in raids on cyber-gang compounds', NULL, 'cambodia', NULL, NULL, NULL, 'more than a thousand enslaved workers freed', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (24, '2022-10-27-vietnamese-return-home', 0, 800, NULL, 'more than', 'people', 'returned', 'Vietnamese people returning home after raids', 'Vietnamese', 'vietnam', NULL, NULL, NULL, 'more than 800 Vietnamese returned home', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (25, '2022-10-28-raids-across-10-provinces', 0, 10, NULL, 'exactly', 'provinces', 'raided', 'Provinces where scam compounds were raided', NULL, 'cambodia', NULL, NULL, NULL, 'scam compounds raided in 10 provinces', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (26, '2022-10-28-raids-across-10-provinces', 1, 600, NULL, 'more than', 'complaints', 'complaints', 'Complaints received through the Interior Ministry hotline', NULL, 'cambodia', NULL, NULL, NULL, 'more than 600 hotline complaints', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (27, '2022-11-01-la-times-100000-held-captive', 0, 100000, NULL, 'as many as', 'people', 'held captive', 'People held captive by Chinese-led gangs', NULL, 'cambodia', NULL, NULL, NULL, 'as many as 100,000 people held captive', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (28, '2022-12-31-sar-kheng-600-requests', 0, 600, NULL, 'more than', 'requests', 'requests', 'Requests for help answered by police', NULL, 'cambodia', 'August 18 to December 31, 2022', '2022-08-18', '2022-12-31', 'more than 600 requests answered', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (29, '2022-12-31-sar-kheng-600-requests', 1, 1590, NULL, 'over', 'people', 'requests', 'Foreigners who made the requests', NULL, 'cambodia', 'August 18 to December 31, 2022', '2022-08-18', '2022-12-31', 'over 1,590 foreigners behind the requests', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (30, '2022-12-31-sar-kheng-600-requests', 2, 16, NULL, 'exactly', 'nationalities', 'nationalities', 'Nationalities of the foreigners who made the requests', NULL, 'cambodia', 'August 18 to December 31, 2022', '2022-08-18', '2022-12-31', '16 nationalities', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (31, '2023-01-20-central-database-707-reports', 0, 707, NULL, 'exactly', 'reports', 'reports', 'Reports of human trafficking in all forms in the central database', NULL, 'cambodia', NULL, NULL, NULL, '707 trafficking reports recorded', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (32, '2023-01-20-central-database-707-reports', 1, 120, NULL, 'exactly', 'suspects', 'detained', 'Suspects detained as a result of the reports', NULL, 'cambodia', NULL, NULL, NULL, '120 suspects detained', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (33, '2023-02-07-taiwan-police-bokor-stronghold', 0, 12, NULL, 'more than', 'complaints', 'complaints', 'Complaints from foreign nationals at the Bokor compound', NULL, 'thansur-sokha-hotel', NULL, NULL, NULL, 'more than a dozen complaints', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (34, '2023-02-12-hun-sen-shuts-down-vod', 0, 120, NULL, 'more than', 'articles', 'published', 'VOD news articles and investigations on human trafficking and scams', NULL, NULL, 'since November 2021', '2021-11-01', '2023-02-12', 'more than 120 articles and investigations on trafficking and scams', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (35, '2023-03-01-mfa-8000-cambodians-rescued', 0, 8000, NULL, 'nearly', 'people', 'rescued', 'Cambodian citizens rescued from trafficking in surrounding countries', 'Cambodian', NULL, NULL, NULL, NULL, 'nearly 8,000 Cambodians rescued', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (36, '2023-03-21-three-falls-sihanoukville', 0, 3, NULL, 'exactly', 'people', 'victims', 'People who fell from Sihanoukville buildings', NULL, 'sihanoukville', NULL, NULL, NULL, 'three people fell from buildings', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (37, '2023-03-21-three-falls-sihanoukville', 1, 4, NULL, 'exactly', 'days', 'duration', 'Span in which the three falls happened', NULL, 'sihanoukville', NULL, NULL, NULL, 'within four days', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (38, '2023-03-23-national-anti-trafficking-report', 0, 166, NULL, 'exactly', 'cases', 'cases', 'Cases police cracked down on', NULL, 'cambodia', '2022', '2022-01-01', '2022-12-31', '166 trafficking cases in 2022', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (39, '2023-03-23-national-anti-trafficking-report', 1, 359, NULL, 'exactly', 'cases', 'cases', 'Cases police cracked down on', NULL, 'cambodia', '2021', '2021-01-01', '2021-12-31', '359 trafficking cases in 2021', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (40, '2023-03-23-national-anti-trafficking-report', 2, 202, NULL, 'exactly', 'suspects', 'suspects', 'Suspects sent to municipal court', NULL, 'cambodia', '2022', '2022-01-01', '2022-12-31', '202 suspects sent to municipal court', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (41, '2023-03-23-national-anti-trafficking-report', 3, 33, NULL, 'exactly', 'suspects', 'suspects', 'Foreign suspects among those sent to municipal court', NULL, 'cambodia', '2022', '2022-01-01', '2022-12-31', '33 foreigners among the suspects', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (42, '2023-03-23-national-anti-trafficking-report', 4, 358, NULL, 'exactly', 'people', 'rescued', 'Trafficking victims rescued', NULL, 'cambodia', '2022', '2022-01-01', '2022-12-31', '358 victims rescued', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (43, '2023-03-23-national-anti-trafficking-report', 5, 265, NULL, 'exactly', 'people', 'rescued', 'Women among the rescued victims', NULL, 'cambodia', '2022', '2022-01-01', '2022-12-31', '265 women among the rescued victims', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (44, '2023-05-18-sar-kheng-requests-decline', 0, 128, NULL, 'exactly', 'requests', 'requests', 'Requests for intervention', NULL, 'cambodia', 'January to March 2023', '2023-01-01', '2023-03-31', '128 requests for intervention, January to March 2023', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (45, '2023-05-18-sar-kheng-requests-decline', 1, 605, NULL, 'exactly', 'requests', 'requests', 'Requests for help', NULL, 'cambodia', 'First quarter of 2022', '2022-01-01', '2022-03-31', '605 requests for help in the first quarter of 2022', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (46, '2023-05-18-sar-kheng-requests-decline', 2, 78, NULL, 'exactly', 'percent', 'decline', 'Fall in requests, first quarter of 2022 to January to March 2023', NULL, 'cambodia', 'First quarter of 2022 to first quarter of 2023', '2022-01-01', '2023-03-31', '78% decline in requests', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)
ON CONFLICT DO NOTHING;

-- Quotations: one sentence at most, exactly as the source prints them (the comma before an attribution is left out)
INSERT INTO quotes (id, event_id, position, speaker_id, text, outlet_id, created_at, updated_at, version) VALUES
  (1, '2022-08-22-chou-bun-eng-blames-outsiders', 0, 'chou-bun-eng', 'Cambodia is not a country which has the full capacity to eradicate all kinds of crimes, but we are making it a priority to stop it and make Cambodia safer for everyone', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (2, '2022-09-19-sar-kheng-289-complaints', 0, 'sar-kheng', 'At first, we did not trust these complaints completely, but through subsequent crime bust operations, about 95 percent were true', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (3, '2022-09-19-sar-kheng-289-complaints', 1, 'sar-kheng', 'illegal gambling of all kinds is the most vicious social cancer.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (4, '2022-09-29-hun-sen-interfaith-forum', 0, 'hun-sen', 'serious crimes of fraud in Cambodia emerged…as well as the use of people held against their will, exploited for their labor and used as tools for online scams', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (5, '2022-09-29-hun-sen-interfaith-forum', 1, 'hun-sen', 'Do not let Cambodia become a haven of crime, a place of money laundering, a place of human trafficking.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (6, '2023-01-23-officials-went-easy-on-investors', 0, 'kirth-chantharith', 'There was noncooperation, mostly at sites of illegality.', 'vod', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (7, '2023-02-07-taiwan-police-bokor-stronghold', 0, 'mao-chanmathurith', 'All of them filed the complaint that they were detained and tortured and when we went to check there we found nothing, just that they want to change their job to get a higher salary', 'camboja', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (8, '2023-03-23-national-anti-trafficking-report', 0, 'sar-kheng', 'Do not be proud of the anti-human trafficking results, but ensure that human trafficking crimes are brought to justice and the victims are properly rescued.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (9, '2023-03-23-national-anti-trafficking-report', 1, 'sar-kheng', 'We urged the public to invest in businesses but not fraudulent ones, screening from illegal acts like human trafficking, sex crimes and so forth', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (10, '2023-04-05-vice-poipet-expansion', 0, 'former-security-guard-poipet', 'Inside there are hundreds of workers who cannot leave.', 'vice-world-news', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (11, '2023-04-12-ko-kidnapped-xing-tian-di', 0, 'ko', 'They might be afraid to buy and sell people now, but companies are slowly starting to detain and restrict people’s freedom again.', 'cyber-scam-monitor', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (12, '2023-04-18-sihanoukville-dismisses-bbc', 0, 'kuong-li', 'I just rented the land and casino to a Chinese national, however, it does not matter who is the owner.', 'camboja', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (13, '2023-05-18-sar-kheng-requests-decline', 0, 'sar-kheng', 'we will continue reviewing the requests for intervention [even at locations] that have been temporarily closed in order to evaluate and continue the search [regarding] requests to ensure the absolute safety of foreigners', 'sar-kheng-facebook', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (14, '2023-06-07-interpol-global-crisis-warning', 0, 'jurgen-stock', 'What began as a regional crime threat has become a global human trafficking crisis', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (15, '2023-06-10-body-in-suitcase-jinbei-1', 0, 'neighbor-phnom-penh-compound', 'people go in but cannot come out', 'camboja', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (16, '2023-06-16-cambodia-stays-tier-3', 0, 'us-embassy-spokesperson', 'Law enforcement failed to effectively address forced labor in cyber scam operations', 'camboja', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (17, '2023-06-16-cambodia-stays-tier-3', 1, 'chou-bun-eng', 'It [the TIP report] should not be used as a reflection of Cambodia’s overall anti-trafficking efforts', 'camboja', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (18, '2023-06-16-cambodia-stays-tier-3', 2, 'chou-bun-eng', 'Perpetrators do not allow us to live peacefully.', 'camboja', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)
ON CONFLICT DO NOTHING;

-- Editor's notes: corrections of the source (with what it said) and context
INSERT INTO notes (id, event_id, position, kind, field, text, source_said, created_at, updated_at, version) VALUES
  (1, '2022-07-20-us-tip-report-tier-3-downgrade', 0, 'context', NULL, 'Tier 3: as the source explains in its introduction, a country in this tier is considered to be failing to meet the "minimum standards" for combating human trafficking.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (2, '2022-09-19-sar-kheng-289-complaints', 0, 'correction', 'place', 'The source attributes more than 200 complaints to "Sihanoukville province". Sihanoukville is a city, the capital of Preah Sihanouk province; we record the figure under Preah Sihanouk province.', 'More than 200 complaints came from Sihanoukville province', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (3, '2022-09-19-sar-kheng-289-complaints', 1, 'context', NULL, 'The nine provinces listed by name account for 77 of the 289 complaints (2 + 4 + 18 + 5 + 1 + 14 + 18 + 1 + 14). That leaves 212 for Preah Sihanouk, consistent with the "more than 200" the source gives.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (4, '2022-09-19-sar-kheng-289-complaints', 2, 'context', NULL, 'The source says the complaints came "in the past month" without giving dates; we record the period as the month before September 19, 2022, with no exact start or end date.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (5, '2022-09-22-vietnamese-rescued-after-raids', 0, 'context', NULL, 'The source credits this report to "Vietnamese media" without naming an outlet, so it is linked only to CamboJA''s review.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (6, '2022-12-29-casino-licences-renewed', 0, 'context', 'place', 'This entry does not say where the MDS Thmor Da zone is; the source''s May 26, 2023 entry places Try Pheap''s MDS special economic zone in Pursat province, which is how we map it. The source does not say where the Kaibo compound is, so it is mapped at country level only.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (7, '2023-03-23-national-anti-trafficking-report', 0, 'correction', 'date', 'The source dates this entry March 23, 2033, which cannot be right in a timeline running from July 2022 to June 2023; the ceremony presented the 2022 report and the 2023 targets. We date it March 23, 2023.', 'March 23, 2033', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (8, '2023-03-23-national-anti-trafficking-report', 1, 'correction', 'speaker', 'The source attributes the last quotation in this entry to "Keng". The speaker is Interior Minister Sar Kheng, named earlier in the same entry; we give his full name.', 'Keng said.', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (9, '2023-04-20-woman-killed-bavet', 0, 'correction', 'place', 'The source places the Moc Bai complex "in Bavet province". Bavet is a city in Svay Rieng province, as the same entry says earlier, not a province; Moc Bai is the Vietnamese border crossing facing Bavet. We place the complex in Bavet city, Svay Rieng province.', 'the Moc Bai complex in Bavet province', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (10, '2023-05-18-sar-kheng-requests-decline', 0, 'context', 'figures', 'The 78% decline is the figure the source gives. Computed from its own numbers, the fall from 605 to 128 requests is (605 - 128) / 605 = 477 / 605, or 78.8%; we keep 78 as stated.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (11, '2023-06-10-body-in-suitcase-jinbei-1', 0, 'context', 'place', 'The source does not say where the Jinbei 1 casino is or where the body was found. We map the casino to Sihanoukville, where the Jin Bei casinos operate, at city level only; the victim''s compound was in Phnom Penh.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (12, '2023-06-16-cambodia-stays-tier-3', 0, 'correction', 'headline', 'The source says the State Department "maintains CamboJA''s Tier 3 ranking". The Tier 3 ranking is Cambodia''s: CamboJA is the journalists'' association that wrote the review, not a country.', 'maintains CamboJA’s Tier 3 ranking', '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (13, '2023-06-16-cambodia-stays-tier-3', 1, 'context', 'date', 'The source''s introduction says the latest report was released "on Thursday"; June 16, 2023 was a Friday, so the release may have come a day before the date the source gives this entry. We keep the source''s date.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1),
  (14, '2023-06-16-cambodia-stays-tier-3', 2, 'context', 'quotes', 'The quotation about the TIP report comes from the introduction of the source, where Chou Bun Eng is quoted speaking to CamboJA about the same report.', NULL, '2023-06-30T00:00:00.000Z', '2023-06-30T00:00:00.000Z', 1)
ON CONFLICT DO NOTHING;
