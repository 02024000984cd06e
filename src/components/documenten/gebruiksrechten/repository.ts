import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { GebruiksrechtenTable } from '../../../platform/database/tables/documenten.ts';
import type { DocumentAccess } from '../shared/access.ts';
import { accessCondition } from '../informatieobjecten/repository.ts';

export type GebruiksrechtRow = Selectable<GebruiksrechtenTable>;

type Comparison = '<' | '<=' | '>' | '>=';

/** The list filters, resolved: `documentUuid` null names nothing of ours and matches nothing. */
export interface GebruiksrechtenFilter {
  documentUuid?: string | null;
  startdatum: { op: Comparison; value: Date }[];
  einddatum: { op: Comparison; value: Date }[];
  /** The documents the caller may read; undefined when it may read all. */
  access?: DocumentAccess;
}

/** The tenant's gebruiksrechten matching the filter, on documents the caller may read, oldest first. */
export async function listGebruiksrechten(db: Kysely<Database>, tenantId: string, filter: GebruiksrechtenFilter): Promise<GebruiksrechtRow[]> {
  let query = db.selectFrom('gebruiksrechten').innerJoin('documenten', 'documenten.uuid', 'gebruiksrechten.document_uuid').selectAll('gebruiksrechten').where('gebruiksrechten.tenant_id', '=', tenantId);
  if (filter.documentUuid !== undefined) query = filter.documentUuid === null ? query.where((eb) => eb.val(false)) : query.where('gebruiksrechten.document_uuid', '=', filter.documentUuid);
  for (const { op, value } of filter.startdatum) query = query.where('gebruiksrechten.startdatum', op, value);
  for (const { op, value } of filter.einddatum) query = query.where('gebruiksrechten.einddatum', op, value);
  if (filter.access !== undefined) {
    const access = filter.access;
    query = query.where((eb) => accessCondition(eb, access));
  }
  return query.orderBy('gebruiksrechten.created_at').orderBy('gebruiksrechten.uuid').execute();
}

export async function findGebruiksrecht(db: Kysely<Database>, tenantId: string, uuid: string): Promise<GebruiksrechtRow | undefined> {
  return db.selectFrom('gebruiksrechten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

export interface GebruiksrechtValues {
  document_uuid: string;
  startdatum: string;
  einddatum: string | null;
  omschrijving_voorwaarden: string;
}

export async function insertGebruiksrecht(db: Kysely<Database>, tenantId: string, values: GebruiksrechtValues): Promise<GebruiksrechtRow> {
  return db.insertInto('gebruiksrechten').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}

export async function updateGebruiksrecht(db: Kysely<Database>, tenantId: string, uuid: string, values: Omit<GebruiksrechtValues, 'document_uuid'>): Promise<GebruiksrechtRow> {
  return db.updateTable('gebruiksrechten').set(values).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirstOrThrow();
}

export async function deleteGebruiksrecht(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('gebruiksrechten').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/** How many gebruiksrechten the document has (drc-006). */
export async function countGebruiksrechten(db: Kysely<Database>, tenantId: string, documentUuid: string): Promise<number> {
  const row = await db.selectFrom('gebruiksrechten').select((eb) => eb.fn.countAll<number>().as('count')).where('tenant_id', '=', tenantId).where('document_uuid', '=', documentUuid).executeTakeFirstOrThrow();
  return Number(row.count);
}
