-- Catalogi API 1.3.3: the types a catalogus holds. Columns hold what other components filter, join or derive on
-- (the Zaken and Besluiten APIs read zaaktypen, statustypen, resultaattypen and roltypen directly); `data` holds
-- the remaining writable attributes as the API exchanges them (camelCase), validated by the service.
-- Relations to other types are stored as uuids, so the URLs follow whatever host the caller uses.

CREATE TABLE zaaktypen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  catalogus_uuid uuid NOT NULL REFERENCES catalogussen (uuid) ON DELETE RESTRICT,
  identificatie varchar(50) NOT NULL CHECK (identificatie <> ''),
  omschrijving varchar(80) NOT NULL,
  vertrouwelijkheidaanduiding text NOT NULL CHECK (vertrouwelijkheidaanduiding IN (
    'openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim')),
  -- ISO 8601 durations as the API exchanges them (P8W, P1Y2M); the Zaken API derives dates from them.
  doorlooptijd text NOT NULL,
  servicenorm text,
  opschorting_en_aanhouding_mogelijk boolean NOT NULL,
  verlenging_mogelijk boolean NOT NULL,
  verlengingstermijn text,
  concept boolean NOT NULL DEFAULT true,
  begin_geldigheid date NOT NULL,
  einde_geldigheid date CHECK (einde_geldigheid IS NULL OR einde_geldigheid >= begin_geldigheid),
  besluittype_uuids uuid[] NOT NULL DEFAULT '{}',
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaaktypen_catalogus ON zaaktypen (tenant_id, catalogus_uuid, identificatie);
CREATE INDEX zaaktypen_order ON zaaktypen (tenant_id, created_at, uuid);

CREATE TABLE informatieobjecttypen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  catalogus_uuid uuid NOT NULL REFERENCES catalogussen (uuid) ON DELETE RESTRICT,
  omschrijving varchar(80) NOT NULL CHECK (omschrijving <> ''),
  vertrouwelijkheidaanduiding text NOT NULL CHECK (vertrouwelijkheidaanduiding IN (
    'openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim')),
  concept boolean NOT NULL DEFAULT true,
  begin_geldigheid date NOT NULL,
  einde_geldigheid date CHECK (einde_geldigheid IS NULL OR einde_geldigheid >= begin_geldigheid),
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX informatieobjecttypen_catalogus ON informatieobjecttypen (tenant_id, catalogus_uuid, omschrijving);
CREATE INDEX informatieobjecttypen_order ON informatieobjecttypen (tenant_id, created_at, uuid);

CREATE TABLE besluittypen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  catalogus_uuid uuid NOT NULL REFERENCES catalogussen (uuid) ON DELETE RESTRICT,
  omschrijving varchar(80) NOT NULL DEFAULT '',
  -- ISO 8601 durations; the Besluiten API derives `uiterlijkeReactiedatum` and publication dates from them.
  reactietermijn text,
  publicatie_indicatie boolean NOT NULL,
  publicatietermijn text,
  concept boolean NOT NULL DEFAULT true,
  begin_geldigheid date NOT NULL,
  einde_geldigheid date CHECK (einde_geldigheid IS NULL OR einde_geldigheid >= begin_geldigheid),
  informatieobjecttype_uuids uuid[] NOT NULL DEFAULT '{}',
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX besluittypen_catalogus ON besluittypen (tenant_id, catalogus_uuid, omschrijving);
CREATE INDEX besluittypen_order ON besluittypen (tenant_id, created_at, uuid);

-- The types below belong to one zaaktype and share its concept state: they can change only while it is concept,
-- and they go when it goes.
CREATE TABLE statustypen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_uuid uuid NOT NULL REFERENCES zaaktypen (uuid) ON DELETE CASCADE,
  omschrijving varchar(80) NOT NULL CHECK (omschrijving <> ''),
  volgnummer integer NOT NULL CHECK (volgnummer BETWEEN 1 AND 9999),
  informeren boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zaaktype_uuid, volgnummer)
);
CREATE INDEX statustypen_order ON statustypen (tenant_id, created_at, uuid);

CREATE TABLE resultaattypen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_uuid uuid NOT NULL REFERENCES zaaktypen (uuid) ON DELETE CASCADE,
  omschrijving varchar(30) NOT NULL CHECK (omschrijving <> ''),
  -- Referentielijsten URLs: the generic resultaattypeomschrijving and the Selectielijst klasse (resultaat).
  resultaattypeomschrijving text NOT NULL,
  selectielijstklasse text NOT NULL,
  archiefnominatie text CHECK (archiefnominatie IN ('blijvend_bewaren', 'vernietigen')),
  archiefactietermijn text,
  -- BrondatumArchiefprocedure as the API exchanges it (afleidingswijze, datumkenmerk, einddatumBekend,
  -- objecttype, registratie, procestermijn): the Zaken API derives the archiefactiedatum from it on closing.
  brondatum_archiefprocedure jsonb,
  besluittype_uuids uuid[] NOT NULL DEFAULT '{}',
  informatieobjecttype_uuids uuid[] NOT NULL DEFAULT '{}',
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resultaattypen_zaaktype ON resultaattypen (zaaktype_uuid);
CREATE INDEX resultaattypen_order ON resultaattypen (tenant_id, created_at, uuid);

CREATE TABLE roltypen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_uuid uuid NOT NULL REFERENCES zaaktypen (uuid) ON DELETE CASCADE,
  omschrijving varchar(100) NOT NULL CHECK (omschrijving <> ''),
  omschrijving_generiek text NOT NULL CHECK (omschrijving_generiek IN (
    'adviseur', 'behandelaar', 'belanghebbende', 'beslisser', 'initiator', 'klantcontacter', 'zaakcoordinator', 'mede_initiator')),
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX roltypen_zaaktype ON roltypen (zaaktype_uuid);
CREATE INDEX roltypen_order ON roltypen (tenant_id, created_at, uuid);

CREATE TABLE eigenschappen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_uuid uuid NOT NULL REFERENCES zaaktypen (uuid) ON DELETE CASCADE,
  naam varchar(20) NOT NULL CHECK (naam <> ''),
  -- EigenschapSpecificatie (formaat, lengte, kardinaliteit, waardenverzameling, groep): zaakeigenschap
  -- values are validated against it.
  specificatie jsonb NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX eigenschappen_zaaktype ON eigenschappen (zaaktype_uuid);
CREATE INDEX eigenschappen_order ON eigenschappen (tenant_id, created_at, uuid);

CREATE TABLE zaaktype_informatieobjecttypen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_uuid uuid NOT NULL REFERENCES zaaktypen (uuid) ON DELETE CASCADE,
  -- Catalogi 1.3 names the informatieobjecttype by its omschrijving (all its versions in the catalogus).
  informatieobjecttype_omschrijving varchar(100) NOT NULL,
  volgnummer integer NOT NULL CHECK (volgnummer BETWEEN 1 AND 999),
  richting text NOT NULL CHECK (richting IN ('inkomend', 'intern', 'uitgaand')),
  statustype_uuid uuid REFERENCES statustypen (uuid) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zaaktype_uuid, volgnummer)
);
CREATE INDEX zaaktype_informatieobjecttypen_omschrijving ON zaaktype_informatieobjecttypen (tenant_id, informatieobjecttype_omschrijving);
CREATE INDEX zaaktype_informatieobjecttypen_order ON zaaktype_informatieobjecttypen (tenant_id, created_at, uuid);

CREATE TABLE zaakobjecttypen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_uuid uuid NOT NULL REFERENCES zaaktypen (uuid) ON DELETE CASCADE,
  objecttype text NOT NULL,
  relatie_omschrijving varchar(80) NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zaakobjecttypen_zaaktype ON zaakobjecttypen (zaaktype_uuid);
CREATE INDEX zaakobjecttypen_order ON zaakobjecttypen (tenant_id, created_at, uuid);
