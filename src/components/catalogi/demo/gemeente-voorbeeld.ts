import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalid } from '../../../platform/errors/problem.ts';
import type { CatalogusExport } from '../uitwisseling/format.ts';
import { readExportFile } from '../uitwisseling/read-file.ts';

/** The demo catalogue of the fictional Gemeente Voorbeeld, as an exchange file (docs/catalogus-export.md). */
export const DEMO_CATALOGUS_FILE = join(import.meta.dirname, 'gemeente-voorbeeld.json');

/** The demo catalogue, read and checked like any file an operator imports. */
export function readDemoCatalogus(): CatalogusExport {
  const { file, problems } = readExportFile(JSON.parse(readFileSync(DEMO_CATALOGUS_FILE, 'utf8')));
  if (!file) throw invalid(problems, 'De democatalogus is geen geldig exportbestand.');
  return file;
}
