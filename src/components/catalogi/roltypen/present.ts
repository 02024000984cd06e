import { resourceUrl } from '../shared/urls.ts';
import type { PresentedOwner } from '../zaaktype-onderdelen/owner.ts';
import { ownerJson } from '../zaaktype-onderdelen/present.ts';
import type { RoltypeRow } from './repository.ts';

/** The `RolType` resource (catalogi-1.3.3.yaml), `_expand` added when asked for. */
export type RoltypeJson = {
  url: string;
  zaaktype: string;
  zaaktypeIdentificatie: string;
  omschrijving: string;
  omschrijvingGeneriek: string;
  catalogus: string;
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
  beginObject: string;
  eindeObject: string | null;
  _expand?: Record<string, unknown>;
};

/** The absolute URL of one roltype. */
export function roltypeUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'roltypen', uuid);
}

/** A roltype as API JSON. */
export function presentRoltype(row: RoltypeRow, owner: PresentedOwner, base: string): RoltypeJson {
  const zaaktype = ownerJson(owner, base);
  return {
    url: roltypeUrl(base, row.uuid),
    zaaktype: zaaktype.zaaktype,
    zaaktypeIdentificatie: zaaktype.zaaktypeIdentificatie,
    omschrijving: row.omschrijving,
    omschrijvingGeneriek: row.omschrijving_generiek,
    catalogus: zaaktype.catalogus,
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: zaaktype.beginObject,
    eindeObject: zaaktype.eindeObject,
  };
}

/** How a roltype is named in the audit trail. */
export function roltypeWeergave(row: RoltypeRow): string {
  return `${row.omschrijving} (${row.omschrijving_generiek})`;
}
