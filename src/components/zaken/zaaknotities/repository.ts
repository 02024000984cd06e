import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ReadableZaken } from '../shared/zaak-relation.ts';
import type { ZaaknotitieRow } from './present.ts';

export type TextColumn = 'aangemaakt_door' | 'notitie_type' | 'onderwerp' | 'status' | 'tekst';
export type DateColumn = 'aanmaakdatum' | 'wijzigingsdatum';

/** The list filters, already mapped onto columns. `zaakUuid` null: a gerelateerdAan that is no zaak (nothing matches). */
export interface ZaaknotitieFilter {
  zaakUuid?: string | null;
  equals: Partial<Record<TextColumn, string>>;
  /** Case-insensitive substring matches (`__icontains`). */
  contains: Partial<Record<TextColumn, string>>;
  dates: { column: DateColumn; operator: '=' | '>' | '>=' | '<' | '<='; value: string }[];
}

/** The columns a write sets. */
export interface ZaaknotitieValues {
  zaak_uuid: string;
  onderwerp: string;
  tekst: string;
  aangemaakt_door: string;
  notitie_type: string;
  status: string;
}

type Query = SelectQueryBuilder<Database, 'zaaknotities', object>;

/** A LIKE pattern that matches `value` literally anywhere. */
function containing(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function filtered(db: Kysely<Database>, tenantId: string, filter: ZaaknotitieFilter, readable: ReadableZaken): Query {
  let query: Query = db.selectFrom('zaaknotities').where('zaaknotities.tenant_id', '=', tenantId);
  if (filter.zaakUuid === null) query = query.where(sql<boolean>`false`);
  else if (filter.zaakUuid !== undefined) query = query.where('zaaknotities.zaak_uuid', '=', filter.zaakUuid);
  for (const [column, value] of Object.entries(filter.equals) as [TextColumn, string][]) query = query.where(`zaaknotities.${column}`, '=', value);
  for (const [column, value] of Object.entries(filter.contains) as [TextColumn, string][]) query = query.where(`zaaknotities.${column}`, 'ilike', containing(value));
  for (const { column, operator, value } of filter.dates) query = query.where(`zaaknotities.${column}`, operator, new Date(value));
  if (readable) query = query.where('zaaknotities.zaak_uuid', 'in', readable);
  return query;
}

/** One page of the tenant's zaaknotities matching the filter and readable by the caller, oldest first, with the total. */
export async function listZaaknotities(
  db: Kysely<Database>,
  tenantId: string,
  filter: ZaaknotitieFilter,
  readable: ReadableZaken,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: ZaaknotitieRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter, readable).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter, readable).selectAll('zaaknotities').orderBy('zaaknotities.aanmaakdatum').orderBy('zaaknotities.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One zaaknotitie of the tenant, or undefined. */
export async function findZaaknotitie(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaaknotitieRow | undefined> {
  return db.selectFrom('zaaknotities').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** Stores a new zaaknotitie, made and changed now. */
export async function insertZaaknotitie(db: Kysely<Database>, tenantId: string, values: ZaaknotitieValues): Promise<ZaaknotitieRow> {
  return db.insertInto('zaaknotities').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites a zaaknotitie and marks it changed now; undefined when it is not the tenant's. */
export async function updateZaaknotitie(db: Kysely<Database>, tenantId: string, uuid: string, values: ZaaknotitieValues): Promise<ZaaknotitieRow | undefined> {
  return db
    .updateTable('zaaknotities')
    // clock_timestamp, not now(): a change in the same transaction as the creation still comes after it.
    .set({ ...values, wijzigingsdatum: sql<Date>`clock_timestamp()` })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .returningAll()
    .executeTakeFirst();
}

/** Removes a zaaknotitie of the tenant. */
export async function deleteZaaknotitie(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('zaaknotities').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
