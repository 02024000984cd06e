import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { ZoekKanaal } from '../../platform/database/tables/kennisbank.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { findProductBySlug } from '../producten/repository.ts';
import { MAX_QUERY_LENGTH } from '../zoeken/query.ts';
import { maskPersonalData } from './mask.ts';
import { insertBeoordeling, recordClick } from './repository.ts';
import { searchLogWriter, writeSearchLogEntry } from './search-log-writer.ts';

/** A query as the log keeps it: personal data masked, lower case, single spaces, at most MAX_QUERY_LENGTH long. */
export function loggedQuery(q: string): string {
  return maskPersonalData(q.slice(0, MAX_QUERY_LENGTH * 2)).toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

/** Logs one search with its channel and number of results (written in a batch moments later); resolves to its uuid. */
export async function logSearch(db: Kysely<Database>, tenantId: string, entry: { q: string; kanaal: ZoekKanaal; aantalResultaten: number }): Promise<string> {
  return writeSearchLogEntry(db, tenantId, { zoekterm: loggedQuery(entry.q), kanaal: entry.kanaal, aantalResultaten: entry.aantalResultaten });
}

/** Writes the searches this process still holds, so that what follows reads a complete log. */
export async function completeSearchLog(db: Kysely<Database>): Promise<void> {
  if (!db.isTransaction) await searchLogWriter(db).flush();
}

/** Records which result of a logged search was clicked (its slug and place in the list). */
export async function logClick(db: Kysely<Database>, tenantId: string, zoekopdrachtUuid: string, slug: string, positie: number | null): Promise<void> {
  const product = await findProductBySlug(db, tenantId, slug);
  // The search may still be waiting in this process's batch.
  await completeSearchLog(db);
  if (!product) throw new ProblemError('invalid', 'Onbekend product.', [{ name: 'product', code: 'invalid', reason: `Er is geen product "${slug}".` }]);
  if (!(await recordClick(db, tenantId, zoekopdrachtUuid, product.uuid, positie))) throw new ProblemError('not_found', 'Deze zoekopdracht bestaat niet.');
}

/** The longest remark a rating keeps. */
export const MAX_REMARK_LENGTH = 1000;

/** Stores a reader's rating of a published product; the remark is masked like a search query. */
export async function rateProduct(db: Kysely<Database>, tenantId: string, slug: string, rating: { nuttig: boolean; opmerking?: string; kanaal: ZoekKanaal }): Promise<void> {
  const product = await findProductBySlug(db, tenantId, slug);
  if (!product || product.gepubliceerde_versie_uuid === null) throw new ProblemError('not_found', `Product ${slug} bestaat niet.`);
  const opmerking = maskPersonalData((rating.opmerking ?? '').slice(0, MAX_REMARK_LENGTH)).trim();
  await insertBeoordeling(db, tenantId, { productUuid: product.uuid, nuttig: rating.nuttig, opmerking, kanaal: rating.kanaal });
}
