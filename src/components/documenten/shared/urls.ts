import { isUuid, uuidFromApiUrl } from '../../besluiten/shared/urls.ts';

/*
 * URLs of the Documenten API and of the APIs beside it on the same host. Relations are stored as uuids, so every URL
 * a response holds follows the host the caller used.
 */

export { isUuid, uuidFromApiUrl };

/** Where the Documenten API is mounted. */
export const DOCUMENTEN_ROOT = '/documenten/api/v1';
const CATALOGI_ROOT = '/catalogi/api/v1';
const ZAKEN_ROOT = '/zaken/api/v1';
const BESLUITEN_ROOT = '/besluiten/api/v1';

/** The API's base URL as the caller reached it, e.g. `https://host/documenten/api/v1`. */
export function documentenBaseUrl(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}${DOCUMENTEN_ROOT}`;
}

function hostPart(base: string): string {
  return base.slice(0, -DOCUMENTEN_ROOT.length);
}

/** The absolute URL of one resource of this API (`collection` as the spec's path names it). */
export function documentenResourceUrl(base: string, collection: string, uuid: string): string {
  return `${base}/${collection}/${uuid}`;
}

/** The absolute URL of one enkelvoudiginformatieobject. */
export function informatieobjectUrl(base: string, uuid: string): string {
  return documentenResourceUrl(base, 'enkelvoudiginformatieobjecten', uuid);
}

/** The Catalogi API's base URL beside this Documenten API. */
export function catalogiBaseFromDocumenten(base: string): string {
  return `${hostPart(base)}${CATALOGI_ROOT}`;
}

/** The informatieobjecttype URL in the Catalogi API beside this Documenten API. */
export function informatieobjecttypeUrl(base: string, uuid: string): string {
  return `${catalogiBaseFromDocumenten(base)}/informatieobjecttypen/${uuid}`;
}

/** The zaak URL in the Zaken API beside this Documenten API. */
export function zaakUrlFromDocumenten(base: string, uuid: string): string {
  return `${hostPart(base)}${ZAKEN_ROOT}/zaken/${uuid}`;
}

/** The besluit URL in the Besluiten API beside this Documenten API. */
export function besluitUrlFromDocumenten(base: string, uuid: string): string {
  return `${hostPart(base)}${BESLUITEN_ROOT}/besluiten/${uuid}`;
}

/** The uuid of an enkelvoudiginformatieobject URL of this API (any host), or null. */
export function informatieobjectUuidFromUrl(url: string): string | null {
  return uuidFromApiUrl(url, DOCUMENTEN_ROOT, 'enkelvoudiginformatieobjecten');
}

/** The uuid of an informatieobjecttype URL of the Catalogi API (any host), or null. */
export function informatieobjecttypeUuidFromUrl(url: string): string | null {
  return uuidFromApiUrl(url, CATALOGI_ROOT, 'informatieobjecttypen');
}

/** The uuid of a zaak URL of the Zaken API (any host), or null. */
export function zaakUuidFromUrl(url: string): string | null {
  return uuidFromApiUrl(url, ZAKEN_ROOT, 'zaken');
}

/** The uuid of a besluit URL of the Besluiten API (any host), or null. */
export function besluitUuidFromUrl(url: string): string | null {
  return uuidFromApiUrl(url, BESLUITEN_ROOT, 'besluiten');
}
