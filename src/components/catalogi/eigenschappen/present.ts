import { text, textList } from '../shared/data.ts';
import { resourceUrl } from '../shared/urls.ts';
import type { PresentedOwner } from '../zaaktype-onderdelen/owner.ts';
import { ownerJson } from '../zaaktype-onderdelen/present.ts';
import type { EigenschapRow } from './repository.ts';

/** The `EigenschapSpecificatie` as the API shows it. */
export type EigenschapSpecificatieJson = { groep: string; formaat: string; lengte: string; kardinaliteit: string; waardenverzameling: string[] };

/** The `Eigenschap` resource (catalogi-1.3.3.yaml), `_expand` added when asked for. */
export type EigenschapJson = {
  url: string;
  naam: string;
  definitie: string;
  specificatie: EigenschapSpecificatieJson;
  toelichting: string;
  zaaktype: string;
  zaaktypeIdentificatie: string;
  catalogus: string;
  statustype: string | null;
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
  beginObject: string;
  eindeObject: string | null;
  _expand?: Record<string, unknown>;
};

/** The absolute URL of one eigenschap. */
export function eigenschapUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'eigenschappen', uuid);
}

/** An eigenschap as API JSON. */
export function presentEigenschap(row: EigenschapRow, owner: PresentedOwner, base: string): EigenschapJson {
  const zaaktype = ownerJson(owner, base);
  const specificatie = row.specificatie;
  return {
    url: eigenschapUrl(base, row.uuid),
    naam: row.naam,
    definitie: text(row.data, 'definitie'),
    specificatie: {
      groep: text(specificatie, 'groep'),
      formaat: text(specificatie, 'formaat'),
      lengte: text(specificatie, 'lengte'),
      kardinaliteit: text(specificatie, 'kardinaliteit'),
      waardenverzameling: textList(specificatie, 'waardenverzameling'),
    },
    toelichting: text(row.data, 'toelichting'),
    zaaktype: zaaktype.zaaktype,
    zaaktypeIdentificatie: zaaktype.zaaktypeIdentificatie,
    catalogus: zaaktype.catalogus,
    statustype: row.statustype_uuid === null ? null : resourceUrl(base, 'statustypen', row.statustype_uuid),
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: zaaktype.beginObject,
    eindeObject: zaaktype.eindeObject,
  };
}

/** How an eigenschap is named in the audit trail. */
export function eigenschapWeergave(row: EigenschapRow): string {
  return row.naam;
}
