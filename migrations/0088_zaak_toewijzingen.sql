-- Zaakafhandeling: who in the back office handles a zaak (the werkvoorraad's "Mijn zaken" / "Niet toegewezen").
-- One row per assigned zaak; the same assignment is recorded in the Zaken API as a rol "behandelaar" (rol_uuid) when
-- the zaaktype has such a roltype, so other ZGW applications see it too.
CREATE TABLE zaak_toewijzingen (
  zaak_uuid uuid PRIMARY KEY REFERENCES zaken (uuid) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  behandelaar_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  toegewezen_door uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  toegewezen_op timestamptz NOT NULL DEFAULT now(),
  rol_uuid uuid
);
-- "Mijn zaken": the member's assignments, joined to zaken by primary key.
CREATE INDEX zaak_toewijzingen_behandelaar ON zaak_toewijzingen (tenant_id, behandelaar_id);
