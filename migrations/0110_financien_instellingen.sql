-- Financiën: a municipality's own signal bands for the BBV kengetallen and its own rating table of the
-- weerstandsratio. No rows means the defaults in the code (the provincial A/B/C table, the common A–F table);
-- "terug naar de standaard" deletes the rows.

-- The A/B and B/C boundaries per kengetal, in percent. Which direction is better (lower debt, higher solvency) is
-- part of the kengetal itself and stays in the code.
CREATE TABLE financien_signaalbanden (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  kengetal text NOT NULL CHECK (kengetal IN ('nettoSchuldquote', 'nettoSchuldquoteGecorrigeerd', 'solvabiliteitsratio', 'structureleExploitatieruimte', 'grondexploitatie', 'belastingcapaciteit')),
  grens_laag numeric NOT NULL,
  grens_hoog numeric NOT NULL,
  PRIMARY KEY (tenant_id, kengetal),
  CHECK (grens_laag <= grens_hoog)
);

-- The rating table, best class first (volgorde 1). A class holds the ratios from `vanaf` up to the class above; the
-- last class has no lower bound (vanaf NULL), so every ratio has a class.
CREATE TABLE financien_ratio_klassen (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  volgorde integer NOT NULL CHECK (volgorde >= 1),
  klasse text NOT NULL CHECK (length(klasse) BETWEEN 1 AND 10),
  vanaf numeric CHECK (vanaf >= 0),
  betekenis text NOT NULL,
  PRIMARY KEY (tenant_id, volgorde)
);
CREATE UNIQUE INDEX financien_ratio_klassen_klasse ON financien_ratio_klassen (tenant_id, klasse);
