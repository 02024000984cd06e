import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { ApplicatiesTable } from '../../platform/database/tables/autorisaties.ts';
import { insertAutorisatie, loadAutorisaties, type Autorisatie, type Vertrouwelijkheidaanduiding } from '../../platform/auth/autorisaties.ts';
import type { AutorisatieInput } from './schemas.ts';

/*
 * The SQL of APPLICATIE: the applicatie row, its client ids (api_clients rows, which hold a secret once a beheerder
 * gives one) and its autorisaties. Every query is scoped to the tenant.
 */

export type ApplicatieRow = Selectable<ApplicatiesTable>;

/** An applicatie with what it lists. */
export interface ApplicatieRecord {
  row: ApplicatieRow;
  clientIds: string[];
  autorisaties: Autorisatie[];
}

/** The stored values of an applicatie. */
export interface ApplicatieValues {
  label: string;
  heeftAlleAutorisaties: boolean;
  alleenIsGereedVoorPublicatie: boolean;
  clientIds: string[];
  autorisaties: AutorisatieInput[];
}

async function withParts(db: Kysely<Database>, rows: readonly ApplicatieRow[]): Promise<ApplicatieRecord[]> {
  if (rows.length === 0) return [];
  const clients = await db
    .selectFrom('api_clients')
    .select(['applicatie_uuid', 'client_id'])
    .where('applicatie_uuid', 'in', rows.map((row) => row.uuid))
    .orderBy('created_at')
    .orderBy('client_id')
    .execute();
  return Promise.all(
    rows.map(async (row) => ({
      row,
      clientIds: clients.filter((client) => client.applicatie_uuid === row.uuid).map((client) => client.client_id),
      autorisaties: row.heeft_alle_autorisaties ? [] : await loadAutorisaties(db, row.uuid),
    })),
  );
}

/** One page of the tenant's applicaties, oldest first, optionally only those with one of these client ids. */
export async function listApplicaties(
  db: Kysely<Database>,
  tenantId: string,
  clientIds: readonly string[] | undefined,
  window: { limit: number; offset: number },
): Promise<{ count: number; records: ApplicatieRecord[] }> {
  let query = db.selectFrom('applicaties').where('applicaties.tenant_id', '=', tenantId);
  if (clientIds !== undefined) {
    query = query.where('applicaties.uuid', 'in', db.selectFrom('api_clients').select('applicatie_uuid').where('tenant_id', '=', tenantId).where('client_id', 'in', [...clientIds]));
  }
  const [counted, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    query.selectAll('applicaties').orderBy('applicaties.created_at').orderBy('applicaties.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), records: await withParts(db, rows) };
}

/** The tenant's applicatie with this uuid. */
export async function findApplicatie(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ApplicatieRecord | undefined> {
  const row = await db.selectFrom('applicaties').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
  return row ? (await withParts(db, [row]))[0] : undefined;
}

/** The tenant's applicatie that holds this client id. */
export async function findApplicatieByClientId(db: Kysely<Database>, tenantId: string, clientId: string): Promise<ApplicatieRecord | undefined> {
  const row = await db
    .selectFrom('applicaties')
    .innerJoin('api_clients', 'api_clients.applicatie_uuid', 'applicaties.uuid')
    .selectAll('applicaties')
    .where('applicaties.tenant_id', '=', tenantId)
    .where('api_clients.client_id', '=', clientId)
    .executeTakeFirst();
  return row ? (await withParts(db, [row]))[0] : undefined;
}

/** Those of these client ids that another applicatie of the tenant (than `except`) already holds (ac-001). */
export async function clientIdsTaken(db: Kysely<Database>, tenantId: string, clientIds: readonly string[], except?: string): Promise<string[]> {
  if (clientIds.length === 0) return [];
  let query = db.selectFrom('api_clients').select('client_id').where('tenant_id', '=', tenantId).where('client_id', 'in', [...clientIds]);
  if (except !== undefined) query = query.where('applicatie_uuid', '<>', except);
  return (await query.execute()).map((row) => row.client_id);
}

function toAutorisatie(input: AutorisatieInput): Autorisatie {
  return {
    component: input.component,
    scopes: input.scopes,
    zaaktype: input.component === 'zrc' ? (input.zaaktype ?? null) : null,
    informatieobjecttype: input.component === 'drc' ? (input.informatieobjecttype ?? null) : null,
    besluittype: input.component === 'brc' ? (input.besluittype ?? null) : null,
    maxVertrouwelijkheidaanduiding:
      input.component === 'zrc' || input.component === 'drc' ? ((input.maxVertrouwelijkheidaanduiding as Vertrouwelijkheidaanduiding | undefined) ?? null) : null,
  };
}

/**
 * Lays the client ids and autorisaties of an applicatie down as given: client ids no longer listed go (with their
 * secrets), new ones arrive without a secret, kept ones keep theirs; the autorisaties are replaced.
 */
async function storeParts(db: Kysely<Database>, tenantId: string, uuid: string, values: ApplicatieValues): Promise<void> {
  const existing = await db.selectFrom('api_clients').select('client_id').where('applicatie_uuid', '=', uuid).execute();
  const kept = new Set(existing.map((row) => row.client_id));
  const gone = [...kept].filter((clientId) => !values.clientIds.includes(clientId));
  if (gone.length > 0) await db.deleteFrom('api_clients').where('applicatie_uuid', '=', uuid).where('client_id', 'in', gone).execute();
  for (const clientId of values.clientIds.filter((id) => !kept.has(id))) {
    await db.insertInto('api_clients').values({ tenant_id: tenantId, client_id: clientId, label: values.label, secret_encrypted: null, applicatie_uuid: uuid }).execute();
  }
  await db.updateTable('api_clients').set({ label: values.label }).where('applicatie_uuid', '=', uuid).execute();
  await db.deleteFrom('applicatie_autorisaties').where('applicatie_uuid', '=', uuid).execute();
  for (const autorisatie of values.heeftAlleAutorisaties ? [] : values.autorisaties) await insertAutorisatie(db, tenantId, uuid, toAutorisatie(autorisatie));
}

/** Stores a new applicatie (call inside a transaction). */
export async function insertApplicatie(db: Kysely<Database>, tenantId: string, values: ApplicatieValues): Promise<string> {
  const { uuid } = await db
    .insertInto('applicaties')
    .values({ tenant_id: tenantId, label: values.label, heeft_alle_autorisaties: values.heeftAlleAutorisaties, alleen_is_gereed_voor_publicatie: values.alleenIsGereedVoorPublicatie })
    .returning('uuid')
    .executeTakeFirstOrThrow();
  await storeParts(db, tenantId, uuid, values);
  return uuid;
}

/** Overwrites an applicatie (call inside a transaction). */
export async function updateApplicatie(db: Kysely<Database>, tenantId: string, uuid: string, values: ApplicatieValues): Promise<void> {
  await db
    .updateTable('applicaties')
    .set({ label: values.label, heeft_alle_autorisaties: values.heeftAlleAutorisaties, alleen_is_gereed_voor_publicatie: values.alleenIsGereedVoorPublicatie })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .execute();
  await storeParts(db, tenantId, uuid, values);
}

/** Deletes an applicatie; its client ids (with their secrets) and autorisaties go with it. */
export async function deleteApplicatie(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('applicaties').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
