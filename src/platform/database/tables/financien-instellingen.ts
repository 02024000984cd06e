import type { ColumnType } from 'kysely';

/* A municipality's own signal bands and rating table for Financiën (migrations/0110). */

/** numeric: read as a string by pg. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface FinancienSignaalbandenTable {
  tenant_id: string;
  kengetal: string;
  grens_laag: Numeric;
  grens_hoog: Numeric;
}

export interface FinancienRatioKlassenTable {
  tenant_id: string;
  volgorde: number;
  klasse: string;
  /** NULL for the last class, which has no lower bound. */
  vanaf: ColumnType<string | null, number | string | null, number | string | null>;
  betekenis: string;
}

export interface FinancienInstellingenTables {
  financien_signaalbanden: FinancienSignaalbandenTable;
  financien_ratio_klassen: FinancienRatioKlassenTable;
}
