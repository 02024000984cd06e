-- Besluiten API 1.1: BESLUIT and BESLUITINFORMATIEOBJECT. A besluit with a zaak is also the zaak's ZAAKBESLUIT
-- (/zaken/{uuid}/besluiten): that relation is derived from `zaak_uuid` here, so there is one source of truth.

-- Generated besluit identificaties (`BESLUIT-2026-0000000001`): the last number issued per tenant and year of the
-- besluit's `datum` (the reference implementation numbers by that year too). Incremented inside the transaction
-- that stores the besluit, so a rolled-back besluit also rolls back its number.
CREATE TABLE besluit_identificatie_counters (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  year smallint NOT NULL CHECK (year BETWEEN 1000 AND 9999),
  last_number bigint NOT NULL CHECK (last_number >= 1),
  PRIMARY KEY (tenant_id, year)
);

CREATE TABLE besluiten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  identificatie varchar(50) NOT NULL CHECK (identificatie <> ''),
  -- The 11-proef is checked in the service (as the reference implementation does); the table keeps the form.
  verantwoordelijke_organisatie char(9) NOT NULL CHECK (verantwoordelijke_organisatie ~ '^[0-9]{9}$'),
  besluittype_uuid uuid NOT NULL REFERENCES besluittypen (uuid),
  -- Not ON DELETE CASCADE: a besluit is a decision in its own register, and zrc-023 does not list besluiten among
  -- what goes with a deleted zaak. As in the reference implementation, a zaak with besluiten cannot be deleted
  -- until its besluiten are (NO ACTION rather than RESTRICT, so deleting a whole tenant still cascades).
  zaak_uuid uuid REFERENCES zaken (uuid),
  -- The ZAAKBESLUIT's own identity (/zaken/{zaak_uuid}/besluiten/{uuid}); exactly when there is a zaak. The zaak
  -- of a besluit never changes (brc-006), so neither does this.
  zaakbesluit_uuid uuid UNIQUE,
  datum date NOT NULL,
  toelichting text NOT NULL DEFAULT '',
  bestuursorgaan varchar(50) NOT NULL DEFAULT '',
  ingangsdatum date NOT NULL,
  vervaldatum date,
  -- '' when the besluit has not lapsed (the API leaves the field out then).
  vervalreden text NOT NULL DEFAULT '' CHECK (vervalreden IN ('', 'tijdelijk', 'ingetrokken_overheid', 'ingetrokken_belanghebbende')),
  publicatiedatum date,
  verzenddatum date,
  uiterlijke_reactiedatum date,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- brc-002: identificatie is unique within the verantwoordelijke organisatie (per tenant).
  CONSTRAINT besluiten_identificatie_unique UNIQUE (tenant_id, verantwoordelijke_organisatie, identificatie),
  CONSTRAINT besluiten_zaakbesluit CHECK ((zaak_uuid IS NULL) = (zaakbesluit_uuid IS NULL)),
  CONSTRAINT besluiten_werkingsperiode CHECK (vervaldatum IS NULL OR vervaldatum >= ingangsdatum)
);
-- The list order (newest first, as the reference implementation lists), also for callers who may read all types.
CREATE INDEX besluiten_order ON besluiten (tenant_id, created_at DESC, uuid DESC);
-- `?besluittype=` and callers restricted to some besluittypen: an index range per type, in list order.
CREATE INDEX besluiten_besluittype_order ON besluiten (tenant_id, besluittype_uuid, created_at DESC, uuid DESC);
-- `?zaak=`, /zaken/{uuid}/besluiten, and the archiving derivation (ingangsdatum_besluit, vervaldatum_besluit).
CREATE INDEX besluiten_zaak ON besluiten (zaak_uuid) WHERE zaak_uuid IS NOT NULL;
-- `?identificatie=`.
CREATE INDEX besluiten_identificatie ON besluiten (tenant_id, identificatie);

CREATE TABLE besluitinformatieobjecten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- brc-009: the relations go with their besluit.
  besluit_uuid uuid NOT NULL REFERENCES besluiten (uuid) ON DELETE CASCADE,
  -- The ENKELVOUDIGINFORMATIEOBJECT of the tenant's Documenten API, by uuid, so its URL follows the caller's host.
  informatieobject_uuid uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT besluitinformatieobjecten_unique UNIQUE (besluit_uuid, informatieobject_uuid)
);
-- `?informatieobject=`.
CREATE INDEX besluitinformatieobjecten_informatieobject ON besluitinformatieobjecten (tenant_id, informatieobject_uuid);
CREATE INDEX besluitinformatieobjecten_order ON besluitinformatieobjecten (tenant_id, created_at, uuid);
