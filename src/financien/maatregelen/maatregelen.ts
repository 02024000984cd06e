import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { Haalbaarheid, MaatregelSoort, MaatregelStatus } from '../../platform/database/tables/financien.ts';
import { FormulierLezer, type FormulierWaarden, type Gelezen } from '../formulier/velden.ts';
import { taakveldProblem } from '../iv3/taakvelden.ts';
import type { MaatregelEffect } from './effect.ts';
import { inTransaction } from '../../platform/database/transaction.ts';

export const MAATREGEL_SOORTEN: readonly { soort: MaatregelSoort; label: string }[] = [
  { soort: 'ombuiging', label: 'Ombuiging' },
  { soort: 'taakstelling', label: 'Taakstelling' },
];
export const MAATREGEL_STATUSSEN: readonly { status: MaatregelStatus; label: string }[] = [
  { status: 'voorgesteld', label: 'Voorgesteld' },
  { status: 'vastgesteld', label: 'Vastgesteld' },
  { status: 'vervallen', label: 'Vervallen' },
];
export const HAALBAARHEDEN: readonly { haalbaarheid: Haalbaarheid; label: string }[] = [
  { haalbaarheid: 'hoog', label: 'Hoog' },
  { haalbaarheid: 'gemiddeld', label: 'Gemiddeld' },
  { haalbaarheid: 'laag', label: 'Laag' },
];

/** A maatregel as the pages show it, with its voordeel per year in cents. */
export interface Maatregel extends MaatregelEffect {
  uuid: string;
  naam: string;
  soort: MaatregelSoort;
  omschrijving: string;
  taakveld: string;
}

export type MaatregelInvoer = Omit<Maatregel, 'uuid'>;

/**
 * The maatregel form, with a voordeel field per jaarschijf (`bedrag_<jaar>`, empty meaning none that year); the
 * taakveld, when given, must be a valid Iv3 taakveld in the budget's first year.
 */
export function readMaatregelForm(form: FormulierWaarden, jaren: readonly number[]): Gelezen<MaatregelInvoer> {
  const lezer = new FormulierLezer(form);
  const naam = lezer.tekst('naam', 'de naam van de maatregel', { verplicht: true });
  const soort = lezer.keuze('soort', 'de soort maatregel', MAATREGEL_SOORTEN.map((item) => item.soort));
  const omschrijving = lezer.tekst('omschrijving', 'de omschrijving', { max: 2000 });
  const status = lezer.keuze('status', 'de status', MAATREGEL_STATUSSEN.map((item) => item.status));
  const haalbaarheid = lezer.keuze('haalbaarheid', 'de haalbaarheid', HAALBAARHEDEN.map((item) => item.haalbaarheid));
  const effectOp = lezer.keuze('effect_op', 'of de maatregel de lasten verlaagt of de baten verhoogt', ['lasten', 'baten'] as const);
  const structureel = lezer.keuze('structureel', 'of de maatregel structureel of incidenteel is', ['ja', 'nee'] as const);
  const taakveld = lezer.tekst('taakveld', 'het taakveld', { max: 10 });
  const eersteJaar = jaren[0];
  if (taakveld !== '' && eersteJaar !== undefined) {
    const probleem = taakveldProblem(taakveld, eersteJaar);
    if (probleem) lezer.meld('taakveld', probleem);
  }
  const bedragen = new Map<number, number>();
  for (const jaar of jaren) {
    const bedrag = lezer.bedrag(`bedrag_${jaar}`, `het voordeel in ${jaar}`);
    if (bedrag !== null && bedrag !== 0) bedragen.set(jaar, bedrag);
  }
  if (lezer.errors.length === 0 && bedragen.size === 0 && jaren[0] !== undefined) lezer.meld(`bedrag_${jaren[0]}`, 'Vul voor ten minste één jaar het voordeel van de maatregel in.');
  return lezer.uitkomst(() => ({
    naam,
    soort: soort ?? 'ombuiging',
    omschrijving,
    status: status ?? 'voorgesteld',
    haalbaarheid: haalbaarheid ?? 'gemiddeld',
    effectOp: effectOp ?? 'lasten',
    structureel: structureel === 'ja',
    taakveld,
    bedragen,
  }));
}

/** Every maatregel of the tenant with its amounts. */
export async function listMaatregelen(db: Kysely<Database>, tenantId: string): Promise<Maatregel[]> {
  const [rows, bedragen] = await Promise.all([
    db.selectFrom('maatregelen').selectAll().where('tenant_id', '=', tenantId).orderBy('naam').execute(),
    db.selectFrom('maatregel_bedragen').selectAll().where('tenant_id', '=', tenantId).execute(),
  ]);
  const perMaatregel = new Map<string, Map<number, number>>();
  for (const bedrag of bedragen) {
    const years = perMaatregel.get(bedrag.maatregel_uuid) ?? new Map<number, number>();
    years.set(bedrag.jaar, Number(bedrag.voordeel_centen));
    perMaatregel.set(bedrag.maatregel_uuid, years);
  }
  return rows.map((row) => ({
    uuid: row.uuid,
    naam: row.naam,
    soort: row.soort,
    omschrijving: row.omschrijving,
    status: row.status,
    haalbaarheid: row.haalbaarheid,
    effectOp: row.effect_op,
    structureel: row.structureel,
    taakveld: row.taakveld,
    bedragen: perMaatregel.get(row.uuid) ?? new Map(),
  }));
}

export async function findMaatregel(db: Kysely<Database>, tenantId: string, uuid: string): Promise<Maatregel | undefined> {
  return (await listMaatregelen(db, tenantId)).find((maatregel) => maatregel.uuid === uuid);
}

async function replaceBedragen(db: Kysely<Database>, tenantId: string, uuid: string, bedragen: ReadonlyMap<number, number>, jaren: readonly number[]): Promise<void> {
  // Only the years on the form are replaced: amounts for years outside the current budget stay.
  if (jaren.length > 0) await db.deleteFrom('maatregel_bedragen').where('maatregel_uuid', '=', uuid).where('tenant_id', '=', tenantId).where('jaar', 'in', [...jaren]).execute();
  const rows = [...bedragen].map(([jaar, centen]) => ({ maatregel_uuid: uuid, tenant_id: tenantId, jaar, voordeel_centen: centen }));
  if (rows.length > 0) await db.insertInto('maatregel_bedragen').values(rows).execute();
}

function columns(invoer: MaatregelInvoer) {
  return {
    naam: invoer.naam,
    soort: invoer.soort,
    omschrijving: invoer.omschrijving,
    status: invoer.status,
    haalbaarheid: invoer.haalbaarheid,
    effect_op: invoer.effectOp,
    structureel: invoer.structureel,
    taakveld: invoer.taakveld,
  };
}

/** Stores a new maatregel with its amounts, in one transaction. */
export async function insertMaatregel(db: Kysely<Database>, tenantId: string, invoer: MaatregelInvoer): Promise<string> {
  return inTransaction(db, async (trx) => {
    const row = await trx.insertInto('maatregelen').values({ tenant_id: tenantId, ...columns(invoer) }).returning('uuid').executeTakeFirstOrThrow();
    await replaceBedragen(trx, tenantId, row.uuid, invoer.bedragen, []);
    return row.uuid;
  });
}

/** Updates a maatregel of this tenant and its amounts for the given years; false when there is none with that id. */
export async function updateMaatregel(db: Kysely<Database>, tenantId: string, uuid: string, invoer: MaatregelInvoer, jaren: readonly number[]): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx.updateTable('maatregelen').set({ ...columns(invoer), updated_at: new Date() }).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await replaceBedragen(trx, tenantId, uuid, invoer.bedragen, jaren);
    return true;
  });
}
