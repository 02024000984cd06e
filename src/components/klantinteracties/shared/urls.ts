/** Where the Klantinteracties API is mounted (the spec's `servers`). */
export const KLANTINTERACTIES_ROOT = '/klantinteracties/api/v1';

/** The version of the specification Loket implements (its `info.version`), sent as `API-version`. */
export const KLANTINTERACTIES_API_VERSION = '0.9.0';

/** The path segments of the API's resources. */
export type KlantResource =
  | 'partijen'
  | 'partij-identificatoren'
  | 'digitaleadressen'
  | 'rekeningnummers'
  | 'vertegenwoordigingen'
  | 'klantcontacten'
  | 'betrokkenen'
  | 'onderwerpobjecten'
  | 'bijlagen'
  | 'actoren'
  | 'actorklantcontacten'
  | 'internetaken'
  | 'categorieen'
  | 'categorie-relaties';

/** The API's base URL as the caller reached it, e.g. `https://host/klantinteracties/api/v1`. */
export function klantinteractiesBaseUrl(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}${KLANTINTERACTIES_ROOT}`;
}

/** The absolute URL of one resource. */
export function resourceUrl(base: string, resource: KlantResource, uuid: string): string {
  return `${base}/${resource}/${uuid}`;
}

/** The spec's `…ForeignKey` shape: `{ uuid, url }`. */
export interface ForeignKey {
  uuid: string;
  url: string;
}

/** A reference to another resource, as every `…ForeignKey` presents it. */
export function foreignKey(base: string, resource: KlantResource, uuid: string): ForeignKey {
  return { uuid, url: resourceUrl(base, resource, uuid) };
}

/** A reference, or null when there is none. */
export function optionalForeignKey(base: string, resource: KlantResource, uuid: string | null): ForeignKey | null {
  return uuid === null ? null : foreignKey(base, resource, uuid);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID (anything else cannot name a row, and must not reach a uuid column). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The uuid at the end of a URL of this resource (any host: the filters compare by identity), or undefined. */
export function uuidFromUrl(url: string, resource: KlantResource): string | undefined {
  const match = /\/([^/?#]+)\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url);
  if (!match || match[1] !== resource || match[2] === undefined) return undefined;
  return isUuid(match[2]) ? match[2].toLowerCase() : undefined;
}
