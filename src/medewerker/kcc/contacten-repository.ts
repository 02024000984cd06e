import { sql, type InferResult, type Kysely, type Selectable } from 'kysely';
import { prepared } from '../../platform/database/prepared.ts';
import type { Database } from '../../platform/database/schema.ts';
import type { KccContactenTable, KccKanaal, KccResultaat } from '../../platform/database/tables/kcc.ts';

/* The only SQL on kcc_contacten: the workspace's own record of each contact. */

export type KccContactRow = Selectable<KccContactenTable>;
export type KccContactMetNummer = KccContactRow & { nummer: string };

export async function insertKccContact(db: Kysely<Database>, values: { tenantId: string; klantcontactUuid: string; agentUserId: string; kanaal: KccKanaal; onderwerp: string; notities: string }): Promise<void> {
  await db
    .insertInto('kcc_contacten')
    .values({
      tenant_id: values.tenantId,
      klantcontact_uuid: values.klantcontactUuid,
      agent_user_id: values.agentUserId,
      kanaal: values.kanaal,
      onderwerp: values.onderwerp,
      notities: values.notities,
    })
    .execute();
}

/** One contact of the tenant; `forUpdate` locks it for a change. */
export async function findKccContact(db: Kysely<Database>, tenantId: string, klantcontactUuid: string, options: { forUpdate?: boolean } = {}): Promise<KccContactRow | undefined> {
  let query = db.selectFrom('kcc_contacten').selectAll().where('tenant_id', '=', tenantId).where('klantcontact_uuid', '=', klantcontactUuid);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** One contact of the tenant with its number in Klantinteracties (as the agent and the resident refer to it). */
export async function findKccContactMetNummer(db: Kysely<Database>, tenantId: string, klantcontactUuid: string): Promise<KccContactMetNummer | undefined> {
  const query = db
    .selectFrom('kcc_contacten')
    .leftJoin('ki_klantcontacten', (join) => join.onRef('ki_klantcontacten.uuid', '=', 'kcc_contacten.klantcontact_uuid').onRef('ki_klantcontacten.tenant_id', '=', 'kcc_contacten.tenant_id'))
    .selectAll('kcc_contacten')
    .select('ki_klantcontacten.nummer')
    .where('kcc_contacten.tenant_id', '=', tenantId)
    .where('kcc_contacten.klantcontact_uuid', '=', klantcontactUuid);
  // Prepared (as the open contacts below): the contact page reads both on every view, always the same text.
  const [row] = (await prepared(sql<InferResult<typeof query>[number]>`${query}`).execute(db)).rows;
  return row ? { ...row, nummer: row.nummer ?? '' } : undefined;
}

/** The agent's open contacts, the oldest first (the order they came in). */
export async function openContactsOf(db: Kysely<Database>, tenantId: string, agentUserId: string): Promise<KccContactRow[]> {
  const query = db
    .selectFrom('kcc_contacten')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('agent_user_id', '=', agentUserId)
    .where('status', '=', 'open')
    .orderBy('geopend_op')
    .orderBy('klantcontact_uuid');
  return (await prepared(sql<KccContactRow>`${query}`).execute(db)).rows;
}

export async function updateNotities(db: Kysely<Database>, tenantId: string, klantcontactUuid: string, notities: string): Promise<void> {
  await db.updateTable('kcc_contacten').set({ notities }).where('tenant_id', '=', tenantId).where('klantcontact_uuid', '=', klantcontactUuid).execute();
}

export async function setPartij(db: Kysely<Database>, tenantId: string, klantcontactUuid: string, partijUuid: string, betrokkeneUuid: string): Promise<void> {
  await db.updateTable('kcc_contacten').set({ partij_uuid: partijUuid, betrokkene_uuid: betrokkeneUuid }).where('tenant_id', '=', tenantId).where('klantcontact_uuid', '=', klantcontactUuid).execute();
}

export async function markClosed(
  db: Kysely<Database>,
  tenantId: string,
  klantcontactUuid: string,
  values: { kanaal: KccKanaal; onderwerp: string; notities: string; resultaat: KccResultaat; toelichting: string; afgehandeldBijEersteContact: boolean; geslotenOp: Date },
): Promise<void> {
  await db
    .updateTable('kcc_contacten')
    .set({
      status: 'gesloten',
      kanaal: values.kanaal,
      onderwerp: values.onderwerp,
      notities: values.notities,
      resultaat: values.resultaat,
      resultaat_toelichting: values.toelichting,
      afgehandeld_bij_eerste_contact: values.afgehandeldBijEersteContact,
      gesloten_op: values.geslotenOp,
    })
    .where('tenant_id', '=', tenantId)
    .where('klantcontact_uuid', '=', klantcontactUuid)
    .execute();
}
