-- Financiën, part two: what the controller's pages and "Begroting in beeld" need beyond the ledger.

-- Sums per version of its begrotingsregels (jaar × taakveld × categorie × soort × structureel × reserve), written in
-- the same transaction as the rows. The balance, the kengetallen and the export read these few thousand rows instead
-- of the (up to hundreds of thousands of) begrotingsregels themselves.
CREATE TABLE begroting_totalen (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  versie_uuid uuid NOT NULL REFERENCES begrotingsversies (uuid) ON DELETE CASCADE,
  jaar integer NOT NULL,
  taakveld text NOT NULL,
  categorie text NOT NULL,
  soort text NOT NULL CHECK (soort IN ('lasten', 'baten')),
  structureel boolean NOT NULL,
  -- The reserve of a reservemutatie; NULL for ordinary lasten and baten.
  reserve text,
  bedrag_centen bigint NOT NULL,
  aantal_regels integer NOT NULL
);
CREATE INDEX begroting_totalen_versie ON begroting_totalen (versie_uuid, jaar);

INSERT INTO begroting_totalen (tenant_id, versie_uuid, jaar, taakveld, categorie, soort, structureel, reserve, bedrag_centen, aantal_regels)
SELECT tenant_id, versie_uuid, jaar, taakveld, categorie, soort, structureel, reserve, sum(bedrag_centen), count(*)
FROM begrotingsregels
GROUP BY tenant_id, versie_uuid, jaar, taakveld, categorie, soort, structureel, reserve;

-- Verbonden partijen: organisations in which the municipality has both a bestuurlijk and a financieel belang (BBV art. 1).
CREATE TABLE verbonden_partijen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  naam text NOT NULL,
  vestigingsplaats text NOT NULL DEFAULT '',
  soort text NOT NULL CHECK (soort IN ('gemeenschappelijke_regeling', 'vennootschap', 'stichting', 'overig')),
  openbaar_belang text NOT NULL DEFAULT '',
  bestuurlijk_belang text NOT NULL DEFAULT '',
  financieel_belang text NOT NULL DEFAULT '',
  -- The year the equity, debt and result below are about (usually the latest jaarrekening of the partij).
  jaar integer CHECK (jaar BETWEEN 2000 AND 2100),
  eigen_vermogen_begin_centen bigint,
  eigen_vermogen_eind_centen bigint,
  vreemd_vermogen_begin_centen bigint,
  vreemd_vermogen_eind_centen bigint,
  resultaat_centen bigint,
  risicos text NOT NULL DEFAULT '',
  -- The contribution in the budget: begrotingsregels whose omschrijving equals this text (case-insensitive).
  bijdrage_omschrijving text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verbonden_partijen_tenant ON verbonden_partijen (tenant_id, naam);

-- The risk register could name a verbonden partij before the table existed (0076); now it is a real reference.
ALTER TABLE risicos ADD CONSTRAINT risicos_verbonden_partij FOREIGN KEY (verbonden_partij_uuid) REFERENCES verbonden_partijen (uuid) ON DELETE SET NULL;

-- Maatregelen: scenario lines (ombuigingen, taakstellingen) whose effect is shown before the raad adopts them.
CREATE TABLE maatregelen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  naam text NOT NULL,
  soort text NOT NULL CHECK (soort IN ('ombuiging', 'taakstelling')),
  omschrijving text NOT NULL DEFAULT '',
  -- voorgesteld: a scenario; vastgesteld: adopted (from then on in the budget through a begrotingswijziging);
  -- vervallen: dropped.
  status text NOT NULL CHECK (status IN ('voorgesteld', 'vastgesteld', 'vervallen')),
  haalbaarheid text NOT NULL CHECK (haalbaarheid IN ('hoog', 'gemiddeld', 'laag')),
  -- What the measure changes: lower lasten or higher baten.
  effect_op text NOT NULL CHECK (effect_op IN ('lasten', 'baten')),
  structureel boolean NOT NULL,
  taakveld text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX maatregelen_tenant ON maatregelen (tenant_id, naam);

-- A maatregel's advantage (voordeel, euro cents, positive improves the balance) per year.
CREATE TABLE maatregel_bedragen (
  maatregel_uuid uuid NOT NULL REFERENCES maatregelen (uuid) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  jaar integer NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  voordeel_centen bigint NOT NULL,
  PRIMARY KEY (maatregel_uuid, jaar)
);

-- The number of inhabitants per year (1 January), for the figures per inwoner on "Begroting in beeld".
CREATE TABLE financien_inwoners (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  jaar integer NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  aantal integer NOT NULL CHECK (aantal > 0),
  PRIMARY KEY (tenant_id, jaar)
);

-- Begroting imports started from the controller's pages: progress while the import (one transaction) runs, and the
-- problems per row when it is refused. Written outside the import's transaction, as for kennisbank_importen.
CREATE TABLE begroting_importen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'bezig' CHECK (status IN ('bezig', 'voltooid', 'mislukt')),
  fase text NOT NULL DEFAULT 'controleren' CHECK (fase IN ('controleren', 'importeren')),
  bestandsnaam text NOT NULL,
  versie_naam text NOT NULL,
  totaal integer NOT NULL DEFAULT 0 CHECK (totaal >= 0),
  verwerkt integer NOT NULL DEFAULT 0 CHECK (verwerkt >= 0),
  -- Every problem as { rij, kolom, reden }.
  fouten jsonb NOT NULL DEFAULT '[]',
  versie_uuid uuid REFERENCES begrotingsversies (uuid) ON DELETE SET NULL,
  door text NOT NULL,
  gestart_op timestamptz NOT NULL DEFAULT now(),
  bijgewerkt_op timestamptz NOT NULL DEFAULT now(),
  beeindigd_op timestamptz
);
CREATE UNIQUE INDEX begroting_importen_een_bezig ON begroting_importen (tenant_id) WHERE status = 'bezig';
CREATE INDEX begroting_importen_tenant ON begroting_importen (tenant_id, gestart_op DESC);
