import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../../../platform/database/schema.ts';
import { listCatalogussen } from '../catalogussen/repository.ts';
import { inWriteTransaction } from '../shared/write.ts';
import { importCatalogus, type ImportResult } from '../uitwisseling/import.ts';
import { publishImport } from '../uitwisseling/publish.ts';
import type { Actor } from '../uitwisseling/system-caller.ts';
import { readDemoCatalogus } from './gemeente-voorbeeld.ts';

const DEMO_ACTOR: Actor = { applicatie: 'loket-demo', gebruiker: 'Demo-inrichting', toelichting: 'Democatalogus van Gemeente Voorbeeld' };

/**
 * Gives a tenant the demo catalogue, published, so a newcomer can make zaken of it at once: imported and published
 * like any exchange file, in the caller's transaction when `db` is one. Does nothing when the tenant already has the
 * demo's catalogus (same domein and RSIN), so seeding twice changes nothing. Resolves to what was imported, if anything.
 */
export async function seedDemoCatalogus(db: Kysely<Database>, tenant: Pick<Tenant, 'id' | 'hostnames' | 'slug'>): Promise<ImportResult | undefined> {
  const demo = readDemoCatalogus();
  const { domein, rsin } = demo.catalogus;
  if (typeof domein === 'string' && typeof rsin === 'string') {
    const { count } = await listCatalogussen(db, tenant.id, { domein, rsin }, { limit: 1, offset: 0 });
    if (count > 0) return undefined;
  }
  return inWriteTransaction(db, async (trx) => {
    const imported = await importCatalogus(trx, tenant, demo, { actor: DEMO_ACTOR });
    await publishImport(trx, tenant, imported, { actor: DEMO_ACTOR });
    return imported;
  });
}
