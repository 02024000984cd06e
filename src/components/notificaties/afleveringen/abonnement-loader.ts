import type { Kysely } from 'kysely';
import { TurnBatcher } from '../../../platform/batching/turn-batcher.ts';
import type { Database } from '../../../platform/database/schema.ts';
import { findAbonnementen, type AbonnementKey, type AbonnementRow } from '../abonnementen/repository.ts';
import { isUuid } from '../shared/urls.ts';

const keyOf = (tenantId: string, uuid: string) => `${tenantId}/${uuid}`;

/**
 * Reads the abonnementen of deliveries that start together with one statement: the dispatcher starts the events of
 * a claim in one go, so their look-ups arrive in the same turn of the event loop. Every delivery still reads its
 * abonnement as it is at that moment (no cache): a callback URL or Authorization header changed, or an abonnement
 * deleted, counts from the next delivery on.
 */
export class AbonnementLoader {
  private readonly batcher: TurnBatcher<AbonnementKey, AbonnementRow | undefined>;

  constructor(db: Kysely<Database>) {
    this.batcher = new TurnBatcher(async (keys) => {
      const rows = await findAbonnementen(db, keys);
      const byKey = new Map(rows.map((row) => [keyOf(row.tenant_id, row.uuid), row]));
      return keys.map((key) => byKey.get(keyOf(key.tenantId, key.uuid)));
    });
  }

  /** The tenant's abonnement, or undefined when it does not exist (any more). */
  load(tenantId: string, uuid: string): Promise<AbonnementRow | undefined> {
    // Not a UUID: no such abonnement, and it must not fail the statement of the look-ups beside it.
    if (!isUuid(uuid)) return Promise.resolve(undefined);
    return this.batcher.add({ tenantId, uuid: uuid.toLowerCase() });
  }
}
