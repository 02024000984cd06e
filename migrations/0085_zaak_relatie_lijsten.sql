-- A zaak lists its relations as URLs (status, resultaat, rollen, eigenschappen, zaakinformatieobjecten, zaakobjecten,
-- deelzaken). Read per zaak by seven subqueries, a page of 100 zaken cost PostgreSQL several times what reading the
-- page itself did. The lists are now kept beside the zaak, one row per zaak with any relation, by statement triggers
-- on the relation tables (and row triggers on a zaak's hoofdzaak), so a page reads them by key in one join
-- (src/components/zaken/zaken/relation-repository.ts). A zaak without a row has no relations.
--
-- A row is always recomputed whole from the relation tables, in the same order the API lists them, never patched: a
-- change to any relation of a zaak refreshes that zaak's row. Concurrent changes to one zaak's relations queue on the
-- row's lock, and the recompute runs as a statement of its own after the lock is taken, so under READ COMMITTED it sees
-- every change committed before it: the last transaction to commit writes a row that includes the others' changes.

CREATE TABLE zaak_relatie_lijsten (
  zaak_uuid uuid PRIMARY KEY REFERENCES zaken (uuid) ON DELETE CASCADE,
  status uuid,
  resultaat uuid,
  rollen uuid[] NOT NULL DEFAULT '{}',
  eigenschappen uuid[] NOT NULL DEFAULT '{}',
  zaakinformatieobjecten uuid[] NOT NULL DEFAULT '{}',
  zaakobjecten uuid[] NOT NULL DEFAULT '{}',
  deelzaken uuid[] NOT NULL DEFAULT '{}'
);

-- Refreshes the rows of these zaken (those that still exist; a zaak deleted in this transaction takes its row along).
CREATE FUNCTION zaak_relatie_lijsten_bijwerken(zaak_uuids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF zaak_uuids IS NULL OR cardinality(zaak_uuids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO zaak_relatie_lijsten (zaak_uuid)
  SELECT uuid FROM zaken WHERE uuid = ANY (zaak_uuids) ORDER BY uuid
  ON CONFLICT (zaak_uuid) DO NOTHING;
  PERFORM 1 FROM zaak_relatie_lijsten WHERE zaak_uuid = ANY (zaak_uuids) ORDER BY zaak_uuid FOR UPDATE;
  UPDATE zaak_relatie_lijsten AS lijsten SET
    status = (SELECT s.uuid FROM statussen AS s WHERE s.tenant_id = z.tenant_id AND s.zaak_uuid = z.uuid
      ORDER BY s.datum_status_gezet DESC, s.created_at DESC LIMIT 1),
    resultaat = (SELECT r.uuid FROM resultaten AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid LIMIT 1),
    rollen = ARRAY(SELECT r.uuid FROM rollen AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid),
    eigenschappen = ARRAY(SELECT r.uuid FROM zaakeigenschappen AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid),
    zaakinformatieobjecten = ARRAY(SELECT r.uuid FROM zaakinformatieobjecten AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid),
    zaakobjecten = ARRAY(SELECT r.uuid FROM zaakobjecten AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid),
    deelzaken = ARRAY(SELECT d.uuid FROM zaken AS d WHERE d.tenant_id = z.tenant_id AND d.hoofdzaak_uuid = z.uuid ORDER BY d.created_at, d.uuid)
  FROM zaken AS z
  WHERE lijsten.zaak_uuid = ANY (zaak_uuids) AND z.uuid = lijsten.zaak_uuid;
END $$;

-- The relation tables: one trigger per event (a trigger with transition tables has one event), each refreshing the
-- zaken whose rows were added, removed or changed.
CREATE FUNCTION zaak_relatie_lijsten_toegevoegd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zaak_relatie_lijsten_bijwerken(ARRAY(SELECT DISTINCT zaak_uuid FROM added));
  RETURN NULL;
END $$;

CREATE FUNCTION zaak_relatie_lijsten_verwijderd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zaak_relatie_lijsten_bijwerken(ARRAY(SELECT DISTINCT zaak_uuid FROM removed));
  RETURN NULL;
END $$;

CREATE FUNCTION zaak_relatie_lijsten_gewijzigd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM zaak_relatie_lijsten_bijwerken(ARRAY(SELECT zaak_uuid FROM removed UNION SELECT zaak_uuid FROM added));
  RETURN NULL;
END $$;

CREATE TRIGGER zaak_relatie_lijsten_insert AFTER INSERT ON statussen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_toegevoegd();
CREATE TRIGGER zaak_relatie_lijsten_delete AFTER DELETE ON statussen REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_verwijderd();
CREATE TRIGGER zaak_relatie_lijsten_update AFTER UPDATE ON statussen REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_gewijzigd();

CREATE TRIGGER zaak_relatie_lijsten_insert AFTER INSERT ON resultaten REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_toegevoegd();
CREATE TRIGGER zaak_relatie_lijsten_delete AFTER DELETE ON resultaten REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_verwijderd();
CREATE TRIGGER zaak_relatie_lijsten_update AFTER UPDATE ON resultaten REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_gewijzigd();

CREATE TRIGGER zaak_relatie_lijsten_insert AFTER INSERT ON rollen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_toegevoegd();
CREATE TRIGGER zaak_relatie_lijsten_delete AFTER DELETE ON rollen REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_verwijderd();
CREATE TRIGGER zaak_relatie_lijsten_update AFTER UPDATE ON rollen REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_gewijzigd();

CREATE TRIGGER zaak_relatie_lijsten_insert AFTER INSERT ON zaakeigenschappen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_toegevoegd();
CREATE TRIGGER zaak_relatie_lijsten_delete AFTER DELETE ON zaakeigenschappen REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_verwijderd();
CREATE TRIGGER zaak_relatie_lijsten_update AFTER UPDATE ON zaakeigenschappen REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_gewijzigd();

CREATE TRIGGER zaak_relatie_lijsten_insert AFTER INSERT ON zaakinformatieobjecten REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_toegevoegd();
CREATE TRIGGER zaak_relatie_lijsten_delete AFTER DELETE ON zaakinformatieobjecten REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_verwijderd();
CREATE TRIGGER zaak_relatie_lijsten_update AFTER UPDATE ON zaakinformatieobjecten REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_gewijzigd();

CREATE TRIGGER zaak_relatie_lijsten_insert AFTER INSERT ON zaakobjecten REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_toegevoegd();
CREATE TRIGGER zaak_relatie_lijsten_delete AFTER DELETE ON zaakobjecten REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_verwijderd();
CREATE TRIGGER zaak_relatie_lijsten_update AFTER UPDATE ON zaakobjecten REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION zaak_relatie_lijsten_gewijzigd();

-- Deelzaken: a zaak that gets, changes or loses a hoofdzaak refreshes that hoofdzaak. Row triggers with a condition,
-- so the many zaken without a hoofdzaak (and updates that leave it alone) cost nothing here.
CREATE FUNCTION zaak_relatie_lijsten_hoofdzaak() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM zaak_relatie_lijsten_bijwerken(ARRAY[NEW.hoofdzaak_uuid]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM zaak_relatie_lijsten_bijwerken(ARRAY[OLD.hoofdzaak_uuid]);
  ELSE
    PERFORM zaak_relatie_lijsten_bijwerken(ARRAY(SELECT hoofdzaak FROM unnest(ARRAY[OLD.hoofdzaak_uuid, NEW.hoofdzaak_uuid]) AS hoofdzaak WHERE hoofdzaak IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER zaak_relatie_lijsten_hoofdzaak_insert AFTER INSERT ON zaken FOR EACH ROW WHEN (NEW.hoofdzaak_uuid IS NOT NULL) EXECUTE FUNCTION zaak_relatie_lijsten_hoofdzaak();
CREATE TRIGGER zaak_relatie_lijsten_hoofdzaak_delete AFTER DELETE ON zaken FOR EACH ROW WHEN (OLD.hoofdzaak_uuid IS NOT NULL) EXECUTE FUNCTION zaak_relatie_lijsten_hoofdzaak();
CREATE TRIGGER zaak_relatie_lijsten_hoofdzaak_update AFTER UPDATE OF hoofdzaak_uuid, created_at ON zaken FOR EACH ROW
  WHEN (OLD.hoofdzaak_uuid IS DISTINCT FROM NEW.hoofdzaak_uuid OR (NEW.hoofdzaak_uuid IS NOT NULL AND OLD.created_at IS DISTINCT FROM NEW.created_at))
  EXECUTE FUNCTION zaak_relatie_lijsten_hoofdzaak();

-- The zaken that have relations now.
INSERT INTO zaak_relatie_lijsten (zaak_uuid, status, resultaat, rollen, eigenschappen, zaakinformatieobjecten, zaakobjecten, deelzaken)
SELECT uuid, status, resultaat, rollen, eigenschappen, zaakinformatieobjecten, zaakobjecten, deelzaken FROM (
  SELECT z.uuid,
    (SELECT s.uuid FROM statussen AS s WHERE s.tenant_id = z.tenant_id AND s.zaak_uuid = z.uuid ORDER BY s.datum_status_gezet DESC, s.created_at DESC LIMIT 1) AS status,
    (SELECT r.uuid FROM resultaten AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid LIMIT 1) AS resultaat,
    ARRAY(SELECT r.uuid FROM rollen AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid) AS rollen,
    ARRAY(SELECT r.uuid FROM zaakeigenschappen AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid) AS eigenschappen,
    ARRAY(SELECT r.uuid FROM zaakinformatieobjecten AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid) AS zaakinformatieobjecten,
    ARRAY(SELECT r.uuid FROM zaakobjecten AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid) AS zaakobjecten,
    ARRAY(SELECT d.uuid FROM zaken AS d WHERE d.tenant_id = z.tenant_id AND d.hoofdzaak_uuid = z.uuid ORDER BY d.created_at, d.uuid) AS deelzaken
  FROM zaken AS z
) AS lijsten
WHERE status IS NOT NULL OR resultaat IS NOT NULL OR rollen <> '{}' OR eigenschappen <> '{}' OR zaakinformatieobjecten <> '{}' OR zaakobjecten <> '{}' OR deelzaken <> '{}';
