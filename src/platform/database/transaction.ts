import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs `work` in a transaction: the caller's, when `db` already is one (so the work commits or rolls
 * back with the caller's change), otherwise a new one. This is what lets one request compose several
 * services' writes (a portal submission: zaak, rol, eigenschappen, documents, status) into one transaction.
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
