import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { uuidFromResourceUrl } from '../shared/zaak-relation.ts';

/*
 * Where the Zaken API meets the Documenten API. Loket's Documenten API arrives later; until then the rules that
 * need a document (zrc-003 existence, zrc-017 its informatieobjecttype, zrc-005 the mirrored relation) are written
 * against the `Documenten` interface below, and the routes get `DOCUMENTEN_API_PENDING`: the URL form of an
 * informatieobject is checked, its existence and type cannot be yet. When the Documenten API lands, its service
 * implements this interface and is handed in where the Zaken routes are registered.
 */

/** The collection whose members a zaak may relate to (an ENKELVOUDIGINFORMATIEOBJECT of a Documenten API). */
export const ENKELVOUDIGINFORMATIEOBJECTEN = '/documenten/api/v1/enkelvoudiginformatieobjecten';

/** What the Zaken API needs to know of an ENKELVOUDIGINFORMATIEOBJECT. */
export interface InformatieobjectFacts {
  informatieobjecttypeUuid: string;
}

/** A relation between a zaak and an informatieobject, by their uuids. */
export interface ZaakInformatieobjectLink {
  zaakUuid: string;
  informatieobjectUuid: string;
}

/** The Documenten API, as far as the Zaken API uses it. */
export interface Documenten {
  /**
   * zrc-003: the tenant's informatieobject with this uuid (its facts), `null` when it does not exist, or
   * `'niet-te-controleren'` while no Documenten API can tell. `url` is the URL the relation names, for a document
   * of another Documenten API (Loket's own is ../../documenten/local-documenten.ts).
   */
  findInformatieobject(db: Kysely<Database>, tenantId: string, uuid: string, url?: string): Promise<InformatieobjectFacts | null | 'niet-te-controleren'>;
  /** zrc-005: mirror a new zaak relation as OBJECTINFORMATIEOBJECT (objectType `zaak`), in the caller's transaction. */
  linkZaak(trx: Kysely<Database>, tenantId: string, link: ZaakInformatieobjectLink): Promise<void>;
  /** zrc-005: remove the mirrored OBJECTINFORMATIEOBJECT when the relation goes, in the caller's transaction. */
  unlinkZaak(trx: Kysely<Database>, tenantId: string, link: ZaakInformatieobjectLink): Promise<void>;
}

/** The stand-in until the Documenten API exists: nothing can be verified, nothing needs mirroring. */
export const DOCUMENTEN_API_PENDING: Documenten = {
  findInformatieobject: async () => 'niet-te-controleren',
  linkZaak: async () => undefined,
  unlinkZaak: async () => undefined,
};

/** The uuid of an informatieobject URL (`…/documenten/api/v1/enkelvoudiginformatieobjecten/<uuid>`, any host), or null. */
export function informatieobjectUuid(url: string): string | null {
  return uuidFromResourceUrl(url, ENKELVOUDIGINFORMATIEOBJECTEN);
}

/** zrc-003, the part a URL shows: it must name an enkelvoudig informatieobject of a Documenten API. */
export function informatieobjectUrlProblems(url: string): InvalidParam[] {
  return informatieobjectUuid(url) === null ? [informatieobjectUrlProblem()] : [];
}

/** The informatieobject URL names no (existing) enkelvoudig informatieobject (`bad-url`). */
export function informatieobjectUrlProblem(): InvalidParam {
  return { name: 'informatieobject', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand enkelvoudig informatieobject van een Documenten API.' };
}
