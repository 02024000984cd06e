import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { addDays } from '../../components/zaken/termijnen/awb-termijnen.ts';

/*
 * A small, fixed history for the demo municipality, so the KCC and kennisbank dashboards show something on first start:
 * eight weeks of kennisbank searches and ratings, and four weeks of closed KCC contacts. No zaken: those come from
 * using the demo (portal e-forms, the KCC), and the refresh picks them up within a minute.
 */

const ZOEKTERMEN: readonly { term: string; gewicht: number; resultaten: number; product?: string }[] = [
  { term: 'paspoort', gewicht: 9, resultaten: 4, product: 'paspoort-aanvragen' },
  { term: 'verhuizen', gewicht: 6, resultaten: 3 },
  { term: 'kliko', gewicht: 5, resultaten: 2 },
  { term: 'id-kaart', gewicht: 4, resultaten: 3, product: 'identiteitskaart-aanvragen' },
  { term: 'parkeervergunning', gewicht: 3, resultaten: 2 },
  { term: 'ooievaarspas', gewicht: 2, resultaten: 0 },
  { term: 'rolstoeltaxi', gewicht: 1, resultaten: 0 },
];
const KCC_KANALEN = ['telefoon', 'telefoon', 'telefoon', 'telefoon', 'balie', 'balie', 'e-mail', 'chat'] as const;

/** A fixed sequence of numbers in [0, 1): the same demo every time. */
function reeks(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Writes the demo history of the tenant, up to `vandaag` (Europe/Amsterdam). */
export async function seedDemoInzicht(db: Kysely<Database>, tenantId: string, vandaag: string): Promise<void> {
  const random = reeks(20_270_101);
  const producten = new Map(
    (await db.selectFrom('kennisbank_producten').select(['uuid', 'slug']).where('tenant_id', '=', tenantId).execute()).map((product) => [product.slug, product.uuid]),
  );
  const gewichten = ZOEKTERMEN.flatMap((term) => Array.from({ length: term.gewicht }, () => term));
  const zoekopdrachten = [];
  for (let index = 0; index < 160; index++) {
    const term = gewichten[Math.floor(random() * gewichten.length)] ?? ZOEKTERMEN[0];
    if (!term) continue;
    const moment = new Date(`${addDays(vandaag, -1 - Math.floor(random() * 56))}T${String(7 + Math.floor(random() * 12)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`);
    const product = term.product ? producten.get(term.product) : undefined;
    const geklikt = product !== undefined && term.resultaten > 0 && random() < 0.7;
    zoekopdrachten.push({
      tenant_id: tenantId,
      zoekterm: term.term,
      kanaal: random() < 0.8 ? ('portaal' as const) : ('kcc' as const),
      aantal_resultaten: term.resultaten,
      gezocht_op: moment,
      ...(geklikt ? { geklikt_product_uuid: product, geklikte_positie: 1, geklikt_op: new Date(moment.getTime() + 8000) } : {}),
    });
  }
  await db.insertInto('kennisbank_zoekopdrachten').values(zoekopdrachten).execute();

  const beoordeeld = [...producten.values()].slice(0, 3);
  const beoordelingen = beoordeeld.flatMap((product, index) =>
    Array.from({ length: 4 }, (_, n) => ({ tenant_id: tenantId, product_uuid: product, nuttig: n > index, kanaal: 'portaal' as const, beoordeeld_op: new Date(`${addDays(vandaag, -n * 5)}T10:00:00Z`) })),
  );
  if (beoordelingen.length > 0) await db.insertInto('kennisbank_beoordelingen').values(beoordelingen).execute();

  // Numbers outside the API's numeric series (which the counter hands out, and bulk loads such as the KCC benchmark
  // write from 1): a demo contact never takes a number another contact will need.
  for (let index = 0; index < 48; index++) {
    const kanaal = KCC_KANALEN[Math.floor(random() * KCC_KANALEN.length)] ?? 'telefoon';
    const moment = new Date(`${addDays(vandaag, -1 - Math.floor(random() * 28))}T${String(7 + Math.floor(random() * 9)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`);
    const { uuid } = await db
      .insertInto('ki_klantcontacten')
      .values({ tenant_id: tenantId, nummer: `DEMO${String(index + 1).padStart(6, '0')}`, kanaal, onderwerp: 'Vraag over een product', taal: 'nld', vertrouwelijk: false, plaatsgevonden_op: moment })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('kcc_contacten')
      .values({
        klantcontact_uuid: uuid, tenant_id: tenantId, kanaal, onderwerp: 'Vraag over een product', status: 'gesloten', resultaat: 'beantwoord',
        afgehandeld_bij_eerste_contact: random() < 0.75, geopend_op: moment, gesloten_op: new Date(moment.getTime() + 6 * 60_000),
      })
      .execute();
  }
}
