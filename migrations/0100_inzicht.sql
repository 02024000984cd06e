-- Inzicht: the dashboards read small aggregate tables instead of scanning zaken, contacts and searches on every page
-- view. Triggers on the sources append what changed to a queue (inzicht_wijzigingen); a refresh job takes a batch of
-- queue rows, recomputes exactly what they touch and deletes them in the same transaction. See docs/inzicht.md.
--
-- The queue is append-only (no unique key): many writers never wait for each other on it. A change committed after a
-- refresh started keeps its queue row, so the next refresh sees it; nothing depends on commit order (which a
-- timestamp watermark would).

CREATE TABLE inzicht_wijzigingen (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- No foreign key: rows of a tenant being deleted are dropped by the refresh, and a cascade never fails on them.
  tenant_id uuid NOT NULL,
  -- 'zaak': recompute that zaak; the others: recompute that day of that source; 'alles': rebuild the whole tenant.
  bron text NOT NULL CHECK (bron IN ('zaak', 'kcc', 'contactverzoek', 'zoekopdracht', 'beoordeling', 'alles')),
  zaak_uuid uuid,
  dag date
);

-- One row per zaak: what the zaak currently contributes to the zaak aggregates. A refresh subtracts the old row and adds
-- the new one, so it touches only the zaken that changed. No foreign key to zaken: a deleted zaak's row is still
-- needed to subtract it.
CREATE TABLE inzicht_zaak_feiten (
  zaak_uuid uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_identificatie text NOT NULL,
  kanaal text NOT NULL,
  startdag date NOT NULL,
  einddag date,
  doorlooptijd_dagen integer,
  -- Null when the zaak is open or has no such deadline.
  binnen_servicenorm boolean,
  binnen_termijn boolean,
  -- The legal deadline of an open zaak ('infinity' when it has none).
  termijn date NOT NULL,
  opgeschort boolean NOT NULL,
  opschortingen integer NOT NULL,
  verlengd boolean NOT NULL,
  heropend boolean NOT NULL
);
CREATE INDEX inzicht_zaak_feiten_tenant ON inzicht_zaak_feiten (tenant_id);

-- Zaken by the day they started (a cohort): how many, and of those how many were suspended, extended or reopened.
CREATE TABLE inzicht_zaken_per_dag (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  dag date NOT NULL,
  zaaktype_identificatie text NOT NULL,
  kanaal text NOT NULL,
  geopend integer NOT NULL,
  opgeschort integer NOT NULL,
  opschortingen integer NOT NULL,
  verlengd integer NOT NULL,
  heropend integer NOT NULL,
  PRIMARY KEY (tenant_id, dag, zaaktype_identificatie, kanaal)
);

-- Closed zaken by the day they closed and their doorlooptijd in days: a histogram, so the median and p90 are exact.
CREATE TABLE inzicht_afgehandeld_per_dag (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  dag date NOT NULL,
  zaaktype_identificatie text NOT NULL,
  kanaal text NOT NULL,
  doorlooptijd_dagen integer NOT NULL,
  aantal integer NOT NULL,
  met_servicenorm integer NOT NULL,
  binnen_servicenorm integer NOT NULL,
  met_termijn integer NOT NULL,
  binnen_termijn integer NOT NULL,
  PRIMARY KEY (tenant_id, dag, zaaktype_identificatie, kanaal, doorlooptijd_dagen)
);

-- Open zaken by their legal deadline: the backlog, and (deadline before today) the overdue ones, without a date baked in.
CREATE TABLE inzicht_openstaand (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_identificatie text NOT NULL,
  kanaal text NOT NULL,
  termijn date NOT NULL,
  aantal integer NOT NULL,
  opgeschort integer NOT NULL,
  PRIMARY KEY (tenant_id, zaaktype_identificatie, kanaal, termijn)
);

-- KCC contacts by the hour they were opened (Europe/Amsterdam) and channel.
CREATE TABLE inzicht_kcc_per_uur (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  dag date NOT NULL,
  uur smallint NOT NULL CHECK (uur BETWEEN 0 AND 23),
  kanaal text NOT NULL,
  aantal integer NOT NULL,
  gesloten integer NOT NULL,
  eerste_contact integer NOT NULL,
  PRIMARY KEY (tenant_id, dag, uur, kanaal)
);

-- Contactverzoeken by the day they were made and the team they went to ('' for a person).
CREATE TABLE inzicht_contactverzoeken_per_dag (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  dag date NOT NULL,
  team text NOT NULL,
  aangemaakt integer NOT NULL,
  opgepakt integer NOT NULL,
  binnen_dag_opgepakt integer NOT NULL,
  oppak_minuten bigint NOT NULL,
  afgehandeld integer NOT NULL,
  te_laat_afgehandeld integer NOT NULL,
  PRIMARY KEY (tenant_id, dag, team)
);

-- Kennisbank searches per day, channel and (lower-case, trimmed) query.
CREATE TABLE inzicht_zoekopdrachten_per_dag (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  dag date NOT NULL,
  kanaal text NOT NULL,
  zoekterm text NOT NULL,
  aantal integer NOT NULL,
  zonder_resultaat integer NOT NULL,
  zonder_klik integer NOT NULL,
  PRIMARY KEY (tenant_id, dag, kanaal, zoekterm)
);

-- Readers' ratings per day and product.
CREATE TABLE inzicht_beoordelingen_per_dag (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  dag date NOT NULL,
  product_uuid uuid NOT NULL,
  nuttig integer NOT NULL,
  niet_nuttig integer NOT NULL,
  PRIMARY KEY (tenant_id, dag, product_uuid)
);

-- The refresh recomputes a day of a source through these ranges; the zaak's channel is found by its e-form submission.
CREATE INDEX inzicht_kcc_contacten_geopend ON kcc_contacten (tenant_id, geopend_op);
CREATE INDEX inzicht_contactverzoeken_aangemaakt ON contactverzoeken (tenant_id, aangemaakt_op);
CREATE INDEX inzicht_beoordelingen_dag ON kennisbank_beoordelingen (tenant_id, beoordeeld_op);
CREATE INDEX inzicht_eformulier_inzendingen_zaak ON eformulier_inzendingen (tenant_id, zaak_uuid) WHERE zaak_uuid IS NOT NULL;

-- The day in Europe/Amsterdam of a moment, as every aggregate counts days.
CREATE FUNCTION inzicht_dag(moment timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (moment AT TIME ZONE 'Europe/Amsterdam')::date
$$;

-- Zaken: inserts and deletes always, updates only when a column the aggregates read changed.
CREATE FUNCTION inzicht_zaken_gewijzigd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO inzicht_wijzigingen (tenant_id, bron, zaak_uuid) SELECT tenant_id, 'zaak', uuid FROM added;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO inzicht_wijzigingen (tenant_id, bron, zaak_uuid) SELECT tenant_id, 'zaak', uuid FROM removed;
  ELSE
    INSERT INTO inzicht_wijzigingen (tenant_id, bron, zaak_uuid)
    SELECT n.tenant_id, 'zaak', n.uuid FROM added n JOIN removed o ON o.uuid = n.uuid
    WHERE (o.startdatum, o.einddatum, o.einddatum_gepland, o.uiterlijke_einddatum_afdoening, o.zaaktype_uuid)
            IS DISTINCT FROM (n.startdatum, n.einddatum, n.einddatum_gepland, n.uiterlijke_einddatum_afdoening, n.zaaktype_uuid)
       OR o.data -> 'opschorting' IS DISTINCT FROM n.data -> 'opschorting'
       OR o.data -> 'verlenging' IS DISTINCT FROM n.data -> 'verlenging';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER inzicht_zaken_ins AFTER INSERT ON zaken REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_zaken_gewijzigd();
CREATE TRIGGER inzicht_zaken_upd AFTER UPDATE ON zaken REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_zaken_gewijzigd();
CREATE TRIGGER inzicht_zaken_del AFTER DELETE ON zaken REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION inzicht_zaken_gewijzigd();

-- Rows that name a zaak (statussen: reopening; opschortingen: the count; e-form submissions: the channel).
CREATE FUNCTION inzicht_zaakrij_gewijzigd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO inzicht_wijzigingen (tenant_id, bron, zaak_uuid) SELECT tenant_id, 'zaak', zaak_uuid FROM removed WHERE zaak_uuid IS NOT NULL;
  ELSE
    INSERT INTO inzicht_wijzigingen (tenant_id, bron, zaak_uuid) SELECT tenant_id, 'zaak', zaak_uuid FROM added WHERE zaak_uuid IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER inzicht_statussen_ins AFTER INSERT ON statussen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_zaakrij_gewijzigd();
CREATE TRIGGER inzicht_opschortingen_ins AFTER INSERT ON zaak_opschortingen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_zaakrij_gewijzigd();
CREATE TRIGGER inzicht_opschortingen_upd AFTER UPDATE ON zaak_opschortingen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_zaakrij_gewijzigd();
CREATE TRIGGER inzicht_opschortingen_del AFTER DELETE ON zaak_opschortingen REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION inzicht_zaakrij_gewijzigd();
CREATE TRIGGER inzicht_inzendingen_ins AFTER INSERT ON eformulier_inzendingen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_zaakrij_gewijzigd();
CREATE TRIGGER inzicht_inzendingen_upd AFTER UPDATE ON eformulier_inzendingen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_zaakrij_gewijzigd();

-- Day-bucketed sources: the day of the old and of the new row (a changed row can move between days).
CREATE FUNCTION inzicht_dag_gewijzigd() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bron text := TG_ARGV[0];
  kolom text := TG_ARGV[1];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO inzicht_wijzigingen (tenant_id, bron, dag) SELECT DISTINCT tenant_id, %L, inzicht_dag(%I) FROM added', bron, kolom);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    EXECUTE format('INSERT INTO inzicht_wijzigingen (tenant_id, bron, dag) SELECT DISTINCT tenant_id, %L, inzicht_dag(%I) FROM removed', bron, kolom);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER inzicht_kcc_ins AFTER INSERT ON kcc_contacten REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('kcc', 'geopend_op');
CREATE TRIGGER inzicht_kcc_upd AFTER UPDATE ON kcc_contacten REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('kcc', 'geopend_op');
CREATE TRIGGER inzicht_kcc_del AFTER DELETE ON kcc_contacten REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('kcc', 'geopend_op');
CREATE TRIGGER inzicht_contactverzoeken_ins AFTER INSERT ON contactverzoeken REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('contactverzoek', 'aangemaakt_op');
CREATE TRIGGER inzicht_contactverzoeken_upd AFTER UPDATE ON contactverzoeken REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('contactverzoek', 'aangemaakt_op');
CREATE TRIGGER inzicht_contactverzoeken_del AFTER DELETE ON contactverzoeken REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('contactverzoek', 'aangemaakt_op');
CREATE TRIGGER inzicht_zoekopdrachten_ins AFTER INSERT ON kennisbank_zoekopdrachten REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('zoekopdracht', 'gezocht_op');
CREATE TRIGGER inzicht_zoekopdrachten_upd AFTER UPDATE ON kennisbank_zoekopdrachten REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('zoekopdracht', 'gezocht_op');
CREATE TRIGGER inzicht_zoekopdrachten_del AFTER DELETE ON kennisbank_zoekopdrachten REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('zoekopdracht', 'gezocht_op');
CREATE TRIGGER inzicht_beoordelingen_ins AFTER INSERT ON kennisbank_beoordelingen REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('beoordeling', 'beoordeeld_op');
CREATE TRIGGER inzicht_beoordelingen_del AFTER DELETE ON kennisbank_beoordelingen REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION inzicht_dag_gewijzigd('beoordeling', 'beoordeeld_op');

-- What existed before this migration: the first refresh rebuilds every tenant once.
INSERT INTO inzicht_wijzigingen (tenant_id, bron) SELECT id, 'alles' FROM tenants;
