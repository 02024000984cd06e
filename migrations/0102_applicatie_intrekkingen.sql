-- Beheer: revoking an API client (intrekken) stops its access at once while its applicatie, client ids, autorisaties
-- and history stay; a beheerder can reactivate it deliberately, with a new secret. Each revocation is a row; it runs
-- until the applicatie is reactivated. Revoking also wipes the secrets and Klantinteracties tokens of its client ids,
-- so a leaked secret never works again, whatever happens later. Deleting the applicatie (a separate action) takes its
-- history with it.
CREATE TABLE applicatie_intrekkingen (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  applicatie_uuid uuid NOT NULL REFERENCES applicaties (uuid) ON DELETE CASCADE,
  ingetrokken_op timestamptz NOT NULL DEFAULT now(),
  ingetrokken_door uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  heractiveerd_op timestamptz,
  heractiveerd_door uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  CHECK (heractiveerd_op IS NULL OR heractiveerd_op >= ingetrokken_op)
);
CREATE INDEX applicatie_intrekkingen_applicatie ON applicatie_intrekkingen (applicatie_uuid, ingetrokken_op);
-- At most one running revocation per applicatie: a second "intrekken" (double submit, two tabs) is refused here, and
-- the credential lookup finds a revoked applicatie through this small index.
CREATE UNIQUE INDEX applicatie_intrekkingen_lopend ON applicatie_intrekkingen (applicatie_uuid) WHERE heractiveerd_op IS NULL;
