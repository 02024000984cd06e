import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { emptySecties } from '../producten/content.ts';
import { inhoudOf, listNewestVersions } from '../producten/repository.ts';
import { CSV_COLUMNS, CSV_LIST_COLUMNS, parseCsv, unquoteCell, type CsvColumn } from './csv.ts';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, readImportFileStepwise, type ImportFile } from './import.ts';

/**
 * Reads a CSV of the flat fields into an exchange file: a row for an existing product keeps that product's sections,
 * questions and internal note and replaces its flat fields; a row for a new product starts with empty sections.
 * Problems are named by line ("regel 3: titel"), all of them, before anything is written. `onProgress` is told how
 * many rows are checked.
 */
export async function readCsvImport(
  db: Kysely<Database>,
  tenantId: string,
  text: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ file?: ImportFile; problems: InvalidParam[] }> {
  const parsed = parseCsv(text);
  if (parsed.error) return { problems: [{ name: 'bestand', code: 'invalid', reason: parsed.error }] };
  const [header, ...rows] = parsed.records;
  const columns = (header ?? []).map((name) => name.trim());
  const problems: InvalidParam[] = [];
  for (const column of columns) if (!(CSV_COLUMNS as readonly string[]).includes(column)) problems.push({ name: `kolom ${column}`, code: 'unknown', reason: 'Onbekende kolom.' });
  if (!columns.includes('slug')) problems.push({ name: 'kolom slug', code: 'required', reason: 'De kolom slug is verplicht.' });
  if (problems.length > 0) return { problems };

  const existing = new Map((await listNewestVersions(db, tenantId)).map((item) => [item.slug, inhoudOf(item.versie)]));
  const producten = rows.map((cells, index) => {
    if (cells.length !== columns.length) problems.push({ name: `regel ${index + 2}`, code: 'invalid', reason: `Verwacht ${columns.length} velden, gevonden ${cells.length}.` });
    const record: Partial<Record<CsvColumn, string>> = {};
    columns.forEach((column, position) => (record[column as CsvColumn] = unquoteCell(cells[position] ?? '').trim()));
    const base = existing.get(record.slug ?? '');
    const product: Record<string, unknown> = base
      ? { ...base }
      : { secties: emptySecties(), kostenbedragen: [], vraagAntwoord: [], interneNotitie: '' };
    for (const column of columns as CsvColumn[]) {
      const value = record[column] ?? '';
      if (CSV_LIST_COLUMNS.includes(column)) product[column] = value === '' ? [] : value.split('|').map((item) => item.trim());
      else product[column] = value === '' ? null : value;
    }
    return product;
  });
  if (problems.length > 0) return { problems };
  const read = await readImportFileStepwise({ formaat: EXCHANGE_FORMAT, versie: EXCHANGE_VERSION, producten }, onProgress);
  // The exchange file's names (producten[0].titel) become the CSV's lines (regel 2: titel).
  return {
    ...read,
    problems: read.problems.map((problem) => ({
      ...problem,
      name: problem.name.replace(/^producten\[(\d+)\]\.?/, (_, row: string) => `regel ${Number(row) + 2}: `).replace(/: $/, ''),
    })),
  };
}
