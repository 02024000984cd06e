-- The werkvoorraad's "Niet toegewezen" count walked the open zaken in reach one by one, probing each for an assignment,
-- up to a cap of 1,000 on every page view. It is now kept like the team's open stock (0097): zaken.toegewezen says
-- whether a zaak has a row in zaak_toewijzingen (kept by the statement triggers below), and zaak_counts keeps, beside
-- `open`, the open zaken that are assigned, in the same slots and by the same triggers, so "open and unassigned" is
-- open - open_toegewezen summed over a few rows.
--
-- The flag lives on the zaak so that a deleted zaak takes its state along: its assignment is removed by the cascade
-- before the zaken statement trigger runs, and the trigger then still reads the flag from the deleted row.
ALTER TABLE zaken ADD COLUMN toegewezen boolean NOT NULL DEFAULT false;
UPDATE zaken SET toegewezen = true WHERE uuid IN (SELECT zaak_uuid FROM zaak_toewijzingen);

ALTER TABLE zaak_counts ADD COLUMN open_toegewezen bigint NOT NULL DEFAULT 0;
INSERT INTO zaak_counts AS counted (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot, aantal, open, open_toegewezen)
SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, 0, 0, 0, count(*) FROM zaken WHERE einddatum IS NULL AND toegewezen GROUP BY 1, 2, 3
ON CONFLICT (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot) DO UPDATE SET open_toegewezen = excluded.open_toegewezen;

CREATE OR REPLACE FUNCTION zaak_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zaak_counts AS counted (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot, aantal, open, open_toegewezen)
  SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, pg_backend_pid() % 16, aantal, open, open_toegewezen FROM (
    SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, count(*) AS aantal, count(*) FILTER (WHERE einddatum IS NULL) AS open,
      count(*) FILTER (WHERE einddatum IS NULL AND toegewezen) AS open_toegewezen
    FROM added GROUP BY 1, 2, 3) AS changes
  ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot) DO UPDATE
    SET aantal = counted.aantal + excluded.aantal, open = counted.open + excluded.open, open_toegewezen = counted.open_toegewezen + excluded.open_toegewezen;
  RETURN NULL;
END $$;

-- A deleted tenant's counts go with it (ON DELETE CASCADE): the zaken of a tenant that is being deleted change no counts.
CREATE OR REPLACE FUNCTION zaak_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zaak_counts AS counted (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot, aantal, open, open_toegewezen)
  SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, pg_backend_pid() % 16, aantal, open, open_toegewezen FROM (
    SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, -count(*) AS aantal, -count(*) FILTER (WHERE einddatum IS NULL) AS open,
      -count(*) FILTER (WHERE einddatum IS NULL AND toegewezen) AS open_toegewezen
    FROM removed WHERE EXISTS (SELECT 1 FROM tenants WHERE tenants.id = removed.tenant_id) GROUP BY 1, 2, 3) AS changes
  ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot) DO UPDATE
    SET aantal = counted.aantal + excluded.aantal, open = counted.open + excluded.open, open_toegewezen = counted.open_toegewezen + excluded.open_toegewezen;
  RETURN NULL;
END $$;

-- An update moves a zaak between counts when its zaaktype or vertrouwelijkheid changed, between open and closed when
-- its einddatum was set or cleared, and between assigned and unassigned when its flag changed.
CREATE OR REPLACE FUNCTION zaak_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM removed JOIN added USING (uuid)
    WHERE removed.zaaktype_uuid <> added.zaaktype_uuid OR removed.vertrouwelijkheid_rank <> added.vertrouwelijkheid_rank
       OR (removed.einddatum IS NULL) <> (added.einddatum IS NULL) OR removed.toegewezen <> added.toegewezen
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO zaak_counts AS counted (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot, aantal, open, open_toegewezen)
  SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, pg_backend_pid() % 16, aantal, open, open_toegewezen FROM (
    SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, sum(change) AS aantal, sum(open_change) AS open, sum(toegewezen_change) AS open_toegewezen FROM (
      SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, -1 AS change, CASE WHEN einddatum IS NULL THEN -1 ELSE 0 END AS open_change,
        CASE WHEN einddatum IS NULL AND toegewezen THEN -1 ELSE 0 END AS toegewezen_change FROM removed
      UNION ALL SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, 1, CASE WHEN einddatum IS NULL THEN 1 ELSE 0 END,
        CASE WHEN einddatum IS NULL AND toegewezen THEN 1 ELSE 0 END FROM added
    ) AS moved GROUP BY 1, 2, 3 HAVING sum(change) <> 0 OR sum(open_change) <> 0 OR sum(toegewezen_change) <> 0) AS changes
  ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot) DO UPDATE
    SET aantal = counted.aantal + excluded.aantal, open = counted.open + excluded.open, open_toegewezen = counted.open_toegewezen + excluded.open_toegewezen;
  RETURN NULL;
END $$;

-- The flag follows the assignments. A zaak deleted in this statement's transaction is no longer there to update.
CREATE FUNCTION zaken_toegewezen_bijwerken() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE zaken SET toegewezen = false
    WHERE uuid IN (SELECT zaak_uuid FROM removed) AND toegewezen AND NOT EXISTS (SELECT 1 FROM zaak_toewijzingen t WHERE t.zaak_uuid = zaken.uuid);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE zaken SET toegewezen = true WHERE uuid IN (SELECT zaak_uuid FROM added) AND NOT toegewezen;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER zaken_toegewezen_insert AFTER INSERT ON zaak_toewijzingen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaken_toegewezen_bijwerken();
CREATE TRIGGER zaken_toegewezen_delete AFTER DELETE ON zaak_toewijzingen REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION zaken_toegewezen_bijwerken();
CREATE TRIGGER zaken_toegewezen_update AFTER UPDATE ON zaak_toewijzingen REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaken_toegewezen_bijwerken();
