import type { ColumnType, Generated } from 'kysely';

/* Financiën tables (migrations/0075). */

type DateColumn = ColumnType<Date, Date | string, Date | string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type VersieSoort = 'primitieve_begroting' | 'begrotingswijziging' | 'realisatie' | 'jaarrekening';

export interface BegrotingsversiesTable {
  uuid: Generated<string>;
  tenant_id: string;
  begrotingsjaar: number;
  soort: VersieSoort;
  naam: string;
  raadsbesluit_nummer: string | null;
  vastgesteld_op: DateColumn;
  kwartaal: number | null;
  aantal_regels: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export interface BegrotingsregelsTable {
  id: Generated<string>;
  tenant_id: string;
  versie_uuid: string;
  jaar: number;
  programma: string;
  taakveld: string;
  categorie: string;
  soort: 'lasten' | 'baten';
  /** bigint: read as a string by pg, written as number or string. */
  bedrag_centen: ColumnType<string, number | string | bigint, number | string | bigint>;
  structureel: boolean;
  reserve: string | null;
  omschrijving: ColumnType<string, string | undefined, string>;
  regelnummer: number;
}

/** A risk in the register (migrations/0076). */
export interface RisicosTable {
  uuid: Generated<string>;
  tenant_id: string;
  naam: string;
  oorzaak: ColumnType<string, string | undefined, string>;
  gevolg: ColumnType<string, string | undefined, string>;
  /** numeric: read as a string by pg. */
  kans_procent: ColumnType<string, number | string, number | string>;
  impact_centen: ColumnType<string, number | string | bigint, number | string | bigint>;
  structureel: boolean;
  eigenaar: ColumnType<string, string | undefined, string>;
  beheersmaatregel: ColumnType<string, string | undefined, string>;
  verbonden_partij_uuid: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type CapaciteitComponent = 'algemene_reserve' | 'vrij_bestemmingsreserves' | 'onvoorzien' | 'onbenutte_belastingcapaciteit';

export interface WeerstandscapaciteitTable {
  tenant_id: string;
  jaar: number;
  component: CapaciteitComponent;
  bedrag_centen: ColumnType<string, number | string | bigint, number | string | bigint>;
  toelichting: ColumnType<string, string | undefined, string>;
}

/** An input of the kengetallen for one year (migrations/0077). */
export interface KengetalInvoerTable {
  tenant_id: string;
  jaar: number;
  veld: string;
  bedrag_centen: ColumnType<string, number | string | bigint, number | string | bigint>;
}

export interface FinancienTables {
  kengetal_invoer: KengetalInvoerTable;
  begrotingsversies: BegrotingsversiesTable;
  begrotingsregels: BegrotingsregelsTable;
  risicos: RisicosTable;
  weerstandscapaciteit: WeerstandscapaciteitTable;
}
