import { catalogusUrl, resourceUrl } from '../shared/urls.ts';
import type { PresentedOwner } from './owner.ts';

/** What every part shows of its zaaktype (the geldigheid being the zaaktype's, see ./geldigheid.ts). */
export interface OwnerJson {
  zaaktype: string;
  zaaktypeIdentificatie: string;
  catalogus: string;
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
  beginObject: string;
  eindeObject: string | null;
}

/** The zaaktype's attributes of a part, with absolute URLs on the caller's base. */
export function ownerJson(owner: PresentedOwner, base: string): OwnerJson {
  return {
    zaaktype: resourceUrl(base, 'zaaktypen', owner.uuid),
    zaaktypeIdentificatie: owner.identificatie,
    catalogus: catalogusUrl(base, owner.catalogusUuid),
    beginGeldigheid: owner.beginGeldigheid,
    eindeGeldigheid: owner.eindeGeldigheid,
    beginObject: owner.beginObject,
    eindeObject: owner.eindeObject,
  };
}
