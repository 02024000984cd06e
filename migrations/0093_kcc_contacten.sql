-- The KCC workspace's own record of each contact an agent registers: open or closed, who handles it, which partij it
-- turned out to be, the notes while it is open, and on closing the channel, subject, outcome and whether it was
-- handled at first contact. The contact itself lives in Klantinteracties (ki_klantcontacten, created on registration
-- through the service); this table holds what the API has no place for and what the dashboards count, in plain
-- columns.
CREATE TABLE kcc_contacten (
  klantcontact_uuid uuid PRIMARY KEY REFERENCES ki_klantcontacten (uuid) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  agent_user_id uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  kanaal text NOT NULL CHECK (kanaal IN ('telefoon', 'balie', 'e-mail', 'chat', 'post', 'sociale media', 'website')),
  onderwerp text NOT NULL DEFAULT '' CHECK (length(onderwerp) <= 200),
  partij_uuid uuid REFERENCES ki_partijen (uuid) ON DELETE SET NULL,
  -- The betrokkene of the klantcontact that links it to the partij (changed, not added, when the agent corrects it).
  betrokkene_uuid uuid REFERENCES ki_betrokkenen (uuid) ON DELETE SET NULL,
  notities text NOT NULL DEFAULT '' CHECK (length(notities) <= 1000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'gesloten')),
  resultaat text CHECK (resultaat IN ('beantwoord', 'doorverwezen', 'contactverzoek', 'aanvraag', 'niet-beantwoord')),
  resultaat_toelichting text NOT NULL DEFAULT '' CHECK (length(resultaat_toelichting) <= 2000),
  afgehandeld_bij_eerste_contact boolean,
  geopend_op timestamptz NOT NULL DEFAULT now(),
  gesloten_op timestamptz,
  CHECK ((status = 'gesloten') = (gesloten_op IS NOT NULL)),
  CHECK (status = 'open' OR (resultaat IS NOT NULL AND afgehandeld_bij_eerste_contact IS NOT NULL AND onderwerp <> ''))
);
-- "Mijn open contacten" of one agent.
CREATE INDEX kcc_contacten_open ON kcc_contacten (tenant_id, agent_user_id, geopend_op) WHERE status = 'open';
-- Counting per period (issue 8's dashboards): closed contacts by closing time.
CREATE INDEX kcc_contacten_gesloten ON kcc_contacten (tenant_id, gesloten_op) WHERE status = 'gesloten';

-- Identification by e-mail or phone: digitale adressen compared case-insensitively (e-mail) or by their digits in
-- national form (phone: 06-12345678, 0612345678 and +31 6 12345678 are one number).
CREATE INDEX ki_digitale_adressen_email_lower ON ki_digitale_adressen (tenant_id, lower(adres)) WHERE soort_digitaal_adres = 'email';
CREATE INDEX ki_digitale_adressen_telefoon_cijfers ON ki_digitale_adressen (tenant_id, (regexp_replace(regexp_replace(adres, '[^0-9]', '', 'g'), '^(00)?31', '0')))
  WHERE soort_digitaal_adres = 'telefoonnummer';
-- A person's earlier contacts: betrokkenen by partij, newest contacts first.
CREATE INDEX ki_betrokkenen_partij_klantcontact ON ki_betrokkenen (partij_uuid, klantcontact_uuid) WHERE partij_uuid IS NOT NULL;
-- Identification by name and date of birth, as the rollen of zaken record a natuurlijk persoon.
CREATE INDEX rollen_naam_geboortedatum ON rollen (tenant_id, lower(data -> 'betrokkeneIdentificatie' ->> 'geslachtsnaam'), (data -> 'betrokkeneIdentificatie' ->> 'geboortedatum'))
  WHERE betrokkene_type = 'natuurlijk_persoon';
-- A business's zaken by KvK number (recorded as annIdentificatie, see src/portaal/mijn/zaken-repository.ts) is indexed
-- by rollen_ann_identificatie already; a person's by rollen_bsn.

-- The processing activity the KCC's look-ups are logged under, for the tenants that exist already (new tenants get it
-- from the default register).
INSERT INTO processing_activities (tenant_id, id, name, purpose, legal_ground, confidential, retention_years)
SELECT id, 'klantcontact-afhandelen', 'Klantcontact afhandelen',
  'Een inwoner of ondernemer die contact opneemt identificeren en de vraag beantwoorden met de eigen zaken en eerdere contacten.',
  'AVG art. 6 lid 1 sub e: taak van algemeen belang (Awb, Gemeentewet)', false, 2
FROM tenants
ON CONFLICT (tenant_id, id) DO NOTHING;
