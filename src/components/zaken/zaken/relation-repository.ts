import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { prepared } from '../../../platform/database/prepared.ts';
import type { ZaakRow } from '../shared/zaak-reference.ts';
import { NO_RELATIONS, type ZaakRelations } from './present.ts';

/*
 * The relations a zaak lists as URLs (status, resultaat, rollen, …), read in the same statement as the zaken
 * themselves: the lists are kept per zaak in zaak_relatie_lijsten (migrations/0085), so a zaak with everything it
 * shows is one join by key, and a page of zaken one round trip and one plan. The join sits above the zaken's own query
 * (`SELECT … FROM (zaken query) AS z`), so an ordered, limited page is cut before any relation is read. A statement
 * that orders the joined rows orders them itself: a subquery does not promise to keep its order.
 */

/** A zaak as read with its relations: the row plus one `relatie_…` column per relation, and its version. */
export interface ZaakRowWithRelations extends ZaakRow {
  relatie_status: string | null;
  relatie_resultaat: string | null;
  relatie_rollen: string[];
  relatie_eigenschappen: string[];
  relatie_zaakinformatieobjecten: string[];
  relatie_zaakobjecten: string[];
  relatie_deelzaken: string[];
  loket_zaak_xmin: string;
  loket_versie: string;
}

/** A zaak row with the relations it lists. */
export interface ZaakWithRelations {
  row: ZaakRow;
  relations: ZaakRelations;
  /** What changes whenever the zaak's JSON may change: the xmins of its two rows (see zaak-json-cache.ts). */
  version: string;
}

/** Every column of zaken, and the row's xmin (which withRelations needs), for a query over `FROM zaken`. */
export const ZAAK_COLUMNS = sql`zaken.*, zaken.xmin::text AS loket_zaak_xmin`;

/**
 * The zaken of `zaken` (a query yielding zaken rows with ZAAK_COLUMNS) with their relations and version. A zaak
 * without a row in zaak_relatie_lijsten has no relations (and version 0 for that row).
 */
export function withRelations(zaken: RawBuilder<ZaakRow>): RawBuilder<ZaakRowWithRelations> {
  return sql<ZaakRowWithRelations>`SELECT z.*,
    l.status::text AS relatie_status,
    l.resultaat::text AS relatie_resultaat,
    coalesce(l.rollen::text[], '{}') AS relatie_rollen,
    coalesce(l.eigenschappen::text[], '{}') AS relatie_eigenschappen,
    coalesce(l.zaakinformatieobjecten::text[], '{}') AS relatie_zaakinformatieobjecten,
    coalesce(l.zaakobjecten::text[], '{}') AS relatie_zaakobjecten,
    coalesce(l.deelzaken::text[], '{}') AS relatie_deelzaken,
    z.loket_zaak_xmin || '.' || coalesce(l.xmin::text, '0') AS loket_versie
    FROM (${zaken}) AS z LEFT JOIN zaak_relatie_lijsten AS l ON l.zaak_uuid = z.uuid`;
}

/** Splits a row read through `withRelations` into the zaak's own columns, its relations and its version. */
export function splitRelations(read: ZaakRowWithRelations): ZaakWithRelations {
  const {
    relatie_status: status,
    relatie_resultaat: resultaat,
    relatie_rollen: rollen,
    relatie_eigenschappen: eigenschappen,
    relatie_zaakinformatieobjecten: zaakinformatieobjecten,
    relatie_zaakobjecten: zaakobjecten,
    relatie_deelzaken: deelzaken,
    loket_zaak_xmin: _xmin,
    loket_versie: version,
    ...row
  } = read;
  return { row, relations: { status, resultaat, rollen, eigenschappen, zaakinformatieobjecten, zaakobjecten, deelzaken }, version };
}

/** The tenant's zaak with this uuid, as withRelations reads it. */
function zaakByKey(tenantId: string, uuid: string): RawBuilder<ZaakRow> {
  return sql<ZaakRow>`SELECT ${ZAAK_COLUMNS} FROM zaken WHERE tenant_id = ${tenantId} AND uuid = ${uuid}`;
}

/** The tenant's zaak with this uuid with its relations: a look-up by key, prepared once per connection. */
export async function findZaakWithRelations(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakWithRelations | undefined> {
  const [row] = (await prepared(withRelations(zaakByKey(tenantId, uuid))).execute(db)).rows;
  return row && splitRelations(row);
}

/** What a retrieve checks before it answers with a zaak's kept JSON: who may read the zaak, and its version. */
export interface ZaakAccessVersion {
  zaaktype_uuid: string;
  vertrouwelijkheidaanduiding: string;
  version: string;
}

/**
 * The access columns and version of the tenant's zaak with this uuid: the statement of findZaakWithRelations with only
 * these columns selected, so PostgreSQL leaves the rest unread.
 */
export async function findZaakVersion(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakAccessVersion | undefined> {
  const statement = sql<ZaakAccessVersion>`SELECT page.zaaktype_uuid, page.vertrouwelijkheidaanduiding, page.loket_versie AS version
    FROM (${withRelations(zaakByKey(tenantId, uuid))}) AS page`;
  return (await prepared(statement).execute(db)).rows[0];
}

/** The tenant's zaken with these uuids, each with its relations (unknown uuids left out, order not kept). */
export async function findZakenWithRelations(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ZaakWithRelations[]> {
  if (uuids.length === 0) return [];
  // One `uuid[]` parameter, as text cast in SQL (both PostgreSQL drivers take it), so the plan stays small.
  const zaken = sql<ZaakRow>`SELECT ${ZAAK_COLUMNS} FROM zaken WHERE tenant_id = ${tenantId} AND uuid = ANY(${`{${[...new Set(uuids)].join(',')}}`}::uuid[])`;
  const { rows } = await withRelations(zaken).execute(db);
  return rows.map(splitRelations);
}

/** The relations of each of these zaken, by zaak uuid (every uuid present, also without relations). */
export async function zaakRelations(db: Kysely<Database>, tenantId: string, zaakUuids: readonly string[]): Promise<Map<string, ZaakRelations>> {
  const found = await findZakenWithRelations(db, tenantId, zaakUuids);
  const relations = new Map<string, ZaakRelations>(found.map(({ row, relations: own }) => [row.uuid, own]));
  for (const uuid of zaakUuids) {
    if (!relations.has(uuid)) relations.set(uuid, NO_RELATIONS);
  }
  return relations;
}
