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

export interface FinancienTables {
  begrotingsversies: BegrotingsversiesTable;
  begrotingsregels: BegrotingsregelsTable;
}
