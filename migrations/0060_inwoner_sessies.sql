-- Residents' and businesses' sessions on the portal (Mijn omgeving), after sign-in with DigiD or eHerkenning
-- through the municipality's OpenID Connect broker, or with the demo identity provider.
--
-- Kept apart from staff sessions: another cookie, other time-outs (15 minutes idle, as DigiD requires) and an
-- identity that is a BSN or KvK number rather than an account.
CREATE TABLE inwoner_sessies (
  -- sha256 of the cookie value: a leaked row cannot be used as a cookie.
  id_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- 'bsn' for a resident (DigiD), 'kvk' for a business (eHerkenning).
  soort text NOT NULL CHECK (soort IN ('bsn', 'kvk')),
  identificatie text NOT NULL,
  naam text NOT NULL DEFAULT '',
  e_mail text,
  -- Which sign-in vouched for the identity: 'digid', 'eherkenning' or 'demo'.
  middel text NOT NULL,
  -- Assurance level the broker reported (eIDAS / DigiD level), when it did.
  betrouwbaarheidsniveau text,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX inwoner_sessies_last_seen ON inwoner_sessies (last_seen_at);
CREATE INDEX inwoner_sessies_identiteit ON inwoner_sessies (tenant_id, soort, identificatie);
