import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { CatalogussenTable, Database } from '../../../platform/database/schema.ts';
import type { BesluittypeRecord } from '../besluittypen/present.ts';
import { loadBesluittypeRecords } from '../besluittypen/records.ts';
import { besluittypenOfCatalogi } from '../besluittypen/repository.ts';
import type { InformatieobjecttypeRecord } from '../informatieobjecttypen/present.ts';
import { loadInformatieobjecttypeRecords } from '../informatieobjecttypen/records.ts';
import { informatieobjecttypenOfCatalogi } from '../informatieobjecttypen/repository.ts';
import { amsterdamDate } from '../shared/geldigheid.ts';
import type { ZaaktypeRecord } from '../zaaktypen/present.ts';
import { loadZaaktypeRecords } from '../zaaktypen/records.ts';
import { zaaktypenOfCatalogi } from '../zaaktypen/repository.ts';

/** A stored catalogus. */
export type CatalogusRow = Selectable<CatalogussenTable>;

/** The columns a client can write. */
export interface CatalogusValues {
  domein: string;
  rsin: string;
  contactpersoon_beheer_naam: string;
  contactpersoon_beheer_telefoonnummer: string;
  contactpersoon_beheer_emailadres: string;
  naam: string | null;
  versie: string | null;
  begindatum_versie: string | null;
}

/** The list filters, already split into their values. */
export interface CatalogusFilter {
  domein?: string;
  domeinIn?: string[];
  rsin?: string;
  rsinIn?: string[];
}

/**
 * Everything a catalogus holds, ready to present: every version (concept or not) of its zaaktypen, besluittypen and
 * informatieobjecttypen, with what their own presentation needs (for `_expand`).
 */
export interface CatalogusRelations {
  zaaktypen: ZaaktypeRecord[];
  besluittypen: BesluittypeRecord[];
  informatieobjecttypen: InformatieobjecttypeRecord[];
}

type CatalogusQuery = SelectQueryBuilder<Database, 'catalogussen', object>;

/** Every column, with the `date` read as `YYYY-MM-DD` text so no driver turns it into a Date at local midnight. */
function selectCatalogus(query: CatalogusQuery) {
  return query.select([
    'uuid',
    'tenant_id',
    'domein',
    'rsin',
    'contactpersoon_beheer_naam',
    'contactpersoon_beheer_telefoonnummer',
    'contactpersoon_beheer_emailadres',
    'naam',
    'versie',
    sql<string | null>`to_char(begindatum_versie, 'YYYY-MM-DD')`.as('begindatum_versie'),
    'created_at',
  ]);
}

function filtered(db: Kysely<Database>, tenantId: string, filter: CatalogusFilter): CatalogusQuery {
  let query: CatalogusQuery = db.selectFrom('catalogussen').where('tenant_id', '=', tenantId);
  if (filter.domein !== undefined) query = query.where('domein', '=', filter.domein);
  if (filter.domeinIn !== undefined) query = query.where('domein', 'in', filter.domeinIn.length > 0 ? filter.domeinIn : ['']);
  if (filter.rsin !== undefined) query = query.where('rsin', '=', filter.rsin);
  if (filter.rsinIn !== undefined) query = query.where('rsin', 'in', filter.rsinIn.length > 0 ? filter.rsinIn : ['']);
  return query;
}

/** One page of a tenant's catalogussen matching the filter, oldest first, with the total over all pages. */
export async function listCatalogussen(
  db: Kysely<Database>,
  tenantId: string,
  filter: CatalogusFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: CatalogusRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    selectCatalogus(filtered(db, tenantId, filter)).orderBy('created_at').orderBy('uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One catalogus of the tenant, or undefined. */
export async function findCatalogus(db: Kysely<Database>, tenantId: string, uuid: string): Promise<CatalogusRow | undefined> {
  return selectCatalogus(db.selectFrom('catalogussen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid)).executeTakeFirst();
}

/** The tenant's catalogussen with these uuids (unknown ones left out), oldest first. */
export async function findCatalogi(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<CatalogusRow[]> {
  if (uuids.length === 0) return [];
  return selectCatalogus(db.selectFrom('catalogussen').where('tenant_id', '=', tenantId).where('uuid', 'in', uuids)).orderBy('created_at').orderBy('uuid').execute();
}

/** Whether another catalogus of the tenant already has this domein and rsin (the unique pair). */
export async function domeinRsinTaken(db: Kysely<Database>, tenantId: string, domein: string, rsin: string, exceptUuid?: string): Promise<boolean> {
  let query = db.selectFrom('catalogussen').select('uuid').where('tenant_id', '=', tenantId).where('domein', '=', domein).where('rsin', '=', rsin);
  if (exceptUuid !== undefined) query = query.where('uuid', '<>', exceptUuid);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Stores a new catalogus for the tenant. */
export async function insertCatalogus(db: Kysely<Database>, tenantId: string, values: CatalogusValues): Promise<CatalogusRow> {
  const { uuid } = await db.insertInto('catalogussen').values({ tenant_id: tenantId, ...values }).returning('uuid').executeTakeFirstOrThrow();
  const row = await findCatalogus(db, tenantId, uuid);
  if (!row) throw new Error(`catalogus ${uuid} vanished after insert`);
  return row;
}

/** Overwrites a catalogus's writable columns; undefined when it is not the tenant's. */
export async function updateCatalogus(db: Kysely<Database>, tenantId: string, uuid: string, values: CatalogusValues): Promise<CatalogusRow | undefined> {
  const updated = await db.updateTable('catalogussen').set(values).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returning('uuid').executeTakeFirst();
  return updated ? findCatalogus(db, tenantId, uuid) : undefined;
}

/**
 * What each catalogus holds, by catalogus uuid, for one page at once: the types of all of them are loaded together
 * (one batch per kind), their relations by name resolved on today's date.
 */
export async function catalogusRelations(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<Map<string, CatalogusRelations>> {
  const date = amsterdamDate();
  const [zaaktypen, besluittypen, informatieobjecttypen] = await Promise.all([
    zaaktypenOfCatalogi(db, tenantId, uuids).then((rows) => loadZaaktypeRecords(db, tenantId, rows, date)),
    besluittypenOfCatalogi(db, tenantId, uuids).then((rows) => loadBesluittypeRecords(db, tenantId, rows, date)),
    informatieobjecttypenOfCatalogi(db, tenantId, uuids).then((rows) => loadInformatieobjecttypeRecords(db, tenantId, rows, date)),
  ]);
  return new Map(
    uuids.map((uuid) => [
      uuid,
      {
        zaaktypen: zaaktypen.filter((record) => record.row.catalogus_uuid === uuid),
        besluittypen: besluittypen.filter((record) => record.row.catalogus_uuid === uuid),
        informatieobjecttypen: informatieobjecttypen.filter((record) => record.row.catalogus_uuid === uuid),
      },
    ]),
  );
}
