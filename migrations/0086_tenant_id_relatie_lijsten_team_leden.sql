-- Every table of a municipality's data carries tenant_id, so isolation can be checked and data exported or removed per
-- municipality: the kept relation lists (0085) and team membership (0078) get theirs.
ALTER TABLE zaak_relatie_lijsten ADD COLUMN tenant_id uuid REFERENCES tenants (id) ON DELETE CASCADE;
UPDATE zaak_relatie_lijsten AS lijsten SET tenant_id = zaken.tenant_id FROM zaken WHERE zaken.uuid = lijsten.zaak_uuid;
ALTER TABLE zaak_relatie_lijsten ALTER COLUMN tenant_id SET NOT NULL;

-- The same refresh as in 0085, now writing the zaak's tenant with a new row.
CREATE OR REPLACE FUNCTION zaak_relatie_lijsten_bijwerken(zaak_uuids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF zaak_uuids IS NULL OR cardinality(zaak_uuids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO zaak_relatie_lijsten (zaak_uuid, tenant_id)
  SELECT uuid, tenant_id FROM zaken WHERE uuid = ANY (zaak_uuids) ORDER BY uuid
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

ALTER TABLE team_leden ADD COLUMN tenant_id uuid REFERENCES tenants (id) ON DELETE CASCADE;
UPDATE team_leden SET tenant_id = teams.tenant_id FROM teams WHERE teams.id = team_leden.team_id;
ALTER TABLE team_leden ALTER COLUMN tenant_id SET NOT NULL;
