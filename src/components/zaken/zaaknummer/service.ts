import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { passesElevenTest } from '../../../platform/tenants/rsin.ts';
import { nextFreeZaakIdentificatie } from '../identificatie.ts';
import { identificatieTaken } from '../zaken/repository.ts';
import type { ZakenCaller } from '../shared/caller.ts';

/*
 * `zaaknummer_reserveren`: zaaknummers issued ahead of the zaak, from the same per-tenant counter as generated
 * identificaties. A number leaves the counter once, so a reserved number is never generated again; a zaak gets it
 * only by sending it as its identificatie (zrc-002 still holds: unique within the bronorganisatie).
 */

/** The most numbers one request may reserve: enough for any batch, too few to exhaust anything by accident. */
export const MAX_RESERVERINGEN = 1000;

/** `ReserveZaakIdentificatie`. */
export interface Zaaknummer {
  zaaknummer: string;
}

/** Reserves `aantal` zaaknummers for the bronorganisatie: one object for one, a list for more (as the spec says). */
export async function reserveZaaknummers(db: Kysely<Database>, caller: ZakenCaller, bronorganisatie: string, aantal = 1, now: Date = new Date()): Promise<Zaaknummer | Zaaknummer[]> {
  const problems = [];
  if (!passesElevenTest(bronorganisatie)) problems.push({ name: 'bronorganisatie', code: 'invalid', reason: 'Dit is geen geldig RSIN: negen cijfers die voldoen aan de 11-proef.' });
  if (aantal > MAX_RESERVERINGEN) problems.push({ name: 'aantal', code: 'max_value', reason: `Er kunnen hoogstens ${MAX_RESERVERINGEN} zaaknummers tegelijk gereserveerd worden.` });
  if (problems.length > 0) throw invalid(problems);
  const numbers = await inTransaction(db, async (trx) => {
    const issued: Zaaknummer[] = [];
    for (let i = 0; i < aantal; i++) {
      issued.push({ zaaknummer: await nextFreeZaakIdentificatie(trx, caller.tenant.id, now, (candidate) => identificatieTaken(trx, caller.tenant.id, bronorganisatie, candidate)) });
    }
    return issued;
  });
  return aantal === 1 && numbers[0] ? numbers[0] : numbers;
}
