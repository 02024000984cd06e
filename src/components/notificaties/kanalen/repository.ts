import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { NotificatiesKanalenTable } from '../../../platform/database/tables/notificaties.ts';
import type { KanaalRecord } from './eigen-kanalen.ts';

function toRecord(row: Pick<Selectable<NotificatiesKanalenTable>, 'uuid' | 'naam' | 'documentatie_link' | 'filters'>): KanaalRecord {
  return { uuid: row.uuid, naam: row.naam, documentatieLink: row.documentatie_link, filters: row.filters };
}

const COLUMNS = ['uuid', 'naam', 'documentatie_link', 'filters'] as const;

/** The tenant's registered kanalen, optionally only the one with this naam, ordered by naam. */
export async function listKanalen(db: Kysely<Database>, tenantId: string, naam?: string): Promise<KanaalRecord[]> {
  let query = db.selectFrom('notificaties_kanalen').select(COLUMNS).where('tenant_id', '=', tenantId);
  if (naam !== undefined) query = query.where('naam', '=', naam);
  return (await query.orderBy('naam').execute()).map(toRecord);
}

/** One registered kanaal of the tenant by uuid. */
export async function findKanaal(db: Kysely<Database>, tenantId: string, uuid: string): Promise<KanaalRecord | undefined> {
  const row = await db.selectFrom('notificaties_kanalen').select(COLUMNS).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Registered kanalen of the tenant with these names. */
export async function findKanalenByNaam(db: Kysely<Database>, tenantId: string, namen: string[]): Promise<KanaalRecord[]> {
  if (namen.length === 0) return [];
  return (await db.selectFrom('notificaties_kanalen').select(COLUMNS).where('tenant_id', '=', tenantId).where('naam', 'in', namen).execute()).map(toRecord);
}

/** Stores a new kanaal; a concurrent duplicate naam fails on the unique constraint. */
export async function insertKanaal(db: Kysely<Database>, tenantId: string, kanaal: Omit<KanaalRecord, 'uuid'>): Promise<KanaalRecord> {
  const row = await db
    .insertInto('notificaties_kanalen')
    .values({ tenant_id: tenantId, naam: kanaal.naam, documentatie_link: kanaal.documentatieLink, filters: kanaal.filters })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}
