import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { ImportFase, ImportFout, ImportResultaat, KennisbankImportenTable } from '../../platform/database/tables/kennisbank.ts';

export type ImportJobRow = Selectable<KennisbankImportenTable>;

/**
 * A running import whose row has not moved for this long is taken to be dead (its Loket process stopped mid-import,
 * so its transaction rolled back): it no longer blocks a new import. Every batch refreshes `bijgewerkt_op`.
 */
export const STALE_AFTER_MINUTES = 15;

/** Marks the tenant's running imports that stopped reporting as failed, so they no longer block a new one. */
export async function failStaleImports(db: Kysely<Database>, tenantId: string): Promise<void> {
  await db
    .updateTable('kennisbank_importen')
    .set({
      status: 'mislukt',
      fouten: JSON.stringify([{ name: '', code: 'afgebroken', reason: 'De import is afgebroken (Loket stopte tijdens de import). Er is niets geïmporteerd.' }]),
      beeindigd_op: sql<Date>`now()`,
      bijgewerkt_op: sql<Date>`now()`,
    })
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'bezig')
    .where('bijgewerkt_op', '<', sql<Date>`now() - make_interval(mins => ${STALE_AFTER_MINUTES})`)
    .execute();
}

/** Records a new running import; fails with a unique violation while the tenant already has one running. */
export async function insertImportJob(db: Kysely<Database>, tenantId: string, job: { bestandsnaam: string; door: string }): Promise<ImportJobRow> {
  return db.insertInto('kennisbank_importen').values({ tenant_id: tenantId, bestandsnaam: job.bestandsnaam, door: job.door }).returningAll().executeTakeFirstOrThrow();
}

/** One import of the tenant, or undefined (also for another tenant's import). */
export async function findImportJob(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('kennisbank_importen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** The tenant's running import, if any. */
export async function runningImportJob(db: Kysely<Database>, tenantId: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('kennisbank_importen').selectAll().where('tenant_id', '=', tenantId).where('status', '=', 'bezig').executeTakeFirst();
}

/** The tenant's latest imports, newest first. */
export async function recentImportJobs(db: Kysely<Database>, tenantId: string, limit = 10): Promise<ImportJobRow[]> {
  return db.selectFrom('kennisbank_importen').selectAll().where('tenant_id', '=', tenantId).orderBy('gestart_op', 'desc').limit(limit).execute();
}

/**
 * Writes how far a running import is. Only ever forwards (from checking to writing, and within a phase `verwerkt`
 * never goes back) and never touches a finished import, so a progress write that arrives late cannot overwrite the
 * outcome or newer progress.
 */
export async function recordImportProgress(db: Kysely<Database>, tenantId: string, uuid: string, progress: { fase: ImportFase; totaal: number; verwerkt: number }): Promise<void> {
  await db
    .updateTable('kennisbank_importen')
    .set({ fase: progress.fase, totaal: progress.totaal, verwerkt: progress.verwerkt, bijgewerkt_op: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .where('status', '=', 'bezig')
    .where((eb) =>
      progress.fase === 'importeren'
        ? eb.or([eb('fase', '=', 'controleren'), eb('verwerkt', '<=', progress.verwerkt)])
        : eb.and([eb('fase', '=', 'controleren'), eb('verwerkt', '<=', progress.verwerkt)]),
    )
    .execute();
}

/** Ends an import: completed with its result, or failed with every problem (then nothing was imported: verwerkt 0). */
export async function finishImportJob(
  db: Kysely<Database>,
  tenantId: string,
  uuid: string,
  outcome: { status: 'voltooid'; totaal: number; resultaat: ImportResultaat } | { status: 'mislukt'; fouten: ImportFout[] },
): Promise<void> {
  await db
    .updateTable('kennisbank_importen')
    .set(
      outcome.status === 'voltooid'
        ? { status: 'voltooid', totaal: outcome.totaal, verwerkt: outcome.totaal, resultaat: JSON.stringify(outcome.resultaat), beeindigd_op: sql<Date>`now()`, bijgewerkt_op: sql<Date>`now()` }
        : { status: 'mislukt', verwerkt: 0, fouten: JSON.stringify(outcome.fouten), beeindigd_op: sql<Date>`now()`, bijgewerkt_op: sql<Date>`now()` },
    )
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .execute();
}
