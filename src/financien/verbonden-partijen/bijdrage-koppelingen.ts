import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { BegrotingStand } from '../begroting/saldo.ts';
import { CATEGORIE_PATROON } from '../begroting/csv-regels.ts';
import type { FormulierLezer, FormulierWaarden } from '../formulier/velden.ts';
import { taakvelden } from '../iv3/taakvelden.ts';

/**
 * Which begrotingsregels carry a verbonden partij's contribution: every regel on the taakveld, narrowed (when given) to
 * one economische categorie and/or one omschrijving. This is how a controller finds a contribution in the ledger: a
 * gemeenschappelijke regeling's bijdrage is booked on its taakveld as categorie 4.4, a dividend on 0.5 as categorie
 * 7.1. A partij may have several koppelingen; a regel that fits more than one counts once.
 */
export interface BijdrageKoppeling {
  taakveld: string;
  categorie: string | null;
  omschrijving: string | null;
}

/** Most koppelingen a partij may have, and how many empty rows the form offers below the filled ones. */
export const MAX_KOPPELINGEN = 10;
const LEGE_RIJEN = 2;

/** How many rows the form shows for a partij with this many koppelingen. */
export function koppelingRijen(aantal: number): number {
  return Math.min(MAX_KOPPELINGEN, Math.max(aantal + LEGE_RIJEN, 3));
}

/** A koppeling in words: "taakveld 1.1, categorie 4.4, omschrijving “Bijdrage GGD”". */
export function koppelingTekst(koppeling: BijdrageKoppeling): string {
  return [
    `taakveld ${koppeling.taakveld}`,
    koppeling.categorie ? `categorie ${koppeling.categorie}` : '',
    koppeling.omschrijving ? `omschrijving \u201c${koppeling.omschrijving}\u201d` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The koppelingen as the form shows them. */
export function koppelingWaarden(koppelingen: readonly BijdrageKoppeling[]): FormulierWaarden {
  const waarden: FormulierWaarden = {};
  koppelingen.forEach((koppeling, index) => {
    waarden[`bijdrage_${index + 1}_taakveld`] = koppeling.taakveld;
    waarden[`bijdrage_${index + 1}_categorie`] = koppeling.categorie ?? '';
    waarden[`bijdrage_${index + 1}_omschrijving`] = koppeling.omschrijving ?? '';
  });
  return waarden;
}

/**
 * Reads the koppeling rows of the partij form with the form's own reader, so their problems join the others. A row
 * left entirely empty is skipped; a filled row needs a taakveld of the Iv3 list (not a hoofdtaakveld); the categorie
 * is written like 4.4 or 3.4.1. The same koppeling twice is refused.
 */
export function readKoppelingen(form: FormulierWaarden, lezer: FormulierLezer): BijdrageKoppeling[] {
  const koppelingen: BijdrageKoppeling[] = [];
  const seen = new Set<string>();
  for (let rij = 1; rij <= MAX_KOPPELINGEN; rij++) {
    const veld = (naam: string) => `bijdrage_${rij}_${naam}`;
    if (['taakveld', 'categorie', 'omschrijving'].every((naam) => (form[veld(naam)] ?? '').trim() === '')) continue;
    const taakveld = lezer.tekst(veld('taakveld'), `het taakveld van koppeling ${rij}`, { verplicht: true, max: 10 });
    const categorie = lezer.tekst(veld('categorie'), `de categorie van koppeling ${rij}`, { max: 10 });
    const omschrijving = lezer.tekst(veld('omschrijving'), `de omschrijving van koppeling ${rij}`, { max: 500 });
    const bekend = taakvelden().get(taakveld);
    if (taakveld !== '' && !bekend) lezer.meld(veld('taakveld'), `Koppeling ${rij}: taakveld ${taakveld} bestaat niet in de Iv3-indeling; schrijf bijvoorbeeld 7.1.`);
    else if (bekend?.isHoofdtaakveld) lezer.meld(veld('taakveld'), `Koppeling ${rij}: ${taakveld} is een hoofdtaakveld; kies het taakveld waarop de bijdrage staat, bijvoorbeeld ${taakveld}.1.`);
    if (categorie !== '' && !CATEGORIE_PATROON.test(categorie)) lezer.meld(veld('categorie'), `Koppeling ${rij}: \u201c${categorie}\u201d is geen economische categorie; schrijf bijvoorbeeld 4.4 of laat het veld leeg.`);
    const koppeling = { taakveld, categorie: categorie || null, omschrijving: omschrijving || null };
    const key = [taakveld, categorie, omschrijving.toLowerCase()].join('\u0000');
    if (taakveld !== '' && seen.has(key)) lezer.meld(veld('taakveld'), `Koppeling ${rij} staat er al boven (${koppelingTekst(koppeling)}).`);
    seen.add(key);
    koppelingen.push(koppeling);
  }
  return koppelingen;
}

/** Every partij's koppelingen, in the order they were entered, keyed by partij uuid. */
export async function koppelingenVan(db: Kysely<Database>, tenantId: string): Promise<Map<string, BijdrageKoppeling[]>> {
  const rows = await db.selectFrom('verbonden_partij_bijdragen').select(['partij_uuid', 'taakveld', 'categorie', 'omschrijving']).where('tenant_id', '=', tenantId).orderBy('partij_uuid').orderBy('volgorde').execute();
  const result = new Map<string, BijdrageKoppeling[]>();
  for (const row of rows) {
    const list = result.get(row.partij_uuid) ?? [];
    list.push({ taakveld: row.taakveld, categorie: row.categorie, omschrijving: row.omschrijving });
    result.set(row.partij_uuid, list);
  }
  return result;
}

/** Replaces a partij's koppelingen; `db` may be the transaction that writes the partij itself. */
export async function saveKoppelingen(db: Kysely<Database>, tenantId: string, partijUuid: string, koppelingen: readonly BijdrageKoppeling[]): Promise<void> {
  await db.deleteFrom('verbonden_partij_bijdragen').where('tenant_id', '=', tenantId).where('partij_uuid', '=', partijUuid).execute();
  if (koppelingen.length === 0) return;
  await db
    .insertInto('verbonden_partij_bijdragen')
    .values(koppelingen.map((koppeling, index) => ({ tenant_id: tenantId, partij_uuid: partijUuid, volgorde: index + 1, ...koppeling })))
    .execute();
}

/** The contribution of every partij in a budget, and which of its koppelingen find no begrotingsregel at all. */
export interface BijdragenInBegroting {
  /** Per partij uuid, per jaarschijf: lasten minus baten of the linked regels, in cents. */
  bedragen: Map<string, Map<number, number>>;
  /** Per partij uuid, the koppelingen that match nothing in this budget (a typo, or a renumbered taakveld). */
  zonderRegels: Map<string, BijdrageKoppeling[]>;
}

interface BijdrageRow {
  partij_uuid: string;
  jaar: number;
  netto: string | number;
}

interface KoppelingRow {
  partij_uuid: string;
  taakveld: string;
  categorie: string | null;
  omschrijving: string | null;
  regels: string | number;
}

/**
 * Each partij's contribution in the budget as adopted on the stand's peildatum (the primitieve begroting and the
 * wijzigingen adopted by then): per jaarschijf the lasten minus the baten of the begrotingsregels that fit any of its
 * koppelingen, each regel counted once.
 */
export async function bijdragenInBegroting(db: Kysely<Database>, tenantId: string, stand: BegrotingStand): Promise<BijdragenInBegroting> {
  const peildatum = stand.peildatum ?? '9999-12-31';
  const gekoppeld = sql`
    SELECT k.id AS koppeling_id, k.partij_uuid, r.id AS regel_id, r.jaar, r.soort, r.bedrag_centen
    FROM verbonden_partij_bijdragen k
    JOIN begrotingsregels r ON r.tenant_id = k.tenant_id AND r.taakveld = k.taakveld
      AND (k.categorie IS NULL OR r.categorie = k.categorie)
      AND (k.omschrijving IS NULL OR lower(r.omschrijving) = lower(k.omschrijving))
    JOIN begrotingsversies v ON v.uuid = r.versie_uuid
    WHERE k.tenant_id = ${tenantId} AND r.tenant_id = ${tenantId} AND v.tenant_id = ${tenantId} AND v.begrotingsjaar = ${stand.begrotingsjaar}
      AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') AND v.vastgesteld_op <= ${peildatum}::date`;
  const [sums, counts] = await Promise.all([
    sql<BijdrageRow>`
      WITH gekoppeld AS (${gekoppeld})
      SELECT partij_uuid, jaar, sum(CASE WHEN soort = 'lasten' THEN bedrag_centen ELSE -bedrag_centen END) AS netto
      FROM (SELECT DISTINCT partij_uuid, regel_id, jaar, soort, bedrag_centen FROM gekoppeld) per_regel
      GROUP BY partij_uuid, jaar`.execute(db),
    sql<KoppelingRow>`
      WITH gekoppeld AS (${gekoppeld})
      SELECT k.partij_uuid, k.taakveld, k.categorie, k.omschrijving, count(g.regel_id) AS regels
      FROM verbonden_partij_bijdragen k
      LEFT JOIN gekoppeld g ON g.koppeling_id = k.id
      WHERE k.tenant_id = ${tenantId}
      GROUP BY k.id, k.partij_uuid, k.taakveld, k.categorie, k.omschrijving, k.volgorde
      ORDER BY k.partij_uuid, k.volgorde`.execute(db),
  ]);
  const bedragen = new Map<string, Map<number, number>>();
  for (const row of sums.rows) {
    const years = bedragen.get(row.partij_uuid) ?? new Map<number, number>();
    years.set(Number(row.jaar), Number(row.netto));
    bedragen.set(row.partij_uuid, years);
  }
  const zonderRegels = new Map<string, BijdrageKoppeling[]>();
  for (const row of counts.rows) {
    if (Number(row.regels) > 0) continue;
    const list = zonderRegels.get(row.partij_uuid) ?? [];
    list.push({ taakveld: row.taakveld, categorie: row.categorie, omschrijving: row.omschrijving });
    zonderRegels.set(row.partij_uuid, list);
  }
  return { bedragen, zonderRegels };
}
