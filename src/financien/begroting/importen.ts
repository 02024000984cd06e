import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { BegrotingImportFout, BegrotingImportenTable } from '../../platform/database/tables/financien.ts';
import { isUniqueViolation } from '../../platform/zgw/request-body.ts';
import { checkBegrotingCsv } from './csv-regels.ts';
import { createVersie, jarenVan, VersieError, type NieuweVersie } from './versies.ts';

export type BegrotingImportRow = Selectable<BegrotingImportenTable>;

/** A running import whose row has not moved for this long died with its process (its transaction rolled back). */
const STALE_AFTER_MINUTES = 15;

/** Refused: the tenant already has a begroting import running. */
export class BegrotingImportBezigError extends Error {
  constructor(readonly running: BegrotingImportRow | undefined) {
    super('Er loopt al een import van de begroting.');
  }
}

/** How far an import is: in the check of the file (fase controleren) or in writing the rows (fase importeren). */
export interface ImportVoortgang {
  fase: 'controleren' | 'importeren';
  /** Rows of the file (controleren) or rows to write (importeren). */
  totaal: number;
  verwerkt: number;
}

/** Progress of imports running in this process, fresher than their rows while the import's transaction holds the embedded database. */
const live = new Map<string, ImportVoortgang>();

/**
 * Writes progress without the import ever waiting for it: while one write is under way only the latest report waits.
 * On PostgreSQL the row is written through another pooled connection, so every Loket process sees it move; the
 * embedded database has one session, where the row jumps to the outcome and this process's live map shows the way.
 */
function progressWriter(db: Kysely<Database>, tenantId: string, uuid: string, onError: (error: unknown) => void, onProgress?: (progress: ImportVoortgang) => void) {
  let pending: ImportVoortgang | undefined;
  let writing: Promise<void> | undefined;
  const writeNext = (): void => {
    if (writing || !pending) return;
    const next = pending;
    pending = undefined;
    writing = db
      .updateTable('begroting_importen')
      .set({ fase: next.fase, totaal: next.totaal, verwerkt: next.verwerkt, bijgewerkt_op: sql<Date>`now()` })
      .where('tenant_id', '=', tenantId)
      .where('uuid', '=', uuid)
      .where('status', '=', 'bezig')
      .execute()
      .then(() => undefined, onError)
      .finally(() => {
        writing = undefined;
        writeNext();
      });
  };
  return {
    report(progress: ImportVoortgang) {
      live.set(uuid, progress);
      onProgress?.(progress);
      pending = progress;
      writeNext();
    },
    async settled() {
      while (writing) await writing;
    },
  };
}

async function finish(db: Kysely<Database>, tenantId: string, uuid: string, outcome: { status: 'voltooid'; versieUuid: string; totaal: number } | { status: 'mislukt'; fouten: BegrotingImportFout[] }): Promise<void> {
  await db
    .updateTable('begroting_importen')
    .set(
      outcome.status === 'voltooid'
        ? { status: 'voltooid', versie_uuid: outcome.versieUuid, totaal: outcome.totaal, verwerkt: outcome.totaal, beeindigd_op: sql<Date>`now()`, bijgewerkt_op: sql<Date>`now()` }
        : { status: 'mislukt', verwerkt: 0, fouten: JSON.stringify(outcome.fouten), beeindigd_op: sql<Date>`now()`, bijgewerkt_op: sql<Date>`now()` },
    )
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .execute();
}

/**
 * Starts importing an uploaded CSV as a new budget version, in the background: every row is checked, then the version
 * is written in one transaction (all or nothing). The job row in `begroting_importen` shows progress through both
 * phases (the check gives the event loop a turn between chunks of rows, so its progress can be asked and shown while
 * it runs) and keeps every problem per row when the file is refused. One import per tenant at a time (the database
 * refuses a second). `onProgress` hears every report too, in the order they are made.
 */
export async function startBegrotingImport(
  db: Kysely<Database>,
  tenantId: string,
  upload: { bestandsnaam: string; tekst: string; versie: NieuweVersie; door: string },
  options: { onUnexpectedError: (error: unknown) => void; onProgress?: (progress: ImportVoortgang) => void },
): Promise<{ job: BegrotingImportRow; done: Promise<void> }> {
  await db
    .updateTable('begroting_importen')
    .set({ status: 'mislukt', fouten: JSON.stringify([{ rij: 0, kolom: 'bestand', reden: 'De import is afgebroken (Loket stopte tijdens de import). Er is niets geïmporteerd.' }]), beeindigd_op: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'bezig')
    .where('bijgewerkt_op', '<', sql<Date>`now() - make_interval(mins => ${STALE_AFTER_MINUTES})`)
    .execute();
  let job: BegrotingImportRow;
  try {
    job = await db
      .insertInto('begroting_importen')
      .values({ tenant_id: tenantId, bestandsnaam: upload.bestandsnaam, versie_naam: upload.versie.naam, door: upload.door })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new BegrotingImportBezigError(await db.selectFrom('begroting_importen').selectAll().where('tenant_id', '=', tenantId).where('status', '=', 'bezig').executeTakeFirst());
    }
    throw error;
  }
  // The request is answered first; the import runs on from the next turn of the event loop.
  const done = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
    const progress = progressWriter(db, tenantId, job.uuid, options.onUnexpectedError, options.onProgress);
    try {
      const read = await checkBegrotingCsv(upload.tekst, jarenVan(upload.versie), (verwerkt, totaal) => progress.report({ fase: 'controleren', totaal, verwerkt }));
      if (read.problemen.length > 0) {
        await progress.settled();
        await finish(db, tenantId, job.uuid, { status: 'mislukt', fouten: read.problemen });
        return;
      }
      const totaal = read.regels.length;
      progress.report({ fase: 'importeren', totaal, verwerkt: 0 });
      const versieUuid = await createVersie(db, tenantId, upload.versie, read.regels, (verwerkt) => progress.report({ fase: 'importeren', totaal, verwerkt }));
      await progress.settled();
      await finish(db, tenantId, job.uuid, { status: 'voltooid', versieUuid, totaal });
    } catch (error) {
      await progress.settled();
      const known = error instanceof VersieError;
      if (!known) options.onUnexpectedError(error);
      const reden = known ? error.message : 'Er ging iets mis bij het schrijven. Er is niets geïmporteerd; probeer het opnieuw.';
      await finish(db, tenantId, job.uuid, { status: 'mislukt', fouten: [{ rij: 0, kolom: 'versie', reden }] }).catch(options.onUnexpectedError);
    } finally {
      live.delete(job.uuid);
    }
  });
  return { job, done };
}

/** One import of the tenant with the freshest progress this process knows, or undefined (also for another tenant's). */
export async function begrotingImport(db: Kysely<Database>, tenantId: string, uuid: string): Promise<BegrotingImportRow | undefined> {
  const job = await db.selectFrom('begroting_importen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
  if (!job) return undefined;
  const progress = job.status === 'bezig' ? live.get(uuid) : undefined;
  return progress ? { ...job, ...progress } : job;
}

/** The tenant's latest imports, newest first. */
export async function recentBegrotingImports(db: Kysely<Database>, tenantId: string, limit = 10): Promise<BegrotingImportRow[]> {
  return db.selectFrom('begroting_importen').selectAll().where('tenant_id', '=', tenantId).orderBy('gestart_op', 'desc').limit(limit).execute();
}
