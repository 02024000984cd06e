-- Financiën: the balance positions and tariffs behind the BBV kengetallen, per year, as the controller enters or
-- imports them (the begrotingsregels give the baten and the structural exploitatieruimte themselves).
CREATE TABLE kengetal_invoer (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  jaar integer NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  -- One of the input fields named in src/financien/kengetallen/invoer.ts.
  veld text NOT NULL,
  bedrag_centen bigint NOT NULL,
  PRIMARY KEY (tenant_id, jaar, veld)
);
