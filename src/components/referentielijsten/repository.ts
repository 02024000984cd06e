import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The Selectielijst and referentielijsten are national, read-only data published by VNG, identical for every
 * tenant and changed only by a new release of Loket. So they are shipped as JSON files (see dataset/README.md),
 * read once per process and held in memory: no tables, no SQL, no tenant_id.
 */

/** A Selectielijst procestype as VNG publishes it; `url` holds the bare UUID. */
export interface ProcestypeRecord {
  url: string;
  nummer: number;
  jaar: number;
  naam: string;
  omschrijving: string;
  toelichting: string;
  procesobject: string;
}

/** A Selectielijst resultaat as VNG publishes it; `url` and `procesType` hold bare UUIDs. */
export interface ResultaatRecord {
  url: string;
  procesType: string;
  nummer: number;
  volledigNummer: string;
  bewaartermijn?: string | null;
  [field: string]: unknown;
}

/** A generic resultaattypeomschrijving; `url` holds the bare UUID. */
export interface ResultaattypeomschrijvingRecord {
  url: string;
  omschrijving: string;
  definitie: string;
  opmerking: string;
}

interface Referentielijsten {
  procestypen: readonly ProcestypeRecord[];
  resultaten: readonly ResultaatRecord[];
  resultaattypeomschrijvingen: readonly ResultaattypeomschrijvingRecord[];
  procestypenByUuid: ReadonlyMap<string, ProcestypeRecord>;
  resultatenByUuid: ReadonlyMap<string, ResultaatRecord>;
  resultaattypeomschrijvingenByUuid: ReadonlyMap<string, ResultaattypeomschrijvingRecord>;
}

// Not `data/`: the repository's .gitignore excludes every folder of that name (the embedded database lives in one).
const DATA_DIRECTORY = join(import.meta.dirname, 'dataset');

function readData<T>(file: string): T[] {
  return JSON.parse(readFileSync(join(DATA_DIRECTORY, file), 'utf8')) as T[];
}

function byUuid<T extends { url: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.url.toLowerCase(), record]));
}

let loaded: Referentielijsten | undefined;

/** The shipped lists, read from disk on first use only (most requests never touch them). */
function data(): Referentielijsten {
  if (!loaded) {
    const procestypen = readData<ProcestypeRecord>('procestypen.json');
    const resultaten = readData<ResultaatRecord>('resultaten.json');
    const resultaattypeomschrijvingen = readData<ResultaattypeomschrijvingRecord>('resultaattypeomschrijvingen.json');
    loaded = {
      procestypen,
      resultaten,
      resultaattypeomschrijvingen,
      procestypenByUuid: byUuid(procestypen),
      resultatenByUuid: byUuid(resultaten),
      resultaattypeomschrijvingenByUuid: byUuid(resultaattypeomschrijvingen),
    };
  }
  return loaded;
}

/** All procestypen, in the published order. */
export function allProcestypen(): readonly ProcestypeRecord[] {
  return data().procestypen;
}

/** One procestype by UUID (case-insensitive), or undefined. */
export function findProcestype(uuid: string): ProcestypeRecord | undefined {
  return data().procestypenByUuid.get(uuid.toLowerCase());
}

/** All resultaten, in the published order (grouped by procestype). */
export function allResultaten(): readonly ResultaatRecord[] {
  return data().resultaten;
}

/** One resultaat by UUID (case-insensitive), or undefined. */
export function findResultaat(uuid: string): ResultaatRecord | undefined {
  return data().resultatenByUuid.get(uuid.toLowerCase());
}

/** All generic resultaattypeomschrijvingen. */
export function allResultaattypeomschrijvingen(): readonly ResultaattypeomschrijvingRecord[] {
  return data().resultaattypeomschrijvingen;
}

/** One resultaattypeomschrijving by UUID (case-insensitive), or undefined. */
export function findResultaattypeomschrijving(uuid: string): ResultaattypeomschrijvingRecord | undefined {
  return data().resultaattypeomschrijvingenByUuid.get(uuid.toLowerCase());
}
