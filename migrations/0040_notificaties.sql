-- Notificaties API 1.0: KANAAL and ABONNEMENT, per tenant. Loket's own kanalen (zaken, documenten, besluiten, the
-- catalogue types, …) are not rows here: they exist for every tenant in code (src/components/notificaties/kanalen/
-- eigen-kanalen.ts), so a new municipality can subscribe to them without a seeding step. This table holds the
-- kanalen external publishers register.
CREATE TABLE notificaties_kanalen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  naam varchar(50) NOT NULL CHECK (naam <> ''),
  documentatie_link varchar(200) NOT NULL DEFAULT '',
  -- The kenmerken a notification on this kanaal carries and an abonnement may filter on.
  filters text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notificaties_kanalen_naam_unique UNIQUE (tenant_id, naam)
);

CREATE TABLE notificaties_abonnementen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  callback_url text NOT NULL CHECK (callback_url ~ '^https?://'),
  -- The Authorization header Loket sends to the callback, encrypted with the platform key (Keys.encrypt).
  auth_encrypted text NOT NULL,
  -- [{"naam": "zaken", "filters": {"bronorganisatie": "…"}}, …]; matched on kanaal naam through the GIN index.
  kanalen jsonb NOT NULL DEFAULT '[]',
  -- The client that created it: only that client reads the auth header back.
  client_id text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notificaties_abonnementen_tenant ON notificaties_abonnementen (tenant_id, created_at, uuid);
CREATE INDEX notificaties_abonnementen_kanalen ON notificaties_abonnementen USING gin (kanalen jsonb_path_ops);

-- One row per published notification (outbox event) that was fanned out to its abonnementen. Written in the same
-- transaction as the deliveries, so a notification redelivered after a crash (its outbox lease ran out before it
-- was marked delivered) is not fanned out twice. Rows older than a few days are pruned by the fan-out itself.
CREATE TABLE notificaties_fanouts (
  outbox_id bigint PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  afleveringen integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notificaties_fanouts_created ON notificaties_fanouts (created_at);

-- Failed deliveries as a beheerder lists them: a tenant's given-up outbox events of one kind.
CREATE INDEX outbox_failed ON outbox (tenant_id, kind, failed_at DESC, id DESC) WHERE failed_at IS NOT NULL AND delivered_at IS NULL;
