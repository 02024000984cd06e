-- Sums per version per year of only what the structural balance, the supervisor's verdict and the kengetallen read
-- (soort × structureel × reservemutatie or not): at most 32 rows a version instead of the thousands per version of
-- begroting_totalen (0080), which keeps the taakveld × categorie detail for the export and "Begroting in beeld".
-- Written from begroting_totalen in the transaction that writes those (src/financien/begroting/versies.ts).
CREATE TABLE begroting_jaartotalen (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  versie_uuid uuid NOT NULL REFERENCES begrotingsversies (uuid) ON DELETE CASCADE,
  jaar integer NOT NULL,
  soort text NOT NULL CHECK (soort IN ('lasten', 'baten')),
  structureel boolean NOT NULL,
  reservemutatie boolean NOT NULL,
  bedrag_centen bigint NOT NULL,
  UNIQUE (versie_uuid, jaar, soort, structureel, reservemutatie)
);

INSERT INTO begroting_jaartotalen (tenant_id, versie_uuid, jaar, soort, structureel, reservemutatie, bedrag_centen)
SELECT tenant_id, versie_uuid, jaar, soort, structureel, reserve IS NOT NULL, sum(bedrag_centen)
FROM begroting_totalen
GROUP BY tenant_id, versie_uuid, jaar, soort, structureel, reserve IS NOT NULL;
