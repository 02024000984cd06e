import { ProblemError } from '../../../platform/errors/problem.ts';
import { listResource, retrieveResource } from '../../../components/klantinteracties/shared/resource-service.ts';
import { klantcontacten } from '../../../components/klantinteracties/klantcontacten/service.ts';
import type { KlantcontactJson } from '../../../components/klantinteracties/klantcontacten/present.ts';
import { KLANTINTERACTIES_ROOT } from '../../../components/klantinteracties/shared/urls.ts';
import { listZaakcontactmomentAll } from '../../../components/zaken/zaakcontactmomenten/service.ts';
import { zakenBaseUrl } from '../../../components/zaken/shared/urls.ts';
import type { ZaakSectieContext } from '../../zaken/zaak-sectie.ts';

/*
 * The contacts about a zaak: the klantcontacten of the Klantinteracties data whose onderwerpobject names the zaak
 * (by its uuid or URL, or by its identificatie with objecttype "zaak"), and the zaak's zaakcontactmomenten (Zaken
 * API); a zaakcontactmoment that points at a klantcontact of this Loket is that same contact, listed once. Reading
 * them goes through the Klantinteracties service, which logs the processing of the persons involved.
 */

/** The most contacts listed per zaak (newest first). */
const MAX_CONTACTEN = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One contact as the section shows it. */
export interface ZaakContactmoment {
  /** The klantcontact's uuid, when it is one of this Loket (then the KCC page can be linked). */
  klantcontactUuid: string | undefined;
  kanaal: string;
  plaatsgevondenOp: string | undefined;
  onderwerp: string;
  uitkomst: string;
  /** Who handled it (the actoren), in words. */
  door: string;
  /** A contactmoment of another register: only its address is known here. */
  extern: string | undefined;
}

function uitkomstVan(contact: KlantcontactJson): string {
  const gelukt = contact.indicatieContactGelukt === null ? '' : contact.indicatieContactGelukt ? 'Contact gelukt' : 'Contact niet gelukt';
  return [gelukt, contact.reactie.trim()].filter((part) => part !== '').join(': ');
}

function alsContactmoment(contact: KlantcontactJson): ZaakContactmoment {
  return {
    klantcontactUuid: contact.uuid,
    kanaal: contact.kanaal,
    plaatsgevondenOp: contact.plaatsgevondenOp,
    onderwerp: contact.onderwerp,
    uitkomst: uitkomstVan(contact),
    door: contact.hadBetrokkenActoren.map((actor) => actor.naam).filter((naam) => naam !== '').join(', '),
    extern: undefined,
  };
}

/** The uuid of a klantcontact of this Loket's Klantinteracties API, from its URL. */
function lokaalKlantcontact(url: string): string | undefined {
  const match = new RegExp(`${KLANTINTERACTIES_ROOT}/klantcontacten/([^/?#]+)$`).exec(url);
  return match?.[1] !== undefined && UUID.test(match[1]) ? match[1].toLowerCase() : undefined;
}

/** The contacts about the zaak, newest first. */
export async function listZaakContactmomenten(ctx: ZaakSectieContext): Promise<ZaakContactmoment[]> {
  const deps = { db: ctx.context.database.db, keys: ctx.context.keys };
  const caller = ctx.zaken.caller;
  const queries = [
    { onderwerpobject__onderwerpobjectidentificatorObjectId: ctx.zaak.uuid },
    { onderwerpobject__onderwerpobjectidentificatorObjectId: ctx.zaak.url },
    { onderwerpobject__onderwerpobjectidentificatorObjectId: ctx.zaak.identificatie, onderwerpobject__onderwerpobjectidentificatorCodeObjecttype: 'zaak' },
  ];
  const gevonden = new Map<string, KlantcontactJson>();
  for (const query of queries) {
    const page = await listResource(deps, klantcontacten, caller, { ...query, page: 1, pageSize: MAX_CONTACTEN });
    for (const contact of page.results) gevonden.set(contact.uuid, contact);
  }
  const extern: ZaakContactmoment[] = [];
  const zaakcontactmomenten = await listZaakcontactmomentAll(ctx.context.database.db, caller, zakenBaseUrl(ctx.request), { zaak: ctx.zaak.url });
  for (const relatie of zaakcontactmomenten) {
    const lokaal = lokaalKlantcontact(relatie.contactmoment);
    if (lokaal === undefined) {
      extern.push({ klantcontactUuid: undefined, kanaal: '', plaatsgevondenOp: undefined, onderwerp: '', uitkomst: '', door: '', extern: relatie.contactmoment });
      continue;
    }
    if (gevonden.has(lokaal)) continue;
    try {
      gevonden.set(lokaal, await retrieveResource(deps, klantcontacten, caller, lokaal));
    } catch (error) {
      // A zaakcontactmoment may point at a contact that was removed since: it is then not listed.
      if (!(error instanceof ProblemError && error.code === 'not_found')) throw error;
    }
  }
  const lokaal = [...gevonden.values()].sort((a, b) => b.plaatsgevondenOp.localeCompare(a.plaatsgevondenOp)).slice(0, MAX_CONTACTEN).map(alsContactmoment);
  return [...lokaal, ...extern];
}
