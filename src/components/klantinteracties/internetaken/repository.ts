import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { byUrl, byUuid, custom, relatedUuid, text, type FilterSet } from '../shared/filters.ts';

const STRING = { type: 'string' } as const;

function klantcontactFilter(codeColumn: string): FilterSet[string] {
  return custom(STRING, (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_klantcontacten k WHERE k.uuid = r.klantcontact_uuid AND ${sql.ref(`k.${codeColumn}`)} = ${value})`);
}

const actor = relatedUuid('actoren', (uuid) => sql<boolean>`EXISTS (SELECT 1 FROM ki_interne_taak_actoren ta WHERE ta.interne_taak_uuid = r.uuid AND ta.actor_uuid = ${uuid})`);

/** The filters of `internetakenList`. */
export const INTERNE_TAAK_FILTERS: FilterSet = {
  aanleidinggevendKlantcontact__url: byUrl('klantcontact_uuid', 'klantcontacten'),
  aanleidinggevendKlantcontact__uuid: byUuid('klantcontact_uuid'),
  actoren__naam: custom(STRING, (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_interne_taak_actoren ta JOIN ki_actoren a ON a.uuid = ta.actor_uuid WHERE ta.interne_taak_uuid = r.uuid AND a.naam = ${value})`),
  klantcontact__nummer: klantcontactFilter('nummer'),
  klantcontact__referentienummer: klantcontactFilter('referentienummer'),
  klantcontact__uuid: byUuid('klantcontact_uuid'),
  nummer: text('nummer'),
  referentienummer: text('referentienummer'),
  status: text('status', { type: 'string', enum: ['te_verwerken', 'verwerkt'] }),
  toegewezenAanActor__url: actor.url,
  toegewezenAanActor__uuid: actor.uuid,
  toegewezenOp: custom({ type: 'string', format: 'date-time' }, (value) => sql<boolean>`r.toegewezen_op = ${value}::timestamptz`),
};

/** Whether another interne taak of the tenant has this nummer. */
export async function interneTaakNummerTaken(db: Kysely<Database>, tenantId: string, nummer: string, except: string | undefined): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM ki_interne_taken WHERE tenant_id = ${tenantId} AND nummer = ${nummer} AND uuid IS DISTINCT FROM ${except ?? null}::uuid`.execute(db);
  return rows.length > 0;
}

/** Replaces the actoren a taak is assigned to, in this order. */
export async function assignActoren(db: Kysely<Database>, tenantId: string, taakUuid: string, actoren: readonly string[]): Promise<void> {
  await sql`DELETE FROM ki_interne_taak_actoren WHERE tenant_id = ${tenantId} AND interne_taak_uuid = ${taakUuid}`.execute(db);
  for (const [positie, actor] of actoren.entries()) {
    await sql`INSERT INTO ki_interne_taak_actoren (tenant_id, interne_taak_uuid, actor_uuid, positie) VALUES (${tenantId}, ${taakUuid}, ${actor}, ${positie})`.execute(db);
  }
}
