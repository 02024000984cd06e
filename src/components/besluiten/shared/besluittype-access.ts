import type { ApiCaller } from '../../../platform/auth/api-jwt.ts';
import { typeAccess } from '../../../platform/auth/autorisaties.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';

/*
 * Authorisation in the Besluiten API: an application reaches a besluit (and its besluitinformatieobjecten) through an
 * autorisatie for component `brc` naming the besluit's besluittype with the scope at hand, or through
 * heeftAlleAutorisaties. A besluit has no vertrouwelijkheidaanduiding, so only the type counts.
 */

/** The besluittype uuids the caller may use with `scope`, or undefined when it may use them all. */
export function allowedBesluittypen(caller: ApiCaller, scope: string): string[] | undefined {
  const access = typeAccess(caller, 'brc', scope);
  if (access.all) return undefined;
  // A besluittype outside Loket's catalogue (no uuid in its URL) has no besluiten here.
  return access.types.flatMap((type) => (type.typeUuid === null ? [] : [type.typeUuid]));
}

/** Whether the caller holds one of `scopes` for this besluittype. */
export function mayUseBesluittype(caller: ApiCaller, besluittypeUuid: string, scopes: readonly string[]): boolean {
  return scopes.some((scope) => {
    const allowed = allowedBesluittypen(caller, scope);
    return allowed === undefined || allowed.includes(besluittypeUuid.toLowerCase());
  });
}

/** 403 unless the caller holds one of `scopes` for this besluittype. */
export function assertMayUseBesluittype(caller: ApiCaller, besluittypeUuid: string, scopes: readonly string[]): void {
  if (!mayUseBesluittype(caller, besluittypeUuid, scopes)) {
    throw new ProblemError('permission_denied', `Deze actie vereist de scope ${scopes.join(' of ')} voor het besluittype van dit besluit.`);
  }
}
