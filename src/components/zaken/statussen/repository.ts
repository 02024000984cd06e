import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ReadableZaken } from '../shared/zaak-relation.ts';
import type { StatusRow, StatusView } from './present.ts';

/** The list filters; a null uuid means a URL that is no object of this tenant's APIs (nothing matches). */
export interface StatusFilter {
  zaakUuid?: string | null;
  statustypeUuid?: string | null;
  indicatieLaatstGezetteStatus?: boolean;
}

/** The columns a new status sets. */
export interface StatusValues {
  zaak_uuid: string;
  statustype_uuid: string;
  datum_status_gezet: Date;
  statustoelichting: string;
  gezetdoor_rol_uuid: string | null;
}

/** A statustype of the tenant's catalogue, and whether it is the eindstatus of its zaaktype (highest volgnummer). */
export interface StatustypeFacts {
  uuid: string;
  zaaktype_uuid: string;
  volgnummer: number;
  is_eindstatus: boolean;
}

type StatusQuery = SelectQueryBuilder<Database, 'statussen', object>;

/** Whether a later status of the same zaak exists; backed by statussen_zaak_huidig (zaak_uuid, datum_status_gezet DESC, …). */
function laterStatusExists(eb: ExpressionBuilder<Database, 'statussen'>) {
  return eb.exists(
    eb
      .selectFrom('statussen as later')
      .select(sql<number>`1`.as('one'))
      .whereRef('later.zaak_uuid', '=', 'statussen.zaak_uuid')
      .whereRef('later.datum_status_gezet', '>', 'statussen.datum_status_gezet'),
  );
}

function filtered(db: Kysely<Database>, tenantId: string, filter: StatusFilter, readable: ReadableZaken): StatusQuery {
  let query: StatusQuery = db.selectFrom('statussen').where('statussen.tenant_id', '=', tenantId);
  if (filter.zaakUuid === null || filter.statustypeUuid === null) return query.where(sql<boolean>`false`);
  if (filter.zaakUuid !== undefined) query = query.where('statussen.zaak_uuid', '=', filter.zaakUuid);
  if (filter.statustypeUuid !== undefined) query = query.where('statussen.statustype_uuid', '=', filter.statustypeUuid);
  if (filter.indicatieLaatstGezetteStatus === true) query = query.where((eb) => eb.not(laterStatusExists(eb)));
  if (filter.indicatieLaatstGezetteStatus === false) query = query.where((eb) => laterStatusExists(eb));
  if (readable) query = query.where('statussen.zaak_uuid', 'in', readable);
  return query;
}

function withLatest(query: StatusQuery) {
  return query.selectAll('statussen').select((eb) => eb.not(laterStatusExists(eb)).$castTo<boolean>().as('indicatie_laatst_gezette_status'));
}

/** Adds the zaakinformatieobjecten set with each status: one query for the whole page. */
async function withZaakinformatieobjecten(db: Kysely<Database>, tenantId: string, rows: readonly (StatusRow & { indicatie_laatst_gezette_status: boolean })[]): Promise<StatusView[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('zaakinformatieobjecten')
    .select(['uuid', 'status_uuid'])
    .where('tenant_id', '=', tenantId)
    .where(
      'status_uuid',
      'in',
      rows.map((row) => row.uuid),
    )
    .orderBy('created_at')
    .orderBy('uuid')
    .execute();
  return rows.map((row) => ({ ...row, zaakinformatieobject_uuids: links.filter((link) => link.status_uuid === row.uuid).map((link) => link.uuid) }));
}

/** One page of the tenant's statussen matching the filter and readable by the caller, oldest first, with the total. */
export async function listStatussen(
  db: Kysely<Database>,
  tenantId: string,
  filter: StatusFilter,
  readable: ReadableZaken,
  window: { limit: number; offset: number },
): Promise<{ count: number; views: StatusView[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter, readable).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    withLatest(filtered(db, tenantId, filter, readable)).orderBy('statussen.created_at').orderBy('statussen.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), views: await withZaakinformatieobjecten(db, tenantId, rows) };
}

/** The tenant's statussen with these uuids, as views (for a single retrieve and for `expand`). */
export async function findStatusViews(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<StatusView[]> {
  if (uuids.length === 0) return [];
  const rows = await withLatest(db.selectFrom('statussen').where('statussen.tenant_id', '=', tenantId).where('statussen.uuid', 'in', [...uuids])).execute();
  return withZaakinformatieobjecten(db, tenantId, rows);
}

/** The statussen a rol set (ROL.statussen), as views, oldest first. */
export async function statusViewsSetBy(db: Kysely<Database>, tenantId: string, rolUuids: readonly string[]): Promise<StatusView[]> {
  if (rolUuids.length === 0) return [];
  const rows = await withLatest(db.selectFrom('statussen').where('statussen.tenant_id', '=', tenantId).where('statussen.gezetdoor_rol_uuid', 'in', [...rolUuids]))
    .orderBy('statussen.datum_status_gezet')
    .execute();
  return withZaakinformatieobjecten(db, tenantId, rows);
}

/** Stores a new status. */
export async function insertStatus(db: Kysely<Database>, tenantId: string, values: StatusValues): Promise<StatusRow> {
  return db.insertInto('statussen').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}

/** A statustype of the tenant's catalogue with its place among its zaaktype's statustypen, or undefined. */
export async function findStatustype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<StatustypeFacts | undefined> {
  return db
    .selectFrom('statustypen')
    .select(['statustypen.uuid', 'statustypen.zaaktype_uuid', 'statustypen.volgnummer'])
    .select((eb) =>
      eb
        .not(
          eb.exists(
            eb
              .selectFrom('statustypen as later')
              .select(sql<number>`1`.as('one'))
              .whereRef('later.zaaktype_uuid', '=', 'statustypen.zaaktype_uuid')
              .whereRef('later.volgnummer', '>', 'statustypen.volgnummer'),
          ),
        )
        .$castTo<boolean>()
        .as('is_eindstatus'),
    )
    .where('statustypen.tenant_id', '=', tenantId)
    .where('statustypen.uuid', '=', uuid)
    .executeTakeFirst();
}

/** Whether the zaak has any status yet. */
export async function zaakHasStatus(db: Kysely<Database>, zaakUuid: string): Promise<boolean> {
  const row = await db.selectFrom('statussen').select('uuid').where('zaak_uuid', '=', zaakUuid).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Whether the zaak already has a status at exactly this moment (statussen_zaak_moment_unique). */
export async function zaakHasStatusAt(db: Kysely<Database>, zaakUuid: string, moment: Date): Promise<boolean> {
  const row = await db.selectFrom('statussen').select('uuid').where('zaak_uuid', '=', zaakUuid).where('datum_status_gezet', '=', moment).executeTakeFirst();
  return row !== undefined;
}

/** The zaak a rol of the tenant belongs to, or undefined when there is no such rol. */
export async function zaakOfRol(db: Kysely<Database>, tenantId: string, rolUuid: string): Promise<string | undefined> {
  const row = await db.selectFrom('rollen').select('zaak_uuid').where('tenant_id', '=', tenantId).where('uuid', '=', rolUuid).executeTakeFirst();
  return row?.zaak_uuid;
}
