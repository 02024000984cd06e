import type { ApiCaller } from '../../../platform/auth/api-jwt.ts';
import { typeAccess } from '../../../platform/auth/autorisaties.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';

/*
 * Authorisation in the Documenten API: an application reaches a document (and its gebruiksrechten,
 * objectinformatieobjecten and verzendingen) through an autorisatie for component `drc` naming the document's
 * informatieobjecttype with the scope at hand, up to a maximum vertrouwelijkheidaanduiding, or through
 * heeftAlleAutorisaties. Lists are filtered on the same terms in SQL (see `allowedDocumentTypes`).
 */

/** One informatieobjecttype the caller may use, up to a vertrouwelijkheid rank (1 openbaar … 8 zeer_geheim). */
export interface AllowedDocumentType {
  informatieobjecttypeUuid: string;
  maxRank: number;
}

/** What the access checks need of a document. */
export interface DocumentAccessFacts {
  informatieobjecttype_uuid: string;
  vertrouwelijkheid_rank: number;
}

/** The types (with their maximum rank) the caller may use with `scope`, or undefined when it may use all. */
export function allowedDocumentTypes(caller: ApiCaller, scope: string): AllowedDocumentType[] | undefined {
  const access = typeAccess(caller, 'drc', scope);
  if (access.all) return undefined;
  // An informatieobjecttype outside Loket's catalogue (no uuid in its URL) has no documents here.
  return access.types.flatMap((type) => (type.typeUuid === null ? [] : [{ informatieobjecttypeUuid: type.typeUuid, maxRank: type.maxRank }]));
}

/** Whether the caller holds one of `scopes` for a document of this type and rank. */
export function mayUseDocument(caller: ApiCaller, document: DocumentAccessFacts, scopes: readonly string[]): boolean {
  return scopes.some((scope) => {
    const allowed = allowedDocumentTypes(caller, scope);
    return (
      allowed === undefined ||
      allowed.some((type) => type.informatieobjecttypeUuid === document.informatieobjecttype_uuid && document.vertrouwelijkheid_rank <= type.maxRank)
    );
  });
}

/** 403 unless the caller holds one of `scopes` for this document's type and vertrouwelijkheid. */
export function assertMayUseDocument(caller: ApiCaller, document: DocumentAccessFacts, scopes: readonly string[]): void {
  if (!mayUseDocument(caller, document, scopes)) {
    throw new ProblemError('permission_denied', `Deze actie vereist de scope ${scopes.join(' of ')} voor het informatieobjecttype en de vertrouwelijkheidaanduiding van dit document.`);
  }
}
