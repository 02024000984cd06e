-- Mijn omgeving of the residents' portal: the berichten between behandelaar and resident about a zaak, the documents a
-- behandelaar asks the resident for (documentverzoeken), and which statussen the initiator was already e-mailed about.

-- One message about a zaak, from the behandelaar to the resident or the resident's reply. Only the resident marks a
-- message from the behandelaar as read (gelezen_at).
CREATE TABLE inwoner_berichten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  richting text NOT NULL CHECK (richting IN ('van_behandelaar', 'van_inwoner')),
  onderwerp varchar(200) NOT NULL,
  tekst varchar(10000) NOT NULL,
  -- The name the resident sees (the behandelaar's, or the resident's own for a reply).
  afzender varchar(200) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  gelezen_at timestamptz
);
-- A zaak's messages in order; the resident's messages are those of the resident's zaken (found through rollen).
CREATE INDEX inwoner_berichten_zaak ON inwoner_berichten (tenant_id, zaak_uuid, created_at DESC);

-- A document the behandelaar asked the initiator for. Handed in (ingediend) once, with the document it became.
CREATE TABLE documentverzoeken (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zaak_uuid uuid NOT NULL REFERENCES zaken (uuid) ON DELETE CASCADE,
  omschrijving varchar(1000) NOT NULL,
  informatieobjecttype_uuid uuid NOT NULL REFERENCES informatieobjecttypen (uuid) ON DELETE RESTRICT,
  deadline date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'ingediend')),
  aangevraagd_door varchar(200) NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  ingediend_at timestamptz,
  document_uuid uuid REFERENCES documenten (uuid) ON DELETE SET NULL,
  CONSTRAINT documentverzoeken_ingediend CHECK ((status = 'ingediend') = (ingediend_at IS NOT NULL))
);
CREATE INDEX documentverzoeken_zaak ON documentverzoeken (tenant_id, zaak_uuid, created_at);

-- The status e-mails sent to initiators: one per status at most, however often the notification is handled again.
CREATE TABLE inwoner_statusmails (
  status_uuid uuid PRIMARY KEY REFERENCES statussen (uuid) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
