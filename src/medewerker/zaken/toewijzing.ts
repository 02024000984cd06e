import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/database/schema.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { invalid, ProblemError } from '../../platform/errors/problem.ts';
import type { ZakenCaller } from '../../components/zaken/shared/caller.ts';
import { zaakUrl } from '../../components/zaken/shared/urls.ts';
import { createRol, destroyRol } from '../../components/zaken/rollen/service.ts';
import { zaakServices, type ApiBases } from './zaak-services.ts';

/*
 * Who handles a zaak. The workspace keeps the assignment in its own table (the werkvoorraad sorts and counts on it),
 * and records it in the Zaken API as a rol "behandelaar" (betrokkeneType medewerker) when the zaaktype has that
 * roltype, so other ZGW applications see who handles the zaak; a reassignment replaces that rol.
 */

const HANDLING_ROLES = ['behandelaar', 'teamleider'];

export interface Collega {
  id: string;
  naam: string;
}

/** The staff members who may be given zaken of this zaaktype: active handlers in a team that handles it. */
export async function collegasVoorZaaktype(db: Kysely<Database>, tenantId: string, zaaktypeIdentificatie: string): Promise<Collega[]> {
  return (await collegasVoorZaaktypen(db, tenantId, [zaaktypeIdentificatie])).get(zaaktypeIdentificatie) ?? [];
}

/** The colleagues per zaaktype (by identificatie) for several zaaktypen in one query, each list by name. */
export async function collegasVoorZaaktypen(db: Kysely<Database>, tenantId: string, zaaktypeIdentificaties: readonly string[]): Promise<Map<string, Collega[]>> {
  const result = new Map<string, Collega[]>(zaaktypeIdentificaties.map((identificatie) => [identificatie, []]));
  if (zaaktypeIdentificaties.length === 0) return result;
  return collegasPerZaaktype(db, tenantId, [...zaaktypeIdentificaties], result);
}

export type CollegaRij = { zaaktype_identificatie: string; id: string; display_name: string; roles: string[] };

/** Active staff in a team that handles one of these zaaktypen (by identificatie), by name, once per zaaktype. */
function collegaRijen(db: Kysely<Database>, tenantId: string, identificaties: string[] | SelectQueryBuilder<Database, 'zaaktypen', { identificatie: string }>) {
  return db
    .selectFrom('staff_users')
    .innerJoin('team_leden', 'team_leden.staff_user_id', 'staff_users.id')
    .innerJoin('team_zaaktypen', 'team_zaaktypen.team_id', 'team_leden.team_id')
    .select(['team_zaaktypen.zaaktype_identificatie', 'staff_users.id', 'staff_users.display_name', 'staff_users.roles'])
    .distinct()
    .where('staff_users.tenant_id', '=', tenantId)
    .where('staff_users.disabled_at', 'is', null)
    .where('team_zaaktypen.tenant_id', '=', tenantId)
    .where('team_zaaktypen.zaaktype_identificatie', 'in', identificaties)
    .orderBy('staff_users.display_name')
    .orderBy('staff_users.id');
}

/** The rows grouped per zaaktype identificatie, handlers only (added to `result`). */
function perZaaktype(rows: readonly CollegaRij[], result: Map<string, Collega[]>): Map<string, Collega[]> {
  for (const row of rows) {
    if (!row.roles.some((role) => HANDLING_ROLES.includes(role))) continue;
    const lijst = result.get(row.zaaktype_identificatie) ?? [];
    lijst.push({ id: row.id, naam: row.display_name });
    result.set(row.zaaktype_identificatie, lijst);
  }
  return result;
}

/**
 * The colleagues for every zaaktype of these versions (uuids) as one JSON value to select in a statement: what a
 * werkvoorraad page may offer, read beside its counts instead of after its zaken. Read back with collegasUit.
 */
export function collegasJson(db: Kysely<Database>, tenantId: string, zaaktypeUuids: readonly string[], bekend?: Readonly<Record<string, string>>): RawBuilder<unknown> {
  // The versions' identificaties as values when the toegang read them already: a subquery less to plan.
  const identificaties = zaaktypeUuids.every((uuid) => bekend?.[uuid] !== undefined)
    ? [...new Set(zaaktypeUuids.map((uuid) => bekend?.[uuid] ?? ''))].sort()
    : db.selectFrom('zaaktypen').select('identificatie').where('tenant_id', '=', tenantId).where(sql<boolean>`uuid = ANY(${[...zaaktypeUuids]}::uuid[])`);
  if (Array.isArray(identificaties) && identificaties.length === 0) return sql`'[]'::json`;
  return sql`(SELECT coalesce(json_agg(rij ORDER BY rij.display_name, rij.id), '[]'::json) FROM (${collegaRijen(db, tenantId, identificaties)}) AS rij)`;
}

/** The colleagues per zaaktype identificatie, read through collegasJson. */
export function collegasUit(rows: readonly CollegaRij[] | null | undefined): Map<string, Collega[]> {
  return perZaaktype(rows ?? [], new Map());
}

async function collegasPerZaaktype(db: Kysely<Database>, tenantId: string, identificaties: string[], result: Map<string, Collega[]>): Promise<Map<string, Collega[]>> {
  return perZaaktype(await collegaRijen(db, tenantId, identificaties).execute(), result);
}

/** The current assignment of a zaak, with the handler's name. */
export async function findToewijzing(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<{ behandelaarId: string; naam: string; toegewezenOp: Date } | undefined> {
  const row = await db
    .selectFrom('zaak_toewijzingen')
    .innerJoin('staff_users', 'staff_users.id', 'zaak_toewijzingen.behandelaar_id')
    .select(['zaak_toewijzingen.behandelaar_id', 'staff_users.display_name', 'zaak_toewijzingen.toegewezen_op'])
    .where('zaak_toewijzingen.tenant_id', '=', tenantId)
    .where('zaak_toewijzingen.zaak_uuid', '=', zaakUuid)
    .executeTakeFirst();
  return row ? { behandelaarId: row.behandelaar_id, naam: row.display_name, toegewezenOp: new Date(row.toegewezen_op) } : undefined;
}

/** The ZGW identificatie of a staff member as medewerker (the standard allows 24 characters). */
function medewerkerIdentificatie(staffUserId: string): string {
  return staffUserId.replaceAll('-', '').slice(0, 24);
}

export interface ToewijzingInput {
  zaak: { uuid: string; zaaktypeUuid: string; zaaktypeIdentificatie: string };
  behandelaarId: string;
}

/**
 * Assigns the zaak to a handler of its zaaktype, in one transaction with the rol in the Zaken API. Assigning it to
 * the one who already has it changes nothing (a double submit is harmless). The caller has checked mayHandleZaak.
 */
export async function wijsZaakToe(context: AppContext, caller: ZakenCaller, bases: ApiBases, input: ToewijzingInput): Promise<'toegewezen' | 'ongewijzigd'> {
  const db = context.database.db;
  const tenantId = caller.tenant.id;
  const staff = caller.staff;
  if (!staff) throw new ProblemError('not_authenticated');
  const collega = (await collegasVoorZaaktype(db, tenantId, input.zaak.zaaktypeIdentificatie)).find((candidate) => candidate.id === input.behandelaarId);
  if (!collega) throw invalid([{ name: 'behandelaar', code: 'geen-collega', reason: 'Kies een medewerker van een team dat dit zaaktype behandelt.' }]);
  return inTransaction(db, async (trx) => {
    // Locks the zaak's row of assignments: two assignments at once are applied one after the other.
    await trx.selectFrom('zaken').select('uuid').where('tenant_id', '=', tenantId).where('uuid', '=', input.zaak.uuid).forUpdate().executeTakeFirst();
    const current = await trx.selectFrom('zaak_toewijzingen').selectAll().where('tenant_id', '=', tenantId).where('zaak_uuid', '=', input.zaak.uuid).executeTakeFirst();
    if (current?.behandelaar_id === collega.id) return 'ongewijzigd';
    const services = zaakServices(context, trx);
    if (current?.rol_uuid) {
      const stillThere = await trx.selectFrom('rollen').select('uuid').where('tenant_id', '=', tenantId).where('uuid', '=', current.rol_uuid).executeTakeFirst();
      if (stillThere) await destroyRol(services.rollen, caller, bases.zaken, current.rol_uuid);
    }
    const roltype = await trx
      .selectFrom('roltypen')
      .select('uuid')
      .where('tenant_id', '=', tenantId)
      .where('zaaktype_uuid', '=', input.zaak.zaaktypeUuid)
      .where('omschrijving_generiek', '=', 'behandelaar')
      .orderBy('created_at')
      .executeTakeFirst();
    let rolUuid: string | null = null;
    if (roltype) {
      const rol = await createRol(services.rollen, caller, bases.zaken, {
        zaak: zaakUrl(bases.zaken, input.zaak.uuid),
        betrokkeneType: 'medewerker',
        roltype: `${bases.catalogi}/roltypen/${roltype.uuid}`,
        roltoelichting: `Behandelaar, toegewezen door ${staff.displayName}`,
        betrokkeneIdentificatie: { identificatie: medewerkerIdentificatie(collega.id), achternaam: collega.naam.slice(0, 200), voorletters: '', voorvoegselAchternaam: '' },
      });
      rolUuid = rol.uuid;
    }
    await trx
      .insertInto('zaak_toewijzingen')
      .values({ zaak_uuid: input.zaak.uuid, tenant_id: tenantId, behandelaar_id: collega.id, toegewezen_door: staff.userId, toegewezen_op: new Date(), rol_uuid: rolUuid })
      .onConflict((oc) => oc.column('zaak_uuid').doUpdateSet({ behandelaar_id: collega.id, toegewezen_door: staff.userId, toegewezen_op: new Date(), rol_uuid: rolUuid }))
      .execute();
    return 'toegewezen';
  });
}
