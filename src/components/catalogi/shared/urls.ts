/*
 * Absolute URLs of Catalogi resources. Relations are stored as uuids (or names), so a URL always follows the
 * protocol and host the caller used: the base is `https://host/catalogi/api/v1`.
 */

/** Where the Catalogi API is mounted. */
export const CATALOGI_ROOT = '/catalogi/api/v1';

/** The API's base URL as the caller reached it, e.g. `https://host/catalogi/api/v1`. */
export function catalogiBaseUrl(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}${CATALOGI_ROOT}`;
}

/** The collections of the Catalogi API, as their URL paths name them. */
export type CatalogiCollection =
  | 'catalogussen'
  | 'zaaktypen'
  | 'informatieobjecttypen'
  | 'besluittypen'
  | 'statustypen'
  | 'resultaattypen'
  | 'roltypen'
  | 'eigenschappen'
  | 'zaakobjecttypen'
  | 'zaaktype-informatieobjecttypen';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path segment is a uuid. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The absolute URL of one resource. */
export function resourceUrl(base: string, collection: CatalogiCollection, uuid: string): string {
  return `${base}/${collection}/${uuid}`;
}

/** The absolute URL of one catalogus. */
export function catalogusUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'catalogussen', uuid);
}

/**
 * The uuid a URL names in one collection of this API at this base, or undefined when the URL points elsewhere.
 * By ztc-013, a type never relates to an object of another catalogue endpoint, even the same data under another host.
 */
export function uuidInCollection(base: string, collection: CatalogiCollection, url: string): string | undefined {
  const prefix = `${base}/${collection}/`;
  if (!url.startsWith(prefix)) return undefined;
  const rest = url.slice(prefix.length).replace(/\/$/, '');
  return isUuid(rest) ? rest.toLowerCase() : undefined;
}
