-- Catalogi API 1.3.3: what the parts of a zaaktype (0009) need for their API rules and list filters.

-- EIGENSCHAP.statustype: the statustype that needs a value of this eigenschap before a status of it can be set.
-- The same relation is STATUSTYPE.eigenschappen seen from the other side, so it is stored once, here. A statustype
-- that goes takes its claim on the eigenschap with it.
ALTER TABLE eigenschappen ADD COLUMN statustype_uuid uuid REFERENCES statustypen (uuid) ON DELETE SET NULL;
CREATE INDEX eigenschappen_statustype ON eigenschappen (statustype_uuid);

-- An eigenschap is named uniquely within its zaaktype (zaakeigenschappen carry the naam), and so is a resultaattype
-- by its omschrijving, as the reference implementation enforces both.
CREATE UNIQUE INDEX eigenschappen_zaaktype_naam ON eigenschappen (zaaktype_uuid, naam);
CREATE UNIQUE INDEX resultaattypen_zaaktype_omschrijving ON resultaattypen (zaaktype_uuid, omschrijving);
