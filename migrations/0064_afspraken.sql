-- Counter appointments (Afspraak maken): where residents can come (locations with opening hours and closing days),
-- which products they can book and how long and how many at once, and the appointments themselves.

-- A place with counters: the town hall, a service point.
CREATE TABLE afspraak_locaties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  naam text NOT NULL CHECK (naam <> '' AND length(naam) <= 100),
  -- Street and number, postcode and place, as printed in the confirmation and the calendar entry.
  adres text NOT NULL CHECK (adres <> '' AND length(adres) <= 200),
  postcode text NOT NULL DEFAULT '' CHECK (length(postcode) <= 10),
  plaats text NOT NULL DEFAULT '' CHECK (length(plaats) <= 100),
  -- An inactive location offers no new slots; its appointments stay.
  actief boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX afspraak_locaties_tenant ON afspraak_locaties (tenant_id, naam);

-- Opening hours: periods per ISO weekday (1 = Monday) in Europe/Amsterdam wall-clock minutes after midnight, so
-- 09:00 stays 09:00 across the change to and from summer time. Several periods a day (a lunch break, an evening).
CREATE TABLE afspraak_openingstijden (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  locatie_id uuid NOT NULL REFERENCES afspraak_locaties (id) ON DELETE CASCADE,
  weekdag smallint NOT NULL CHECK (weekdag BETWEEN 1 AND 7),
  van_minuut smallint NOT NULL CHECK (van_minuut BETWEEN 0 AND 1439),
  tot_minuut smallint NOT NULL CHECK (tot_minuut BETWEEN 1 AND 1440),
  CHECK (van_minuut < tot_minuut)
);
CREATE INDEX afspraak_openingstijden_locatie ON afspraak_openingstijden (tenant_id, locatie_id, weekdag, van_minuut);

-- Days a location is closed (public holidays, a move); without a location the whole municipality is closed.
CREATE TABLE afspraak_sluitingsdagen (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  locatie_id uuid REFERENCES afspraak_locaties (id) ON DELETE CASCADE,
  datum date NOT NULL,
  omschrijving text NOT NULL DEFAULT '' CHECK (length(omschrijving) <= 200)
);
-- One row per day and location (or per day for all locations): the beheer page cannot add a day twice.
CREATE UNIQUE INDEX afspraak_sluitingsdagen_uniek ON afspraak_sluitingsdagen (tenant_id, COALESCE(locatie_id, '00000000-0000-0000-0000-000000000000'::uuid), datum);

-- A product residents can book a counter appointment for, usually a kennisbank product (paspoort, rijbewijs, …).
CREATE TABLE afspraak_producten (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- The kennisbank product's slug: its page links here with "Maak een afspraak".
  product_slug varchar(100) NOT NULL CHECK (product_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  naam text NOT NULL CHECK (naam <> '' AND length(naam) <= 100),
  -- Length of one appointment; slots start at the opening period's start and follow each other.
  duur_minuten smallint NOT NULL CHECK (duur_minuten BETWEEN 5 AND 240),
  actief boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT afspraak_producten_slug_uniek UNIQUE (tenant_id, product_slug)
);

-- How many residents a location serves at once for a product (its counters for it). No row: not offered there.
CREATE TABLE afspraak_capaciteit (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES afspraak_producten (id) ON DELETE CASCADE,
  locatie_id uuid NOT NULL REFERENCES afspraak_locaties (id) ON DELETE CASCADE,
  balies smallint NOT NULL CHECK (balies BETWEEN 1 AND 50),
  PRIMARY KEY (product_id, locatie_id)
);
CREATE INDEX afspraak_capaciteit_locatie ON afspraak_capaciteit (tenant_id, locatie_id);

-- One appointment. A change books a new row (pointing back at the one it replaces, which becomes 'verplaatst'),
-- so the counter staff and the resident's calendar both see one history.
CREATE TABLE afspraken (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES afspraak_producten (id),
  locatie_id uuid NOT NULL REFERENCES afspraak_locaties (id),
  starttijd timestamptz NOT NULL,
  eindtijd timestamptz NOT NULL CHECK (eindtijd > starttijd),
  -- Which of the slot's counter places this appointment holds (1 … capacity). The partial unique index below lets
  -- the database, not a check in the application, refuse a second booking of the same place, whatever runs at once.
  plaats smallint NOT NULL CHECK (plaats BETWEEN 1 AND 50),
  naam text NOT NULL CHECK (naam <> '' AND length(naam) <= 200),
  e_mail text NOT NULL CHECK (length(e_mail) <= 254),
  telefoon text CHECK (length(telefoon) <= 30),
  opmerking text NOT NULL DEFAULT '' CHECK (length(opmerking) <= 500),
  status text NOT NULL CHECK (status IN ('geboekt', 'geannuleerd', 'verplaatst')),
  -- sha256 of the management link's token (/afspraak/wijzigen/{token}); the token itself is only in the e-mail.
  -- A change hands the hash on to the new row, so the link in every e-mail keeps working.
  beheer_token_hash text NOT NULL,
  -- sha256 of the booking form's one-time key: a double-submitted form finds its first booking instead of a second.
  aanvraag_sleutel_hash text NOT NULL,
  -- The calendar entry's UID and SEQUENCE (RFC 5545): a change keeps the UID and raises the sequence.
  ics_uid text NOT NULL,
  ics_volgnummer integer NOT NULL DEFAULT 0,
  -- Set to null when the replaced booking is removed after the retention period.
  vorige_afspraak_id uuid REFERENCES afspraken (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT afspraken_aanvraag_uniek UNIQUE (tenant_id, aanvraag_sleutel_hash)
);
CREATE UNIQUE INDEX afspraken_plaats_bezet ON afspraken (tenant_id, product_id, locatie_id, starttijd, plaats) WHERE status = 'geboekt';
CREATE INDEX afspraken_locatie_dag ON afspraken (tenant_id, locatie_id, starttijd);
CREATE INDEX afspraken_beheer_token ON afspraken (tenant_id, beheer_token_hash);

-- The processing activity appointments are logged under, for the tenants that exist already (new tenants get it from
-- the default register).
INSERT INTO processing_activities (tenant_id, id, name, purpose, legal_ground, confidential, retention_years)
SELECT id, 'afspraak-balie', 'Balieafspraak plannen',
  'Afspraken van inwoners en ondernemers aan de balie plannen, bevestigen, wijzigen en afhandelen.',
  'AVG art. 6 lid 1 sub e: taak van algemeen belang (Gemeentewet, Paspoortwet, Wegenverkeerswet, Wet BRP)', false, 2
FROM tenants
ON CONFLICT (tenant_id, id) DO NOTHING;
