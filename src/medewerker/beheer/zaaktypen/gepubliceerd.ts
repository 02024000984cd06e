import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { NON_CONCEPT_ZAAKTYPE } from '../../../components/catalogi/zaaktype-onderdelen/concept.ts';

/*
 * The Catalogi API refuses a change to a part of a published zaaktype in API words (a correctie with the scope
 * catalogi.geforceerd-schrijven), which a beheerder cannot do from these pages; they say what the beheerder can do.
 */

export const GEPUBLICEERD_MESSAGE = 'Dit zaaktype is gepubliceerd en verandert niet meer. Maak een nieuwe versie om dit te veranderen.';

/** The problem's reason, or the beheer message when it is the refusal of a published zaaktype. */
export function leesbareReden(problem: InvalidParam): string {
  return problem.code === NON_CONCEPT_ZAAKTYPE ? GEPUBLICEERD_MESSAGE : problem.reason;
}
