import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../src/platform/database/schema.ts';
import type { Keys } from '../src/platform/crypto/keys.ts';
import { traceFromHeader } from '../src/platform/http/trace-context.ts';
import type { KlantCaller } from '../src/components/klantinteracties/shared/caller.ts';
import { KLANTINTERACTIES_ROOT } from '../src/components/klantinteracties/shared/urls.ts';
import { partijen } from '../src/components/klantinteracties/partijen/service.ts';
import { maakKlantcontact } from '../src/components/klantinteracties/maak-klantcontact/service.ts';
import { createResource } from '../src/components/klantinteracties/shared/resource-service.ts';
import { hostOf } from './fixtures.ts';

/*
 * A klantcontact as the KCC registers it, made through the Klantinteracties services (the KCC screen is built
 * elsewhere): a partij identified by BSN or KvK number, the contact in a channel, the partij as its betrokkene.
 */

/** A KCC staff member as caller of the Klantinteracties services for this tenant. */
export function kccCaller(tenant: Tenant): KlantCaller {
  return { tenant: { id: tenant.id }, trace: traceFromHeader(undefined), apiCaller: undefined, staff: { roles: ['kcc'] }, protocol: 'http', host: hostOf(tenant), url: KLANTINTERACTIES_ROOT };
}

export interface KlantcontactFixture {
  klantcontactUuid: string;
  partijUuid?: string;
}

/** Registers a contact; with `bsn` or `kvk` the person is identified, without it the contact is anonymous. */
export async function registreerKlantcontact(
  deps: { db: Kysely<Database>; keys: Pick<Keys, 'pseudonymise'> },
  tenant: Tenant,
  options: { kanaal: string; onderwerp?: string; inhoud?: string; bsn?: string; kvk?: string; voornaam?: string; achternaam?: string; naam?: string } ,
): Promise<KlantcontactFixture> {
  const caller = kccCaller(tenant);
  let partijUuid: string | undefined;
  if (options.bsn !== undefined) {
    const partij = await createResource(deps, partijen, caller, {
      soortPartij: 'persoon',
      indicatieActief: true,
      partijIdentificatie: { contactnaam: { voornaam: options.voornaam ?? 'Fatima', achternaam: options.achternaam ?? 'El Amrani' } },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: options.bsn, codeRegister: 'brp' } }],
    });
    partijUuid = partij.uuid;
  } else if (options.kvk !== undefined) {
    const partij = await createResource(deps, partijen, caller, {
      soortPartij: 'organisatie',
      indicatieActief: true,
      partijIdentificatie: { naam: options.naam ?? 'Bakkerij De Korenschoof' },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'niet_natuurlijk_persoon', codeSoortObjectId: 'kvk_nummer', objectId: options.kvk, codeRegister: 'hr' } }],
    });
    partijUuid = partij.uuid;
  }
  const made = await maakKlantcontact(deps, caller, {
    klantcontact: { kanaal: options.kanaal, onderwerp: options.onderwerp ?? 'Vraag over afval', inhoud: options.inhoud ?? 'De container is niet geleegd.', taal: 'nld', vertrouwelijk: false, indicatieContactGelukt: true },
    ...(partijUuid ? { betrokkene: { wasPartij: { uuid: partijUuid }, rol: 'klant', initiator: true, contactnaam: { voornaam: options.voornaam ?? 'Fatima', achternaam: options.achternaam ?? 'El Amrani' } } } : {}),
  } as Parameters<typeof maakKlantcontact>[2]);
  return { klantcontactUuid: made.klantcontact.uuid, ...(partijUuid ? { partijUuid } : {}) };
}
