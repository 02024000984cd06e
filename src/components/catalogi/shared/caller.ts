import type { AuditRequest } from '../../../platform/audit/request.ts';

/*
 * Who changes the catalogue. An API client is limited by its scopes; Loket's own staff screens and the command
 * line (catalogue import, demo seed) act without a JWT, as the reference implementation's admin and management
 * commands do, and may therefore make corrections (correcties) the way `catalogi.geforceerd-*` allows.
 */

/** Scope that allows a correctie on a published type (Catalogi 1.2+, "Correctie"). */
export const GEFORCEERD_SCHRIJVEN = 'catalogi.geforceerd-schrijven';

/** Scope that allows deleting a published type. */
export const GEFORCEERD_VERWIJDEREN = 'catalogi.geforceerd-verwijderen';

/** What the Catalogi services need to know about the caller: the tenant, the audit identity and the scopes. */
export interface CatalogiCaller extends AuditRequest {
  apiCaller: (NonNullable<AuditRequest['apiCaller']> & { scopes: readonly string[]; heeftAlleAutorisaties: boolean }) | undefined;
}

function holds(caller: CatalogiCaller, scope: string): boolean {
  if (!caller.apiCaller) return true;
  return caller.apiCaller.heeftAlleAutorisaties || caller.apiCaller.scopes.includes(scope);
}

/** Whether the caller may correct a published type (PUT/PATCH with `catalogi.geforceerd-schrijven`). */
export function mayForceWrite(caller: CatalogiCaller): boolean {
  return holds(caller, GEFORCEERD_SCHRIJVEN);
}

/** Whether the caller may delete a published type (`catalogi.geforceerd-verwijderen`). */
export function mayForceDelete(caller: CatalogiCaller): boolean {
  return holds(caller, GEFORCEERD_VERWIJDEREN);
}
