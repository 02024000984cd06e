import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaakTermijnen } from './awb-termijnen.ts';

/*
 * Where the workspace keeps the Awb count of a legal deadline that the Algemene termijnenwet moved to the next working
 * day (see awb-termijnen.ts): the Zaken API stores only the moved date, yet a later suspension or extension must count
 * from the Awb date. The count holds only while the zaak still has the date it was moved to: when an API client sets
 * another date, that date is the count again.
 */

/** The Awb count behind the zaak's legal deadline `uiterlijk`, when the Atw moved it there; undefined otherwise. */
export async function findUiterlijkVoorAtw(db: Kysely<Database> | Transaction<Database>, tenantId: string, zaakUuid: string, uiterlijk: string | null): Promise<string | undefined> {
  if (uiterlijk === null) return undefined;
  const row = await db
    .selectFrom('zaak_atw_termijnen')
    .select('uiterlijk_voor_atw')
    .where('tenant_id', '=', tenantId)
    .where('zaak_uuid', '=', zaakUuid)
    .where('uiterlijk', '=', uiterlijk)
    .executeTakeFirst();
  return row?.uiterlijk_voor_atw;
}

/** Records (or forgets) the Awb count behind the legal deadline the workspace just stored, in the same transaction. */
export async function saveUiterlijkVoorAtw(trx: Transaction<Database>, tenantId: string, zaakUuid: string, termijnen: Pick<ZaakTermijnen, 'uiterlijk' | 'uiterlijkVoorAtw'>): Promise<void> {
  if (termijnen.uiterlijk === null || termijnen.uiterlijkVoorAtw === undefined) {
    await trx.deleteFrom('zaak_atw_termijnen').where('tenant_id', '=', tenantId).where('zaak_uuid', '=', zaakUuid).execute();
    return;
  }
  const values = { uiterlijk_voor_atw: termijnen.uiterlijkVoorAtw, uiterlijk: termijnen.uiterlijk };
  await trx
    .insertInto('zaak_atw_termijnen')
    .values({ tenant_id: tenantId, zaak_uuid: zaakUuid, ...values })
    .onConflict((conflict) => conflict.column('zaak_uuid').doUpdateSet(values).where('zaak_atw_termijnen.tenant_id', '=', tenantId))
    .execute();
}
