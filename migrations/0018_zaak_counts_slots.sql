-- The kept zaak counts of 0017 had one row per (tenant, zaaktype, vertrouwelijkheid): every transaction that created a
-- zaak of a zaaktype updated that one row and held its lock until commit, so concurrent creates of one zaaktype queued
-- behind each other's commits. Each count is now spread over slots, one per database session (its backend pid modulo
-- 16): concurrent sessions add to different rows, and a count is the sum of its slots. A slot may go below zero (a
-- zaak created in one session and deleted in another); only the sum is a count.

ALTER TABLE zaak_counts ADD COLUMN slot smallint NOT NULL DEFAULT 0;
ALTER TABLE zaak_counts DROP CONSTRAINT zaak_counts_pkey;
ALTER TABLE zaak_counts ADD PRIMARY KEY (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot);
ALTER TABLE zaak_counts DROP CONSTRAINT zaak_counts_aantal_check;
ALTER TABLE zaak_counts ALTER COLUMN slot DROP DEFAULT;

CREATE OR REPLACE FUNCTION zaak_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zaak_counts AS counted (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot, aantal)
  SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, pg_backend_pid() % 16, aantal FROM (SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, count(*) AS aantal FROM added GROUP BY 1, 2, 3) AS changes
  ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot) DO UPDATE SET aantal = counted.aantal + excluded.aantal;
  RETURN NULL;
END $$;

-- A deleted tenant's counts go with it (ON DELETE CASCADE): the zaken of a tenant that is being deleted change no counts.
CREATE OR REPLACE FUNCTION zaak_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zaak_counts AS counted (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot, aantal)
  SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, pg_backend_pid() % 16, aantal FROM (SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, -count(*) AS aantal FROM removed
    WHERE EXISTS (SELECT 1 FROM tenants WHERE tenants.id = removed.tenant_id) GROUP BY 1, 2, 3) AS changes
  ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot) DO UPDATE SET aantal = counted.aantal + excluded.aantal;
  RETURN NULL;
END $$;

-- An update moves a zaak between counts only when its zaaktype or vertrouwelijkheid changed.
CREATE OR REPLACE FUNCTION zaak_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM removed JOIN added USING (uuid)
    WHERE removed.zaaktype_uuid <> added.zaaktype_uuid OR removed.vertrouwelijkheid_rank <> added.vertrouwelijkheid_rank
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO zaak_counts AS counted (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot, aantal)
  SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, pg_backend_pid() % 16, aantal FROM (SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, sum(change) AS aantal FROM (
      SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, -1 AS change FROM removed
      UNION ALL SELECT tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, 1 FROM added
    ) AS moved GROUP BY 1, 2, 3 HAVING sum(change) <> 0) AS changes
  ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, zaaktype_uuid, vertrouwelijkheid_rank, slot) DO UPDATE SET aantal = counted.aantal + excluded.aantal;
  RETURN NULL;
END $$;
