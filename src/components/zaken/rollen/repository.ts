import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ReadableZaken } from '../shared/zaak-relation.ts';
import type { IdentificationColumns } from './betrokkene-identificatie.ts';
import type { RolData, RolRow, RolView } from './present.ts';

/** The columns a new rol sets. */
export interface RolValues extends IdentificationColumns {
  zaak_uuid: string;
  roltype_uuid: string;
  betrokkene: string;
  betrokkene_type: string;
  omschrijving_generiek: string;
  data: RolData;
}

/** The list filters; a null uuid means a URL that is no object of this tenant's APIs (nothing matches). */
export interface RolFilter {
  zaakUuid?: string | null;
  roltypeUuid?: string | null;
  betrokkene?: string;
  betrokkeneType?: string;
  omschrijving?: string;
  omschrijvingGeneriek?: string;
  /** Exact values of identification columns. */
  identification?: Partial<IdentificationColumns>;
}

/** A roltype of the tenant's catalogue as a rol copies it. */
export interface RoltypeFacts {
  uuid: string;
  zaaktype_uuid: string;
  omschrijving: string;
  omschrijving_generiek: string;
}

type RolQuery = SelectQueryBuilder<Database, 'rollen' | 'roltypen', object>;

function filtered(db: Kysely<Database>, tenantId: string, filter: RolFilter, readable: ReadableZaken): RolQuery {
  let query: RolQuery = db.selectFrom('rollen').innerJoin('roltypen', 'roltypen.uuid', 'rollen.roltype_uuid').where('rollen.tenant_id', '=', tenantId);
  if (filter.zaakUuid === null || filter.roltypeUuid === null) return query.where(sql<boolean>`false`);
  if (filter.zaakUuid !== undefined) query = query.where('rollen.zaak_uuid', '=', filter.zaakUuid);
  if (filter.roltypeUuid !== undefined) query = query.where('rollen.roltype_uuid', '=', filter.roltypeUuid);
  if (filter.betrokkene !== undefined) query = query.where('rollen.betrokkene', '=', filter.betrokkene);
  if (filter.betrokkeneType !== undefined) query = query.where('rollen.betrokkene_type', '=', filter.betrokkeneType);
  if (filter.omschrijving !== undefined) query = query.where('roltypen.omschrijving', '=', filter.omschrijving);
  if (filter.omschrijvingGeneriek !== undefined) query = query.where('rollen.omschrijving_generiek', '=', filter.omschrijvingGeneriek);
  for (const [column, value] of Object.entries(filter.identification ?? {}) as [keyof IdentificationColumns, string | null | undefined][]) {
    if (value !== undefined && value !== null) query = query.where(`rollen.${column}`, '=', value);
  }
  if (readable) query = query.where('rollen.zaak_uuid', 'in', readable);
  return query;
}

/** Adds the statussen each rol set (ROL.statussen): one query for the whole page. */
async function withStatussen(db: Kysely<Database>, tenantId: string, rows: readonly (RolRow & { omschrijving: string })[]): Promise<RolView[]> {
  if (rows.length === 0) return [];
  const statussen = await db
    .selectFrom('statussen')
    .select(['uuid', 'gezetdoor_rol_uuid'])
    .where('tenant_id', '=', tenantId)
    .where(
      'gezetdoor_rol_uuid',
      'in',
      rows.map((row) => row.uuid),
    )
    .orderBy('datum_status_gezet')
    .execute();
  return rows.map((row) => ({ ...row, status_uuids: statussen.filter((status) => status.gezetdoor_rol_uuid === row.uuid).map((status) => status.uuid) }));
}

/** One page of the tenant's rollen matching the filter and readable by the caller, oldest first, with the total. */
export async function listRollen(
  db: Kysely<Database>,
  tenantId: string,
  filter: RolFilter,
  readable: ReadableZaken,
  window: { limit: number; offset: number },
): Promise<{ count: number; views: RolView[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter, readable).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter, readable)
      .selectAll('rollen')
      .select('roltypen.omschrijving')
      .orderBy('rollen.created_at')
      .orderBy('rollen.uuid')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
  ]);
  return { count: Number(counted.count), views: await withStatussen(db, tenantId, rows) };
}

/** The tenant's rollen with these uuids, as views (for a single retrieve and for `expand`). */
export async function findRolViews(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<RolView[]> {
  if (uuids.length === 0) return [];
  const rows = await db
    .selectFrom('rollen')
    .innerJoin('roltypen', 'roltypen.uuid', 'rollen.roltype_uuid')
    .selectAll('rollen')
    .select('roltypen.omschrijving')
    .where('rollen.tenant_id', '=', tenantId)
    .where('rollen.uuid', 'in', [...uuids])
    .execute();
  return withStatussen(db, tenantId, rows);
}

/** Stores a new rol. */
export async function insertRol(db: Kysely<Database>, tenantId: string, values: RolValues): Promise<RolRow> {
  return db
    .insertInto('rollen')
    .values({ tenant_id: tenantId, ...values, data: JSON.stringify(values.data) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Removes a rol of the tenant. */
export async function deleteRol(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('rollen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/** A roltype of the tenant's catalogue, or undefined. */
export async function findRoltype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<RoltypeFacts | undefined> {
  return db.selectFrom('roltypen').select(['uuid', 'zaaktype_uuid', 'omschrijving', 'omschrijving_generiek']).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** How many rollen of the zaak have this omschrijvingGeneriek. */
export async function countRollenWithGeneriek(db: Kysely<Database>, zaakUuid: string, generiek: string): Promise<number> {
  const row = await db
    .selectFrom('rollen')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('zaak_uuid', '=', zaakUuid)
    .where('omschrijving_generiek', '=', generiek)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
