-- Documenten API 1.7: ENKELVOUDIGINFORMATIEOBJECT with its versions, BESTANDSDEEL (chunked upload), GEBRUIKSRECHTEN,
-- OBJECTINFORMATIEOBJECT and VERZENDING. The bytes of a document live in the document storage (content-addressed
-- by sha256 under the data directory); these tables hold the metadata and the hashes.

-- One row per document: its identity, lock and the current version's columns that lists filter on (kept in step
-- with the newest row of documentversies in the same transaction).
CREATE TABLE documenten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  versie integer NOT NULL CHECK (versie >= 1),
  -- drc-009: '' while unlocked, else the unguessable lock id handed to the client that locked it.
  lock text NOT NULL DEFAULT '',
  identificatie varchar(40) NOT NULL,
  bronorganisatie varchar(9) NOT NULL,
  informatieobjecttype_uuid uuid NOT NULL,
  -- Authorisation: autorisaties name an informatieobjecttype up to a maximum vertrouwelijkheidaanduiding.
  vertrouwelijkheid_rank smallint NOT NULL CHECK (vertrouwelijkheid_rank BETWEEN 1 AND 8),
  trefwoorden text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT documenten_identificatie_unique UNIQUE (tenant_id, bronorganisatie, identificatie)
);
CREATE INDEX documenten_order ON documenten (tenant_id, created_at DESC, uuid DESC);
CREATE INDEX documenten_type_order ON documenten (tenant_id, informatieobjecttype_uuid, created_at DESC, uuid DESC);
CREATE INDEX documenten_trefwoorden ON documenten USING gin (trefwoorden);

-- Every version of a document, the newest one included. `data` holds the resource's own fields as the API names them
-- (titel, auteur, status, …); the content is named by its sha256 in the document storage, or absent.
CREATE TABLE documentversies (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  document_uuid uuid NOT NULL REFERENCES documenten (uuid) ON DELETE CASCADE,
  versie integer NOT NULL CHECK (versie >= 1),
  begin_registratie timestamptz NOT NULL DEFAULT clock_timestamp(),
  data jsonb NOT NULL,
  inhoud_sha256 char(64),
  bestandsomvang bigint CHECK (bestandsomvang >= 0),
  PRIMARY KEY (document_uuid, versie)
);
CREATE INDEX documentversies_registratie ON documentversies (document_uuid, begin_registratie);
-- Whether a stored blob is still used (drc-008 removes the bytes of a deleted document).
CREATE INDEX documentversies_inhoud ON documentversies (tenant_id, inhoud_sha256) WHERE inhoud_sha256 IS NOT NULL;

-- The parts of a chunked upload of the document's newest version. A part's bytes are a blob of their own until the
-- unlock joins them into the version's content and removes the parts.
CREATE TABLE bestandsdelen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  document_uuid uuid NOT NULL REFERENCES documenten (uuid) ON DELETE CASCADE,
  volgnummer integer NOT NULL CHECK (volgnummer >= 1),
  omvang bigint NOT NULL CHECK (omvang >= 0),
  inhoud_sha256 char(64),
  CONSTRAINT bestandsdelen_volgnummer_unique UNIQUE (document_uuid, volgnummer)
);
CREATE INDEX bestandsdelen_inhoud ON bestandsdelen (tenant_id, inhoud_sha256) WHERE inhoud_sha256 IS NOT NULL;

CREATE TABLE gebruiksrechten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- drc-008: the gebruiksrechten go with their document.
  document_uuid uuid NOT NULL REFERENCES documenten (uuid) ON DELETE CASCADE,
  startdatum timestamptz NOT NULL,
  einddatum timestamptz,
  omschrijving_voorwaarden text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gebruiksrechten_document ON gebruiksrechten (tenant_id, document_uuid);

-- The mirror of ZAAKINFORMATIEOBJECT, BESLUITINFORMATIEOBJECT (and a remote VERZOEKINFORMATIEOBJECT). A zaak or besluit
-- of this Loket is kept by uuid, so its URL follows the caller's host; an object of another API by its URL.
-- Not ON DELETE CASCADE from documenten: drc-008 refuses to delete a document that still has relations.
CREATE TABLE objectinformatieobjecten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  document_uuid uuid NOT NULL REFERENCES documenten (uuid),
  object_type text NOT NULL CHECK (object_type IN ('zaak', 'besluit', 'verzoek')),
  object_uuid uuid,
  object_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT objectinformatieobjecten_object CHECK ((object_uuid IS NULL) <> (object_url IS NULL))
);
-- drc-003: one relation per object and document.
CREATE UNIQUE INDEX objectinformatieobjecten_local_unique ON objectinformatieobjecten (document_uuid, object_type, object_uuid) WHERE object_uuid IS NOT NULL;
CREATE UNIQUE INDEX objectinformatieobjecten_remote_unique ON objectinformatieobjecten (document_uuid, object_url) WHERE object_url IS NOT NULL;
CREATE INDEX objectinformatieobjecten_object ON objectinformatieobjecten (tenant_id, object_uuid);

CREATE TABLE verzendingen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  document_uuid uuid NOT NULL REFERENCES documenten (uuid) ON DELETE CASCADE,
  betrokkene text NOT NULL,
  aard_relatie text NOT NULL CHECK (aard_relatie IN ('afzender', 'geadresseerde')),
  -- The rest of the resource as the API names it (toelichting, contactPersoon, the one address, …).
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verzendingen_order ON verzendingen (tenant_id, created_at DESC, uuid DESC);
CREATE INDEX verzendingen_document ON verzendingen (tenant_id, document_uuid);
