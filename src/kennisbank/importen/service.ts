import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { ImportFout } from '../../platform/database/tables/kennisbank.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { isUniqueViolation } from '../../platform/zgw/request-body.ts';
import type { Door } from '../producten/service.ts';
import { readCsvImport } from '../uitwisseling/csv-import.ts';
import { importKennisbank, readImportFileStepwise, type ImportFile } from '../uitwisseling/import.ts';
import { liveProgress, progressWriter, type ImportProgress } from './progress.ts';
import { failStaleImports, findImportJob, finishImportJob, insertImportJob, runningImportJob, type ImportJobRow } from './repository.ts';

/** An uploaded import file. */
export interface ImportUpload {
  bestandsnaam: string;
  soort: 'json' | 'csv';
  tekst: string;
}

/** Refused: the tenant already has an import running (a double submit, or a colleague's import). */
export class ImportAlreadyRunningError extends Error {
  constructor(readonly running: ImportJobRow | undefined) {
    super('Er loopt al een import voor deze gemeente.');
  }
}

/** A started import: its row, and the work that ends when the import has committed or been refused. */
export interface StartedImport {
  job: ImportJobRow;
  done: Promise<void>;
}

/**
 * Starts importing an uploaded file into the tenant as a background job recorded in `kennisbank_importen`. At most one
 * import runs per tenant (the database refuses a second one: `ImportAlreadyRunningError`). The file is checked and
 * then written in one transaction, all or nothing; the job row records progress while it runs and every problem when
 * the file is refused.
 */
export async function startImportJob(
  db: Kysely<Database>,
  tenantId: string,
  door: Door,
  upload: ImportUpload,
  options: { onUnexpectedError: (error: unknown) => void; today?: string },
): Promise<StartedImport> {
  await failStaleImports(db, tenantId);
  let job: ImportJobRow;
  try {
    job = await insertImportJob(db, tenantId, { bestandsnaam: upload.bestandsnaam, door });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ImportAlreadyRunningError(await runningImportJob(db, tenantId));
    throw error;
  }
  // The caller answers the request first; the import runs on from the next turn of the event loop.
  const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => runImportJob(db, tenantId, job, door, upload, options));
  return { job, done };
}

function fouten(problems: InvalidParam[]): ImportFout[] {
  return problems.map((problem) => ({ name: problem.name, code: problem.code, reason: problem.reason }));
}

async function readUpload(db: Kysely<Database>, tenantId: string, upload: ImportUpload, onProgress: (done: number, total: number) => void): Promise<{ file?: ImportFile; problems: InvalidParam[] }> {
  if (upload.soort === 'csv') return readCsvImport(db, tenantId, upload.tekst, onProgress);
  let json: unknown;
  try {
    json = JSON.parse(upload.tekst);
  } catch (error) {
    return { problems: [{ name: 'bestand', code: 'parse_error', reason: `Het bestand is geen geldige JSON: ${(error as Error).message}` }] };
  }
  return readImportFileStepwise(json, onProgress);
}

async function runImportJob(
  db: Kysely<Database>,
  tenantId: string,
  job: ImportJobRow,
  door: Door,
  upload: ImportUpload,
  options: { onUnexpectedError: (error: unknown) => void; today?: string },
): Promise<void> {
  const progress = progressWriter(db, tenantId, job.uuid, options.onUnexpectedError);
  try {
    const read = await readUpload(db, tenantId, upload, (verwerkt, totaal) => progress.report({ fase: 'controleren', totaal, verwerkt }));
    if (!read.file) {
      await progress.settled();
      await finishImportJob(db, tenantId, job.uuid, { status: 'mislukt', fouten: fouten(read.problems) });
      return;
    }
    const totaal = read.file.producten.length;
    progress.report({ fase: 'importeren', totaal, verwerkt: 0 });
    const result = await importKennisbank(db, tenantId, read.file, {
      door,
      today: options.today,
      onProgress: (verwerkt) => progress.report({ fase: 'importeren', totaal, verwerkt }),
    });
    await progress.settled();
    await finishImportJob(db, tenantId, job.uuid, {
      status: 'voltooid',
      totaal,
      resultaat: { created: result.created, updated: result.updated, published: result.published, synoniemen: result.synoniemen ?? null },
    });
  } catch (error) {
    await progress.settled();
    const known = error instanceof ProblemError && error.invalidParams.length > 0;
    if (!known) options.onUnexpectedError(error);
    const problems = known ? error.invalidParams : [{ name: '', code: 'error', reason: 'Er ging iets mis bij het schrijven. Er is niets geïmporteerd; probeer het opnieuw of neem contact op met de beheerder van Loket.' }];
    await finishImportJob(db, tenantId, job.uuid, { status: 'mislukt', fouten: fouten(problems) }).catch(options.onUnexpectedError);
  } finally {
    progress.end();
  }
}

/** An import as the status page shows it: its row with the freshest progress known in this process. */
export async function importStatus(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ImportJobRow & { live: ImportProgress | undefined }> {
  const job = await findImportJob(db, tenantId, uuid);
  if (!job) throw new ProblemError('not_found', 'Deze import bestaat niet.');
  const live = job.status === 'bezig' ? liveProgress(uuid) : undefined;
  return live ? { ...job, ...live, live } : { ...job, live: undefined };
}
