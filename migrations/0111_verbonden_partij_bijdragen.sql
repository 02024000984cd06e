-- Financiën: which begrotingsregels carry a verbonden partij's contribution. Until now a partij named one omschrijving
-- and every begrotingsregel with exactly that text counted, which broke as soon as a line was renamed. Now the
-- controller names one or more selections: a taakveld (required), optionally narrowed to an economische categorie
-- and/or an omschrijving. A begrotingsregel counts when it fits any of the partij's selections (once, even when it
-- fits several).
CREATE TABLE verbonden_partij_bijdragen (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  partij_uuid uuid NOT NULL REFERENCES verbonden_partijen (uuid) ON DELETE CASCADE,
  -- The order the controller entered them in, for the form.
  volgorde integer NOT NULL,
  taakveld text NOT NULL,
  categorie text,
  -- Compared case-insensitively with the begrotingsregel's omschrijving.
  omschrijving text,
  UNIQUE (partij_uuid, volgorde)
);
CREATE INDEX verbonden_partij_bijdragen_tenant ON verbonden_partij_bijdragen (tenant_id, partij_uuid);

-- The old link becomes a selection per taakveld on which lines with that omschrijving stood, so every partij keeps
-- showing the same contribution.
INSERT INTO verbonden_partij_bijdragen (tenant_id, partij_uuid, volgorde, taakveld, categorie, omschrijving)
SELECT gevonden.tenant_id, gevonden.uuid, row_number() OVER (PARTITION BY gevonden.uuid ORDER BY gevonden.taakveld), gevonden.taakveld, NULL, gevonden.omschrijving
FROM (
  SELECT DISTINCT p.tenant_id, p.uuid, r.taakveld, p.bijdrage_omschrijving AS omschrijving
  FROM verbonden_partijen p
  JOIN begrotingsregels r ON r.tenant_id = p.tenant_id AND lower(r.omschrijving) = lower(p.bijdrage_omschrijving)
  WHERE p.bijdrage_omschrijving <> ''
) gevonden;

ALTER TABLE verbonden_partijen DROP COLUMN bijdrage_omschrijving;
