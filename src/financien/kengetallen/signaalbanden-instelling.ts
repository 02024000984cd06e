import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { FormulierLezer, type FormulierWaarden, type Gelezen } from '../formulier/velden.ts';
import { KENGETAL_NAMEN_LIJST, PROVINCIALE_SIGNAALWAARDEN, type KengetalNaam, type Signaalbanden } from './signaalwaarden.ts';

/** The signal bands a municipality uses, and whether they are its own or the provincial default. */
export interface SignaalbandenInstelling {
  banden: Signaalbanden;
  eigen: boolean;
}

/** Percentages a boundary may take: wide enough for any kengetal, narrow enough to catch a typo in the thousands. */
const GRENS_MIN = -100;
const GRENS_MAX = 1000;

/** How the two boundaries of a band are called in the form: which side is A and which is C depends on the direction. */
export function grensLabels(naam: KengetalNaam): { laag: string; hoog: string } {
  return PROVINCIALE_SIGNAALWAARDEN[naam].richting === 'lager-beter'
    ? { laag: 'Klasse A onder (procent)', hoog: 'Klasse C boven (procent)' }
    : { laag: 'Klasse C onder (procent)', hoog: 'Klasse A boven (procent)' };
}

/**
 * The tenant's signal bands: its own when the controller stored them, otherwise the provincial table. A kengetal
 * missing from the stored rows (a kengetal added later) keeps its provincial band.
 */
export async function signaalbandenVan(db: Kysely<Database>, tenantId: string): Promise<SignaalbandenInstelling> {
  const rows = await db.selectFrom('financien_signaalbanden').select(['kengetal', 'grens_laag', 'grens_hoog']).where('tenant_id', '=', tenantId).execute();
  const banden: Signaalbanden = { ...PROVINCIALE_SIGNAALWAARDEN };
  for (const row of rows) {
    if (!KENGETAL_NAMEN_LIJST.includes(row.kengetal as KengetalNaam)) continue;
    const naam = row.kengetal as KengetalNaam;
    banden[naam] = { richting: PROVINCIALE_SIGNAALWAARDEN[naam].richting, grenzen: [Number(row.grens_laag), Number(row.grens_hoog)] };
  }
  return { banden, eigen: rows.length > 0 };
}

/** The bands as the form shows them: "12,5" for 12.5. */
export function signaalbandenWaarden(banden: Signaalbanden): FormulierWaarden {
  const waarden: FormulierWaarden = {};
  for (const naam of KENGETAL_NAMEN_LIJST) {
    const [laag, hoog] = banden[naam].grenzen;
    waarden[`${naam}_laag`] = String(laag).replace('.', ',');
    waarden[`${naam}_hoog`] = String(hoog).replace('.', ',');
  }
  return waarden;
}

/**
 * The signal bands form: two boundaries per kengetal, each a percentage; the lower one may not lie above the higher one
 * (equal is allowed: then only that exact value is class B, as the provincial table does for the exploitatieruimte).
 */
export function readSignaalbandenForm(form: FormulierWaarden, kengetalNamen: Record<KengetalNaam, string>): Gelezen<Signaalbanden> {
  const lezer = new FormulierLezer(form);
  const banden: Signaalbanden = { ...PROVINCIALE_SIGNAALWAARDEN };
  for (const naam of KENGETAL_NAMEN_LIJST) {
    const labels = grensLabels(naam);
    const noun = kengetalNamen[naam].toLowerCase();
    const laag = lezer.getal(`${naam}_laag`, `bij de ${noun} de grens \u201c${labels.laag.toLowerCase()}\u201d`, { min: GRENS_MIN, max: GRENS_MAX });
    const hoog = lezer.getal(`${naam}_hoog`, `bij de ${noun} de grens \u201c${labels.hoog.toLowerCase()}\u201d`, { min: GRENS_MIN, max: GRENS_MAX });
    if (laag === null || hoog === null) continue;
    if (laag > hoog) {
      lezer.meld(`${naam}_hoog`, `Bij de ${noun} ligt de bovenste grens (${procent(hoog)}) onder de onderste (${procent(laag)}); de grenzen moeten oplopen: vul bij \u201c${labels.hoog.toLowerCase()}\u201d een waarde van ${procent(laag)} of hoger in.`);
      continue;
    }
    banden[naam] = { richting: PROVINCIALE_SIGNAALWAARDEN[naam].richting, grenzen: [laag, hoog] };
  }
  return lezer.uitkomst(() => banden);
}

function procent(value: number): string {
  return `${String(value).replace('.', ',').replace('-', '\u2212')}%`;
}

/** Stores the tenant's own bands, replacing what it had. */
export async function saveSignaalbanden(db: Kysely<Database>, tenantId: string, banden: Signaalbanden): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('financien_signaalbanden').where('tenant_id', '=', tenantId).execute();
    await trx
      .insertInto('financien_signaalbanden')
      .values(KENGETAL_NAMEN_LIJST.map((naam) => ({ tenant_id: tenantId, kengetal: naam, grens_laag: banden[naam].grenzen[0], grens_hoog: banden[naam].grenzen[1] })))
      .execute();
  });
}

/** Back to the provincial table. */
export async function resetSignaalbanden(db: Kysely<Database>, tenantId: string): Promise<void> {
  await db.deleteFrom('financien_signaalbanden').where('tenant_id', '=', tenantId).execute();
}
