import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { VerbondenPartijSoort } from '../../platform/database/tables/financien.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { FormulierLezer, type FormulierWaarden, type Gelezen } from '../formulier/velden.ts';
import { koppelingenVan, readKoppelingen, saveKoppelingen, type BijdrageKoppeling } from './bijdrage-koppelingen.ts';

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
  /** Which begrotingsregels carry the partij's contribution (none: no contribution linked). */
  bijdrage: BijdrageKoppeling[];
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
    bijdrage: readKoppelingen(form, lezer),
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
  };
}

/** Every verbonden partij of the tenant, by name. */
export async function listVerbondenPartijen(db: Kysely<Database>, tenantId: string): Promise<VerbondenPartij[]> {
  const [rows, koppelingen] = await Promise.all([db.selectFrom('verbonden_partijen').selectAll().where('tenant_id', '=', tenantId).orderBy('naam').execute(), koppelingenVan(db, tenantId)]);
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
    bijdrage: koppelingen.get(row.uuid) ?? [],
  }));
}

export async function findVerbondenPartij(db: Kysely<Database>, tenantId: string, uuid: string): Promise<VerbondenPartij | undefined> {
  return (await listVerbondenPartijen(db, tenantId)).find((partij) => partij.uuid === uuid);
}

/** Adds a verbonden partij with its koppelingen, in one transaction. */
export async function insertVerbondenPartij(db: Kysely<Database>, tenantId: string, invoer: VerbondenPartijInvoer): Promise<string> {
  return inTransaction(db, async (trx) => {
    const row = await trx.insertInto('verbonden_partijen').values({ tenant_id: tenantId, ...columns(invoer) }).returning('uuid').executeTakeFirstOrThrow();
    await saveKoppelingen(trx, tenantId, row.uuid, invoer.bijdrage);
    return row.uuid;
  });
}

/** Updates a verbonden partij of this tenant and replaces its koppelingen; false when there is none with that id. */
export async function updateVerbondenPartij(db: Kysely<Database>, tenantId: string, uuid: string, invoer: VerbondenPartijInvoer): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('verbonden_partijen')
      .set({ ...columns(invoer), updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('uuid', '=', uuid)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await saveKoppelingen(trx, tenantId, uuid, invoer.bijdrage);
    return true;
  });
}
