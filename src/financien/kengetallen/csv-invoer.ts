import { parseCsv } from '../../kennisbank/uitwisseling/csv.ts';
import { parseBedrag } from '../begroting/bedrag.ts';
import type { RegelProbleem } from '../begroting/csv-regels.ts';
import { KENGETAL_INVOER, KENGETAL_VELDEN, type KengetalVeld } from './invoer.ts';

/** The columns of a kengetallen input file, in this order, separated by semicolons: one input of one year per row. */
export const KENGETAL_CSV_COLUMNS = ['jaar', 'veld', 'bedrag'] as const;

/**
 * How each input is named in the file's `veld` column: the form's field names written in lower case with underscores.
 * The field names themselves (vasteSchulden) are accepted too: case, underscores and hyphens do not count.
 */
export const KENGETAL_CSV_CODES: Record<KengetalVeld, string> = {
  vasteSchulden: 'vaste_schulden',
  nettoVlottendeSchuld: 'netto_vlottende_schuld',
  overlopendePassiva: 'overlopende_passiva',
  financieleActiva: 'financiele_activa',
  verstrekteLeningen: 'verstrekte_leningen',
  uitzettingenKorterDanJaar: 'uitzettingen_korter_dan_jaar',
  liquideMiddelen: 'liquide_middelen',
  overlopendeActiva: 'overlopende_activa',
  eigenVermogen: 'eigen_vermogen',
  balanstotaal: 'balanstotaal',
  nietInExploitatieGenomenGronden: 'niet_in_exploitatie_genomen_gronden',
  bouwgrondenInExploitatie: 'bouwgronden_in_exploitatie',
  woonlasten: 'woonlasten',
  landelijkeWoonlastenVorigJaar: 'landelijke_woonlasten_vorig_jaar',
};

/** The codes with what each means, for the import page, the command's usage and the documentation. */
export const KENGETAL_CSV_UITLEG: readonly { code: string; betekenis: string }[] = KENGETAL_VELDEN.map((veld) => ({ code: KENGETAL_CSV_CODES[veld], betekenis: KENGETAL_INVOER[veld] }));

function normalise(code: string): string {
  return code.toLowerCase().replace(/[_\-\s]/g, '');
}

const BY_CODE = new Map<string, KengetalVeld>(KENGETAL_VELDEN.map((veld) => [normalise(KENGETAL_CSV_CODES[veld]), veld]));

/** One checked row: an input of one year in cents. */
export interface KengetalRij {
  jaar: number;
  veld: KengetalVeld;
  centen: number;
  /** The row in the file (line number as a spreadsheet shows it). */
  regelnummer: number;
}

/**
 * Reads a semicolon-separated file of kengetal inputs (`jaar;veld;bedrag`, bedrag in euro with a decimal comma or
 * point) and checks every row: the year, the input's code, the amount, and that no input of a year appears twice. A
 * file with any problem yields every problem with its row number and no rows, so the import takes all or nothing.
 */
export function readKengetalCsv(content: string): { rijen: KengetalRij[]; problemen: RegelProbleem[] } {
  const { records, lines, error } = parseCsv(content, ';');
  if (error) return { rijen: [], problemen: [{ rij: 0, kolom: 'bestand', reden: error }] };
  const nonEmpty = records.map((record, index) => ({ record, line: lines[index] ?? index + 1 })).filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  const expected = KENGETAL_CSV_COLUMNS.join(';');
  if (!header || header.record.map((cell) => cell.trim().toLowerCase()).join(';') !== expected) {
    return { rijen: [], problemen: [{ rij: header?.line ?? 1, kolom: 'kopregel', reden: `De eerste regel moet de kolomnamen bevatten: ${expected}` }] };
  }
  if (rows.length === 0) return { rijen: [], problemen: [{ rij: 0, kolom: 'bestand', reden: 'Het bestand bevat geen invoerwaarden.' }] };
  const problemen: RegelProbleem[] = [];
  const rijen: KengetalRij[] = [];
  const eerder = new Map<string, number>();
  for (const { record, line: rij } of rows) {
    const fout = (kolom: string, reden: string) => problemen.push({ rij, kolom, reden });
    if (record.length !== KENGETAL_CSV_COLUMNS.length) {
      fout('regel', `Deze regel heeft ${record.length} kolommen; verwacht ${KENGETAL_CSV_COLUMNS.length} (${expected}), gescheiden door puntkomma's.`);
      continue;
    }
    const [jaarText = '', code = '', bedragText = ''] = record.map((cell) => cell.trim());
    const before = problemen.length;
    const jaar = Number(jaarText);
    if (!/^\d{4}$/.test(jaarText) || jaar < 2000 || jaar > 2100) fout('jaar', `"${jaarText}" is geen jaartal van 2000 tot en met 2100.`);
    const veld = BY_CODE.get(normalise(code));
    if (code === '') fout('veld', 'Vul het veld in, bijvoorbeeld vaste_schulden.');
    else if (!veld) fout('veld', `"${code}" is geen invoer van de kengetallen; gebruik een van de codes uit de kolombeschrijving, bijvoorbeeld vaste_schulden.`);
    const bedrag = bedragText === '' ? { fout: 'Vul het bedrag in euro in, bijvoorbeeld 1250000,00.' } : parseBedrag(bedragText);
    if ('fout' in bedrag) fout('bedrag', bedrag.fout);
    if (veld && problemen.length === before) {
      const key = `${jaar}\u0000${veld}`;
      const first = eerder.get(key);
      if (first !== undefined) fout('veld', `${KENGETAL_CSV_CODES[veld]} voor ${jaar} staat al op regel ${first}; elke invoer komt één keer per jaar voor.`);
      else eerder.set(key, rij);
    }
    if (problemen.length === before && veld && 'centen' in bedrag) rijen.push({ jaar, veld, centen: bedrag.centen, regelnummer: rij });
  }
  if (problemen.length > 0) return { rijen: [], problemen };
  return { rijen, problemen };
}
