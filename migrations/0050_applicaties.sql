-- Autorisaties API 1.1: an APPLICATIE identifies itself with one or more client ids (ac-001: each client id belongs to
-- one applicatie) and carries the autorisaties, or heeftAlleAutorisaties instead of any (ac-002). Until now each API
-- client row carried its own; every existing client becomes an applicatie of its own (same uuid as the client row),
-- with its label, its heeftAlleAutorisaties and its autorisaties.
CREATE TABLE applicaties (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  label varchar(100) NOT NULL CHECK (label <> ''),
  heeft_alle_autorisaties boolean NOT NULL DEFAULT false,
  -- Only documents with isGereedVoorPublicatie may be read (Autorisaties API 1.1).
  alleen_is_gereed_voor_publicatie boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applicaties_order ON applicaties (tenant_id, created_at, uuid);

INSERT INTO applicaties (uuid, tenant_id, label, heeft_alle_autorisaties, created_at)
SELECT id, tenant_id, left(coalesce(nullif(label, ''), client_id), 100), heeft_alle_autorisaties, created_at FROM api_clients;

-- A client id registered through the Autorisaties API has no secret until a beheerder gives it one
-- (`loket client add`); it cannot authenticate before then.
ALTER TABLE api_clients ADD COLUMN applicatie_uuid uuid REFERENCES applicaties (uuid) ON DELETE CASCADE;
UPDATE api_clients SET applicatie_uuid = id;
ALTER TABLE api_clients ALTER COLUMN applicatie_uuid SET NOT NULL;
ALTER TABLE api_clients ALTER COLUMN secret_encrypted DROP NOT NULL;
ALTER TABLE api_clients DROP COLUMN heeft_alle_autorisaties;
CREATE INDEX api_clients_applicatie ON api_clients (applicatie_uuid);

ALTER TABLE api_client_autorisaties RENAME TO applicatie_autorisaties;
ALTER TABLE applicatie_autorisaties ADD COLUMN applicatie_uuid uuid REFERENCES applicaties (uuid) ON DELETE CASCADE;
UPDATE applicatie_autorisaties SET applicatie_uuid = api_client_id;
ALTER TABLE applicatie_autorisaties ALTER COLUMN applicatie_uuid SET NOT NULL;
ALTER TABLE applicatie_autorisaties DROP COLUMN api_client_id;
CREATE INDEX applicatie_autorisaties_applicatie ON applicatie_autorisaties (applicatie_uuid, created_at);
