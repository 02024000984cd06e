-- Financiën: the risk register and the beschikbare weerstandscapaciteit, from which the weerstandsratio follows.

CREATE TABLE risicos (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  naam text NOT NULL,
  oorzaak text NOT NULL DEFAULT '',
  gevolg text NOT NULL DEFAULT '',
  -- Chance that the risk occurs within a year, in percent (0 to 100, two decimals).
  kans_procent numeric(5, 2) NOT NULL CHECK (kans_procent >= 0 AND kans_procent <= 100),
  -- Financial impact when it occurs, in euro cents.
  impact_centen bigint NOT NULL CHECK (impact_centen >= 0),
  structureel boolean NOT NULL,
  eigenaar text NOT NULL DEFAULT '',
  beheersmaatregel text NOT NULL DEFAULT '',
  -- The verbonden partij the risk comes from, when it does (linked once verbonden partijen are registered).
  verbonden_partij_uuid uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risicos_tenant ON risicos (tenant_id);

-- The beschikbare weerstandscapaciteit per year and component, as the controller records it.
CREATE TABLE weerstandscapaciteit (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  jaar integer NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  component text NOT NULL CHECK (component IN ('algemene_reserve', 'vrij_bestemmingsreserves', 'onvoorzien', 'onbenutte_belastingcapaciteit')),
  bedrag_centen bigint NOT NULL CHECK (bedrag_centen >= 0),
  toelichting text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, jaar, component)
);
