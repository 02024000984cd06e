import type { KlantcontactJson } from '../../components/klantinteracties/klantcontacten/present.ts';
import { klantcontacten } from '../../components/klantinteracties/klantcontacten/service.ts';
import type { KlantCaller, KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import { retrieveResource } from '../../components/klantinteracties/shared/resource-service.ts';
import { ProblemError } from '../../platform/errors/problem.ts';

/*
 * A klantcontact with the person it was with, as the KCC identified them: the betrokkene's partij and its BSN
 * (persoon) or KvK number (organisatie). Read through the Klantinteracties service, which logs the reading of the
 * person's contacts itself.
 */

export interface KlantcontactPersoon {
  soort: 'bsn' | 'kvk';
  identificatie: string;
  naam: string;
}

export interface KlantcontactMetPersoon {
  klantcontact: KlantcontactJson;
  /** None: the contact was anonymous or the person was not identified. */
  persoon?: KlantcontactPersoon;
  /** The name the person gave in the contact, also when not identified. */
  contactnaam: string;
}

/** The klantcontact of the tenant with its identified person, or undefined when it does not exist. */
export async function klantcontactMetPersoon(deps: KlantDeps, caller: KlantCaller, uuid: string): Promise<KlantcontactMetPersoon | undefined> {
  let klantcontact: KlantcontactJson;
  try {
    klantcontact = await retrieveResource(deps, klantcontacten, caller, uuid, { expand: 'hadBetrokkenen.wasPartij' });
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'not_found') return undefined;
    throw error;
  }
  const betrokkenen = klantcontact._expand?.hadBetrokkenen ?? [];
  const contactnaam = betrokkenen.map((betrokkene) => betrokkene.volledigeNaam).find((naam) => naam !== '') ?? '';
  for (const betrokkene of betrokkenen) {
    const partij = betrokkene._expand?.wasPartij;
    if (!partij) continue;
    const identificatie = partij.partijIdentificatie;
    const partijNaam = typeof identificatie.volledigeNaam === 'string' ? identificatie.volledigeNaam : typeof identificatie.naam === 'string' ? identificatie.naam : '';
    const naam = partijNaam !== '' ? partijNaam : betrokkene.volledigeNaam;
    for (const identificator of partij.partijIdentificatoren) {
      const { codeSoortObjectId, objectId } = identificator.partijIdentificator;
      if (codeSoortObjectId === 'bsn' && objectId !== '') return { klantcontact, contactnaam, persoon: { soort: 'bsn', identificatie: objectId, naam } };
      if (codeSoortObjectId === 'kvk_nummer' && objectId !== '') return { klantcontact, contactnaam, persoon: { soort: 'kvk', identificatie: objectId, naam } };
    }
  }
  return { klantcontact, contactnaam };
}
