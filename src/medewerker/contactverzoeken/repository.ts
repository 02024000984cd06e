import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { ContactverzoekenTable } from '../../platform/database/tables/contactverzoeken.ts';

/* The only SQL of the contactverzoeken: always scoped to the tenant, and to what the staff member may see. */

export type ContactverzoekRow = Selectable<ContactverzoekenTable>;

/** The three work lists of the back office. */
export const LIJSTEN = ['voor-mij', 'team', 'opgepakt'] as const;
export type Lijst = (typeof LIJSTEN)[number];

/** A row with the names the pages show. */
export interface ContactverzoekRegel extends ContactverzoekRow {
  team_naam: string | null;
  medewerker_naam: string | null;
  opgepakt_door_naam: string | null;
}

export interface Gebeurtenis {
  soort: 'doorgezet' | 'opgepakt' | 'afgehandeld';
  op: Date;
  door_naam: string | null;
  toelichting: string;
}

type Eb = ExpressionBuilder<Database, 'contactverzoeken'>;

function mijnTeams(eb: Eb, staffUserId: string) {
  return eb.selectFrom('team_leden').select('team_leden.team_id').where('team_leden.staff_user_id', '=', staffUserId);
}

/** What a staff member may see: addressed to them, to one of their teams, or picked up by them. */
function zichtbaar(eb: Eb, staffUserId: string) {
  return eb.or([eb('contactverzoeken.medewerker_id', '=', staffUserId), eb('contactverzoeken.team_id', 'in', mijnTeams(eb, staffUserId)), eb('contactverzoeken.opgepakt_door', '=', staffUserId)]);
}

function inLijst(eb: Eb, lijst: Lijst, staffUserId: string) {
  if (lijst === 'voor-mij') return eb('contactverzoeken.medewerker_id', '=', staffUserId);
  if (lijst === 'team') return eb('contactverzoeken.team_id', 'in', mijnTeams(eb, staffUserId));
  return eb('contactverzoeken.opgepakt_door', '=', staffUserId);
}

function metNamen(db: Kysely<Database>) {
  return db
    .selectFrom('contactverzoeken')
    .leftJoin('teams', 'teams.id', 'contactverzoeken.team_id')
    .leftJoin('staff_users as ontvanger', 'ontvanger.id', 'contactverzoeken.medewerker_id')
    .leftJoin('staff_users as oppakker', 'oppakker.id', 'contactverzoeken.opgepakt_door')
    .selectAll('contactverzoeken')
    .select(['teams.naam as team_naam', 'ontvanger.display_name as medewerker_naam', 'oppakker.display_name as opgepakt_door_naam']);
}

/** The open contactverzoeken of one list, earliest deadline first. */
export async function openInLijst(db: Kysely<Database>, tenantId: string, staffUserId: string, lijst: Lijst): Promise<ContactverzoekRegel[]> {
  return metNamen(db)
    .where('contactverzoeken.tenant_id', '=', tenantId)
    .where('contactverzoeken.afgehandeld_op', 'is', null)
    .where((eb) => inLijst(eb, lijst, staffUserId))
    .orderBy('contactverzoeken.deadline')
    .orderBy('contactverzoeken.aangemaakt_op')
    .execute();
}

/** How many open contactverzoeken each list holds. */
export async function tellingen(db: Kysely<Database>, tenantId: string, staffUserId: string): Promise<Record<Lijst, number>> {
  const row = await db
    .selectFrom('contactverzoeken')
    .where('tenant_id', '=', tenantId)
    .where('afgehandeld_op', 'is', null)
    .where((eb) => zichtbaar(eb, staffUserId))
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere((inner) => inLijst(inner, 'voor-mij', staffUserId)).as('voor_mij'),
      eb.fn.countAll<number>().filterWhere((inner) => inLijst(inner, 'team', staffUserId)).as('team'),
      eb.fn.countAll<number>().filterWhere((inner) => inLijst(inner, 'opgepakt', staffUserId)).as('opgepakt'),
    ])
    .executeTakeFirstOrThrow();
  return { 'voor-mij': Number(row.voor_mij), team: Number(row.team), opgepakt: Number(row.opgepakt) };
}

/** One contactverzoek, only when this staff member may see it. */
export async function findZichtbaar(db: Kysely<Database>, tenantId: string, staffUserId: string, uuid: string): Promise<ContactverzoekRegel | undefined> {
  return metNamen(db)
    .where('contactverzoeken.tenant_id', '=', tenantId)
    .where('contactverzoeken.interne_taak_uuid', '=', uuid)
    .where((eb) => zichtbaar(eb, staffUserId))
    .executeTakeFirst();
}

/** The contactverzoek a form submission made, by its key. */
export async function findBySleutel(db: Kysely<Database>, tenantId: string, sleutel: string): Promise<ContactverzoekRow | undefined> {
  return db.selectFrom('contactverzoeken').selectAll().where('tenant_id', '=', tenantId).where('sleutel', '=', sleutel).executeTakeFirst();
}

/** The contactverzoek of the tenant (for the KCC's confirmation; not a back-office view). */
export async function findInTenant(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ContactverzoekRegel | undefined> {
  return metNamen(db).where('contactverzoeken.tenant_id', '=', tenantId).where('contactverzoeken.interne_taak_uuid', '=', uuid).executeTakeFirst();
}

export async function insertContactverzoek(db: Kysely<Database>, row: Omit<ContactverzoekRow, 'aangemaakt_op' | 'opgepakt_door' | 'opgepakt_op' | 'afgehandeld_door' | 'afgehandeld_op' | 'uitkomst'> & { aangemaakt_op: Date }): Promise<void> {
  await db.insertInto('contactverzoeken').values(row).execute();
}

export async function markOpgepakt(db: Kysely<Database>, tenantId: string, uuid: string, staffUserId: string, now: Date): Promise<void> {
  await db.updateTable('contactverzoeken').set({ opgepakt_door: staffUserId, opgepakt_op: now }).where('tenant_id', '=', tenantId).where('interne_taak_uuid', '=', uuid).execute();
}

/** Closes it; false when it was closed already (a second click, another colleague). */
export async function markAfgehandeld(db: Kysely<Database>, tenantId: string, uuid: string, staffUserId: string, uitkomst: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('contactverzoeken')
    .set({ afgehandeld_door: staffUserId, afgehandeld_op: now, uitkomst })
    .where('tenant_id', '=', tenantId)
    .where('interne_taak_uuid', '=', uuid)
    .where('afgehandeld_op', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function addGebeurtenis(db: Kysely<Database>, tenantId: string, uuid: string, soort: Gebeurtenis['soort'], door: string, op: Date, toelichting: string): Promise<void> {
  await db.insertInto('contactverzoek_gebeurtenissen').values({ tenant_id: tenantId, interne_taak_uuid: uuid, soort, door, op, toelichting }).execute();
}

/** The history, oldest first. */
export async function gebeurtenissen(db: Kysely<Database>, tenantId: string, uuid: string): Promise<Gebeurtenis[]> {
  return db
    .selectFrom('contactverzoek_gebeurtenissen')
    .leftJoin('staff_users', 'staff_users.id', 'contactverzoek_gebeurtenissen.door')
    .select(['contactverzoek_gebeurtenissen.soort', 'contactverzoek_gebeurtenissen.op', 'contactverzoek_gebeurtenissen.toelichting', 'staff_users.display_name as door_naam'])
    .where('contactverzoek_gebeurtenissen.tenant_id', '=', tenantId)
    .where('contactverzoek_gebeurtenissen.interne_taak_uuid', '=', uuid)
    .orderBy('contactverzoek_gebeurtenissen.id')
    .execute();
}

/** Who a contactverzoek can go to: the tenant's teams and its active staff who work contacts or zaken. */
export async function ontvangers(db: Kysely<Database>, tenantId: string): Promise<{ teams: { id: string; naam: string }[]; medewerkers: { id: string; naam: string }[] }> {
  const [teams, medewerkers] = await Promise.all([
    db.selectFrom('teams').select(['id', 'naam']).where('tenant_id', '=', tenantId).orderBy('naam').execute(),
    db
      .selectFrom('staff_users')
      .select(['id', 'display_name as naam'])
      .where('tenant_id', '=', tenantId)
      .where('disabled_at', 'is', null)
      .where((eb) => eb.or([eb(eb.val('kcc'), '=', eb.fn.any('roles')), eb(eb.val('behandelaar'), '=', eb.fn.any('roles')), eb(eb.val('teamleider'), '=', eb.fn.any('roles'))]))
      .orderBy('display_name')
      .execute(),
  ]);
  return { teams, medewerkers };
}
