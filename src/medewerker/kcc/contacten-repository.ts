import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { KccContactenTable, KccKanaal, KccResultaat } from '../../platform/database/tables/kcc.ts';

/* The only SQL on kcc_contacten: the workspace's own record of each contact. */

export type KccContactRow = Selectable<KccContactenTable>;

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

/** The agent's open contacts, the oldest first (the order they came in). */
export async function openContactsOf(db: Kysely<Database>, tenantId: string, agentUserId: string): Promise<KccContactRow[]> {
  return db
    .selectFrom('kcc_contacten')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('agent_user_id', '=', agentUserId)
    .where('status', '=', 'open')
    .orderBy('geopend_op')
    .orderBy('klantcontact_uuid')
    .execute();
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

/** The klantcontact's number in Klantinteracties, as the agent and the resident refer to it. */
export async function klantcontactNummer(db: Kysely<Database>, tenantId: string, klantcontactUuid: string): Promise<string> {
  const row = await db.selectFrom('ki_klantcontacten').select('nummer').where('tenant_id', '=', tenantId).where('uuid', '=', klantcontactUuid).executeTakeFirst();
  return row?.nummer ?? '';
}
