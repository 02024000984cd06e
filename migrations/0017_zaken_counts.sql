-- Zaken API 1.7, the ZAAK resource (a second migration under 0013, added after 0013_zaken_extra.sql was applied).

-- How many zaken each (zaaktype, vertrouwelijkheid) of a tenant has, kept by statement triggers in the transaction
-- that changes zaken, so the exact `count` of a list whose only filters are the zaaktype, the autorisaties and
-- maximaleVertrouwelijkheidaanduiding is a sum over a few rows instead of a walk over every matching zaak.
CREATE TABLE zaak_counts (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_uuid uuid NOT NULL,
  vertrouwelijkheid_rank smallint NOT NULL,
  aantal bigint NOT NULL CHECK (aantal >= 0),
  PRIMARY KEY (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank)
);
INSERT INTO zaak_counts (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, aantal)
SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, count(*) FROM zaken GROUP BY 1, 2, 3;

-- The counts of a statement are written grouped in key order, so transactions that add to the same counts queue on
-- them in one order.
CREATE FUNCTION zaak_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zaak_counts AS counted (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, aantal)
  SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, count(*) FROM added GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank) DO UPDATE SET aantal = counted.aantal + excluded.aantal;
  RETURN NULL;
END $$;

-- Only existing counts are lowered: when a whole tenant is deleted its counts may already be gone.
CREATE FUNCTION zaak_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE zaak_counts AS counted SET aantal = counted.aantal - removed_counts.aantal
  FROM (SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, count(*) AS aantal FROM removed GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) AS removed_counts
  WHERE counted.tenant_id = removed_counts.tenant_id AND counted.zaaktype_uuid = removed_counts.zaaktype_uuid
    AND counted.vertrouwelijkheid_rank = removed_counts.vertrouwelijkheid_rank;
  RETURN NULL;
END $$;

-- An update moves a zaak between counts only when its zaaktype or vertrouwelijkheid changed.
CREATE FUNCTION zaak_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM removed JOIN added USING (uuid)
    WHERE removed.zaaktype_uuid <> added.zaaktype_uuid OR removed.vertrouwelijkheid_rank <> added.vertrouwelijkheid_rank
  ) THEN
    RETURN NULL;
  END IF;
  UPDATE zaak_counts AS counted SET aantal = counted.aantal + delta.aantal
  FROM (
    SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, sum(change) AS aantal FROM (
      SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, -1 AS change FROM removed
      UNION ALL SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, 1 FROM added
    ) AS changes GROUP BY 1, 2, 3 HAVING sum(change) < 0 ORDER BY 1, 2, 3
  ) AS delta
  WHERE counted.tenant_id = delta.tenant_id AND counted.zaaktype_uuid = delta.zaaktype_uuid AND counted.vertrouwelijkheid_rank = delta.vertrouwelijkheid_rank;
  INSERT INTO zaak_counts AS counted (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, aantal)
  SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, sum(change) FROM (
    SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, -1 AS change FROM removed
    UNION ALL SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, 1 FROM added
  ) AS changes GROUP BY 1, 2, 3 HAVING sum(change) > 0 ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank) DO UPDATE SET aantal = counted.aantal + excluded.aantal;
  RETURN NULL;
END $$;

CREATE FUNCTION zaak_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM zaak_counts;
  RETURN NULL;
END $$;

CREATE TRIGGER zaak_counts_insert AFTER INSERT ON zaken REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_counts_add();
CREATE TRIGGER zaak_counts_delete AFTER DELETE ON zaken REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION zaak_counts_remove();
CREATE TRIGGER zaak_counts_update AFTER UPDATE ON zaken REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_counts_move();
CREATE TRIGGER zaak_counts_truncate AFTER TRUNCATE ON zaken FOR EACH STATEMENT EXECUTE FUNCTION zaak_counts_clear();
