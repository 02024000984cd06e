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
