-- The werkvoorraad lists open zaken (no einddatum) ordered by their decision deadline, the Zaken API's
-- uiterlijke_einddatum_afdoening, which the workspace keeps up to date on opschorting and verlenging. Two orders:
-- over all zaaktypen in reach (zaaktype and vertrouwelijkheid included, so the access filter needs no heap visit),
-- and within one zaaktype (the zaaktype filter), each walked in deadline order and stopped after one page.
CREATE INDEX zaken_werkvoorraad_termijn ON zaken (tenant_id, uiterlijke_einddatum_afdoening, uuid)
  INCLUDE (zaaktype_uuid, vertrouwelijkheid_rank) WHERE einddatum IS NULL;
CREATE INDEX zaken_werkvoorraad_zaaktype_termijn ON zaken (tenant_id, zaaktype_uuid, uiterlijke_einddatum_afdoening, uuid)
  INCLUDE (vertrouwelijkheid_rank) WHERE einddatum IS NULL;

-- Each zaak's current status (its latest), kept by a trigger on statussen whichever channel sets the status (the
-- API, the portal, the workspace), so the status filter and column read one row per zaak instead of searching each
-- zaak's statussen. Statussen are never changed after insert; they go only with their zaak (cascade here too).
CREATE TABLE zaak_huidige_status (
  zaak_uuid uuid PRIMARY KEY REFERENCES zaken (uuid) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  statustype_uuid uuid NOT NULL,
  datum_status_gezet timestamptz NOT NULL
);
CREATE INDEX zaak_huidige_status_statustype ON zaak_huidige_status (tenant_id, statustype_uuid);

INSERT INTO zaak_huidige_status (zaak_uuid, tenant_id, statustype_uuid, datum_status_gezet)
SELECT DISTINCT ON (zaak_uuid) zaak_uuid, tenant_id, statustype_uuid, datum_status_gezet
FROM statussen ORDER BY zaak_uuid, datum_status_gezet DESC, created_at DESC;

-- A status set with an earlier datumStatusGezet than the current one (allowed by the API) does not replace it.
CREATE FUNCTION zaak_huidige_status_bijwerken() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO zaak_huidige_status AS huidig (zaak_uuid, tenant_id, statustype_uuid, datum_status_gezet)
  VALUES (NEW.zaak_uuid, NEW.tenant_id, NEW.statustype_uuid, NEW.datum_status_gezet)
  ON CONFLICT (zaak_uuid) DO UPDATE SET statustype_uuid = excluded.statustype_uuid, datum_status_gezet = excluded.datum_status_gezet
  WHERE huidig.datum_status_gezet <= excluded.datum_status_gezet;
  RETURN NULL;
END $$;
CREATE TRIGGER statussen_huidige_status AFTER INSERT ON statussen FOR EACH ROW EXECUTE FUNCTION zaak_huidige_status_bijwerken();
