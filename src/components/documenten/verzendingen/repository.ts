import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { VerzendingenTable } from '../../../platform/database/tables/documenten.ts';
import type { DocumentAccess } from '../shared/access.ts';
import { accessCondition } from '../informatieobjecten/repository.ts';

export type VerzendingRow = Selectable<VerzendingenTable>;

export interface VerzendingFilter {
  aardRelatie?: string;
  documentUuid?: string | null;
  betrokkene?: string;
  /** The documents the caller may read; undefined when it may read all. */
  access?: DocumentAccess;
}

function filtered(db: Kysely<Database>, tenantId: string, filter: VerzendingFilter) {
  let query = db.selectFrom('verzendingen').innerJoin('documenten', 'documenten.uuid', 'verzendingen.document_uuid').where('verzendingen.tenant_id', '=', tenantId);
  if (filter.aardRelatie !== undefined) query = query.where('verzendingen.aard_relatie', '=', filter.aardRelatie);
  if (filter.betrokkene !== undefined) query = query.where('verzendingen.betrokkene', '=', filter.betrokkene);
  if (filter.documentUuid !== undefined) query = filter.documentUuid === null ? query.where((eb) => eb.val(false)) : query.where('verzendingen.document_uuid', '=', filter.documentUuid);
  if (filter.access !== undefined) {
    const access = filter.access;
    query = query.where((eb) => accessCondition(eb, access));
  }
  return query;
}

/** One page of the verzendingen on documents the caller may read, newest first, with the total. */
export async function listVerzendingen(db: Kysely<Database>, tenantId: string, filter: VerzendingFilter, window: { limit: number; offset: number }): Promise<{ count: number; rows: VerzendingRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll('verzendingen').orderBy('verzendingen.created_at', 'desc').orderBy('verzendingen.uuid', 'desc').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

export async function findVerzending(db: Kysely<Database>, tenantId: string, uuid: string): Promise<VerzendingRow | undefined> {
  return db.selectFrom('verzendingen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

export interface VerzendingValues {
  document_uuid: string;
  betrokkene: string;
  aard_relatie: string;
  data: Record<string, unknown>;
}

export async function insertVerzending(db: Kysely<Database>, tenantId: string, values: VerzendingValues): Promise<VerzendingRow> {
  return db
    .insertInto('verzendingen')
    .values({ tenant_id: tenantId, ...values, data: JSON.stringify(values.data) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateVerzending(db: Kysely<Database>, tenantId: string, uuid: string, values: Omit<VerzendingValues, 'document_uuid'>): Promise<VerzendingRow> {
  return db
    .updateTable('verzendingen')
    .set({ ...values, data: JSON.stringify(values.data) })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteVerzending(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('verzendingen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
