-- Kennisbank: the municipality's products and services (PDC) with their versions, the search index the portal, the
-- KCC and the public API search, the beheerder's synonym list, the search log and the readers' ratings.

-- Dutch stemming with accents folded ("café" finds "cafe"); Snowball's `dutch` does the stemming, `unaccent` (migration
-- 0001) the folding. Compound words ("omgevingsvergunning") are left to pg_trgm in the search query.
CREATE TEXT SEARCH CONFIGURATION kennisbank_dutch (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION kennisbank_dutch ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;

-- One product or service. Its content lives in versions; `gepubliceerde_versie_uuid` is the one the public sees.
CREATE TABLE kennisbank_producten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- The product page's path segment (/producten/{slug}) and the key that related products and import files use.
  slug varchar(100) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  gepubliceerde_versie_uuid uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT kennisbank_producten_slug_unique UNIQUE (tenant_id, slug)
);

-- Every version of a product's text. Only the newest version may be concept or review; a published version is never
-- edited (a change starts a new concept), so what the public read on a day can always be shown again.
CREATE TABLE kennisbank_versies (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  product_uuid uuid NOT NULL REFERENCES kennisbank_producten (uuid) ON DELETE CASCADE,
  versienummer integer NOT NULL CHECK (versienummer >= 1),
  status text NOT NULL CHECK (status IN ('concept', 'review', 'gepubliceerd', 'gearchiveerd')),
  -- The name in the national Uniforme Productnamenlijst (UPL).
  upl_naam text NOT NULL CHECK (upl_naam <> ''),
  titel text NOT NULL CHECK (titel <> ''),
  samenvatting text NOT NULL,
  doelgroepen text[] NOT NULL CHECK (cardinality(doelgroepen) >= 1 AND doelgroepen <@ ARRAY['inwoner', 'ondernemer']),
  aanvraagkanalen text[] NOT NULL DEFAULT '{}' CHECK (aanvraagkanalen <@ ARRAY['online', 'balie', 'post', 'telefoon', 'email']),
  -- The sections of a municipal product text, as sanitised HTML ('' when the product has nothing to say there).
  inleiding text NOT NULL DEFAULT '',
  aanvraag text NOT NULL DEFAULT '',
  voorwaarden text NOT NULL DEFAULT '',
  bewijs text NOT NULL DEFAULT '',
  kosten text NOT NULL DEFAULT '',
  termijn text NOT NULL DEFAULT '',
  bezwaar_en_beroep text NOT NULL DEFAULT '',
  bijzonderheden text NOT NULL DEFAULT '',
  contact text NOT NULL DEFAULT '',
  -- [{ "omschrijving": text, "bedragInCenten": integer }]: the amounts behind the kosten text, in euro cents.
  kostenbedragen jsonb NOT NULL DEFAULT '[]',
  -- [{ "vraag": text, "antwoord": sanitised HTML }]
  vraag_antwoord jsonb NOT NULL DEFAULT '[]',
  -- Only KCC staff see this (never the portal or the public API).
  interne_notitie text NOT NULL DEFAULT '',
  -- Slugs of related products of the same tenant.
  gerelateerd text[] NOT NULL DEFAULT '{}',
  -- Words people use for this product that its text may not contain ("kliko", "id-kaart"); weighed between title and body.
  trefwoorden text[] NOT NULL DEFAULT '{}',
  -- The zaaktype (by identificatie, stable across zaaktype versions) an online request for this product creates.
  zaaktype_identificatie text,
  publicatiedatum date,
  review_voor date,
  created_at timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op timestamptz NOT NULL DEFAULT now(),
  gewijzigd_door text NOT NULL,
  CONSTRAINT kennisbank_versies_nummer_unique UNIQUE (product_uuid, versienummer)
);
CREATE INDEX kennisbank_versies_tenant ON kennisbank_versies (tenant_id, product_uuid, versienummer DESC);

ALTER TABLE kennisbank_producten
  ADD CONSTRAINT kennisbank_producten_gepubliceerde_versie FOREIGN KEY (gepubliceerde_versie_uuid) REFERENCES kennisbank_versies (uuid);

-- Who changed what: one row per action on a product (create, save with the fields changed, review, publish, archive).
CREATE TABLE kennisbank_wijzigingen (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  product_uuid uuid NOT NULL REFERENCES kennisbank_producten (uuid) ON DELETE CASCADE,
  versie_uuid uuid REFERENCES kennisbank_versies (uuid) ON DELETE CASCADE,
  actie text NOT NULL CHECK (actie IN ('aangemaakt', 'gewijzigd', 'ter-review', 'gepubliceerd', 'gearchiveerd', 'geimporteerd')),
  velden text[] NOT NULL DEFAULT '{}',
  door text NOT NULL,
  toelichting text NOT NULL DEFAULT '',
  op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kennisbank_wijzigingen_product ON kennisbank_wijzigingen (tenant_id, product_uuid, id DESC);

-- What the search reads: one row per published product, written with the publication (and removed at archiving),
-- so a search never touches drafts and never has to join versions.
CREATE TABLE kennisbank_zoekindex (
  product_uuid uuid PRIMARY KEY REFERENCES kennisbank_producten (uuid) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  versie_uuid uuid NOT NULL REFERENCES kennisbank_versies (uuid) ON DELETE CASCADE,
  slug varchar(100) NOT NULL,
  titel text NOT NULL,
  samenvatting text NOT NULL,
  doelgroepen text[] NOT NULL,
  aanvraagkanalen text[] NOT NULL,
  -- The sections and answers as plain text, for the highlighted snippet.
  tekst text NOT NULL,
  interne_notitie text NOT NULL,
  publicatiedatum date NOT NULL,
  -- Weighted: A title and UPL name, B trefwoorden, C summary and questions, D the body.
  document tsvector NOT NULL,
  -- The KCC also finds answers through the internal note.
  notitie_document tsvector NOT NULL,
  -- Lower-case, accent-free title, UPL name and trefwoorden: pg_trgm matches parts of compound words and typos here.
  trigram_tekst text NOT NULL
);
CREATE INDEX kennisbank_zoekindex_tenant ON kennisbank_zoekindex (tenant_id);
CREATE INDEX kennisbank_zoekindex_document ON kennisbank_zoekindex USING gin (document);
CREATE INDEX kennisbank_zoekindex_notitie ON kennisbank_zoekindex USING gin (notitie_document);
CREATE INDEX kennisbank_zoekindex_trigram ON kennisbank_zoekindex USING gin (trigram_tekst gin_trgm_ops);

-- The beheerder's synonym list: each row is a group of words that mean the same ("id-kaart", "identiteitskaart").
CREATE TABLE kennisbank_synoniemen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  termen text[] NOT NULL CHECK (cardinality(termen) >= 2),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kennisbank_synoniemen_tenant ON kennisbank_synoniemen (tenant_id);

-- The search log. `zoekterm` is masked before it is stored (a BSN, e-mail address or phone number never lands here).
CREATE TABLE kennisbank_zoekopdrachten (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  zoekterm text NOT NULL,
  kanaal text NOT NULL CHECK (kanaal IN ('portaal', 'kcc', 'api')),
  aantal_resultaten integer NOT NULL CHECK (aantal_resultaten >= 0),
  -- The result last clicked, and its place in the list (1 = first).
  geklikt_product_uuid uuid REFERENCES kennisbank_producten (uuid) ON DELETE SET NULL,
  geklikte_positie integer,
  geklikt_op timestamptz,
  gezocht_op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kennisbank_zoekopdrachten_periode ON kennisbank_zoekopdrachten (tenant_id, gezocht_op);

-- Readers' ratings of an answer (helpful or not, with an optional remark, masked like the search log).
CREATE TABLE kennisbank_beoordelingen (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  product_uuid uuid NOT NULL REFERENCES kennisbank_producten (uuid) ON DELETE CASCADE,
  nuttig boolean NOT NULL,
  opmerking text NOT NULL DEFAULT '',
  kanaal text NOT NULL CHECK (kanaal IN ('portaal', 'kcc', 'api')),
  beoordeeld_op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kennisbank_beoordelingen_product ON kennisbank_beoordelingen (tenant_id, product_uuid);
