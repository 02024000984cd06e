-- Teams (afdelingen) in the staff workspace: which zaaktypen a team handles and who is in it. A behandelaar or
-- teamleider sees the zaken of their teams' zaaktypen; the KCC sees every zaaktype. Zaaktypen are named by their
-- identificatie, which stays the same across the versions (geldigheid) of a zaaktype.
CREATE TABLE teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, naam)
);

CREATE TABLE team_zaaktypen (
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaaktype_identificatie text NOT NULL,
  PRIMARY KEY (team_id, zaaktype_identificatie)
);
CREATE INDEX team_zaaktypen_by_zaaktype ON team_zaaktypen (tenant_id, zaaktype_identificatie);

CREATE TABLE team_leden (
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  staff_user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, staff_user_id)
);
CREATE INDEX team_leden_by_user ON team_leden (staff_user_id);

-- The highest vertrouwelijkheidaanduiding each staff role may read, per municipality. No row: the default in code
-- (src/medewerker/toegang/rol-vertrouwelijkheid.ts).
CREATE TABLE rol_vertrouwelijkheid (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  rol text NOT NULL,
  max_vertrouwelijkheidaanduiding text NOT NULL CHECK (max_vertrouwelijkheidaanduiding IN
    ('openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim')),
  PRIMARY KEY (tenant_id, rol)
);
