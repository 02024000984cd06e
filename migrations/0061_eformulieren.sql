-- E-forms per zaaktype (Inwonersportaal): a beheerder defines the form as data (steps, fields, conditions,
-- validation); residents fill it in, may save a draft and continue later, and submit it, which makes a zaak.
--
-- A form belongs to a zaaktype by its identificatie, not by one version's uuid: a new version of the zaaktype keeps
-- its form, and a submission uses the version valid on the day of submission.
CREATE TABLE eformulieren (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_identificatie text NOT NULL,
  -- The definition being edited (steps, fields, conditions, validation), checked when saved.
  concept jsonb NOT NULL,
  -- What residents get: a copy of the concept made at publication; null until first published.
  gepubliceerd jsonb,
  gepubliceerd_op timestamptz,
  -- The concept differs from what was last published.
  concept_gewijzigd boolean NOT NULL DEFAULT true,
  bijgewerkt_door text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, zaaktype_identificatie)
);

-- A resident's draft of one form: the answers so far, kept on the server so they can continue later.
CREATE TABLE eformulier_concepten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  eformulier_uuid uuid NOT NULL REFERENCES eformulieren (uuid) ON DELETE CASCADE,
  -- Whose draft: 'bsn' or 'kvk' with the number, as the portal session identifies them.
  soort text NOT NULL CHECK (soort IN ('bsn', 'kvk')),
  identificatie text NOT NULL,
  antwoorden jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Drafts are removed after this moment (housekeeping and every look-up ignore them).
  verloopt_op timestamptz NOT NULL
);

-- One draft per person and form at a time.
CREATE UNIQUE INDEX eformulier_concepten_persoon ON eformulier_concepten (tenant_id, eformulier_uuid, soort, identificatie);
CREATE INDEX eformulier_concepten_verloopt ON eformulier_concepten (verloopt_op);

-- Files uploaded into a draft. Written only once the whole upload has arrived, so a broken-off upload leaves nothing.
CREATE TABLE eformulier_concept_bestanden (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  concept_uuid uuid NOT NULL REFERENCES eformulier_concepten (uuid) ON DELETE CASCADE,
  veld text NOT NULL,
  bestandsnaam text NOT NULL,
  formaat text NOT NULL,
  grootte integer NOT NULL,
  inhoud bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (concept_uuid, veld)
);

-- Every submission that became a zaak, by idempotency key (the draft's uuid from the portal; the KCC passes its own):
-- a second submit with the same key finds the first one's zaak instead of making another.
CREATE TABLE eformulier_inzendingen (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  sleutel text NOT NULL,
  zaaktype_identificatie text NOT NULL,
  kanaal text NOT NULL,
  soort text NOT NULL CHECK (soort IN ('bsn', 'kvk')),
  identificatie text NOT NULL,
  zaak_uuid uuid,
  zaak_url text,
  zaak_identificatie text,
  ingediend_op timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, sleutel)
);
