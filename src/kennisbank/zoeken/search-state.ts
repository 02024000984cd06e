import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { prepared } from '../../platform/database/prepared.ts';
import { synonymGroups } from './repository.ts';
import { TrigramVocabulary } from './vocabulary.ts';

/*
 * What every search of a tenant needs besides the index: the beheerder's synonyms and the vocabulary of the titles.
 * Each process keeps them in memory per tenant and checks with one small read per search whether they are still
 * current: every change of the index or the synonym list gives the tenant a new number in `kennisbank_zoekstand`
 * (triggers of migration 0023), so a publication is found by the very next search in every process.
 */

export interface TenantSearchState {
  /** The tenant's `kennisbank_zoekstand` number these were read at; undefined when read inside a transaction. */
  stand: string | undefined;
  synonyms: string[][];
  vocabulary: TrigramVocabulary;
}

interface Cached extends TenantSearchState {
  stand: string;
}

/** Tenants kept per process; the one used longest ago goes first (a shared-service installation has many). */
const MAX_TENANTS = 200;
const cache = new Map<string, Cached>();
const loading = new Map<string, Promise<Cached>>();

async function currentStand(db: Kysely<Database>, tenantId: string): Promise<string> {
  const result = await prepared(sql<{ stand: string }>`SELECT stand::text AS stand FROM kennisbank_zoekstand WHERE tenant_id = ${tenantId}`).execute(db);
  return result.rows[0]?.stand ?? '0';
}

async function load<S extends string | undefined>(db: Kysely<Database>, tenantId: string, stand: S): Promise<TenantSearchState & { stand: S }> {
  const [synonyms, wordRows] = await Promise.all([
    synonymGroups(db, tenantId),
    db.selectFrom('kennisbank_zoekwoorden').select('woord').where('tenant_id', '=', tenantId).where('aantal', '>', 0).execute(),
  ]);
  return { stand, synonyms, vocabulary: new TrigramVocabulary(wordRows.map((row) => row.woord)) };
}

function remember(tenantId: string, state: Cached): void {
  cache.delete(tenantId);
  cache.set(tenantId, state);
  if (cache.size > MAX_TENANTS) cache.delete(cache.keys().next().value ?? tenantId);
}

/**
 * The tenant's synonyms and vocabulary, current as of this search. Inside a transaction they are read afresh and
 * not kept: the transaction may see its own uncommitted changes, which must not outlive a rollback.
 */
export async function tenantSearchState(db: Kysely<Database>, tenantId: string): Promise<TenantSearchState> {
  if (db.isTransaction) return load(db, tenantId, undefined);
  const stand = await currentStand(db, tenantId);
  const cached = cache.get(tenantId);
  if (cached?.stand === stand) {
    remember(tenantId, cached);
    return cached;
  }
  const key = `${tenantId}:${stand}`;
  let pending: Promise<Cached> | undefined = loading.get(key);
  if (!pending) {
    pending = load(db, tenantId, stand).finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  const state = await pending;
  remember(tenantId, state);
  return state;
}
