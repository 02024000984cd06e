import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { KlantCaller } from '../../components/klantinteracties/shared/caller.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import { createResource } from '../../components/klantinteracties/shared/resource-service.ts';
import { onderwerpobjecten } from '../../components/klantinteracties/onderwerpobjecten/service.ts';

/*
 * What a klantcontact was about, in Klantinteracties: the zaak made in it, as an onderwerpobject whose identificator
 * is the zaak's URL in the Zaken API, so an external KCC tool finds the zaak from the contact.
 */

export const ZAAK_ONDERWERP = { codeObjecttype: 'zaak', codeRegister: 'zaken-api', codeSoortObjectId: 'url' } as const;

/** Records that the klantcontact led to the zaak (in the caller's transaction when `db` is one). */
export async function koppelZaak(db: Kysely<Database>, keys: Pick<Keys, 'pseudonymise'>, caller: KlantCaller, klantcontactUuid: string, zaakUrl: string): Promise<void> {
  await createResource({ db, keys }, onderwerpobjecten, caller, { klantcontact: { uuid: klantcontactUuid }, onderwerpobjectidentificator: { ...ZAAK_ONDERWERP, objectId: zaakUrl } });
}
