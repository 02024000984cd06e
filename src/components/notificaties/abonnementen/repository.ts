import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { AbonnementKanaal, NotificatiesAbonnementenTable } from '../../../platform/database/tables/notificaties.ts';

/** A stored abonnement (auth still encrypted). */
export type AbonnementRow = Selectable<NotificatiesAbonnementenTable>;

/** What a create or update stores. */
export interface AbonnementValues {
  callbackUrl: string;
  authEncrypted: string;
  kanalen: AbonnementKanaal[];
}

/** The tenant's abonnementen, oldest first. */
export async function listAbonnementen(db: Kysely<Database>, tenantId: string): Promise<AbonnementRow[]> {
  return db.selectFrom('notificaties_abonnementen').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('uuid').execute();
}

/** One abonnement of the tenant. */
export async function findAbonnement(db: Kysely<Database>, tenantId: string, uuid: string): Promise<AbonnementRow | undefined> {
  return db.selectFrom('notificaties_abonnementen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** A tenant's abonnement by key. */
export interface AbonnementKey {
  tenantId: string;
  uuid: string;
}

/**
 * Several abonnementen at once (possibly of several tenants), for deliveries that start together: one statement
 * instead of one per delivery. Each row is returned only for the tenant it was asked for.
 */
export async function findAbonnementen(db: Kysely<Database>, keys: readonly AbonnementKey[]): Promise<AbonnementRow[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('notificaties_abonnementen')
    .selectAll()
    .where('tenant_id', 'in', [...new Set(keys.map((key) => key.tenantId))])
    .where('uuid', 'in', [...new Set(keys.map((key) => key.uuid))])
    .execute();
  const asked = new Set(keys.map((key) => `${key.tenantId}/${key.uuid}`));
  return rows.filter((row) => asked.has(`${row.tenant_id}/${row.uuid}`));
}

/** The tenant's abonnementen that take kanaal `naam` (GIN containment), for the fan-out to filter further. */
export async function abonnementenOnKanaal(db: Kysely<Database>, tenantId: string, naam: string): Promise<Pick<AbonnementRow, 'uuid' | 'kanalen'>[]> {
  return db
    .selectFrom('notificaties_abonnementen')
    .select(['uuid', 'kanalen'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`kanalen @> ${JSON.stringify([{ naam }])}::jsonb`)
    .orderBy('created_at')
    .orderBy('uuid')
    .execute();
}

export async function insertAbonnement(db: Kysely<Database>, tenantId: string, clientId: string, values: AbonnementValues): Promise<AbonnementRow> {
  return db
    .insertInto('notificaties_abonnementen')
    .values({ tenant_id: tenantId, client_id: clientId, callback_url: values.callbackUrl, auth_encrypted: values.authEncrypted, kanalen: JSON.stringify(values.kanalen) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateAbonnement(db: Kysely<Database>, tenantId: string, uuid: string, values: AbonnementValues): Promise<AbonnementRow | undefined> {
  return db
    .updateTable('notificaties_abonnementen')
    .set({ callback_url: values.callbackUrl, auth_encrypted: values.authEncrypted, kanalen: JSON.stringify(values.kanalen), updated_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteAbonnement(db: Kysely<Database>, tenantId: string, uuid: string): Promise<boolean> {
  const result = await db.deleteFrom('notificaties_abonnementen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
