-- Zaakafhandeling: the history of a zaak's suspensions (Awb 4:15). The Zaken API's `opschorting` holds only the
-- current state; a zaak can be suspended more than once, and each closed period moves the decision deadline.
CREATE TABLE zaak_opschortingen (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  reden text NOT NULL CHECK (length(reden) BETWEEN 1 AND 200),
  begindatum date NOT NULL,
  einddatum date,
  opgeschort_door uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  hervat_door uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (einddatum IS NULL OR einddatum >= begindatum)
);
CREATE INDEX zaak_opschortingen_zaak ON zaak_opschortingen (zaak_uuid, begindatum);
-- At most one running suspension per zaak: a second "opschorten" (double submit, two tabs) is refused here.
CREATE UNIQUE INDEX zaak_opschortingen_lopend ON zaak_opschortingen (zaak_uuid) WHERE einddatum IS NULL;
