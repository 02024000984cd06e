import type { FastifyRequest } from 'fastify';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalidParamsFromValidation } from '../../../platform/http/error-handler.ts';
import { CATALOGI_BIJWERKEN, CATALOGI_LEZEN, CATALOGI_SCHRIJVEN, CATALOGI_VERWIJDEREN } from '../scopes.ts';

/*
 * Route policies shared by zaaktypen, informatieobjecttypen and besluittypen, as their security sections say.
 */

/** Reading: `catalogi.lezen` or, by ztc-014, the Zaken/Documenten read scopes. */
export const READ = { scopes: [], anyOfScopes: CATALOGI_LEZEN } as const;

/** Creating and publishing: `catalogi.schrijven`. */
export const CREATE = { scopes: CATALOGI_SCHRIJVEN } as const;

/** PUT and PATCH: `catalogi.schrijven` or `catalogi.geforceerd-schrijven` (a correctie). */
export const UPDATE = { scopes: [], anyOfScopes: CATALOGI_BIJWERKEN } as const;

/** DELETE: `catalogi.schrijven` or `catalogi.geforceerd-verwijderen`. */
export const DELETE = { scopes: [], anyOfScopes: CATALOGI_VERWIJDEREN } as const;

/**
 * The body's schema problems, kept on the request by `attachValidation`, for the service to list together with the
 * rules only it can check. A failure outside the body (path, query string) is thrown the platform's way.
 */
export function bodySchemaProblems(request: FastifyRequest): InvalidParam[] {
  const failed = request.validationError;
  if (!failed) return [];
  if (failed.validationContext !== 'body') throw failed;
  return invalidParamsFromValidation(failed.validation as Parameters<typeof invalidParamsFromValidation>[0], 'body');
}
