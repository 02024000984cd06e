/*
 * URLs of the Besluiten API and of the APIs beside it on the same host. Relations are stored as uuids, so every URL
 * a response holds follows the host the caller used.
 */

/** Where the Besluiten API is mounted. */
export const BESLUITEN_ROOT = '/besluiten/api/v1';

const CATALOGI_ROOT = '/catalogi/api/v1';
const ZAKEN_ROOT = '/zaken/api/v1';
const DOCUMENTEN_ROOT = '/documenten/api/v1';

/** The API's base URL as the caller reached it, e.g. `https://host/besluiten/api/v1`. */
export function besluitenBaseUrl(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}${BESLUITEN_ROOT}`;
}

function hostPart(besluitenBase: string): string {
  return besluitenBase.slice(0, -BESLUITEN_ROOT.length);
}

/** The absolute URL of one besluit. */
export function besluitUrl(base: string, uuid: string): string {
  return `${base}/besluiten/${uuid}`;
}

/** The absolute URL of one besluitinformatieobject. */
export function besluitinformatieobjectUrl(base: string, uuid: string): string {
  return `${base}/besluitinformatieobjecten/${uuid}`;
}

/** The Catalogi API's base URL beside this Besluiten API. */
export function catalogiBaseFromBesluiten(base: string): string {
  return `${hostPart(base)}${CATALOGI_ROOT}`;
}

/** The besluittype URL in the Catalogi API beside this Besluiten API. */
export function besluittypeUrl(base: string, uuid: string): string {
  return `${catalogiBaseFromBesluiten(base)}/besluittypen/${uuid}`;
}

/** The Zaken API's base URL beside this Besluiten API. */
export function zakenBaseFromBesluiten(base: string): string {
  return `${hostPart(base)}${ZAKEN_ROOT}`;
}

/** The zaak URL in the Zaken API beside this Besluiten API. */
export function zaakUrlFromBesluiten(base: string, uuid: string): string {
  return `${zakenBaseFromBesluiten(base)}/zaken/${uuid}`;
}

/** The enkelvoudiginformatieobject URL in the Documenten API beside this Besluiten API. */
export function informatieobjectUrl(base: string, uuid: string): string {
  return `${hostPart(base)}${DOCUMENTEN_ROOT}/enkelvoudiginformatieobjecten/${uuid}`;
}

/** The Besluiten API's base URL beside another API of the same host (e.g. the Zaken API, for ZAAKBESLUIT). */
export function besluitenBaseUrlBeside(otherBase: string, otherRoot: string): string {
  return `${otherBase.slice(0, -otherRoot.length)}${BESLUITEN_ROOT}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value can be a resource uuid at all (anything else is a 404 or a bad URL without a query). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The uuid at the end of a URL whose path is `<root>/<collection>/<uuid>`, on any host (clients may know us by
 * another name); null for anything else.
 */
export function uuidFromApiUrl(url: string, root: string, collection: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return null;
  }
  const prefix = `${root}/${collection}/`;
  if (!path.startsWith(prefix)) return null;
  const last = path.slice(prefix.length);
  return UUID.test(last) ? last.toLowerCase() : null;
}

/** The uuid of a besluit URL of this Besluiten API, or null. */
export function besluitUuidFromUrl(url: string): string | null {
  return uuidFromApiUrl(url, BESLUITEN_ROOT, 'besluiten');
}

/** The uuid of a besluittype URL of the Catalogi API, or null. */
export function besluittypeUuidFromUrl(url: string): string | null {
  return uuidFromApiUrl(url, CATALOGI_ROOT, 'besluittypen');
}

/** The uuid of an enkelvoudiginformatieobject URL of the Documenten API, or null. */
export function informatieobjectUuidFromUrl(url: string): string | null {
  return uuidFromApiUrl(url, DOCUMENTEN_ROOT, 'enkelvoudiginformatieobjecten');
}
