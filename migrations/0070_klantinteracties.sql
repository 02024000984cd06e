-- Klantinteracties API 0.9.0 (the KCC's data): partijen with their identificatoren, digitale adressen and
-- rekeningnummers, klantcontacten with betrokkenen, onderwerpobjecten, bijlagen, actoren and interne taken.
-- Tables carry the prefix `ki_` because `klantcontacten` already is the Zaken API's resource of that name.
-- Nested groups the API treats as one value (addresses, names, actoridentificatie, metadata) are JSONB; every
-- relation and every field a list filters on is a column of its own.

-- The API token of a client (the spec's `tokenAuth`: `Authorization: Token <token>`). Only a sha256 of the token is
-- kept: tokens are 256 random bits, so a fast hash cannot be reversed and a lookup by hash needs no secret compare.
CREATE TABLE api_tokens (
  token_hash char(64) PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  api_client_id uuid NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
  -- Which API the token opens; one token per client and API (a new one replaces the old).
  api text NOT NULL CHECK (api IN ('klantinteracties')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT api_tokens_one_per_client UNIQUE (api_client_id, api)
);

-- Per-tenant counters behind the generated `nummer` of partijen, klantcontacten and interne taken.
CREATE TABLE ki_nummers (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  soort text NOT NULL CHECK (soort IN ('partij', 'klantcontact', 'internetaak')),
  last_number bigint NOT NULL,
  PRIMARY KEY (tenant_id, soort)
);

CREATE TABLE ki_partijen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  nummer varchar(10) NOT NULL,
  soort_partij text NOT NULL CHECK (soort_partij IN ('persoon', 'organisatie', 'contactpersoon')),
  interne_notitie varchar(1000) NOT NULL DEFAULT '',
  indicatie_geheimhouding boolean,
  voorkeurstaal varchar(3) NOT NULL DEFAULT '',
  indicatie_actief boolean NOT NULL,
  -- Set after the adres or rekeningnummer exists; cleared when it goes (constraints added below the tables).
  voorkeurs_digitaal_adres_uuid uuid,
  voorkeurs_rekeningnummer_uuid uuid,
  bezoekadres jsonb,
  correspondentieadres jsonb,
  -- persoon/contactpersoon: { contactnaam }; organisatie: { naam }.
  partij_identificatie jsonb NOT NULL DEFAULT '{}',
  -- Only for a contactpersoon: the organisation they work for.
  werkte_voor_partij_uuid uuid REFERENCES ki_partijen (uuid) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT ki_partijen_nummer_unique UNIQUE (tenant_id, nummer)
);
CREATE INDEX ki_partijen_order ON ki_partijen (tenant_id, created_at, uuid);

CREATE TABLE ki_partij_identificatoren (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- The identificatoren of a partij go with it.
  partij_uuid uuid REFERENCES ki_partijen (uuid) ON DELETE CASCADE,
  andere_partij_identificator varchar(200) NOT NULL DEFAULT '',
  code_objecttype text NOT NULL,
  code_soort_object_id text NOT NULL,
  object_id varchar(200) NOT NULL,
  code_register text NOT NULL,
  sub_identificator_van_uuid uuid REFERENCES ki_partij_identificatoren (uuid) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- One identificator per combination (a vestigingsnummer per KvK-nummer); the service reports it, this index holds it.
CREATE UNIQUE INDEX ki_partij_identificatoren_unique ON ki_partij_identificatoren
  (tenant_id, code_soort_object_id, object_id, code_register, code_objecttype, coalesce(sub_identificator_van_uuid, '00000000-0000-0000-0000-000000000000'));
-- Finding a person or organisation by BSN or KvK-nummer, the KCC's first question.
CREATE INDEX ki_partij_identificatoren_object ON ki_partij_identificatoren (tenant_id, object_id);
CREATE INDEX ki_partij_identificatoren_partij ON ki_partij_identificatoren (partij_uuid);

CREATE TABLE ki_klantcontacten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  nummer varchar(10) NOT NULL,
  referentienummer varchar(10),
  kanaal varchar(50) NOT NULL,
  onderwerp varchar(200) NOT NULL,
  inhoud varchar(1000) NOT NULL DEFAULT '',
  reactie varchar(4000) NOT NULL DEFAULT '',
  indicatie_contact_gelukt boolean,
  hoofd_onderwerp_type varchar(200) NOT NULL DEFAULT '',
  verdere_actie_ondernomen boolean NOT NULL DEFAULT false,
  taal varchar(3) NOT NULL,
  vertrouwelijk boolean NOT NULL,
  plaatsgevonden_op timestamptz NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT ki_klantcontacten_nummer_unique UNIQUE (tenant_id, nummer)
);
CREATE INDEX ki_klantcontacten_order ON ki_klantcontacten (tenant_id, plaatsgevonden_op DESC, uuid);

CREATE TABLE ki_betrokkenen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- The contact history stays when a partij is removed; it just no longer points to one.
  partij_uuid uuid REFERENCES ki_partijen (uuid) ON DELETE SET NULL,
  klantcontact_uuid uuid NOT NULL REFERENCES ki_klantcontacten (uuid) ON DELETE CASCADE,
  bezoekadres jsonb,
  correspondentieadres jsonb,
  contactnaam jsonb,
  rol text NOT NULL CHECK (rol IN ('vertegenwoordiger', 'klant')),
  organisatienaam varchar(200) NOT NULL DEFAULT '',
  initiator boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ki_betrokkenen_klantcontact ON ki_betrokkenen (klantcontact_uuid);
CREATE INDEX ki_betrokkenen_partij ON ki_betrokkenen (partij_uuid) WHERE partij_uuid IS NOT NULL;

CREATE TABLE ki_digitale_adressen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  verstrekt_door_betrokkene_uuid uuid REFERENCES ki_betrokkenen (uuid) ON DELETE SET NULL,
  -- A partij's contact details are the partij's: removing the partij removes them (AVG: no orphaned personal data).
  verstrekt_door_partij_uuid uuid REFERENCES ki_partijen (uuid) ON DELETE CASCADE,
  adres varchar(80) NOT NULL,
  soort_digitaal_adres text NOT NULL CHECK (soort_digitaal_adres IN ('email', 'telefoonnummer', 'overig')),
  is_standaard_adres boolean NOT NULL DEFAULT false,
  omschrijving varchar(40) NOT NULL DEFAULT '',
  referentie varchar(50) NOT NULL DEFAULT '',
  verificatie_datum date,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ki_digitale_adressen_order ON ki_digitale_adressen (tenant_id, created_at, uuid);
CREATE INDEX ki_digitale_adressen_partij ON ki_digitale_adressen (verstrekt_door_partij_uuid) WHERE verstrekt_door_partij_uuid IS NOT NULL;
CREATE INDEX ki_digitale_adressen_betrokkene ON ki_digitale_adressen (verstrekt_door_betrokkene_uuid) WHERE verstrekt_door_betrokkene_uuid IS NOT NULL;
-- Identifying a caller by e-mail address or phone number: exact, and by part (`adres__icontains`, ILIKE '%…%').
CREATE INDEX ki_digitale_adressen_adres ON ki_digitale_adressen (tenant_id, adres);
CREATE INDEX ki_digitale_adressen_adres_trigram ON ki_digitale_adressen USING gin (adres gin_trgm_ops);

CREATE TABLE ki_rekeningnummers (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  partij_uuid uuid REFERENCES ki_partijen (uuid) ON DELETE CASCADE,
  iban varchar(34) NOT NULL,
  bic varchar(11) NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ki_rekeningnummers_partij ON ki_rekeningnummers (partij_uuid) WHERE partij_uuid IS NOT NULL;

ALTER TABLE ki_partijen
  ADD CONSTRAINT ki_partijen_voorkeurs_digitaal_adres FOREIGN KEY (voorkeurs_digitaal_adres_uuid) REFERENCES ki_digitale_adressen (uuid) ON DELETE SET NULL,
  ADD CONSTRAINT ki_partijen_voorkeurs_rekeningnummer FOREIGN KEY (voorkeurs_rekeningnummer_uuid) REFERENCES ki_rekeningnummers (uuid) ON DELETE SET NULL;

CREATE TABLE ki_vertegenwoordigingen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  vertegenwoordigende_partij_uuid uuid NOT NULL REFERENCES ki_partijen (uuid) ON DELETE CASCADE,
  vertegenwoordigde_partij_uuid uuid NOT NULL REFERENCES ki_partijen (uuid) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT ki_vertegenwoordigingen_unique UNIQUE (vertegenwoordigende_partij_uuid, vertegenwoordigde_partij_uuid)
);
CREATE INDEX ki_vertegenwoordigingen_vertegenwoordigde ON ki_vertegenwoordigingen (vertegenwoordigde_partij_uuid);

CREATE TABLE ki_categorieen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  naam varchar(80) NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE ki_categorie_relaties (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  partij_uuid uuid REFERENCES ki_partijen (uuid) ON DELETE CASCADE,
  categorie_uuid uuid REFERENCES ki_categorieen (uuid) ON DELETE CASCADE,
  begin_datum date,
  eind_datum date,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT ki_categorie_relaties_periode CHECK (eind_datum IS NULL OR begin_datum IS NULL OR eind_datum >= begin_datum)
);
CREATE INDEX ki_categorie_relaties_partij ON ki_categorie_relaties (partij_uuid);

CREATE TABLE ki_onderwerpobjecten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  klantcontact_uuid uuid REFERENCES ki_klantcontacten (uuid) ON DELETE SET NULL,
  was_klantcontact_uuid uuid REFERENCES ki_klantcontacten (uuid) ON DELETE SET NULL,
  code_objecttype varchar(200) NOT NULL DEFAULT '',
  code_register varchar(200) NOT NULL DEFAULT '',
  code_soort_object_id varchar(200) NOT NULL DEFAULT '',
  object_id varchar(200) NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ki_onderwerpobjecten_klantcontact ON ki_onderwerpobjecten (klantcontact_uuid) WHERE klantcontact_uuid IS NOT NULL;
CREATE INDEX ki_onderwerpobjecten_was_klantcontact ON ki_onderwerpobjecten (was_klantcontact_uuid) WHERE was_klantcontact_uuid IS NOT NULL;
-- The contacts about one zaak (codeObjecttype 'zaak', objectId its uuid).
CREATE INDEX ki_onderwerpobjecten_object ON ki_onderwerpobjecten (tenant_id, object_id);

CREATE TABLE ki_bijlagen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  klantcontact_uuid uuid REFERENCES ki_klantcontacten (uuid) ON DELETE CASCADE,
  code_objecttype varchar(200) NOT NULL DEFAULT '',
  code_register varchar(200) NOT NULL DEFAULT '',
  code_soort_object_id varchar(200) NOT NULL DEFAULT '',
  object_id varchar(200) NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ki_bijlagen_klantcontact ON ki_bijlagen (klantcontact_uuid);

CREATE TABLE ki_actoren (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  naam varchar(200) NOT NULL,
  soort_actor text NOT NULL CHECK (soort_actor IN ('medewerker', 'geautomatiseerde_actor', 'organisatorische_eenheid')),
  indicatie_actief boolean NOT NULL DEFAULT true,
  code_objecttype varchar(200) NOT NULL DEFAULT '',
  code_register varchar(200) NOT NULL DEFAULT '',
  code_soort_object_id varchar(200) NOT NULL DEFAULT '',
  object_id varchar(200) NOT NULL DEFAULT '',
  -- medewerker: functie, emailadres, telefoonnummer; geautomatiseerde actor: functie, omschrijving; organisatorische eenheid: omschrijving, emailadres, faxnummer, telefoonnummer.
  actor_identificatie jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ki_actoren_order ON ki_actoren (tenant_id, created_at, uuid);

CREATE TABLE ki_actor_klantcontacten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  actor_uuid uuid NOT NULL REFERENCES ki_actoren (uuid) ON DELETE CASCADE,
  klantcontact_uuid uuid NOT NULL REFERENCES ki_klantcontacten (uuid) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT ki_actor_klantcontacten_unique UNIQUE (actor_uuid, klantcontact_uuid)
);
CREATE INDEX ki_actor_klantcontacten_klantcontact ON ki_actor_klantcontacten (klantcontact_uuid);

CREATE TABLE ki_interne_taken (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  nummer varchar(10) NOT NULL,
  referentienummer varchar(10),
  gevraagde_handeling varchar(200) NOT NULL,
  klantcontact_uuid uuid NOT NULL REFERENCES ki_klantcontacten (uuid) ON DELETE CASCADE,
  toelichting varchar(1000) NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('te_verwerken', 'verwerkt')),
  toegewezen_op timestamptz NOT NULL DEFAULT clock_timestamp(),
  afgehandeld_op timestamptz,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT ki_interne_taken_nummer_unique UNIQUE (tenant_id, nummer)
);
CREATE INDEX ki_interne_taken_klantcontact ON ki_interne_taken (klantcontact_uuid);
-- The back office's queue: open tasks, oldest first.
CREATE INDEX ki_interne_taken_status ON ki_interne_taken (tenant_id, status, toegewezen_op);

-- The actoren an interne taak is assigned to, in the order given (the first is the spec's `toegewezenAanActor`).
CREATE TABLE ki_interne_taak_actoren (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  interne_taak_uuid uuid NOT NULL REFERENCES ki_interne_taken (uuid) ON DELETE CASCADE,
  actor_uuid uuid NOT NULL REFERENCES ki_actoren (uuid) ON DELETE CASCADE,
  positie smallint NOT NULL,
  PRIMARY KEY (interne_taak_uuid, actor_uuid)
);
CREATE INDEX ki_interne_taak_actoren_actor ON ki_interne_taak_actoren (actor_uuid);
