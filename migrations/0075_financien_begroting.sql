-- Financiën: the multi-year budget as a ledger of begrotingsregels in versions.
--
-- A version is the primitieve begroting of a begrotingsjaar, a begrotingswijziging on it (a delta adopted by the raad
-- with a besluit number and date), a quarter's realisatie, or the jaarrekening. The budget "as adopted on date X" is
-- the primitieve begroting plus every wijziging adopted on or before X; realisatie and jaarrekening are the actuals.
CREATE TABLE begrotingsversies (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- The budget year t whose jaarschijven t … t+3 the version is about.
  begrotingsjaar integer NOT NULL CHECK (begrotingsjaar BETWEEN 2000 AND 2100),
  soort text NOT NULL CHECK (soort IN ('primitieve_begroting', 'begrotingswijziging', 'realisatie', 'jaarrekening')),
  naam text NOT NULL,
  raadsbesluit_nummer text,
  -- When the raad adopted it (a wijziging counts from this date on); for realisatie: the end of the quarter.
  vastgesteld_op date NOT NULL,
  kwartaal integer CHECK (kwartaal BETWEEN 1 AND 4),
  aantal_regels integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((soort = 'realisatie') = (kwartaal IS NOT NULL))
);

-- One primitieve begroting and one jaarrekening per begrotingsjaar.
CREATE UNIQUE INDEX begrotingsversies_eenmalig ON begrotingsversies (tenant_id, begrotingsjaar, soort) WHERE soort IN ('primitieve_begroting', 'jaarrekening');
CREATE UNIQUE INDEX begrotingsversies_naam ON begrotingsversies (tenant_id, begrotingsjaar, naam);

CREATE TABLE begrotingsregels (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  versie_uuid uuid NOT NULL REFERENCES begrotingsversies (uuid) ON DELETE CASCADE,
  jaar integer NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  programma text NOT NULL,
  taakveld text NOT NULL,
  categorie text NOT NULL,
  soort text NOT NULL CHECK (soort IN ('lasten', 'baten')),
  -- Euro cents: money is never a float.
  bedrag_centen bigint NOT NULL,
  structureel boolean NOT NULL,
  -- A reservemutatie names its reserve: lasten are a toevoeging (storting), baten an onttrekking.
  reserve text,
  omschrijving text NOT NULL DEFAULT '',
  regelnummer integer NOT NULL
);

-- The balance and the kengetallen sum per version and year.
CREATE INDEX begrotingsregels_versie_jaar ON begrotingsregels (versie_uuid, jaar);
