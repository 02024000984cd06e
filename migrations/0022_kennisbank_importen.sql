-- Kennisbank imports started from the beheer pages: one row per import job, with its progress, so the status page
-- (in any Loket process) can show how far it is. The import itself stays one transaction; this row is written
-- outside it, so it shows progress while the import runs and keeps the problems when the import is refused.
CREATE TABLE kennisbank_importen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- bezig: checking or writing; voltooid: committed; mislukt: nothing imported (see fouten).
  status text NOT NULL DEFAULT 'bezig' CHECK (status IN ('bezig', 'voltooid', 'mislukt')),
  -- What a running import is doing: reading and checking the file, or writing the products.
  fase text NOT NULL DEFAULT 'controleren' CHECK (fase IN ('controleren', 'importeren')),
  bestandsnaam text NOT NULL,
  totaal integer NOT NULL DEFAULT 0 CHECK (totaal >= 0),
  verwerkt integer NOT NULL DEFAULT 0 CHECK (verwerkt >= 0),
  -- Every problem as { name, code, reason } (name per row or product, e.g. "producten[12].titel" or "regel 3: titel").
  fouten jsonb NOT NULL DEFAULT '[]',
  -- What a completed import did: { created, updated, published, synoniemen }.
  resultaat jsonb,
  door text NOT NULL,
  gestart_op timestamptz NOT NULL DEFAULT now(),
  bijgewerkt_op timestamptz NOT NULL DEFAULT now(),
  beeindigd_op timestamptz
);

-- At most one running import per tenant: a double submit (or a second beheerder) is refused by the database itself,
-- whichever Loket process receives it.
CREATE UNIQUE INDEX kennisbank_importen_een_bezig ON kennisbank_importen (tenant_id) WHERE status = 'bezig';
CREATE INDEX kennisbank_importen_tenant ON kennisbank_importen (tenant_id, gestart_op DESC);
