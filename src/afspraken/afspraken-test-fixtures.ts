import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import { addDays, fromAmsterdam, toAmsterdam } from './amsterdam-time.ts';
import { insertClosingDay, insertLocation, insertProduct, replaceCapacity, replaceOpeningPeriods } from './repository.ts';

/** A location open every day 09:00–17:00 with one bookable product of 30 minutes; the day after `dag` is closed. */
export interface TestOffer {
  productId: string;
  locatieId: string;
  /** A day three days from now, always inside the booking window and open. */
  dag: string;
  /** The day after, closed. */
  gesloten: string;
  /** The instant of `minuut` on `dag`. */
  at(minuut: number, dag?: string): Date;
}

export async function seedTestOffer(db: Kysely<Database>, tenantId: string, options: { balies?: number; slug?: string; naam?: string; locatie?: string } = {}): Promise<TestOffer> {
  const locatieId = await insertLocation(db, tenantId, { naam: options.locatie ?? 'Stadhuis', adres: 'Plein 1', postcode: '1234 AB', plaats: 'Teststad', actief: true });
  await replaceOpeningPeriods(db, tenantId, locatieId, [1, 2, 3, 4, 5, 6, 7].map((weekdag) => ({ weekdag, vanMinuut: 9 * 60, totMinuut: 17 * 60 })));
  const productId = await insertProduct(db, tenantId, { productSlug: options.slug ?? 'paspoort-aanvragen', naam: options.naam ?? 'Paspoort aanvragen', duurMinuten: 30, actief: true });
  if (!productId) throw new Error('product exists already');
  await replaceCapacity(db, tenantId, productId, new Map([[locatieId, options.balies ?? 1]]));
  const dag = addDays(toAmsterdam(new Date()).datum, 3);
  const gesloten = addDays(dag, 1);
  await insertClosingDay(db, tenantId, { locatieId, datum: gesloten, omschrijving: 'Verhuizing' });
  return {
    productId,
    locatieId,
    dag,
    gesloten,
    at(minuut, day = dag) {
      const instant = fromAmsterdam(day, minuut);
      if (!instant) throw new Error('no such time');
      return instant;
    },
  };
}
