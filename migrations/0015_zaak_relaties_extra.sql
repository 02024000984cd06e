-- Zaken API 1.7: what the zaak's further relations (0010) need for their API rules and list filters.

-- KLANTCONTACT.identificatie is unique (the reference implementation: unique=True); generated ones too. Per tenant.
CREATE UNIQUE INDEX klantcontacten_identificatie ON klantcontacten (tenant_id, identificatie);

-- ZAAKOBJECT: `objectType` is one of the standard's values; `?objectType=` walks an index in list order.
ALTER TABLE zaakobjecten ADD CONSTRAINT zaakobjecten_object_type CHECK (object_type IN (
  'adres', 'besluit', 'buurt', 'enkelvoudig_document', 'gemeente', 'gemeentelijke_openbare_ruimte', 'huishouden',
  'inrichtingselement', 'kadastrale_onroerende_zaak', 'kunstwerkdeel', 'maatschappelijke_activiteit', 'medewerker',
  'natuurlijk_persoon', 'niet_natuurlijk_persoon', 'openbare_ruimte', 'organisatorische_eenheid', 'pand',
  'spoorbaandeel', 'status', 'terreindeel', 'terrein_gebouwd_object', 'vestiging', 'waterdeel', 'wegdeel', 'wijk',
  'woonplaats', 'woz_deelobject', 'woz_object', 'woz_waarde', 'zakelijk_recht', 'overige'));
CREATE INDEX zaakobjecten_object_type ON zaakobjecten (tenant_id, object_type, created_at, uuid);

-- ZAAKINFORMATIEOBJECT: the RGBZ relation kinds (a zaak's is always hoort_bij, zrc-004).
ALTER TABLE zaakinformatieobjecten ADD CONSTRAINT zaakinformatieobjecten_aard_relatie CHECK (aard_relatie IN ('hoort_bij', 'legt_vast'));

-- The `?contactmoment=` and `?verzoek=` filters.
CREATE INDEX zaakcontactmomenten_contactmoment ON zaakcontactmomenten (tenant_id, contactmoment);
CREATE INDEX zaakverzoeken_verzoek ON zaakverzoeken (tenant_id, verzoek);

-- ZAAKNOTITIE as Zaken 1.7.0 defines it: onderwerp and aangemaaktDoor up to 255 characters, tekst unbounded,
-- notitieType and status from their enumerations. Its dates are kept to the millisecond the API shows, so a filter
-- on the exact `aanmaakdatum` a client read back finds the note.
ALTER TABLE zaaknotities
  ALTER COLUMN aanmaakdatum TYPE timestamptz(3),
  ALTER COLUMN wijzigingsdatum TYPE timestamptz(3),
  ALTER COLUMN onderwerp TYPE varchar(255),
  ALTER COLUMN tekst TYPE text,
  ALTER COLUMN aangemaakt_door TYPE varchar(255),
  ADD CONSTRAINT zaaknotities_notitie_type CHECK (notitie_type IN ('intern', 'extern')),
  ADD CONSTRAINT zaaknotities_status CHECK (status IN ('concept', 'definitief'));
