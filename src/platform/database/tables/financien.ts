import type { ColumnType, Generated } from 'kysely';

/* Financiën tables (migrations/0075–0077, 0080, 0111). */

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

type Cents = ColumnType<string, number | string | bigint, number | string | bigint>;
type NullableCents = ColumnType<string | null, number | string | bigint | null | undefined, number | string | bigint | null>;
type Text = ColumnType<string, string | undefined, string>;

/** Sums of one version's begrotingsregels, kept with the rows (migrations/0080). */
export interface BegrotingTotalenTable {
  id: Generated<string>;
  tenant_id: string;
  versie_uuid: string;
  jaar: number;
  taakveld: string;
  categorie: string;
  soort: 'lasten' | 'baten';
  structureel: boolean;
  reserve: string | null;
  bedrag_centen: Cents;
  aantal_regels: number;
}

/** Per version and year: lasten or baten, structureel or not, reservemutatie or not (migrations/0098). */
export interface BegrotingJaartotalenTable {
  id: Generated<string>;
  tenant_id: string;
  versie_uuid: string;
  jaar: number;
  soort: 'lasten' | 'baten';
  structureel: boolean;
  reservemutatie: boolean;
  bedrag_centen: Cents;
}

export type VerbondenPartijSoort = 'gemeenschappelijke_regeling' | 'vennootschap' | 'stichting' | 'overig';

export interface VerbondenPartijenTable {
  uuid: Generated<string>;
  tenant_id: string;
  naam: string;
  vestigingsplaats: Text;
  soort: VerbondenPartijSoort;
  openbaar_belang: Text;
  bestuurlijk_belang: Text;
  financieel_belang: Text;
  jaar: number | null;
  eigen_vermogen_begin_centen: NullableCents;
  eigen_vermogen_eind_centen: NullableCents;
  vreemd_vermogen_begin_centen: NullableCents;
  vreemd_vermogen_eind_centen: NullableCents;
  resultaat_centen: NullableCents;
  risicos: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One selection of begrotingsregels that carries a verbonden partij's contribution (migrations/0111). */
export interface VerbondenPartijBijdragenTable {
  id: Generated<string>;
  tenant_id: string;
  partij_uuid: string;
  volgorde: number;
  taakveld: string;
  categorie: string | null;
  omschrijving: string | null;
}

export type MaatregelSoort = 'ombuiging' | 'taakstelling';
export type MaatregelStatus = 'voorgesteld' | 'vastgesteld' | 'vervallen';
export type Haalbaarheid = 'hoog' | 'gemiddeld' | 'laag';

export interface MaatregelenTable {
  uuid: Generated<string>;
  tenant_id: string;
  naam: string;
  soort: MaatregelSoort;
  omschrijving: Text;
  status: MaatregelStatus;
  haalbaarheid: Haalbaarheid;
  effect_op: 'lasten' | 'baten';
  structureel: boolean;
  taakveld: Text;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MaatregelBedragenTable {
  maatregel_uuid: string;
  tenant_id: string;
  jaar: number;
  voordeel_centen: Cents;
}

export interface FinancienInwonersTable {
  tenant_id: string;
  jaar: number;
  aantal: number;
}

export interface BegrotingImportFout {
  rij: number;
  kolom: string;
  reden: string;
}

export interface BegrotingImportenTable {
  uuid: Generated<string>;
  tenant_id: string;
  status: ColumnType<'bezig' | 'voltooid' | 'mislukt', 'bezig' | 'voltooid' | 'mislukt' | undefined, 'bezig' | 'voltooid' | 'mislukt'>;
  fase: ColumnType<'controleren' | 'importeren', 'controleren' | 'importeren' | undefined, 'controleren' | 'importeren'>;
  bestandsnaam: string;
  versie_naam: string;
  totaal: ColumnType<number, number | undefined, number>;
  verwerkt: ColumnType<number, number | undefined, number>;
  fouten: ColumnType<BegrotingImportFout[], string | undefined, string>;
  versie_uuid: string | null;
  door: string;
  gestart_op: Timestamp;
  bijgewerkt_op: Timestamp;
  beeindigd_op: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface FinancienTables {
  kengetal_invoer: KengetalInvoerTable;
  begroting_totalen: BegrotingTotalenTable;
  begroting_jaartotalen: BegrotingJaartotalenTable;
  verbonden_partijen: VerbondenPartijenTable;
  verbonden_partij_bijdragen: VerbondenPartijBijdragenTable;
  maatregelen: MaatregelenTable;
  maatregel_bedragen: MaatregelBedragenTable;
  financien_inwoners: FinancienInwonersTable;
  begroting_importen: BegrotingImportenTable;
  begrotingsversies: BegrotingsversiesTable;
  begrotingsregels: BegrotingsregelsTable;
  risicos: RisicosTable;
  weerstandscapaciteit: WeerstandscapaciteitTable;
}
