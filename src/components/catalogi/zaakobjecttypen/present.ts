import { flag } from '../shared/data.ts';
import { resourceUrl } from '../shared/urls.ts';
import type { PresentedOwner } from '../zaaktype-onderdelen/owner.ts';
import { ownerJson } from '../zaaktype-onderdelen/present.ts';
import type { ZaakobjecttypeRow } from './repository.ts';

/** The `ZaakObjectType` resource (catalogi-1.3.3.yaml), `_expand` added when asked for. */
export type ZaakobjecttypeJson = {
  url: string;
  anderObjecttype: boolean;
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
  beginObject: string;
  eindeObject: string | null;
  objecttype: string;
  relatieOmschrijving: string;
  zaaktype: string;
  zaaktypeIdentificatie: string;
  resultaattypen: string[];
  resultaattypeOmschrijving: string[];
  statustypen: string[];
  catalogus: string;
  _expand?: Record<string, unknown>;
};

/** The absolute URL of one zaakobjecttype. */
export function zaakobjecttypeUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'zaakobjecttypen', uuid);
}

/**
 * A zaakobjecttype as API JSON. `resultaattypen` and `statustypen` are the other side of a relation that
 * Catalogi 1.3.3 does not let resultaattypen and statustypen write (they have no `zaakobjecttype`), so they are
 * always empty here.
 */
export function presentZaakobjecttype(row: ZaakobjecttypeRow, owner: PresentedOwner, base: string): ZaakobjecttypeJson {
  const zaaktype = ownerJson(owner, base);
  return {
    url: zaakobjecttypeUrl(base, row.uuid),
    anderObjecttype: flag(row.data, 'anderObjecttype'),
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: zaaktype.beginObject,
    eindeObject: zaaktype.eindeObject,
    objecttype: row.objecttype,
    relatieOmschrijving: row.relatie_omschrijving,
    zaaktype: zaaktype.zaaktype,
    zaaktypeIdentificatie: zaaktype.zaaktypeIdentificatie,
    resultaattypen: [],
    resultaattypeOmschrijving: [],
    statustypen: [],
    catalogus: zaaktype.catalogus,
  };
}

/** How a zaakobjecttype is named in the audit trail. */
export function zaakobjecttypeWeergave(row: ZaakobjecttypeRow): string {
  return row.relatie_omschrijving;
}
