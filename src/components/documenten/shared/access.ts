import type { ApiCaller } from '../../../platform/auth/api-jwt.ts';
import { typeAccess } from '../../../platform/auth/autorisaties.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';

/*
 * Authorisation in the Documenten API: an application reaches a document (and its gebruiksrechten,
 * objectinformatieobjecten and verzendingen) through an autorisatie for component `drc` naming the document's
 * informatieobjecttype with the scope at hand, up to a maximum vertrouwelijkheidaanduiding, or through
 * heeftAlleAutorisaties. Lists are filtered on the same terms in SQL (see `documentAccess`).
 *
 * An applicatie marked alleenIsGereedVoorPublicatie (Autorisaties API 1.1) "mag alleen documenten lezen met waarde
 * `true` voor `isGereedVoorPublicatie`". For such a caller any other document does not exist: it is left out of
 * every list and answers 404, whatever the operation, and so are the relation resources and the audit trail that
 * expose it. The standard says nothing of writes; Loket takes the strict reading that such an applicatie cannot
 * create a document it may not read, nor change one into it (a 403, see `assertStaysReadable`), since its own
 * response would show what it may not see and it would lose sight of what it wrote.
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

/** Which documents a caller may reach with one scope, as the SQL filters of the lists need it. */
export interface DocumentAccess {
  /** The types (with their maximum rank); undefined when the caller may use all. */
  types: readonly AllowedDocumentType[] | undefined;
  /** Only documents whose current version is gereed voor publicatie. */
  alleenGereedVoorPublicatie: boolean;
}

/** What the caller may reach with `scope`: its types and the gereed voor publicatie rule. */
export function documentAccess(caller: ApiCaller, scope: string): DocumentAccess {
  return { types: allowedDocumentTypes(caller, scope), alleenGereedVoorPublicatie: caller.alleenIsGereedVoorPublicatie };
}

/** Whether a document (or one version of it) with this isGereedVoorPublicatie exists for the caller at all. */
export function seesDocument(caller: ApiCaller, isGereedVoorPublicatie: boolean | null | undefined): boolean {
  return !caller.alleenIsGereedVoorPublicatie || isGereedVoorPublicatie === true;
}

/** 403 when a write would leave a document (its new version) that the caller may not read. */
export function assertStaysReadable(caller: ApiCaller, isGereedVoorPublicatie: unknown): void {
  if (seesDocument(caller, isGereedVoorPublicatie === true)) return;
  throw new ProblemError(
    'permission_denied',
    'Deze applicatie mag alleen documenten lezen die gereed zijn voor publicatie: zij kan alleen documenten aanmaken of wijzigen met isGereedVoorPublicatie true.',
  );
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
