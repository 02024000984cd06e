import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { prepared } from '../../platform/database/prepared.ts';
import type { Database } from '../../platform/database/schema.ts';
import { zaakToegangFilter, type StaffZaakToegang } from '../toegang/zaak-toegang.ts';
import { openInReach } from './werkvoorraad-tellingen.ts';

/*
 * The werkvoorraad's SQL. Every list is the zaken this member may handle (zaakToegangFilter, handling parts only) of
 * this tenant, open ones unless the status filter asks for closed ones, ordered by the stored decision deadline
 * (uiterlijke_einddatum_afdoening, earliest first, none last) so PostgreSQL walks migrations/0090's partial indexes in
 * order and stops after one page. The page shows and judges each deadline as the Atw ends it (atwEinddag: a Saturday
 * runs on to the Monday); that move never turns an earlier stored date into a later day, so the stored order is also
 * the order of the days shown and no SQL needs to know the Atw. The team's open stock and its unassigned zaken are
 * counted exactly from the kept counts (./werkvoorraad-tellingen.ts); other counts walk the matching zaken and stop at COUNT_CAP: more than that
 * reads as "1.000+", and counting such a list exactly would mean visiting every matching zaak on each page view.
 */

export const LIJSTEN = ['mijn', 'team', 'niet-toegewezen'] as const;
export type Lijst = (typeof LIJSTEN)[number];

export const PAGE_SIZE = 25;
export const COUNT_CAP = 1_000;

/** The status filter: open (default), suspended, closed, or open with a current status of this statustype name. */
export type StatusFilter = { soort: 'open' } | { soort: 'opgeschort' } | { soort: 'afgesloten' } | { soort: 'status'; omschrijving: string };

export interface WerkvoorraadFilter {
  /** Zaaktype identificatie (every version of it). */
  zaaktype?: string;
  status: StatusFilter;
}

export interface WerkvoorraadRegel {
  uuid: string;
  identificatie: string;
  omschrijving: string;
  zaaktype: string;
  zaaktypeIdentificatie: string;
  doorlooptijd: string;
  startdatum: string;
  uiterlijkeEinddatumAfdoening: string | null;
  einddatum: string | null;
  opgeschort: boolean;
  status: string | null;
  behandelaar: string | null;
}

type ZakenQuery = SelectQueryBuilder<Database, 'zaken', object>;

/** The zaaktype versions the member handles, narrowed to the filter's zaaktype; undefined: every zaaktype. */
async function zaaktypenInReach(db: Kysely<Database>, tenantId: string, toegang: StaffZaakToegang, filter: WerkvoorraadFilter): Promise<string[] | undefined> {
  const delen = toegang.delen.filter((deel) => deel.behandelen);
  const all = delen.some((deel) => deel.zaaktypeUuids === null);
  const handled = all ? undefined : [...new Set(delen.flatMap((deel) => deel.zaaktypeUuids ?? []))];
  if (filter.zaaktype === undefined) return handled;
  // The handled versions' identificaties came with the toegang: no statement for the filter.
  if (handled !== undefined && toegang.identificaties !== undefined) return handled.filter((uuid) => toegang.identificaties?.[uuid] === filter.zaaktype);
  const versions = (await prepared(sql<{ uuid: string }>`SELECT uuid FROM zaaktypen WHERE tenant_id = ${tenantId} AND identificatie = ${filter.zaaktype}`).execute(db)).rows;
  return versions.map((row) => row.uuid).filter((uuid) => handled === undefined || handled.includes(uuid));
}

/**
 * The uuids of the statustypen a status filter names, only those of zaaktypen in reach: statustypen of other zaaktypen
 * can match none of the listed zaken, and leaving them out lets the planner estimate how many zaken the filter keeps
 * (a name common elsewhere but absent here must not send it walking the whole queue in deadline order).
 */
async function statustypenVan(db: Kysely<Database>, tenantId: string, filter: WerkvoorraadFilter, zaaktypen: string[] | undefined): Promise<string[] | undefined> {
  if (filter.status.soort !== 'status') return undefined;
  if (zaaktypen?.length === 0) return [];
  let query = db.selectFrom('statustypen').select('uuid').where('tenant_id', '=', tenantId).where('omschrijving', '=', filter.status.omschrijving);
  if (zaaktypen !== undefined) query = query.where('zaaktype_uuid', 'in', zaaktypen);
  return (await query.execute()).map((row) => row.uuid);
}

function filtered(
  db: Kysely<Database>,
  tenantId: string,
  toegang: StaffZaakToegang,
  staffUserId: string,
  lijst: Lijst,
  resolved: ResolvedFilter,
): ZakenQuery {
  const { filter, zaaktypen, statustypeUuids } = resolved;
  let query = db
    .selectFrom('zaken')
    .where('zaken.tenant_id', '=', tenantId)
    .where((eb) => zaakToegangFilter(eb, toegang, true));
  query = filter.status.soort === 'afgesloten' ? query.where('zaken.einddatum', 'is not', null) : query.where('zaken.einddatum', 'is', null);
  if (filter.zaaktype !== undefined) {
    // The filter's zaaktype versions in reach, looked up once by resolveFilter.
    const versions = zaaktypen ?? [];
    query = versions.length === 0 ? query.where(sql<boolean>`false`) : query.where('zaken.zaaktype_uuid', 'in', versions);
  }
  const status = filter.status;
  if (status.soort === 'opgeschort') {
    query = query.where((eb) => eb.exists(eb.selectFrom('zaak_opschortingen as o').select('o.id').whereRef('o.zaak_uuid', '=', 'zaken.uuid').where('o.einddatum', 'is', null)));
  } else if (status.soort === 'status') {
    // The current status, kept per zaak by a trigger (migrations/0090), among the statustypen of that name, given
    // as values so the planner can estimate how many zaken have them.
    const uuids = statustypeUuids ?? [];
    query = uuids.length === 0 ? query.where(sql<boolean>`false`) : query.where('zaken.uuid', 'in', (eb) => eb.selectFrom('zaak_huidige_status as h').select('h.zaak_uuid').where('h.tenant_id', '=', tenantId).where('h.statustype_uuid', 'in', uuids));
  }
  if (lijst === 'mijn') {
    query = query.where('zaken.uuid', 'in', (eb) => eb.selectFrom('zaak_toewijzingen as t').select('t.zaak_uuid').where('t.tenant_id', '=', tenantId).where('t.behandelaar_id', '=', staffUserId));
  } else if (lijst === 'niet-toegewezen') {
    query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('zaak_toewijzingen as t').select('t.zaak_uuid').whereRef('t.zaak_uuid', '=', 'zaken.uuid'))));
  }
  return query;
}

/** A filter with what it names looked up once per page view: the zaaktype versions in reach and the statustypen. */
export interface ResolvedFilter {
  filter: WerkvoorraadFilter;
  zaaktypen: string[] | undefined;
  statustypeUuids: string[] | undefined;
}

export async function resolveFilter(db: Kysely<Database>, tenantId: string, toegang: StaffZaakToegang, filter: WerkvoorraadFilter): Promise<ResolvedFilter> {
  const zaaktypen = await zaaktypenInReach(db, tenantId, toegang, filter);
  return { filter, zaaktypen, statustypeUuids: await statustypenVan(db, tenantId, filter, zaaktypen) };
}

/**
 * How many zaken each list holds under the filter. The team's open stock and its unassigned part (with or without a
 * zaaktype) are exact, from the kept counts; every other count is at most COUNT_CAP + 1 (read: "more than COUNT_CAP").
 */
export async function countLijsten(db: Kysely<Database>, tenantId: string, toegang: StaffZaakToegang, staffUserId: string, resolved: ResolvedFilter): Promise<Record<Lijst, number>> {
  // The three counts in one statement: one round trip instead of three.
  const row = await sql<Record<Lijst, string | number>>`SELECT ${lijstTellingen(db, tenantId, toegang, staffUserId, resolved)}`.execute(db);
  return tellingenUit(row.rows[0]);
}

/** The counts of countLijsten as columns named after their list, to select in a statement. */
export function lijstTellingen(db: Kysely<Database>, tenantId: string, toegang: StaffZaakToegang, staffUserId: string, resolved: ResolvedFilter): RawBuilder<unknown> {
  const { filter, zaaktypen } = resolved;
  const kept = (lijst: Lijst) => filter.status.soort === 'open' && (lijst === 'team' || lijst === 'niet-toegewezen');
  const count = (lijst: Lijst) =>
    kept(lijst)
      ? openInReach(tenantId, toegang, filter.zaaktype === undefined ? undefined : zaaktypen, lijst === 'team' ? 'open' : 'niet-toegewezen')
      : sql<string>`(SELECT count(*) FROM (${filtered(db, tenantId, toegang, staffUserId, lijst, resolved).select('zaken.uuid').limit(COUNT_CAP + 1)}) AS capped)`;
  return sql.join(LIJSTEN.map((lijst) => sql`${count(lijst)} AS ${sql.ref(lijst)}`));
}

/** The counts read through lijstTellingen. */
export function tellingenUit(row: Partial<Record<Lijst, string | number>> | undefined): Record<Lijst, number> {
  return Object.fromEntries(LIJSTEN.map((lijst) => [lijst, Number(row?.[lijst] ?? 0)])) as Record<Lijst, number>;
}

/**
 * One page of a list, ordered by deadline. The page's zaken are chosen first from the zaken alone and only those are
 * joined to their zaaktype, handler and status, so a page further down does not join every zaak it skips.
 */
export async function listWerkvoorraad(
  db: Kysely<Database>,
  tenantId: string,
  toegang: StaffZaakToegang,
  staffUserId: string,
  lijst: Lijst,
  resolved: ResolvedFilter,
  pagina: number,
): Promise<WerkvoorraadRegel[]> {
  const { filter } = resolved;
  const closed = filter.status.soort === 'afgesloten';
  const matching = filtered(db, tenantId, toegang, staffUserId, lijst, resolved).select('zaken.uuid');
  // Open work by deadline; closed zaken (the "afgesloten" filter) most recently closed first, on zaken_einddatum.
  const page = (closed ? matching.orderBy('zaken.einddatum', 'desc').orderBy('zaken.uuid', 'desc') : matching.orderBy('zaken.uiterlijke_einddatum_afdoening', 'asc').orderBy('zaken.uuid', 'asc'))
    .limit(PAGE_SIZE)
    .offset((pagina - 1) * PAGE_SIZE);
  const query = db
    .selectFrom(page.as('pagina'))
    .innerJoin('zaken', 'zaken.uuid', 'pagina.uuid')
    .innerJoin('zaaktypen', 'zaaktypen.uuid', 'zaken.zaaktype_uuid')
    .select([
      'zaken.uuid',
      'zaken.identificatie',
      'zaken.omschrijving',
      'zaken.startdatum',
      'zaken.uiterlijke_einddatum_afdoening',
      'zaken.einddatum',
      'zaaktypen.omschrijving as zaaktype',
      'zaaktypen.identificatie as zaaktype_identificatie',
      'zaaktypen.doorlooptijd',
      // The handler and the current status as subqueries, not joins: planning a join of six tables cost PostgreSQL
      // more than running it for one page, where each subquery is a look-up by primary key (one row at most) per zaak of the page.
      (eb) =>
        eb
          .selectFrom('zaak_toewijzingen')
          .innerJoin('staff_users', 'staff_users.id', 'zaak_toewijzingen.behandelaar_id')
          .select('staff_users.display_name')
          .whereRef('zaak_toewijzingen.zaak_uuid', '=', 'zaken.uuid')
          .as('behandelaar'),
      sql<boolean>`coalesce((zaken.data->'opschorting'->>'indicatie')::boolean, false)`.as('opgeschort'),
      (eb) =>
        eb
          .selectFrom('zaak_huidige_status')
          .innerJoin('statustypen', 'statustypen.uuid', 'zaak_huidige_status.statustype_uuid')
          .select('statustypen.omschrijving')
          .whereRef('zaak_huidige_status.zaak_uuid', '=', 'zaken.uuid')
          .as('status'),
    ]);
  const rows = await (closed ? query.orderBy('zaken.einddatum', 'desc').orderBy('zaken.uuid', 'desc') : query.orderBy('zaken.uiterlijke_einddatum_afdoening', 'asc').orderBy('zaken.uuid', 'asc')).execute();
  return rows.map((row) => ({
    uuid: row.uuid,
    identificatie: row.identificatie,
    omschrijving: row.omschrijving,
    zaaktype: row.zaaktype,
    zaaktypeIdentificatie: row.zaaktype_identificatie,
    doorlooptijd: row.doorlooptijd,
    startdatum: row.startdatum,
    uiterlijkeEinddatumAfdoening: row.uiterlijke_einddatum_afdoening,
    einddatum: row.einddatum,
    opgeschort: row.opgeschort,
    status: row.status,
    behandelaar: row.behandelaar,
  }));
}

/** The zaaktype versions (uuids) this member handles: what the werkvoorraad lists and offers as choices. */
export function behandeldeZaaktypen(toegang: StaffZaakToegang): string[] {
  return [...new Set(toegang.delen.filter((deel) => deel.behandelen).flatMap((deel) => deel.zaaktypeUuids ?? []))];
}

export interface FilterKeuzes {
  zaaktypen: { identificatie: string; omschrijving: string }[];
  statussen: string[];
}

/**
 * The filter choices as one JSON value to select in a statement: the zaaktypen this member handles (by identificatie)
 * and their statustypen's names. Read back with filterKeuzesUit.
 */
export function filterKeuzesJson(tenantId: string, toegang: StaffZaakToegang): RawBuilder<unknown> {
  const uuids = behandeldeZaaktypen(toegang);
  return sql`json_build_object(
    'zaaktypen', (SELECT json_agg(json_build_object('identificatie', identificatie, 'omschrijving', omschrijving) ORDER BY omschrijving, begin_geldigheid DESC)
                  FROM zaaktypen WHERE tenant_id = ${tenantId} AND uuid = ANY(${uuids}::uuid[])),
    'statussen', (SELECT array_agg(DISTINCT omschrijving ORDER BY omschrijving)
                  FROM statustypen WHERE tenant_id = ${tenantId} AND zaaktype_uuid = ANY(${uuids}::uuid[])))`;
}

/** The filter choices read through filterKeuzesJson, each zaaktype once (its newest version's name). */
export function filterKeuzesUit(value: { zaaktypen: FilterKeuzes['zaaktypen'] | null; statussen: string[] | null } | null | undefined): FilterKeuzes {
  const seen = new Set<string>();
  return {
    zaaktypen: (value?.zaaktypen ?? []).filter((zaaktype) => !seen.has(zaaktype.identificatie) && seen.add(zaaktype.identificatie)),
    statussen: value?.statussen ?? [],
  };
}
