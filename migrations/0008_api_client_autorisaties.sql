-- Autorisaties per application, as the Autorisaties API 1.1 models them: per component a set of scopes, and for
-- zrc/drc/brc the type (zaaktype / informatieobjecttype / besluittype, by URL as that API exchanges them) and the
-- maximum vertrouwelijkheidaanduiding the scopes apply to. `api_clients.scopes` stays for component-free grants;
-- a client with `heeft_alle_autorisaties` needs no rows here.
CREATE TABLE api_client_autorisaties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  api_client_id uuid NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
  component text NOT NULL CHECK (component IN ('ac', 'nrc', 'zrc', 'ztc', 'drc', 'brc', 'cmc', 'kc', 'vrc')),
  scopes text[] NOT NULL DEFAULT '{}',
  zaaktype text CHECK (zaaktype IS NULL OR component = 'zrc'),
  informatieobjecttype text CHECK (informatieobjecttype IS NULL OR component = 'drc'),
  besluittype text CHECK (besluittype IS NULL OR component = 'brc'),
  max_vertrouwelijkheidaanduiding text CHECK (max_vertrouwelijkheidaanduiding IN (
    'openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_client_autorisaties_client ON api_client_autorisaties (api_client_id);
