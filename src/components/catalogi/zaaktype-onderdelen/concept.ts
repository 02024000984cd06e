import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import type { OwningZaaktype } from './owner.ts';

/*
 * ztc-010: a part of a published zaaktype (concept=false) may not be created, replaced (PUT) or changed (PATCH),
 * except as a correctie (scope `catalogi.geforceerd-schrijven`), and may not be deleted. The spec's delete
 * operations accept `catalogi.geforceerd-verwijderen` too, and the reference implementation lets that scope delete
 * a part of a published zaaktype; Loket does the same, so the scope means one thing for every catalogue type.
 */

/** The reference implementation's code for a change a published zaaktype does not allow. */
export const NON_CONCEPT_ZAAKTYPE = 'non-concept-zaaktype';

function refused(reason: string): InvalidParam {
  return { name: 'nonFieldErrors', code: NON_CONCEPT_ZAAKTYPE, reason };
}

/** ztc-010 for POST: the zaaktype must be a concept, unless the caller makes a correctie. */
export function createConceptProblems(label: string, zaaktype: OwningZaaktype, forced: boolean): InvalidParam[] {
  if (zaaktype.concept || forced) return [];
  return [refused(`Het zaaktype is gepubliceerd: een ${label} toevoegen kan alleen als correctie, met de scope catalogi.geforceerd-schrijven.`)];
}

/**
 * ztc-010 for PUT and PATCH: the part's zaaktype, and the zaaktype it moves to, must be concepts unless the caller
 * makes a correctie. A correctie may only extend a published zaaktype, so a part never leaves one.
 */
export function changeConceptProblems(label: string, before: OwningZaaktype, after: OwningZaaktype, forced: boolean): InvalidParam[] {
  if (before.uuid !== after.uuid && !before.concept) {
    return [refused(`Dit ${label} hoort bij een gepubliceerd zaaktype en kan niet naar een ander zaaktype worden verplaatst; een correctie mag alleen uitbreiden.`)];
  }
  if ((before.concept && after.concept) || forced) return [];
  return [refused(`Het zaaktype is gepubliceerd: dit ${label} wijzigen kan alleen als correctie, met de scope catalogi.geforceerd-schrijven.`)];
}

/** ztc-010 for DELETE: the zaaktype must be a concept, unless the caller holds `catalogi.geforceerd-verwijderen`. */
export function deleteConceptProblems(label: string, zaaktype: OwningZaaktype, forced: boolean): InvalidParam[] {
  if (zaaktype.concept || forced) return [];
  return [refused(`Objecten van een gepubliceerd zaaktype kunnen niet worden verwijderd; dit ${label} hoort bij een gepubliceerd zaaktype.`)];
}
