import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZakenTable } from '../../../platform/database/tables/zaken.ts';
import type { ApiCaller } from '../../../platform/auth/api-jwt.ts';
import { mayAccess, typeAccess, uuidFromUrl } from '../../../platform/auth/autorisaties.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { ZAKEN_ROOT } from './urls.ts';

/*
 * What every resource attached to a zaak (status, resultaat, rol, zaakobject, besluit, …) needs: turn the `zaak`
 * URL of a request body or filter into the tenant's zaak, check the caller may touch it, and guard closed zaken.
 */

export type ZaakRow = Selectable<ZakenTable>;

/** The uuid of a zaak URL of this Zaken API (any host), or null when the URL is not one. */
export function zaakUuidFromUrl(url: string): string | null {
  try {
    const path = new URL(url).pathname;
    if (!path.startsWith(`${ZAKEN_ROOT}/zaken/`)) return null;
  } catch {
    return null;
  }
  return uuidFromUrl(url);
}

/** The tenant's zaak with this uuid, or undefined. */
export async function findZaakRow(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakRow | undefined> {
  return db.selectFrom('zaken').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/**
 * Whether the caller may use `scope` on this zaak: heeftAlleAutorisaties, or an autorisatie for its zaaktype
 * with a maximum vertrouwelijkheidaanduiding at or above the zaak's.
 */
export function mayUseZaak(caller: ApiCaller, zaak: Pick<ZaakRow, 'zaaktype_uuid' | 'vertrouwelijkheidaanduiding'>, scope: string): boolean {
  return mayAccess(typeAccess(caller, 'zrc', scope), { uuid: zaak.zaaktype_uuid }, zaak.vertrouwelijkheidaanduiding);
}

/** 403 unless the caller may use `scope` on this zaak. */
export function assertMayUseZaak(caller: ApiCaller, zaak: Pick<ZaakRow, 'zaaktype_uuid' | 'vertrouwelijkheidaanduiding'>, scope: string): void {
  if (!mayUseZaak(caller, zaak, scope)) throw new ProblemError('permission_denied', `Deze actie vereist de scope ${scope} voor het zaaktype en de vertrouwelijkheid van deze zaak.`);
}

/**
 * zrc-007: a closed zaak (einddatum set) may only be changed, and get new statussen, resultaten,
 * rollen and other relations, by a caller with `zaken.geforceerd-bijwerken` for it.
 */
export function assertZaakOpenOrForced(caller: ApiCaller, zaak: Pick<ZaakRow, 'einddatum' | 'zaaktype_uuid' | 'vertrouwelijkheidaanduiding'>): void {
  if (zaak.einddatum === null) return;
  if (mayUseZaak(caller, zaak, 'zaken.geforceerd-bijwerken')) return;
  throw new ProblemError('permission_denied', 'De zaak is afgesloten; wijzigen vereist de scope zaken.geforceerd-bijwerken.');
}
