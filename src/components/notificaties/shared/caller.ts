import type { FastifyRequest } from 'fastify';
import { besluitenCaller, type BesluitenCaller } from '../../besluiten/shared/caller.ts';

export { assertValidBody, isUniqueViolation } from '../../../platform/zgw/request-body.ts';

/** Who asks, in which tenant, through which URL: what the Notificaties services need from an API request. */
export type NotificatiesCaller = BesluitenCaller;

/** The caller of a Notificaties API route (its scopes policy guarantees a verified token). */
export function notificatiesCaller(request: FastifyRequest): NotificatiesCaller {
  return besluitenCaller(request);
}
