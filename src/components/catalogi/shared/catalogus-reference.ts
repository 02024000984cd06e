import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { findCatalogus } from '../catalogussen/repository.ts';
import { uuidInCollection } from './urls.ts';

/**
 * The catalogus a type is written into: a URL of a catalogus of this API, at this endpoint, of the caller's tenant
 * ("geldigheid `catalogus` URL, dit moet een catalogus binnen dezelfde API zijn"; ztc-013).
 */
export async function resolveCatalogus(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  url: string,
): Promise<{ uuid: string } | { problem: InvalidParam }> {
  const uuid = uuidInCollection(base, 'catalogussen', url);
  if (uuid === undefined) {
    return { problem: { name: 'catalogus', code: 'no_match', reason: `Geef de URL van een catalogus van deze API op (${base}/catalogussen/…).` } };
  }
  if (!(await findCatalogus(db, tenantId, uuid))) {
    return { problem: { name: 'catalogus', code: 'does_not_exist', reason: `Catalogus ${uuid} bestaat niet.` } };
  }
  return { uuid };
}
