-- Catalogi API 1.3.3: CATALOGUS, the container of a tenant's zaaktypen, besluittypen and informatieobjecttypen.
-- Lengths and required fields follow the spec's Catalogus schema; the service validates them first so clients get
-- every problem listed, and these constraints keep the data right whatever writes it.
CREATE TABLE catalogussen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  domein varchar(5) NOT NULL CHECK (domein <> ''),
  -- The 11-proef is checked in the service (as the reference implementation does); the table keeps the form.
  rsin char(9) NOT NULL CHECK (rsin ~ '^[0-9]{9}$'),
  contactpersoon_beheer_naam varchar(40) NOT NULL CHECK (contactpersoon_beheer_naam <> ''),
  contactpersoon_beheer_telefoonnummer varchar(20) NOT NULL DEFAULT '',
  contactpersoon_beheer_emailadres varchar(254) NOT NULL DEFAULT '',
  naam varchar(200),
  versie varchar(20),
  begindatum_versie date,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The reference implementation (Open Zaak) makes domein + rsin unique; here per tenant. The index also serves
  -- the `domein` / `domein__in` filters.
  CONSTRAINT catalogussen_domein_rsin_unique UNIQUE (tenant_id, domein, rsin)
);
-- The `rsin` / `rsin__in` filters.
CREATE INDEX catalogussen_rsin ON catalogussen (tenant_id, rsin);
-- The list's stable order (oldest first), paged with LIMIT/OFFSET.
CREATE INDEX catalogussen_order ON catalogussen (tenant_id, created_at, uuid);
