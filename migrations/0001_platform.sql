-- Platform foundation: tenants, API clients, staff accounts and sessions, processing log,
-- audit trail and outbox. Every domain table carries tenant_id.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL,
  rsin char(9) NOT NULL CHECK (rsin ~ '^[0-9]{9}$'),
  -- Lower-case host names (no port) that resolve to this tenant.
  hostnames text[] NOT NULL DEFAULT '{}',
  -- Design tokens for theming: logo url, colours.
  theme jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenants_hostnames ON tenants USING gin (hostnames);

CREATE TABLE api_clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  client_id text NOT NULL,
  label text NOT NULL DEFAULT '',
  -- AES-256-GCM ciphertext of the shared JWT secret; never stored in plain text.
  secret_encrypted text NOT NULL,
  heeft_alle_autorisaties boolean NOT NULL DEFAULT false,
  scopes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, client_id)
);

CREATE TABLE staff_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email)),
  display_name text NOT NULL,
  -- argon2id; null for accounts that only sign in through OIDC.
  password_hash text,
  -- AES-256-GCM ciphertext of the base32 TOTP seed.
  totp_secret_encrypted text,
  roles text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['kcc', 'behandelaar', 'teamleider', 'beheerder', 'privacy']::text[]),
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);

CREATE TABLE staff_sessions (
  -- sha256 of the cookie value: a leaked table row cannot be replayed as a cookie.
  id_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  -- Null until the second factor passed; such a session only reaches the TOTP step.
  mfa_passed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX staff_sessions_user ON staff_sessions (tenant_id, user_id);

CREATE TABLE sign_in_attempts (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  email text NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempts_email ON sign_in_attempts (tenant_id, email, attempted_at);
CREATE INDEX sign_in_attempts_ip ON sign_in_attempts (ip, attempted_at);

-- Register of processing activities (verwerkingsactiviteiten, AVG art. 30) per tenant.
CREATE TABLE processing_activities (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  name text NOT NULL,
  purpose text NOT NULL,
  legal_ground text NOT NULL,
  -- Whether the existence of this processing may be disclosed in an inzage request.
  confidential boolean NOT NULL DEFAULT false,
  retention_years integer NOT NULL DEFAULT 20,
  PRIMARY KEY (tenant_id, id)
);

-- Logboek dataverwerkingen: append-only, hash-chained per tenant.
CREATE TABLE processing_log (
  seq bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  trace_id text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$'),
  operation_id text NOT NULL CHECK (operation_id ~ '^[0-9a-f]{16}$'),
  parent_operation_id text CHECK (parent_operation_id ~ '^[0-9a-f]{16}$'),
  name text NOT NULL,
  status_code smallint NOT NULL CHECK (status_code IN (0, 1, 2)),
  start_time timestamptz NOT NULL,
  end_time timestamptz NOT NULL,
  processing_activity_id text NOT NULL,
  -- HMAC of the subject's identifier with the tenant's key: findable for inzage, unreadable otherwise.
  data_subject_id text,
  data_subject_id_type text,
  -- Kind of actor (application client id or staff role), never a person: see the standard's decision on users.
  actor text NOT NULL,
  foreign_operation jsonb,
  attributes jsonb NOT NULL DEFAULT '{}',
  previous_hash text NOT NULL,
  hash text NOT NULL,
  FOREIGN KEY (tenant_id, processing_activity_id) REFERENCES processing_activities (tenant_id, id)
);
CREATE INDEX processing_log_subject ON processing_log (tenant_id, data_subject_id, start_time);
CREATE INDEX processing_log_tenant_seq ON processing_log (tenant_id, seq);

CREATE FUNCTION processing_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'processing_log is append-only';
END;
$$;
CREATE TRIGGER processing_log_no_update BEFORE UPDATE OR DELETE ON processing_log
  FOR EACH ROW EXECUTE FUNCTION processing_log_append_only();

-- Audit trail of API resources (ZGW AuditTrail).
CREATE TABLE audittrail (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  bron text NOT NULL,
  applicatie_id text NOT NULL DEFAULT '',
  applicatie_weergave text NOT NULL DEFAULT '',
  gebruikers_id text NOT NULL DEFAULT '',
  gebruikers_weergave text NOT NULL DEFAULT '',
  actie text NOT NULL,
  actie_weergave text NOT NULL DEFAULT '',
  resultaat integer NOT NULL,
  hoofd_object text NOT NULL,
  resource text NOT NULL,
  resource_url text NOT NULL,
  resource_weergave text NOT NULL DEFAULT '',
  toelichting text NOT NULL DEFAULT '',
  request_id text NOT NULL DEFAULT '',
  aanmaakdatum timestamptz NOT NULL DEFAULT now(),
  oud jsonb,
  nieuw jsonb
);
CREATE INDEX audittrail_hoofd_object ON audittrail (tenant_id, hoofd_object, aanmaakdatum);

-- Transactional outbox: written with the change, delivered after commit, at least once.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  locked_by text,
  delivered_at timestamptz,
  failed_at timestamptz,
  last_error text
);
CREATE INDEX outbox_due ON outbox (available_at, id) WHERE delivered_at IS NULL AND failed_at IS NULL;
