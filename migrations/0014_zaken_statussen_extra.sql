-- Zaken API 1.7: what STATUS, RESULTAAT and ROL (0010) need for their API rules and list filters.

-- STATUS.gezetdoor: the ROL of the zaak that set the status. A deleted rol leaves the status standing.
ALTER TABLE statussen ADD COLUMN gezetdoor_rol_uuid uuid REFERENCES rollen (uuid) ON DELETE SET NULL;
-- ROL.statussen lists the statussen a rol set.
CREATE INDEX statussen_gezetdoor ON statussen (gezetdoor_rol_uuid) WHERE gezetdoor_rol_uuid IS NOT NULL;
-- Two statussen of one zaak never share their moment (the reference implementation's unique_together), so "the
-- last set status" is always one status.
ALTER TABLE statussen ADD CONSTRAINT statussen_zaak_moment_unique UNIQUE (zaak_uuid, datum_status_gezet);
-- `?statustype=` in list order.
CREATE INDEX statussen_statustype ON statussen (tenant_id, statustype_uuid, created_at, uuid);

-- `?resultaattype=`.
CREATE INDEX resultaten_resultaattype ON resultaten (tenant_id, resultaattype_uuid);

-- ROL.betrokkeneIdentificatie of a medewerker: its `identificatie` is up to 254 characters in Zaken 1.7.
ALTER TABLE rollen ALTER COLUMN medewerker_identificatie TYPE varchar(254);
ALTER TABLE rollen ADD CONSTRAINT rollen_bsn_form CHECK (inp_bsn IS NULL OR inp_bsn ~ '^[0-9]{9}$');

-- The /rollen filters (and the /zaken `rol__…` filters): one index per identifying attribute, only where it is set.
CREATE INDEX rollen_roltype ON rollen (tenant_id, roltype_uuid);
CREATE INDEX rollen_betrokkene_type ON rollen (tenant_id, betrokkene_type);
CREATE INDEX rollen_omschrijving_generiek ON rollen (tenant_id, omschrijving_generiek);
CREATE INDEX rollen_anp_identificatie ON rollen (tenant_id, anp_identificatie) WHERE anp_identificatie IS NOT NULL;
CREATE INDEX rollen_inp_a_nummer ON rollen (tenant_id, inp_a_nummer) WHERE inp_a_nummer IS NOT NULL;
CREATE INDEX rollen_inn_nnp_id ON rollen (tenant_id, inn_nnp_id) WHERE inn_nnp_id IS NOT NULL;
CREATE INDEX rollen_ann_identificatie ON rollen (tenant_id, ann_identificatie) WHERE ann_identificatie IS NOT NULL;
CREATE INDEX rollen_vestigings_nummer ON rollen (tenant_id, vestigings_nummer) WHERE vestigings_nummer IS NOT NULL;
CREATE INDEX rollen_medewerker_identificatie ON rollen (tenant_id, medewerker_identificatie) WHERE medewerker_identificatie IS NOT NULL;
CREATE INDEX rollen_organisatorische_eenheid ON rollen (tenant_id, organisatorische_eenheid_identificatie) WHERE organisatorische_eenheid_identificatie IS NOT NULL;
