import { isUuid } from '../../besluiten/shared/urls.ts';

/** Where the Notificaties API is mounted. */
export const NOTIFICATIES_ROOT = '/notificaties/api/v1';

export { isUuid };

/** The API's base URL as the caller reached it, e.g. `https://host/notificaties/api/v1`. */
export function notificatiesBaseUrl(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}${NOTIFICATIES_ROOT}`;
}

/** The absolute URL of one kanaal. */
export function kanaalUrl(base: string, uuid: string): string {
  return `${base}/kanaal/${uuid}`;
}

/** The absolute URL of one abonnement. */
export function abonnementUrl(base: string, uuid: string): string {
  return `${base}/abonnement/${uuid}`;
}
