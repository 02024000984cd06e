import { parseCsv } from '../../kennisbank/uitwisseling/csv.ts';
import { TAAKVELD_MUTATIES_RESERVES, taakveldProblem } from '../iv3/taakvelden.ts';
import { parseBedrag } from './bedrag.ts';

/** The columns of `loket begroting import`, in this order, separated by semicolons. */
export const BEGROTING_CSV_COLUMNS = ['jaar', 'programma', 'taakveld', 'categorie', 'soort', 'bedrag', 'structureel', 'reserve', 'omschrijving'] as const;

/** One validated begrotingsregel, ready to store. */
export interface NieuweRegel {
  jaar: number;
  programma: string;
  taakveld: string;
  categorie: string;
  soort: 'lasten' | 'baten';
  bedragCenten: number;
  structureel: boolean;
  reserve: string | null;
  omschrijving: string;
  /** The row in the file (line number as a spreadsheet shows it). */
  regelnummer: number;
}

/** One problem, named by its row and column, in words the controller understands. */
export interface RegelProbleem {
  rij: number;
  kolom: string;
  reden: string;
}

/** Which years a version may hold amounts for. */
export interface JaarBereik {
  van: number;
  tot: number;
}

/** Incidental means at most three years (BBV notitie structurele en incidentele baten en lasten). */
const MAX_INCIDENTELE_JAREN = 3;
/** An economische categorie of the Iv3 list as written in a file or form: 4.4, 3.4.1, 2.2.2. */
export const CATEGORIE_PATROON = /^\d(\.\d{1,2}){1,2}$/;
const MAX_TEXT = 200;

function text(value: string | undefined): string {
  return (value ?? '').trim();
}

/** Rows checked between two reports of progress (and, in the background import, between two turns of the event loop). */
export const CHECK_CHUNK = 1000;

type Gelezen = { regels: NieuweRegel[]; problemen: RegelProbleem[] };

/**
 * Reads a semicolon-separated file of begrotingsregels and checks every row; a file with any problem yields the full
 * list of problems (and no rows), so the import can refuse it as a whole and the controller can fix every row at once.
 * Synchronous, for the command line and tests; `checkBegrotingCsv` is the same check that lets other work run.
 */
export function readBegrotingCsv(content: string, jaren: JaarBereik, onChecked?: (done: number, total: number) => void): Gelezen {
  const steps = checkRows(content, jaren);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onChecked?.(step.value.done, step.value.total);
  }
}

/**
 * The same check as readBegrotingCsv, yielding to the event loop after every CHECK_CHUNK rows: a large file is checked
 * while the server keeps answering (the import's status page among others), and `onChecked` can report progress.
 */
export async function checkBegrotingCsv(content: string, jaren: JaarBereik, onChecked?: (done: number, total: number) => void): Promise<Gelezen> {
  const steps = checkRows(content, jaren);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onChecked?.(step.value.done, step.value.total);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The check itself: yields how far it is after every chunk of rows, returns the outcome. */
function* checkRows(content: string, jaren: JaarBereik): Generator<{ done: number; total: number }, Gelezen, void> {
  const { records, lines, error } = parseCsv(content, ';');
  if (error) return { regels: [], problemen: [{ rij: 0, kolom: 'bestand', reden: error }] };
  const [header, ...rows] = records;
  const expected = BEGROTING_CSV_COLUMNS.join(';');
  if (!header || header.map((cell) => cell.trim().toLowerCase()).join(';') !== expected) {
    return { regels: [], problemen: [{ rij: lines[0] ?? 1, kolom: 'kopregel', reden: `De eerste regel moet de kolomnamen bevatten: ${expected}` }] };
  }
  if (rows.length === 0) return { regels: [], problemen: [{ rij: 0, kolom: 'bestand', reden: 'Het bestand bevat geen begrotingsregels.' }] };
  const problemen: RegelProbleem[] = [];
  const regels: NieuweRegel[] = [];
  for (const [index, cells] of rows.entries()) {
    if (index > 0 && index % CHECK_CHUNK === 0) yield { done: index, total: rows.length };
    const rij = lines[index + 1] ?? index + 2;
    const fout = (kolom: string, reden: string) => problemen.push({ rij, kolom, reden });
    if (cells.length !== BEGROTING_CSV_COLUMNS.length) {
      fout('regel', `Deze regel heeft ${cells.length} kolommen; verwacht ${BEGROTING_CSV_COLUMNS.length}, gescheiden door puntkomma's.`);
      continue;
    }
    const [jaarText, programma, taakveld, categorie, soort, bedragText, structureelText, reserveText, omschrijving] = cells.map(text);
    const before = problemen.length;
    const jaar = Number(jaarText);
    if (!/^\d{4}$/.test(jaarText ?? '')) fout('jaar', `"${jaarText ?? ''}" is geen jaartal.`);
    else if (jaar < jaren.van || jaar > jaren.tot) fout('jaar', `${jaar} valt buiten deze versie (${jaren.van === jaren.tot ? jaren.van : `${jaren.van} tot en met ${jaren.tot}`}).`);
    if (!programma) fout('programma', 'Vul het programma in.');
    else if (programma.length > MAX_TEXT) fout('programma', `Gebruik hoogstens ${MAX_TEXT} tekens.`);
    if (!taakveld) fout('taakveld', 'Vul het Iv3-taakveld in, bijvoorbeeld 6.3.');
    else if (/^\d{4}$/.test(jaarText ?? '')) {
      const probleem = taakveldProblem(taakveld, jaar);
      if (probleem) fout('taakveld', probleem);
    }
    if (!CATEGORIE_PATROON.test(categorie ?? '')) fout('categorie', `"${categorie ?? ''}" is geen economische categorie; schrijf bijvoorbeeld 3.4.1.`);
    if (soort !== 'lasten' && soort !== 'baten') fout('soort', `Soort is "lasten" of "baten", niet "${soort ?? ''}".`);
    const bedrag = parseBedrag(bedragText ?? '');
    if ('fout' in bedrag) fout('bedrag', bedrag.fout);
    const structureel = structureelText?.toLowerCase();
    if (structureel !== 'ja' && structureel !== 'nee') fout('structureel', `Structureel is "ja" of "nee", niet "${structureelText ?? ''}".`);
    const reserve = reserveText === '' ? null : (reserveText ?? null);
    if (reserve !== null && taakveld !== TAAKVELD_MUTATIES_RESERVES) fout('reserve', `Een reservemutatie hoort op taakveld ${TAAKVELD_MUTATIES_RESERVES} (Mutaties reserves).`);
    if (reserve === null && taakveld === TAAKVELD_MUTATIES_RESERVES) fout('reserve', `Op taakveld ${TAAKVELD_MUTATIES_RESERVES} staan alleen reservemutaties: vul de reserve in.`);
    if (reserve !== null && reserve.length > MAX_TEXT) fout('reserve', `Gebruik hoogstens ${MAX_TEXT} tekens.`);
    if ((omschrijving ?? '').length > 500) fout('omschrijving', 'Gebruik hoogstens 500 tekens.');
    if (problemen.length === before && 'centen' in bedrag) {
      regels.push({
        jaar,
        programma: programma ?? '',
        taakveld: taakveld ?? '',
        categorie: categorie ?? '',
        soort: soort as 'lasten' | 'baten',
        bedragCenten: bedrag.centen,
        structureel: structureel === 'ja',
        reserve,
        omschrijving: omschrijving ?? '',
        regelnummer: rij,
      });
    }
  }
  yield { done: rows.length, total: rows.length };
  problemen.push(...incidentalTooLong(regels));
  if (problemen.length > 0) return { regels: [], problemen: problemen.sort((a, b) => a.rij - b.rij) };
  return { regels, problemen };
}

/** An incidental item (same programma, taakveld, soort and omschrijving) in more than three years is structural. */
function incidentalTooLong(regels: readonly NieuweRegel[]): RegelProbleem[] {
  const years = new Map<string, Map<number, NieuweRegel>>();
  for (const regel of regels) {
    if (regel.structureel) continue;
    const key = [regel.programma, regel.taakveld, regel.soort, regel.reserve ?? '', regel.omschrijving.toLowerCase()].join('\u0000');
    const byYear = years.get(key) ?? new Map<number, NieuweRegel>();
    if (!byYear.has(regel.jaar)) byYear.set(regel.jaar, regel);
    years.set(key, byYear);
  }
  const problemen: RegelProbleem[] = [];
  for (const byYear of years.values()) {
    if (byYear.size <= MAX_INCIDENTELE_JAREN) continue;
    const ordered = [...byYear.entries()].sort(([a], [b]) => a - b);
    for (const [jaar, regel] of ordered.slice(MAX_INCIDENTELE_JAREN)) {
      problemen.push({
        rij: regel.regelnummer,
        kolom: 'structureel',
        reden: `"${regel.omschrijving || regel.taakveld}" staat als incidenteel in ${byYear.size} jaren (ook ${jaar}); incidenteel is hoogstens ${MAX_INCIDENTELE_JAREN} jaar, dus structureel.`,
      });
    }
  }
  return problemen;
}
