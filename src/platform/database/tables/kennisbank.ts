import type { ColumnType, Generated } from 'kysely';

/* Kennisbank tables (migrations/0020). `date` columns read as 'YYYY-MM-DD' text. */

type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
type TextWithDefault = ColumnType<string, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** JSONB written as a JSON string, read parsed. */
type JsonArray<T> = ColumnType<T[], string | undefined, string>;

/** One amount behind a product's kosten text, in euro cents. */
export interface Kostenbedrag {
  omschrijving: string;
  bedragInCenten: number;
}

/** One question with its answer (sanitised HTML). */
export interface VraagAntwoord {
  vraag: string;
  antwoord: string;
}

export type VersieStatus = 'concept' | 'review' | 'gepubliceerd' | 'gearchiveerd';
export type ZoekKanaal = 'portaal' | 'kcc' | 'api';

export interface KennisbankProductenTable {
  uuid: Generated<string>;
  tenant_id: string;
  slug: string;
  gepubliceerde_versie_uuid: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KennisbankVersiesTable {
  uuid: Generated<string>;
  tenant_id: string;
  product_uuid: string;
  versienummer: number;
  status: VersieStatus;
  upl_naam: string;
  titel: string;
  samenvatting: string;
  doelgroepen: string[];
  aanvraagkanalen: TextArray;
  inleiding: TextWithDefault;
  aanvraag: TextWithDefault;
  voorwaarden: TextWithDefault;
  bewijs: TextWithDefault;
  kosten: TextWithDefault;
  termijn: TextWithDefault;
  bezwaar_en_beroep: TextWithDefault;
  bijzonderheden: TextWithDefault;
  contact: TextWithDefault;
  kostenbedragen: JsonArray<Kostenbedrag>;
  vraag_antwoord: JsonArray<VraagAntwoord>;
  interne_notitie: TextWithDefault;
  gerelateerd: TextArray;
  trefwoorden: TextArray;
  zaaktype_identificatie: string | null;
  publicatiedatum: NullableDateText;
  review_voor: NullableDateText;
  created_at: Timestamp;
  gewijzigd_op: Timestamp;
  gewijzigd_door: string;
}

export interface KennisbankWijzigingenTable {
  id: Generated<number>;
  tenant_id: string;
  product_uuid: string;
  versie_uuid: string | null;
  actie: 'aangemaakt' | 'gewijzigd' | 'ter-review' | 'gepubliceerd' | 'gearchiveerd' | 'geimporteerd';
  velden: TextArray;
  door: string;
  toelichting: TextWithDefault;
  op: Timestamp;
}

export interface KennisbankZoekindexTable {
  product_uuid: string;
  tenant_id: string;
  versie_uuid: string;
  slug: string;
  titel: string;
  samenvatting: string;
  doelgroepen: string[];
  aanvraagkanalen: string[];
  tekst: string;
  interne_notitie: string;
  publicatiedatum: string;
  /** Written with SQL expressions (to_tsvector); read back as PostgreSQL's text form. */
  document: string;
  notitie_document: string;
  /** Title and UPL name (A), trefwoorden (B), summary, questions and inleiding (C): what the rank reads (migration 0021). */
  kop: string;
  trigram_tekst: string;
  /** The vocabulary words of `trigram_tekst` (titleVocabulary, migration 0023). */
  titelwoorden: string[];
}

/** Per tenant, a number (random) replaced by every change of the search index or the synonyms (migration 0023). */
export interface KennisbankZoekstandTable {
  tenant_id: string;
  /** bigint: read as a number. */
  stand: number;
}

/** Per tenant, how many indexed articles have each title word; kept by a trigger on the index (migration 0023). */
export interface KennisbankZoekwoordenTable {
  tenant_id: string;
  woord: string;
  aantal: number;
}

export interface KennisbankSynoniemenTable {
  uuid: Generated<string>;
  tenant_id: string;
  termen: string[];
  created_at: Timestamp;
}

export interface KennisbankZoekopdrachtenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zoekterm: string;
  kanaal: ZoekKanaal;
  aantal_resultaten: number;
  geklikt_product_uuid: string | null;
  geklikte_positie: number | null;
  geklikt_op: NullableTimestamp;
  gezocht_op: Timestamp;
}

export interface KennisbankBeoordelingenTable {
  uuid: Generated<string>;
  tenant_id: string;
  product_uuid: string;
  nuttig: boolean;
  opmerking: TextWithDefault;
  kanaal: ZoekKanaal;
  beoordeeld_op: Timestamp;
}

export type ImportStatus = 'bezig' | 'voltooid' | 'mislukt';
export type ImportFase = 'controleren' | 'importeren';

/** A problem that refused an import, named by its row or product. */
export interface ImportFout {
  name: string;
  code: string;
  reason: string;
}

/** What a completed import did. */
export interface ImportResultaat {
  created: number;
  updated: number;
  published: number;
  synoniemen: number | null;
}

/** One import started from the beheer pages (migrations/0022). */
export interface KennisbankImportenTable {
  uuid: Generated<string>;
  tenant_id: string;
  status: ColumnType<ImportStatus, ImportStatus | undefined, ImportStatus>;
  fase: ColumnType<ImportFase, ImportFase | undefined, ImportFase>;
  bestandsnaam: string;
  totaal: ColumnType<number, number | undefined, number>;
  verwerkt: ColumnType<number, number | undefined, number>;
  fouten: JsonArray<ImportFout>;
  resultaat: ColumnType<ImportResultaat | null, string | null | undefined, string | null>;
  door: string;
  gestart_op: Timestamp;
  bijgewerkt_op: Timestamp;
  beeindigd_op: NullableTimestamp;
}

export interface KennisbankTables {
  kennisbank_producten: KennisbankProductenTable;
  kennisbank_versies: KennisbankVersiesTable;
  kennisbank_wijzigingen: KennisbankWijzigingenTable;
  kennisbank_zoekindex: KennisbankZoekindexTable;
  kennisbank_zoekwoorden: KennisbankZoekwoordenTable;
  kennisbank_zoekstand: KennisbankZoekstandTable;
  kennisbank_synoniemen: KennisbankSynoniemenTable;
  kennisbank_zoekopdrachten: KennisbankZoekopdrachtenTable;
  kennisbank_beoordelingen: KennisbankBeoordelingenTable;
  kennisbank_importen: KennisbankImportenTable;
}
