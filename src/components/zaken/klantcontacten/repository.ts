import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ReadableZaken } from '../shared/zaak-relation.ts';
import type { KlantcontactRow } from './present.ts';

export interface KlantcontactValues {
  zaak_uuid: string;
  identificatie: string;
  datumtijd: string;
  kanaal: string;
  onderwerp: string;
  toelichting: string;
}

type Query = SelectQueryBuilder<Database, 'klantcontacten', object>;

function filtered(db: Kysely<Database>, tenantId: string, zaakUuid: string | null | undefined, readable: ReadableZaken): Query {
  let query: Query = db.selectFrom('klantcontacten').where('klantcontacten.tenant_id', '=', tenantId);
  if (zaakUuid === null) query = query.where(sql<boolean>`false`);
  else if (zaakUuid !== undefined) query = query.where('klantcontacten.zaak_uuid', '=', zaakUuid);
  if (readable) query = query.where('klantcontacten.zaak_uuid', 'in', readable);
  return query;
}

/**
 * One page of the tenant's klantcontacten (of one zaak, when `zaakUuid` is given; none when it is null) readable by
 * the caller, oldest first, with the total.
 */
export async function listKlantcontacten(
  db: Kysely<Database>,
  tenantId: string,
  zaakUuid: string | null | undefined,
  readable: ReadableZaken,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: KlantcontactRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, zaakUuid, readable).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, zaakUuid, readable).selectAll('klantcontacten').orderBy('klantcontacten.created_at').orderBy('klantcontacten.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One klantcontact of the tenant, or undefined. */
export async function findKlantcontact(db: Kysely<Database>, tenantId: string, uuid: string): Promise<KlantcontactRow | undefined> {
  return db.selectFrom('klantcontacten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** Whether the tenant already has a klantcontact with this identificatie (it is unique per tenant). */
export async function identificatieTaken(db: Kysely<Database>, tenantId: string, identificatie: string): Promise<boolean> {
  return (await db.selectFrom('klantcontacten').select('uuid').where('tenant_id', '=', tenantId).where('identificatie', '=', identificatie).executeTakeFirst()) !== undefined;
}

/**
 * The highest number among the tenant's identificaties `<prefix><number>` (0 when none). Holds a transaction-scoped
 * lock per tenant first, so concurrent creates number one after another; call it in the creating transaction.
 */
export async function lastIdentificatieNumber(db: Kysely<Database>, tenantId: string, prefix: string, digits: number): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`loket:klantcontact-identificatie:${tenantId}`}))`.execute(db);
  const pattern = `${prefix}${'_'.repeat(digits)}`;
  const row = await db
    .selectFrom('klantcontacten')
    .select((eb) => eb.fn.max<string | null>('identificatie').as('last'))
    .where('tenant_id', '=', tenantId)
    .where('identificatie', 'like', pattern)
    .where(sql<boolean>`substr(identificatie, ${prefix.length + 1}) ~ '^[0-9]+$'`)
    .executeTakeFirst();
  return row?.last ? Number(row.last.slice(prefix.length)) : 0;
}

/** Stores a new klantcontact. */
export async function insertKlantcontact(db: Kysely<Database>, tenantId: string, values: KlantcontactValues): Promise<KlantcontactRow> {
  return db.insertInto('klantcontacten').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}
