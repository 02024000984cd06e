-- Contactverzoeken: a KCC hand-over to the back office. The task itself is a Klantinteracties internetaak (so an
-- external KCC tool sees it); what only the workspace needs lives here, keyed by the internetaak's uuid: the
-- deadline, the callback details, who it is addressed to (a team or a staff member), who picked it up, the outcome.
CREATE TABLE contactverzoeken (
  interne_taak_uuid uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  klantcontact_uuid uuid NOT NULL,
  -- The idempotency key of the form that created it: a double submit finds the first one.
  sleutel uuid NOT NULL,
  team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
  medewerker_id uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  deadline date NOT NULL,
  terugbel_naam text NOT NULL DEFAULT '' CHECK (length(terugbel_naam) <= 200),
  terugbel_telefoon text NOT NULL DEFAULT '' CHECK (length(terugbel_telefoon) <= 20),
  terugbel_email text NOT NULL DEFAULT '' CHECK (length(terugbel_email) <= 254),
  terugbel_voorkeur text NOT NULL DEFAULT '' CHECK (length(terugbel_voorkeur) <= 200),
  aangemaakt_door uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  aangemaakt_op timestamptz NOT NULL DEFAULT now(),
  opgepakt_door uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  opgepakt_op timestamptz,
  afgehandeld_door uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  afgehandeld_op timestamptz,
  uitkomst text NOT NULL DEFAULT '' CHECK (length(uitkomst) <= 4000),
  UNIQUE (tenant_id, sleutel),
  -- Addressed to one: a team or a person (both null only once that team or account is removed).
  CHECK (num_nonnulls(team_id, medewerker_id) <= 1)
);
CREATE INDEX contactverzoeken_open_by_team ON contactverzoeken (tenant_id, team_id, deadline) WHERE afgehandeld_op IS NULL;
CREATE INDEX contactverzoeken_open_by_medewerker ON contactverzoeken (tenant_id, medewerker_id, deadline) WHERE afgehandeld_op IS NULL;
CREATE INDEX contactverzoeken_open_by_opgepakt ON contactverzoeken (tenant_id, opgepakt_door, deadline) WHERE afgehandeld_op IS NULL;

-- What happened to a contactverzoek, in order: handed over, picked up, closed.
CREATE TABLE contactverzoek_gebeurtenissen (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  interne_taak_uuid uuid NOT NULL REFERENCES contactverzoeken (interne_taak_uuid) ON DELETE CASCADE,
  soort text NOT NULL CHECK (soort IN ('doorgezet', 'opgepakt', 'afgehandeld')),
  door uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  op timestamptz NOT NULL DEFAULT now(),
  toelichting text NOT NULL DEFAULT ''
);
CREATE INDEX contactverzoek_gebeurtenissen_by_taak ON contactverzoek_gebeurtenissen (interne_taak_uuid, id);

-- Per municipality: how many working days a contactverzoek gets by default. No row: the default in code.
CREATE TABLE contactverzoek_instellingen (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  standaard_termijn_werkdagen integer NOT NULL CHECK (standaard_termijn_werkdagen BETWEEN 0 AND 60)
);
