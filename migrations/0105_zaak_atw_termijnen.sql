-- Zaakafhandeling: the legal decision deadline as the Awb counts it, where the Algemene termijnenwet moved the zaak's
-- uiterlijkeEinddatumAfdoening past it to the next working day. A later suspension or extension counts from this
-- date, so the Atw's extra days are not counted twice; the zaak page says the date was moved. A row holds only while
-- the zaak still has `uiterlijk` (an API client may set another date; then the zaak's own date is the count again).
CREATE TABLE zaak_atw_termijnen (
  zaak_uuid uuid PRIMARY KEY REFERENCES zaken (uuid) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  uiterlijk_voor_atw date NOT NULL,
  uiterlijk date NOT NULL,
  CHECK (uiterlijk > uiterlijk_voor_atw)
);
