-- Catalogi API 1.3 relates zaaktypen, besluittypen and informatieobjecttypen by name (omschrijving, identificatie)
-- instead of by URL; those names live in `data` under the API's attribute names (a zaaktype's `besluittypen`,
-- `deelzaaktypen`, `gerelateerdeZaaktypen`; a besluittype's `informatieobjecttypen`). Containment queries on `data`
-- (the `trefwoorden` filter, "which zaaktypen name this besluittype") use these indexes.
CREATE INDEX zaaktypen_data ON zaaktypen USING gin (data jsonb_path_ops);
CREATE INDEX besluittypen_data ON besluittypen USING gin (data jsonb_path_ops);
