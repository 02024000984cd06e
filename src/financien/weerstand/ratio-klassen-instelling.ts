import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { FormulierLezer, type FormulierWaarden, type Gelezen } from '../formulier/velden.ts';
import { STANDAARD_RATIO_KLASSEN, type RatioKlasse } from './weerstandsratio.ts';

/** The rating table a municipality uses, and whether it is its own or the common one. */
export interface RatioKlassenInstelling {
  klassen: readonly RatioKlasse[];
  eigen: boolean;
}

/** Limits of the form: a table needs a best and a worst class; more than ten rows is no longer a rating. */
export const MIN_KLASSEN = 2;
export const MAX_KLASSEN = 10;
/** Empty rows the form offers below the filled ones, so a class can be added without a script. */
export const LEGE_RIJEN = 2;

/** The tenant's rating table, best class first: its own when the controller stored one, otherwise the common A–F table. */
export async function ratioKlassenVan(db: Kysely<Database>, tenantId: string): Promise<RatioKlassenInstelling> {
  const rows = await db.selectFrom('financien_ratio_klassen').select(['klasse', 'vanaf', 'betekenis']).where('tenant_id', '=', tenantId).orderBy('volgorde').execute();
  if (rows.length < MIN_KLASSEN) return { klassen: STANDAARD_RATIO_KLASSEN, eigen: false };
  return {
    klassen: rows.map((row) => ({ klasse: row.klasse, vanaf: row.vanaf === null ? Number.NEGATIVE_INFINITY : Number(row.vanaf), betekenis: row.betekenis })),
    eigen: true,
  };
}

/** How many rows the form shows for a table of this many classes. */
export function formulierRijen(aantalKlassen: number): number {
  return Math.min(MAX_KLASSEN, aantalKlassen + LEGE_RIJEN);
}

/** The table as the form shows it: one row per class ("1,4"; the last class without a lower bound). */
export function ratioKlassenWaarden(klassen: readonly RatioKlasse[]): FormulierWaarden {
  const waarden: FormulierWaarden = {};
  klassen.forEach((klasse, index) => {
    waarden[`klasse_${index + 1}`] = klasse.klasse;
    waarden[`vanaf_${index + 1}`] = Number.isFinite(klasse.vanaf) ? String(klasse.vanaf).replace('.', ',') : '';
    waarden[`betekenis_${index + 1}`] = klasse.betekenis;
  });
  return waarden;
}

/**
 * The rating table form: rows from the best class to the worst, each with a name, a lower bound and a meaning. Empty
 * rows are skipped. Every class but the last needs a lower bound, strictly lower than the class above it; the last
 * class has none, so that every ratio falls in a class. Names are unique.
 */
export function readRatioKlassenForm(form: FormulierWaarden): Gelezen<RatioKlasse[]> {
  const lezer = new FormulierLezer(form);
  const filled: number[] = [];
  for (let rij = 1; rij <= MAX_KLASSEN; rij++) {
    if (['klasse', 'vanaf', 'betekenis'].some((veld) => (form[`${veld}_${rij}`] ?? '').trim() !== '')) filled.push(rij);
  }
  if (filled.length < MIN_KLASSEN) {
    lezer.meld('klasse_1', `Vul ten minste ${MIN_KLASSEN} klassen in: de beste bovenaan en de slechtste onderaan.`);
    return lezer.uitkomst(() => []);
  }
  const klassen: RatioKlasse[] = [];
  const names = new Set<string>();
  let boven: { klasse: string; vanaf: number } | undefined;
  filled.forEach((rij, index) => {
    const last = index === filled.length - 1;
    const klasse = lezer.tekst(`klasse_${rij}`, `de naam van de klasse in rij ${rij}`, { verplicht: true, max: 10 });
    if (klasse !== '' && names.has(klasse.toLowerCase())) lezer.meld(`klasse_${rij}`, `Klasse \u201c${klasse}\u201d staat er al boven; geef elke klasse een eigen naam.`);
    names.add(klasse.toLowerCase());
    const betekenis = lezer.tekst(`betekenis_${rij}`, `de betekenis van klasse ${klasse || `in rij ${rij}`}`, { verplicht: true, max: 100 });
    const vanafText = (form[`vanaf_${rij}`] ?? '').trim();
    let vanaf = Number.NEGATIVE_INFINITY;
    if (last) {
      if (vanafText !== '') lezer.meld(`vanaf_${rij}`, `De laagste klasse (${klasse || `rij ${rij}`}) heeft geen ondergrens: laat \u201cvanaf\u201d leeg, dan valt elke lagere ratio in deze klasse.`);
    } else {
      const value = lezer.getal(`vanaf_${rij}`, `de ondergrens van klasse ${klasse || `in rij ${rij}`}`, { min: 0, max: 100 });
      if (value !== null) {
        if (boven && value >= boven.vanaf) {
          lezer.meld(`vanaf_${rij}`, `De klassen staan van beste naar slechtste: de ondergrens van klasse ${klasse || `in rij ${rij}`} (${ratio(value)}) moet lager zijn dan die van klasse ${boven.klasse} erboven (${ratio(boven.vanaf)}).`);
        }
        vanaf = value;
        boven = { klasse, vanaf: value };
      }
    }
    klassen.push({ klasse, vanaf, betekenis });
  });
  return lezer.uitkomst(() => klassen);
}

function ratio(value: number): string {
  return String(value).replace('.', ',');
}

/** Stores the tenant's own rating table, best class first, replacing what it had. */
export async function saveRatioKlassen(db: Kysely<Database>, tenantId: string, klassen: readonly RatioKlasse[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('financien_ratio_klassen').where('tenant_id', '=', tenantId).execute();
    await trx
      .insertInto('financien_ratio_klassen')
      .values(klassen.map((klasse, index) => ({ tenant_id: tenantId, volgorde: index + 1, klasse: klasse.klasse, vanaf: Number.isFinite(klasse.vanaf) ? klasse.vanaf : null, betekenis: klasse.betekenis })))
      .execute();
  });
}

/** Back to the common A–F table. */
export async function resetRatioKlassen(db: Kysely<Database>, tenantId: string): Promise<void> {
  await db.deleteFrom('financien_ratio_klassen').where('tenant_id', '=', tenantId).execute();
}
