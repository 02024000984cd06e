import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import { inTransaction } from '../database/transaction.ts';

/*
 * Revoking an applicatie's access (intrekken) without deleting it: a running row in applicatie_intrekkingen
 * (migrations/0102) makes the credential lookup refuse every client id of the applicatie, and revoking wipes their
 * secrets and Klantinteracties tokens in the same transaction, so nothing issued before the revocation ever works
 * again. The applicatie, its client ids and autorisaties stay, as the Autorisaties API shows them. Reactivating is a
 * deliberate act that gives every client id a new secret. Every other Loket process refuses the client within the
 * credential store's one-second cache (api-client-credentials.ts).
 */

/** True when the applicatie of `api_clients` in the query has a running revocation. */
export function isIngetrokken(eb: ExpressionBuilder<Database, 'api_clients'>) {
  return eb.exists(
    eb
      .selectFrom('applicatie_intrekkingen')
      .select('applicatie_intrekkingen.id')
      .whereRef('applicatie_intrekkingen.applicatie_uuid', '=', 'api_clients.applicatie_uuid')
      .where('applicatie_intrekkingen.heractiveerd_op', 'is', null),
  ).$castTo<boolean>();
}

/**
 * Revokes the applicatie's access now; false when it already was revoked (a double submit changes nothing).
 * The caller checked that the applicatie is the tenant's.
 */
export async function trekApplicatieIn(db: Kysely<Database>, tenantId: string, applicatieUuid: string, staffId: string | null): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('applicatie_intrekkingen')
      .values({ tenant_id: tenantId, applicatie_uuid: applicatieUuid, ingetrokken_door: staffId })
      .onConflict((oc) => oc.column('applicatie_uuid').where('heractiveerd_op', 'is', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    const clients = trx.selectFrom('api_clients').select('id').where('tenant_id', '=', tenantId).where('applicatie_uuid', '=', applicatieUuid);
    await trx.deleteFrom('api_tokens').where('tenant_id', '=', tenantId).where('api_client_id', 'in', clients).execute();
    await trx.updateTable('api_clients').set({ secret_encrypted: null }).where('tenant_id', '=', tenantId).where('applicatie_uuid', '=', applicatieUuid).execute();
    return true;
  });
}

/**
 * Ends the applicatie's running revocation and gives each of its client ids a new secret, returned to be shown once;
 * undefined when it was not revoked (a double submit changes nothing and shows no secret).
 */
export async function heractiveerApplicatie(db: Kysely<Database>, keys: Keys, tenantId: string, applicatieUuid: string, staffId: string | null): Promise<{ clientId: string; secret: string }[] | undefined> {
  return inTransaction(db, async (trx) => {
    const ended = await trx
      .updateTable('applicatie_intrekkingen')
      .set({ heractiveerd_op: new Date(), heractiveerd_door: staffId })
      .where('tenant_id', '=', tenantId)
      .where('applicatie_uuid', '=', applicatieUuid)
      .where('heractiveerd_op', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!ended) return undefined;
    const clients = await trx.selectFrom('api_clients').select(['id', 'client_id']).where('tenant_id', '=', tenantId).where('applicatie_uuid', '=', applicatieUuid).orderBy('client_id').execute();
    const secrets: { clientId: string; secret: string }[] = [];
    for (const client of clients) {
      const secret = randomBytes(24).toString('base64url');
      await trx.updateTable('api_clients').set({ secret_encrypted: keys.encrypt(secret) }).where('id', '=', client.id).execute();
      secrets.push({ clientId: client.client_id, secret });
    }
    return secrets;
  });
}

/** One revocation as beheer shows it, with the names of who revoked and reactivated. */
export interface Intrekking {
  ingetrokkenOp: Date;
  ingetrokkenDoor: string | null;
  heractiveerdOp: Date | null;
  heractiveerdDoor: string | null;
}

/** The applicatie's revocations, newest first; the first is running when it has no heractiveerdOp. */
export async function listIntrekkingen(db: Kysely<Database>, tenantId: string, applicatieUuid: string): Promise<Intrekking[]> {
  const rows = await db
    .selectFrom('applicatie_intrekkingen as i')
    .leftJoin('staff_users as door', 'door.id', 'i.ingetrokken_door')
    .leftJoin('staff_users as terug', 'terug.id', 'i.heractiveerd_door')
    .select(['i.ingetrokken_op', 'i.heractiveerd_op', 'door.display_name as ingetrokken_door', 'terug.display_name as heractiveerd_door'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.applicatie_uuid', '=', applicatieUuid)
    .orderBy('i.ingetrokken_op', 'desc')
    .execute();
  return rows.map((row) => ({
    ingetrokkenOp: new Date(row.ingetrokken_op),
    ingetrokkenDoor: row.ingetrokken_door,
    heractiveerdOp: row.heractiveerd_op === null ? null : new Date(row.heractiveerd_op),
    heractiveerdDoor: row.heractiveerd_door,
  }));
}

/** Whether the tenant's applicatie has a running revocation. */
export async function isApplicatieIngetrokken(db: Kysely<Database>, tenantId: string, applicatieUuid: string): Promise<boolean> {
  const row = await db.selectFrom('applicatie_intrekkingen').select('id').where('tenant_id', '=', tenantId).where('applicatie_uuid', '=', applicatieUuid).where('heractiveerd_op', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** The uuids of the tenant's applicaties whose access is revoked now. */
export async function ingetrokkenApplicaties(db: Kysely<Database>, tenantId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('applicatie_intrekkingen').select('applicatie_uuid').where('tenant_id', '=', tenantId).where('heractiveerd_op', 'is', null).execute();
  return new Set(rows.map((row) => row.applicatie_uuid));
}
