/** Where the Zaken API is mounted. */
export const ZAKEN_ROOT = '/zaken/api/v1';

/** The Zaken API's base URL as the caller reached it, e.g. `https://host/zaken/api/v1`. */
export function zakenBaseUrl(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}${ZAKEN_ROOT}`;
}

/** The absolute URL of one zaak. */
export function zaakUrl(base: string, uuid: string): string {
  return `${base}/zaken/${uuid}`;
}

/**
 * The Catalogi API's base URL beside the Zaken API of the same host: zaaktype, statustype, resultaattype,
 * roltype and eigenschap URLs point there.
 */
export function catalogiBaseUrlFrom(zakenBase: string): string {
  return zakenBase.slice(0, -ZAKEN_ROOT.length) + '/catalogi/api/v1';
}
