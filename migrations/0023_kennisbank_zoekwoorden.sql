-- Kennisbank search at 10,000 articles. Two costs grew with the catalogue: the trigram match compared every query word
-- with every matching article's title text (word_similarity, about 25 µs a call), and every article that matched
-- anywhere in its body was ranked. Now:
--  * the words of the titles, UPL names and trefwoorden form a vocabulary per tenant, counted by a trigger. Each Loket
--    process keeps the vocabulary in memory and compares a query word with it there ("paspoort" for "paspoord",
--    "omgevingsvergunning" for "vergunning"); the words found are looked up in `titelwoorden`;
--  * `kop` gets its own GIN index, so the articles that match in their head (title, trefwoorden, summary, questions,
--    inleiding) are found without reading whole documents; a match in the body only is found through `document`;
--  * `kennisbank_zoekstand` holds a number per tenant that every change of the index or the synonyms replaces, so a
--    process sees with one small read whether its vocabulary, synonyms and kept answers are still current. The
--    number is drawn at random rather than counted up: a database restored from a backup and changed again can
--    never come back to a number that a process still holds with other content.

-- The title text's words: each word, and a hyphenated word also without its hyphens and in its parts. Same rule as
-- titleVocabulary() in src/kennisbank/zoeken/vocabulary.ts.
ALTER TABLE kennisbank_zoekindex ADD COLUMN titelwoorden text[] NOT NULL DEFAULT '{}';

UPDATE kennisbank_zoekindex z
SET titelwoorden = coalesce((
  SELECT array_agg(DISTINCT part ORDER BY part)
  FROM unnest(string_to_array(z.trigram_tekst, ' ')) AS token,
       unnest(CASE WHEN token LIKE '%-%' THEN array_prepend(replace(token, '-', ''), string_to_array(token, '-')) ELSE ARRAY[token] END) AS part
  WHERE length(part) >= 3
), '{}');

CREATE INDEX kennisbank_zoekindex_titelwoorden ON kennisbank_zoekindex USING gin (titelwoorden);
CREATE INDEX kennisbank_zoekindex_kop ON kennisbank_zoekindex USING gin (kop);
-- The trigram match reads the vocabulary now; the index over the whole title text is no longer used.
DROP INDEX kennisbank_zoekindex_trigram;

-- Written at publication, read by every search: new entries go straight into the index instead of a pending list
-- that each search would scan (after an import of 10,000 articles, 2 ms for every look-up until a vacuum).
ALTER INDEX kennisbank_zoekindex_document SET (fastupdate = off);
ALTER INDEX kennisbank_zoekindex_notitie SET (fastupdate = off);
ALTER INDEX kennisbank_zoekindex_titelwoorden SET (fastupdate = off);
ALTER INDEX kennisbank_zoekindex_kop SET (fastupdate = off);
SELECT gin_clean_pending_list('kennisbank_zoekindex_document'), gin_clean_pending_list('kennisbank_zoekindex_notitie');

-- The vocabulary: how many of the tenant's indexed articles have each word in `titelwoorden`. A word whose count
-- went to zero stays as a row (it is not loaded) until an article has it again.
CREATE TABLE kennisbank_zoekwoorden (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  woord text NOT NULL,
  aantal integer NOT NULL,
  PRIMARY KEY (tenant_id, woord)
);

INSERT INTO kennisbank_zoekwoorden (tenant_id, woord, aantal)
SELECT tenant_id, word, count(*) FROM kennisbank_zoekindex, unnest(titelwoorden) AS word GROUP BY 1, 2;

CREATE TABLE kennisbank_zoekstand (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  stand bigint NOT NULL
);

INSERT INTO kennisbank_zoekstand (tenant_id, stand) SELECT id, (random() * 9007199254740991)::bigint FROM tenants;

-- Gives the tenants new numbers; a tenant that is being deleted (its rows go with it) is skipped.
CREATE OR REPLACE FUNCTION kennisbank_zoekstand_verhogen(tenant_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO kennisbank_zoekstand AS current (tenant_id, stand)
  SELECT changed.tenant, (random() * 9007199254740991)::bigint FROM (SELECT DISTINCT unnest(tenant_ids) AS tenant) AS changed
  WHERE EXISTS (SELECT 1 FROM tenants WHERE tenants.id = changed.tenant) ORDER BY 1
  ON CONFLICT (tenant_id) DO UPDATE SET stand = excluded.stand;
$$;

-- One function for every change of the index: the words of the rows added count up, those of the rows removed count
-- down, and the tenants get new numbers. Rows are taken in key order, so two transactions never wait for each other's
-- words crosswise. Removing only updates words that are there, so a tenant being deleted inserts nothing.
CREATE OR REPLACE FUNCTION kennisbank_zoekwoorden_tellen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kennisbank_zoekwoorden AS counted (tenant_id, woord, aantal)
    SELECT tenant_id, word, count(*) FROM added, unnest(titelwoorden) AS word GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (tenant_id, woord) DO UPDATE SET aantal = counted.aantal + excluded.aantal;
    PERFORM kennisbank_zoekstand_verhogen(ARRAY(SELECT tenant_id FROM added));
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE kennisbank_zoekwoorden AS counted SET aantal = counted.aantal - changes.aantal
    FROM (SELECT tenant_id, word, count(*) AS aantal FROM removed, unnest(titelwoorden) AS word GROUP BY 1, 2 ORDER BY 1, 2) AS changes
    WHERE counted.tenant_id = changes.tenant_id AND counted.woord = changes.word;
    PERFORM kennisbank_zoekstand_verhogen(ARRAY(SELECT tenant_id FROM removed));
  ELSE
    INSERT INTO kennisbank_zoekwoorden AS counted (tenant_id, woord, aantal)
    SELECT tenant_id, word, sum(delta) FROM (
      SELECT tenant_id, unnest(titelwoorden) AS word, 1 AS delta FROM added
      UNION ALL
      SELECT tenant_id, unnest(titelwoorden), -1 FROM removed
    ) AS changes
    GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
    ON CONFLICT (tenant_id, woord) DO UPDATE SET aantal = counted.aantal + excluded.aantal;
    PERFORM kennisbank_zoekstand_verhogen(ARRAY(SELECT tenant_id FROM added));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER kennisbank_zoekwoorden_insert AFTER INSERT ON kennisbank_zoekindex
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kennisbank_zoekwoorden_tellen();
CREATE TRIGGER kennisbank_zoekwoorden_update AFTER UPDATE ON kennisbank_zoekindex
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kennisbank_zoekwoorden_tellen();
CREATE TRIGGER kennisbank_zoekwoorden_delete AFTER DELETE ON kennisbank_zoekindex
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION kennisbank_zoekwoorden_tellen();

-- A changed synonym list also makes the processes reload.
CREATE OR REPLACE FUNCTION kennisbank_synoniemen_gewijzigd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM kennisbank_zoekstand_verhogen(ARRAY(SELECT tenant_id FROM removed));
  ELSE
    PERFORM kennisbank_zoekstand_verhogen(ARRAY(SELECT tenant_id FROM added));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER kennisbank_synoniemen_insert AFTER INSERT ON kennisbank_synoniemen
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kennisbank_synoniemen_gewijzigd();
CREATE TRIGGER kennisbank_synoniemen_update AFTER UPDATE ON kennisbank_synoniemen
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION kennisbank_synoniemen_gewijzigd();
CREATE TRIGGER kennisbank_synoniemen_delete AFTER DELETE ON kennisbank_synoniemen
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION kennisbank_synoniemen_gewijzigd();
