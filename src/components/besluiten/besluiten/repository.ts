import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { BESLUITEN_ROOT } from '../shared/urls.ts';
import type { BesluitRow } from './present.ts';

/** The columns a client's body decides (identificatie already generated when the client left it out). */
export interface BesluitValues {
  identificatie: string;
  verantwoordelijke_organisatie: string;
  besluittype_uuid: string;
  zaak_uuid: string | null;
  datum: string;
  toelichting: string;
  bestuursorgaan: string;
  ingangsdatum: string;
  vervaldatum: string | null;
  vervalreden: string;
  publicatiedatum: string | null;
  verzenddatum: string | null;
  uiterlijke_reactiedatum: string | null;
}

/** The columns an update may change: identificatie, organisatie, besluittype and zaak never change. */
export type ChangeableBesluitValues = Omit<BesluitValues, 'identificatie' | 'verantwoordelijke_organisatie' | 'besluittype_uuid' | 'zaak_uuid'>;

/** The list filters, already resolved: a URL filter that names nothing of ours is `null` and matches nothing. */
export interface BesluitFilter {
  identificatie?: string;
  verantwoordelijkeOrganisatie?: string;
  besluittypeUuid?: string | null;
  zaakUuid?: string | null;
  /** The besluittypen the caller may read; undefined when it may read them all. */
  allowedBesluittypen?: readonly string[];
}

type BesluitQuery = SelectQueryBuilder<Database, 'besluiten', object>;

function filtered(db: Kysely<Database>, tenantId: string, filter: BesluitFilter): BesluitQuery {
  let query: BesluitQuery = db.selectFrom('besluiten').where('tenant_id', '=', tenantId);
  if (filter.identificatie !== undefined) query = query.where('identificatie', '=', filter.identificatie);
  if (filter.verantwoordelijkeOrganisatie !== undefined) query = query.where('verantwoordelijke_organisatie', '=', filter.verantwoordelijkeOrganisatie);
  if (filter.besluittypeUuid !== undefined) query = filter.besluittypeUuid === null ? query.where((eb) => eb.val(false)) : query.where('besluittype_uuid', '=', filter.besluittypeUuid);
  if (filter.zaakUuid !== undefined) query = filter.zaakUuid === null ? query.where((eb) => eb.val(false)) : query.where('zaak_uuid', '=', filter.zaakUuid);
  if (filter.allowedBesluittypen !== undefined) {
    const allowed = filter.allowedBesluittypen;
    query = allowed.length === 0 ? query.where((eb) => eb.val(false)) : query.where('besluittype_uuid', 'in', allowed);
  }
  return query;
}

/** One page of the tenant's besluiten matching the filter, newest first (as the reference lists), with the total. */
export async function listBesluiten(
  db: Kysely<Database>,
  tenantId: string,
  filter: BesluitFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: BesluitRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll().orderBy('created_at', 'desc').orderBy('uuid', 'desc').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One besluit of the tenant, or undefined; `forUpdate` locks it until the transaction ends (for a change). */
export async function findBesluit(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<BesluitRow | undefined> {
  const query = db.selectFrom('besluiten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's besluiten with these uuids (for expanding relations of a whole page at once). */
export async function findBesluiten(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<BesluitRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('besluiten').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).execute();
}

/** The besluiten of one zaak of the tenant (its ZAAKBESLUITen), newest first. */
export async function besluitenOfZaak(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<BesluitRow[]> {
  return db
    .selectFrom('besluiten')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('zaak_uuid', '=', zaakUuid)
    .orderBy('created_at', 'desc')
    .orderBy('uuid', 'desc')
    .execute();
}

/** The besluit behind one ZAAKBESLUIT of a zaak, or undefined. */
export async function findBesluitByZaakbesluit(db: Kysely<Database>, tenantId: string, zaakUuid: string, zaakbesluitUuid: string): Promise<BesluitRow | undefined> {
  return db
    .selectFrom('besluiten')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('zaak_uuid', '=', zaakUuid)
    .where('zaakbesluit_uuid', '=', zaakbesluitUuid)
    .executeTakeFirst();
}

/** Whether a besluit of the tenant already has this identificatie within this verantwoordelijke organisatie. */
export async function identificatieTaken(db: Kysely<Database>, tenantId: string, organisatie: string, identificatie: string): Promise<boolean> {
  const row = await db
    .selectFrom('besluiten')
    .select('uuid')
    .where('tenant_id', '=', tenantId)
    .where('verantwoordelijke_organisatie', '=', organisatie)
    .where('identificatie', '=', identificatie)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a new besluit; a besluit with a zaak gets its ZAAKBESLUIT identity at the same time. */
export async function insertBesluit(db: Kysely<Database>, tenantId: string, values: BesluitValues): Promise<BesluitRow> {
  return db
    .insertInto('besluiten')
    .values((eb) => ({ tenant_id: tenantId, ...values, zaakbesluit_uuid: values.zaak_uuid === null ? null : eb.fn<string>('gen_random_uuid') }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Overwrites a besluit's changeable columns; undefined when it is not the tenant's. */
export async function updateBesluit(db: Kysely<Database>, tenantId: string, uuid: string, values: ChangeableBesluitValues): Promise<BesluitRow | undefined> {
  return db.updateTable('besluiten').set(values).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes a besluit; its besluitinformatieobjecten go with it (ON DELETE CASCADE). */
export async function deleteBesluit(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('besluiten').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/**
 * brc-009: a deleted besluit takes its audit trail with it. The trail's records name the besluit by absolute URL,
 * on whichever host each call used, so they are matched on the path.
 */
export async function deleteAuditTrailOfBesluit(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db
    .deleteFrom('audittrail')
    .where('tenant_id', '=', tenantId)
    .where('hoofd_object', 'like', `%${BESLUITEN_ROOT}/besluiten/${uuid}`)
    .execute();
}
