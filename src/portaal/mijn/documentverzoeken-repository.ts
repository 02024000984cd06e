import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { ownZaakUuids, type ZaakOwner } from './zaken-repository.ts';

/** A document the behandelaar asked the initiator of a zaak for. */
export interface Documentverzoek {
  uuid: string;
  zaakUuid: string;
  omschrijving: string;
  informatieobjecttypeUuid: string;
  informatieobjecttypeOmschrijving: string;
  /** 'YYYY-MM-DD', or null without a deadline. */
  deadline: string | null;
  status: 'open' | 'ingediend';
  ingediendAt: Date | null;
}

function verzoeken(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('documentverzoeken')
    .innerJoin('informatieobjecttypen', 'informatieobjecttypen.uuid', 'documentverzoeken.informatieobjecttype_uuid')
    .select([
      'documentverzoeken.uuid',
      'documentverzoeken.zaak_uuid',
      'documentverzoeken.omschrijving',
      'documentverzoeken.informatieobjecttype_uuid',
      'informatieobjecttypen.omschrijving as informatieobjecttype_omschrijving',
      'documentverzoeken.deadline',
      'documentverzoeken.status',
      'documentverzoeken.ingediend_at',
    ])
    .where('documentverzoeken.tenant_id', '=', tenantId);
}

type VerzoekRow = {
  uuid: string;
  zaak_uuid: string;
  omschrijving: string;
  informatieobjecttype_uuid: string;
  informatieobjecttype_omschrijving: string;
  deadline: string | null;
  status: 'open' | 'ingediend';
  ingediend_at: Date | null;
};

function toVerzoek(row: VerzoekRow): Documentverzoek {
  return {
    uuid: row.uuid,
    zaakUuid: row.zaak_uuid,
    omschrijving: row.omschrijving,
    informatieobjecttypeUuid: row.informatieobjecttype_uuid,
    informatieobjecttypeOmschrijving: row.informatieobjecttype_omschrijving,
    deadline: row.deadline,
    status: row.status,
    ingediendAt: row.ingediend_at,
  };
}

export async function insertDocumentverzoek(
  db: Kysely<Database>,
  verzoek: { tenantId: string; zaakUuid: string; omschrijving: string; informatieobjecttypeUuid: string; deadline: string | null; aangevraagdDoor: string },
): Promise<string> {
  const row = await db
    .insertInto('documentverzoeken')
    .values({
      tenant_id: verzoek.tenantId,
      zaak_uuid: verzoek.zaakUuid,
      omschrijving: verzoek.omschrijving,
      informatieobjecttype_uuid: verzoek.informatieobjecttypeUuid,
      deadline: verzoek.deadline,
      aangevraagd_door: verzoek.aangevraagdDoor,
    })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  return row.uuid;
}

/** The requests of one zaak, in the order they were made. */
export async function listZaakDocumentverzoeken(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<Documentverzoek[]> {
  const rows = await verzoeken(db, tenantId).where('documentverzoeken.zaak_uuid', '=', zaakUuid).orderBy('documentverzoeken.created_at').orderBy('documentverzoeken.uuid').execute();
  return rows.map(toVerzoek);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A request of this zaak; with `forUpdate` its row stays locked until the transaction ends (one hand-in at a time). */
export async function findDocumentverzoek(db: Kysely<Database>, tenantId: string, zaakUuid: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<Documentverzoek | undefined> {
  if (!UUID.test(uuid)) return undefined;
  let query = verzoeken(db, tenantId).where('documentverzoeken.zaak_uuid', '=', zaakUuid).where('documentverzoeken.uuid', '=', uuid.toLowerCase());
  if (options.forUpdate) query = query.forUpdate('documentverzoeken');
  const row = await query.executeTakeFirst();
  return row ? toVerzoek(row) : undefined;
}

export async function markIngediend(db: Kysely<Database>, tenantId: string, uuid: string, documentUuid: string, now: Date): Promise<void> {
  await db.updateTable('documentverzoeken').set({ status: 'ingediend', ingediend_at: now, document_uuid: documentUuid }).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/** How many requests of the owner's zaken are still open. */
export async function countOpenDocumentverzoeken(db: Kysely<Database>, owner: ZaakOwner): Promise<number> {
  const row = await db
    .selectFrom('documentverzoeken')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenant_id', '=', owner.tenantId)
    .where('zaak_uuid', 'in', ownZaakUuids(db, owner))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
