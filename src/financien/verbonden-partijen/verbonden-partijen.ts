import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { VerbondenPartijSoort } from '../../platform/database/tables/financien.ts';
import type { BegrotingStand } from '../begroting/saldo.ts';
import { FormulierLezer, type FormulierWaarden, type Gelezen } from '../formulier/velden.ts';

export const VERBONDEN_PARTIJ_SOORTEN: readonly { soort: VerbondenPartijSoort; label: string }[] = [
  { soort: 'gemeenschappelijke_regeling', label: 'Gemeenschappelijke regeling' },
  { soort: 'vennootschap', label: 'Vennootschap' },
  { soort: 'stichting', label: 'Stichting' },
  { soort: 'overig', label: 'Overig' },
];

/** A verbonden partij as the pages show it; amounts in cents, null where not entered. */
export interface VerbondenPartij {
  uuid: string;
  naam: string;
  vestigingsplaats: string;
  soort: VerbondenPartijSoort;
  openbaarBelang: string;
  bestuurlijkBelang: string;
  financieelBelang: string;
  jaar: number | null;
  eigenVermogenBegin: number | null;
  eigenVermogenEind: number | null;
  vreemdVermogenBegin: number | null;
  vreemdVermogenEind: number | null;
  resultaat: number | null;
  risicos: string;
  bijdrageOmschrijving: string;
}

export type VerbondenPartijInvoer = Omit<VerbondenPartij, 'uuid'>;

const cents = (value: string | null) => (value === null ? null : Number(value));

/** The form of a verbonden partij; amounts may be left empty when not known yet. */
export function readVerbondenPartijForm(form: FormulierWaarden): Gelezen<VerbondenPartijInvoer> {
  const lezer = new FormulierLezer(form);
  const value: VerbondenPartijInvoer = {
    naam: lezer.tekst('naam', 'de naam', { verplicht: true }),
    vestigingsplaats: lezer.tekst('vestigingsplaats', 'de vestigingsplaats'),
    soort: lezer.keuze('soort', 'de soort verbonden partij', VERBONDEN_PARTIJ_SOORTEN.map((item) => item.soort)) ?? 'overig',
    openbaarBelang: lezer.tekst('openbaar_belang', 'het openbaar belang', { max: 2000 }),
    bestuurlijkBelang: lezer.tekst('bestuurlijk_belang', 'het bestuurlijk belang', { max: 2000 }),
    financieelBelang: lezer.tekst('financieel_belang', 'het financieel belang', { max: 2000 }),
    jaar: lezer.jaar('jaar', 'het jaar van de cijfers'),
    eigenVermogenBegin: lezer.bedrag('eigen_vermogen_begin', 'het eigen vermogen aan het begin van het jaar'),
    eigenVermogenEind: lezer.bedrag('eigen_vermogen_eind', 'het eigen vermogen aan het eind van het jaar'),
    vreemdVermogenBegin: lezer.bedrag('vreemd_vermogen_begin', 'het vreemd vermogen aan het begin van het jaar', { nietNegatief: true }),
    vreemdVermogenEind: lezer.bedrag('vreemd_vermogen_eind', 'het vreemd vermogen aan het eind van het jaar', { nietNegatief: true }),
    resultaat: lezer.bedrag('resultaat', 'het resultaat'),
    risicos: lezer.tekst('risicos', 'de risico\u2019s', { max: 2000 }),
    bijdrageOmschrijving: lezer.tekst('bijdrage_omschrijving', 'de omschrijving van de bijdrage in de begroting'),
  };
  return lezer.uitkomst(() => value);
}

function columns(invoer: VerbondenPartijInvoer) {
  return {
    naam: invoer.naam,
    vestigingsplaats: invoer.vestigingsplaats,
    soort: invoer.soort,
    openbaar_belang: invoer.openbaarBelang,
    bestuurlijk_belang: invoer.bestuurlijkBelang,
    financieel_belang: invoer.financieelBelang,
    jaar: invoer.jaar,
    eigen_vermogen_begin_centen: invoer.eigenVermogenBegin,
    eigen_vermogen_eind_centen: invoer.eigenVermogenEind,
    vreemd_vermogen_begin_centen: invoer.vreemdVermogenBegin,
    vreemd_vermogen_eind_centen: invoer.vreemdVermogenEind,
    resultaat_centen: invoer.resultaat,
    risicos: invoer.risicos,
    bijdrage_omschrijving: invoer.bijdrageOmschrijving,
  };
}

/** Every verbonden partij of the tenant, by name. */
export async function listVerbondenPartijen(db: Kysely<Database>, tenantId: string): Promise<VerbondenPartij[]> {
  const rows = await db.selectFrom('verbonden_partijen').selectAll().where('tenant_id', '=', tenantId).orderBy('naam').execute();
  return rows.map((row) => ({
    uuid: row.uuid,
    naam: row.naam,
    vestigingsplaats: row.vestigingsplaats,
    soort: row.soort,
    openbaarBelang: row.openbaar_belang,
    bestuurlijkBelang: row.bestuurlijk_belang,
    financieelBelang: row.financieel_belang,
    jaar: row.jaar,
    eigenVermogenBegin: cents(row.eigen_vermogen_begin_centen),
    eigenVermogenEind: cents(row.eigen_vermogen_eind_centen),
    vreemdVermogenBegin: cents(row.vreemd_vermogen_begin_centen),
    vreemdVermogenEind: cents(row.vreemd_vermogen_eind_centen),
    resultaat: cents(row.resultaat_centen),
    risicos: row.risicos,
    bijdrageOmschrijving: row.bijdrage_omschrijving,
  }));
}

export async function findVerbondenPartij(db: Kysely<Database>, tenantId: string, uuid: string): Promise<VerbondenPartij | undefined> {
  return (await listVerbondenPartijen(db, tenantId)).find((partij) => partij.uuid === uuid);
}

export async function insertVerbondenPartij(db: Kysely<Database>, tenantId: string, invoer: VerbondenPartijInvoer): Promise<string> {
  const row = await db.insertInto('verbonden_partijen').values({ tenant_id: tenantId, ...columns(invoer) }).returning('uuid').executeTakeFirstOrThrow();
  return row.uuid;
}

/** Updates a verbonden partij of this tenant; false when there is none with that id. */
export async function updateVerbondenPartij(db: Kysely<Database>, tenantId: string, uuid: string, invoer: VerbondenPartijInvoer): Promise<boolean> {
  const result = await db
    .updateTable('verbonden_partijen')
    .set({ ...columns(invoer), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

interface BijdrageRow {
  omschrijving: string;
  jaar: number;
  netto: string | number;
}

/**
 * Each partij's contribution in the budget as adopted: per jaarschijf the lasten minus the baten of the begrotingsregels
 * whose omschrijving is the partij's bijdrage-omschrijving (case-insensitive), in cents. Keyed by partij uuid, then year.
 */
export async function bijdragenInBegroting(db: Kysely<Database>, tenantId: string, partijen: readonly VerbondenPartij[], stand: BegrotingStand): Promise<Map<string, Map<number, number>>> {
  const omschrijvingen = [...new Set(partijen.map((partij) => partij.bijdrageOmschrijving.toLowerCase()).filter((text) => text !== ''))];
  const result = new Map<string, Map<number, number>>();
  if (omschrijvingen.length === 0) return result;
  const rows = await sql<BijdrageRow>`
    SELECT lower(r.omschrijving) AS omschrijving, r.jaar,
           sum(CASE WHEN r.soort = 'lasten' THEN r.bedrag_centen ELSE -r.bedrag_centen END) AS netto
    FROM begrotingsregels r
    JOIN begrotingsversies v ON v.uuid = r.versie_uuid
    WHERE v.tenant_id = ${tenantId} AND r.tenant_id = ${tenantId} AND v.begrotingsjaar = ${stand.begrotingsjaar}
      AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') AND v.vastgesteld_op <= ${stand.peildatum ?? '9999-12-31'}::date
      AND lower(r.omschrijving) IN (${sql.join(omschrijvingen)})
    GROUP BY lower(r.omschrijving), r.jaar`.execute(db);
  const byText = new Map<string, Map<number, number>>();
  for (const row of rows.rows) {
    const years = byText.get(row.omschrijving) ?? new Map<number, number>();
    years.set(Number(row.jaar), Number(row.netto));
    byText.set(row.omschrijving, years);
  }
  for (const partij of partijen) {
    const years = byText.get(partij.bijdrageOmschrijving.toLowerCase());
    if (years) result.set(partij.uuid, years);
  }
  return result;
}
