-- Zaken API 1.7: ZAAK and the resources that decide its course (STATUS, RESULTAAT, ROL). Columns hold what the
-- API filters, orders, joins or derives on; `data` holds the remaining attributes as the API exchanges them.

CREATE TABLE zaken (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  identificatie varchar(40) NOT NULL,
  bronorganisatie char(9) NOT NULL,
  zaaktype_uuid uuid NOT NULL REFERENCES zaaktypen (uuid) ON DELETE RESTRICT,
  verantwoordelijke_organisatie char(9) NOT NULL,
  omschrijving varchar(80) NOT NULL DEFAULT '',
  registratiedatum date NOT NULL,
  startdatum date NOT NULL,
  einddatum date,
  einddatum_gepland date,
  uiterlijke_einddatum_afdoening date,
  publicatiedatum date,
  vertrouwelijkheidaanduiding text NOT NULL CHECK (vertrouwelijkheidaanduiding IN (
    'openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim')),
  -- The order of the aanduidingen, so "at most X" is one comparison (authorisation filters in SQL on it).
  vertrouwelijkheid_rank smallint GENERATED ALWAYS AS (CASE vertrouwelijkheidaanduiding
    WHEN 'openbaar' THEN 1 WHEN 'beperkt_openbaar' THEN 2 WHEN 'intern' THEN 3 WHEN 'zaakvertrouwelijk' THEN 4
    WHEN 'vertrouwelijk' THEN 5 WHEN 'confidentieel' THEN 6 WHEN 'geheim' THEN 7 WHEN 'zeer_geheim' THEN 8 END) STORED,
  archiefnominatie text CHECK (archiefnominatie IN ('blijvend_bewaren', 'vernietigen')),
  archiefstatus text NOT NULL DEFAULT 'nog_te_archiveren' CHECK (archiefstatus IN ('nog_te_archiveren', 'gearchiveerd', 'gearchiveerd_procestermijn_onbekend', 'overgedragen')),
  archiefactiedatum date,
  hoofdzaak_uuid uuid REFERENCES zaken (uuid) ON DELETE CASCADE,
  -- The zaakgeometrie as GeoJSON plus its bounding box: `within` narrows on the box in SQL, then tests exactly.
  zaakgeometrie jsonb,
  geometrie_min_x double precision,
  geometrie_min_y double precision,
  geometrie_max_x double precision,
  geometrie_max_y double precision,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT zaken_identificatie_unique UNIQUE (tenant_id, bronorganisatie, identificatie)
);
-- Page 1 of `?zaaktype=` and of a client restricted to some zaaktypen: an index range per zaaktype, in list order.
CREATE INDEX zaken_zaaktype_order ON zaken (tenant_id, zaaktype_uuid, created_at DESC, uuid DESC);
CREATE INDEX zaken_order ON zaken (tenant_id, created_at DESC, uuid DESC);
CREATE INDEX zaken_identificatie ON zaken (tenant_id, identificatie);
CREATE INDEX zaken_hoofdzaak ON zaken (hoofdzaak_uuid) WHERE hoofdzaak_uuid IS NOT NULL;
CREATE INDEX zaken_geometrie_box ON zaken (tenant_id, geometrie_min_x, geometrie_max_x) WHERE zaakgeometrie IS NOT NULL;

CREATE TABLE statussen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  statustype_uuid uuid NOT NULL REFERENCES statustypen (uuid) ON DELETE RESTRICT,
  datum_status_gezet timestamptz NOT NULL,
  statustoelichting varchar(1000) NOT NULL DEFAULT '',
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The zaak's current status is its latest datumStatusGezet.
CREATE INDEX statussen_zaak ON statussen (zaak_uuid, datum_status_gezet DESC);
CREATE INDEX statussen_order ON statussen (tenant_id, created_at, uuid);

CREATE TABLE resultaten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- A zaak has at most one resultaat.
  zaak_uuid uuid NOT NULL UNIQUE REFERENCES zaken (uuid) ON DELETE CASCADE,
  resultaattype_uuid uuid NOT NULL REFERENCES resultaattypen (uuid) ON DELETE RESTRICT,
  toelichting varchar(1000) NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resultaten_order ON resultaten (tenant_id, created_at, uuid);

CREATE TABLE rollen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  roltype_uuid uuid NOT NULL REFERENCES roltypen (uuid) ON DELETE RESTRICT,
  betrokkene text NOT NULL DEFAULT '',
  betrokkene_type text NOT NULL CHECK (betrokkene_type IN ('natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging', 'organisatorische_eenheid', 'medewerker')),
  omschrijving_generiek text NOT NULL,
  registratiedatum timestamptz NOT NULL DEFAULT now(),
  -- The identifying attributes the list filters of /rollen and /zaken (rol__betrokkeneIdentificatie__…) search on.
  inp_bsn varchar(9),
  anp_identificatie varchar(17),
  inp_a_nummer varchar(10),
  inn_nnp_id varchar(9),
  ann_identificatie varchar(17),
  vestigings_nummer varchar(24),
  medewerker_identificatie varchar(24),
  organisatorische_eenheid_identificatie varchar(24),
  -- betrokkeneIdentificatie, roltoelichting, afwijkendeNaamBetrokkene, indicatieMachtiging, contactpersoonRol, …
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rollen_zaak ON rollen (zaak_uuid);
CREATE INDEX rollen_order ON rollen (tenant_id, created_at, uuid);
CREATE INDEX rollen_bsn ON rollen (tenant_id, inp_bsn) WHERE inp_bsn IS NOT NULL;
CREATE INDEX rollen_betrokkene ON rollen (tenant_id, betrokkene) WHERE betrokkene <> '';

-- The zaak's further relations. Deleting a zaak deletes them all (zrc: "alle gerelateerde objecten").
CREATE TABLE zaakeigenschappen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  eigenschap_uuid uuid NOT NULL REFERENCES eigenschappen (uuid) ON DELETE RESTRICT,
  naam varchar(20) NOT NULL,
  waarde text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakeigenschappen_zaak ON zaakeigenschappen (zaak_uuid, created_at);

CREATE TABLE zaakobjecten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  object text NOT NULL DEFAULT '',
  zaakobjecttype_uuid uuid REFERENCES zaakobjecttypen (uuid) ON DELETE RESTRICT,
  object_type text NOT NULL,
  object_type_overige varchar(100) NOT NULL DEFAULT '',
  relatieomschrijving varchar(80) NOT NULL DEFAULT '',
  -- objectTypeOverigeDefinitie and objectIdentificatie (its shape depends on objectType).
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakobjecten_zaak ON zaakobjecten (zaak_uuid, created_at);
CREATE INDEX zaakobjecten_object ON zaakobjecten (tenant_id, object) WHERE object <> '';
CREATE INDEX zaakobjecten_order ON zaakobjecten (tenant_id, created_at, uuid);

CREATE TABLE zaakinformatieobjecten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  -- The Documenten API's ENKELVOUDIGINFORMATIEOBJECT URL.
  informatieobject text NOT NULL,
  aard_relatie text NOT NULL DEFAULT 'hoort_bij',
  titel varchar(200) NOT NULL DEFAULT '',
  beschrijving text NOT NULL DEFAULT '',
  registratiedatum timestamptz NOT NULL DEFAULT now(),
  vernietigingsdatum timestamptz,
  status_uuid uuid REFERENCES statussen (uuid) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zaak_uuid, informatieobject)
);
CREATE INDEX zaakinformatieobjecten_informatieobject ON zaakinformatieobjecten (tenant_id, informatieobject);
CREATE INDEX zaakinformatieobjecten_order ON zaakinformatieobjecten (tenant_id, created_at, uuid);

CREATE TABLE klantcontacten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  identificatie varchar(14) NOT NULL,
  datumtijd timestamptz NOT NULL,
  kanaal varchar(20) NOT NULL DEFAULT '',
  onderwerp varchar(200) NOT NULL DEFAULT '',
  toelichting varchar(1000) NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX klantcontacten_zaak ON klantcontacten (zaak_uuid);
CREATE INDEX klantcontacten_order ON klantcontacten (tenant_id, created_at, uuid);

CREATE TABLE zaakcontactmomenten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  contactmoment text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakcontactmomenten_zaak ON zaakcontactmomenten (zaak_uuid);
CREATE INDEX zaakcontactmomenten_order ON zaakcontactmomenten (tenant_id, created_at, uuid);

CREATE TABLE zaakverzoeken (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  verzoek text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakverzoeken_zaak ON zaakverzoeken (zaak_uuid);
CREATE INDEX zaakverzoeken_order ON zaakverzoeken (tenant_id, created_at, uuid);

CREATE TABLE zaaknotities (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  onderwerp varchar(100) NOT NULL,
  tekst varchar(1000) NOT NULL,
  aangemaakt_door varchar(100) NOT NULL DEFAULT '',
  notitie_type text NOT NULL DEFAULT 'intern',
  status text NOT NULL DEFAULT 'concept',
  aanmaakdatum timestamptz NOT NULL DEFAULT now(),
  wijzigingsdatum timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaaknotities_zaak ON zaaknotities (zaak_uuid);
CREATE INDEX zaaknotities_order ON zaaknotities (tenant_id, aanmaakdatum, uuid);
