import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { typeAccess } from '../../../platform/auth/autorisaties.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { recordAudit, type AuditActie, type AuditBody } from '../../../platform/audit/record.ts';
import { auditEntryFromRequest } from '../../../platform/audit/request.ts';
import { publishNotificatie } from '../../../platform/zgw/notificatie.ts';
import { zakenCaller, type ZakenCaller } from './caller.ts';
import { catalogiBaseUrlFrom, zaakUrl } from './urls.ts';
import { assertMayUseZaak, assertZaakOpenOrForced, findZaakRow, mayUseZaak, zaakUuidFromUrl, type ZaakRow } from './zaak-reference.ts';

/*
 * What every resource hanging off a zaak (zaakobjecten, zaakinformatieobjecten, zaakeigenschappen, klantcontacten,
 * zaakcontactmomenten, zaakverzoeken, zaaknotities) does the same way: who asks, which zaken a list may show (in
 * SQL), who may change a zaak's relations, and the audit record plus notification every change leaves. It lives
 * beside zaakobjecten because those resource folders are what this part of the Zaken API owns; its natural home
 * is ../shared/.
 */

/** Who asks, in which tenant, through which URL: the Zaken API's caller (../shared/caller.ts). */
export type RelationCaller = ZakenCaller;

/** The caller of an API route (its scopes policy guarantees a verified token). */
export const relationCaller = zakenCaller;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path parameter can be a resource uuid at all (anything else is a 404 without a query). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The uuid of a URL whose path is `<collection>/<uuid>` (any host, as ZGW clients may use another name for us). */
export function uuidFromResourceUrl(url: string, collection: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return null;
  }
  const prefix = `${collection}/`;
  if (!path.startsWith(prefix)) return null;
  const last = path.slice(prefix.length);
  return UUID.test(last) ? last.toLowerCase() : null;
}

/** The tenant's zaak a `zaak` URL of a request body points to, or undefined (then `zaakUrlProblem` applies). */
export async function zaakByUrl(db: Kysely<Database>, tenantId: string, url: string): Promise<ZaakRow | undefined> {
  const uuid = zaakUuidFromUrl(url);
  return uuid ? findZaakRow(db, tenantId, uuid) : undefined;
}

/** A body field that should point to a zaak of this tenant and does not (`bad-url`, as the reference implementation). */
export function zaakUrlProblem(name = 'zaak'): InvalidParam {
  return { name, code: 'bad-url', reason: 'De URL verwijst niet naar een bestaande zaak.' };
}

/** The zaak a stored relation belongs to (the foreign key guarantees it exists). */
export async function zaakOfRelation(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<ZaakRow> {
  const zaak = await findZaakRow(db, tenantId, zaakUuid);
  if (!zaak) throw new Error(`zaak ${zaakUuid} of a stored relation does not exist`);
  return zaak;
}

/**
 * The zaken of the tenant the caller may read (zrc-006: the zaaktype is in its autorisaties with a maximum
 * vertrouwelijkheidaanduiding at or above the zaak's), as a subquery for `zaak_uuid IN (…)`; undefined when the
 * caller may read them all, so lists of such callers need no join at all.
 */
export function readableZaken(db: Kysely<Database>, caller: Pick<RelationCaller, 'apiCaller' | 'tenant'>) {
  const access = typeAccess(caller.apiCaller, 'zrc', 'zaken.lezen');
  if (access.all) return undefined;
  // A zaaktype outside Loket's catalogue (no uuid) has no zaken here.
  const allowed = access.types.flatMap((type) => (type.typeUuid === null ? [] : [{ zaaktype: type.typeUuid, maxRank: type.maxRank }]));
  return db
    .selectFrom('zaken')
    .select('zaken.uuid')
    .where('zaken.tenant_id', '=', caller.tenant.id)
    .where((eb) => eb.or(allowed.map((type) => eb.and([eb('zaken.zaaktype_uuid', '=', type.zaaktype), eb('zaken.vertrouwelijkheid_rank', '<=', type.maxRank)]))));
}

/** The zaken a caller may read, as `readableZaken` builds them, for the relation repositories. */
export type ReadableZaken = ReturnType<typeof readableZaken>;

/** 403 unless the caller may read this zaak (zaken.lezen for its zaaktype and vertrouwelijkheid). */
export function assertMayReadZaak(caller: Pick<RelationCaller, 'apiCaller'>, zaak: ZaakRow): void {
  assertMayUseZaak(caller.apiCaller, zaak, 'zaken.lezen');
}

/**
 * 403 unless the caller holds one of `scopes` (the operation's `a | b | c`) for this zaak's zaaktype and
 * vertrouwelijkheid (zrc-006), and, when the zaak is closed, zaken.geforceerd-bijwerken (zrc-007: a closed zaak's
 * related data changes only for correction).
 */
export function assertMayChangeZaak(caller: Pick<RelationCaller, 'apiCaller'>, zaak: ZaakRow, scopes: readonly string[]): void {
  if (!scopes.some((scope) => mayUseZaak(caller.apiCaller, zaak, scope))) {
    throw new ProblemError('permission_denied', `Deze actie vereist een van de scopes ${scopes.join(', ')} voor het zaaktype en de vertrouwelijkheid van deze zaak.`);
  }
  assertZaakOpenOrForced(caller.apiCaller, zaak);
}

/**
 * A zaak that is archived (or transferred) gets no new or changed relations: the reference implementation refuses
 * them with `zaak-archiefstatus-invalid` while `archiefstatus` is anything but nog_te_archiveren.
 */
export function archiefstatusProblem(zaak: Pick<ZaakRow, 'archiefstatus'>): InvalidParam | undefined {
  if (zaak.archiefstatus === 'nog_te_archiveren') return undefined;
  return {
    name: 'nonFieldErrors',
    code: 'zaak-archiefstatus-invalid',
    reason: "De archiefstatus van de zaak staat dit niet toe: die moet 'nog_te_archiveren' zijn.",
  };
}

/** An immutable field whose value a client tried to change (`wijzigen-niet-toegelaten`, as vng-api-common names it). */
export function immutableProblem(name: string): InvalidParam {
  return { name, code: 'wijzigen-niet-toegelaten', reason: 'Dit veld mag niet gewijzigd worden.' };
}

/** The kenmerken of kanaal `zaken` (bronorganisatie, zaaktype, vertrouwelijkheidaanduiding) for this zaak. */
export function zaakKenmerken(zaak: ZaakRow, base: string): Record<string, string> {
  return {
    bronorganisatie: zaak.bronorganisatie,
    zaaktype: `${catalogiBaseUrlFrom(base)}/zaaktypen/${zaak.zaaktype_uuid}`,
    vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding,
  };
}

/** One change to a relation of a zaak, as its audit record and notification describe it. */
export interface RelationChange {
  actie: AuditActie;
  /** HTTP status of the response. */
  resultaat: number;
  /** The resource name as the standard's notifications use it, e.g. `zaakobject`. */
  resource: string;
  resourceUrl: string;
  resourceWeergave: string;
  oud?: AuditBody | null;
  nieuw?: AuditBody | null;
}

/**
 * Records a change in the zaak's audit trail (bron zrc, hoofdObject the zaak) and publishes it on kanaal `zaken`
 * with the zaak's kenmerken, both in the transaction that makes the change.
 */
export async function recordRelationChange(trx: Transaction<Database>, caller: RelationCaller, zaak: ZaakRow, base: string, change: RelationChange): Promise<void> {
  const hoofdObject = zaakUrl(base, zaak.uuid);
  await recordAudit(trx, auditEntryFromRequest(caller, { bron: 'zrc', hoofdObject, ...change }));
  await publishNotificatie(trx, caller.tenant.id, {
    kanaal: 'zaken',
    hoofdObject,
    resource: change.resource,
    resourceUrl: change.resourceUrl,
    actie: change.actie,
    kenmerken: zaakKenmerken(zaak, base),
  });
}

/** Splits an `expand` value into its names (comma-separated, blanks ignored, each once). */
export function expandNames(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [...new Set(value.split(',').map((name) => name.trim()).filter((name) => name !== ''))];
}

export { assertValidBody, isUniqueViolation } from '../../../platform/zgw/request-body.ts';
