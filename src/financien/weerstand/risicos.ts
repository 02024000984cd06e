import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { FormulierLezer, type FormulierWaarden, type Gelezen } from '../formulier/velden.ts';

/** A risk in the register as the pages show it. */
export interface Risico {
  uuid: string;
  naam: string;
  oorzaak: string;
  gevolg: string;
  kansProcent: number;
  impactCenten: number;
  structureel: boolean;
  eigenaar: string;
  beheersmaatregel: string;
  verbondenPartijUuid: string | null;
  verbondenPartijNaam: string | null;
}

export type RisicoInvoer = Omit<Risico, 'uuid' | 'verbondenPartijNaam'>;

/** The risk form's fields, read and checked; the verbonden partij must be one of this tenant's. */
export function readRisicoForm(form: FormulierWaarden, partijUuids: readonly string[]): Gelezen<RisicoInvoer> {
  const lezer = new FormulierLezer(form);
  const naam = lezer.tekst('naam', 'de naam van het risico', { verplicht: true });
  const oorzaak = lezer.tekst('oorzaak', 'de oorzaak', { max: 1000 });
  const gevolg = lezer.tekst('gevolg', 'het gevolg', { max: 1000 });
  const kans = lezer.percentage('kans', 'de kans');
  const impact = lezer.bedrag('impact', 'de financiële impact', { verplicht: true, nietNegatief: true });
  const structureel = lezer.keuze('structureel', 'of het risico structureel of incidenteel is', ['ja', 'nee'] as const);
  const eigenaar = lezer.tekst('eigenaar', 'de eigenaar');
  const beheersmaatregel = lezer.tekst('beheersmaatregel', 'de beheersmaatregel', { max: 1000 });
  const partij = (form.verbonden_partij ?? '').trim();
  if (partij !== '' && !partijUuids.includes(partij)) lezer.meld('verbonden_partij', 'Kies een verbonden partij uit de lijst, of geen.');
  return lezer.uitkomst(() => ({
    naam,
    oorzaak,
    gevolg,
    kansProcent: kans ?? 0,
    impactCenten: impact ?? 0,
    structureel: structureel === 'ja',
    eigenaar,
    beheersmaatregel,
    verbondenPartijUuid: partij === '' ? null : partij,
  }));
}

function columns(invoer: RisicoInvoer) {
  return {
    naam: invoer.naam,
    oorzaak: invoer.oorzaak,
    gevolg: invoer.gevolg,
    kans_procent: invoer.kansProcent,
    impact_centen: invoer.impactCenten,
    structureel: invoer.structureel,
    eigenaar: invoer.eigenaar,
    beheersmaatregel: invoer.beheersmaatregel,
    verbonden_partij_uuid: invoer.verbondenPartijUuid,
  };
}

/** Every risk of the tenant, largest expected loss (kans × impact) first. */
export async function listRisicos(db: Kysely<Database>, tenantId: string): Promise<Risico[]> {
  const rows = await db
    .selectFrom('risicos as r')
    .leftJoin('verbonden_partijen as p', (join) => join.onRef('p.uuid', '=', 'r.verbonden_partij_uuid').on('p.tenant_id', '=', tenantId))
    .selectAll('r')
    .select('p.naam as partij_naam')
    .where('r.tenant_id', '=', tenantId)
    .execute();
  return rows
    .map((row) => ({
      uuid: row.uuid,
      naam: row.naam,
      oorzaak: row.oorzaak,
      gevolg: row.gevolg,
      kansProcent: Number(row.kans_procent),
      impactCenten: Number(row.impact_centen),
      structureel: row.structureel,
      eigenaar: row.eigenaar,
      beheersmaatregel: row.beheersmaatregel,
      verbondenPartijUuid: row.verbonden_partij_uuid,
      verbondenPartijNaam: row.partij_naam,
    }))
    .sort((a, b) => b.kansProcent * b.impactCenten - a.kansProcent * a.impactCenten || a.naam.localeCompare(b.naam, 'nl'));
}

/** One risk of the tenant, or undefined. */
export async function findRisico(db: Kysely<Database>, tenantId: string, uuid: string): Promise<Risico | undefined> {
  return (await listRisicos(db, tenantId)).find((risico) => risico.uuid === uuid);
}

export async function insertRisico(db: Kysely<Database>, tenantId: string, invoer: RisicoInvoer): Promise<string> {
  const row = await db.insertInto('risicos').values({ tenant_id: tenantId, ...columns(invoer) }).returning('uuid').executeTakeFirstOrThrow();
  return row.uuid;
}

/** Updates a risk of this tenant; false when there is none with that id. */
export async function updateRisico(db: Kysely<Database>, tenantId: string, uuid: string, invoer: RisicoInvoer): Promise<boolean> {
  const result = await db
    .updateTable('risicos')
    .set({ ...columns(invoer), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
