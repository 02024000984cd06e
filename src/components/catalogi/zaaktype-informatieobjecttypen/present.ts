import { resourceUrl } from '../shared/urls.ts';
import type { PresentedOwner } from '../zaaktype-onderdelen/owner.ts';
import { ownerJson } from '../zaaktype-onderdelen/present.ts';
import type { ZaaktypeInformatieobjecttypeRow } from './repository.ts';

/** The `ZaakTypeInformatieObjectType` resource (catalogi-1.3.3.yaml), `_expand` added when asked for. */
export type ZaaktypeInformatieobjecttypeJson = {
  url: string;
  zaaktype: string;
  zaaktypeIdentificatie: string;
  catalogus: string;
  informatieobjecttype: string;
  volgnummer: number;
  richting: string;
  statustype: string | null;
  _expand?: Record<string, unknown>;
};

/** The absolute URL of one zaaktype-informatieobjecttype. */
export function zaaktypeInformatieobjecttypeUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'zaaktype-informatieobjecttypen', uuid);
}

/**
 * A zaaktype-informatieobjecttype as API JSON. It is written with the informatieobjecttype's omschrijving, and a
 * GET answers with the URL of the version that applies ("GET /zaaktype-informatieobjecttypen ->
 * informatieobjecttype" in the standard's list of relations by name, as the reference implementation does): the
 * published version valid on the reference date, else the latest version. Only when the catalogus has no version
 * of that omschrijving at all does the omschrijving itself stand there.
 */
export function presentZaaktypeInformatieobjecttype(
  row: ZaaktypeInformatieobjecttypeRow,
  owner: PresentedOwner,
  informatieobjecttypeUuid: string | undefined,
  base: string,
): ZaaktypeInformatieobjecttypeJson {
  const zaaktype = ownerJson(owner, base);
  return {
    url: zaaktypeInformatieobjecttypeUrl(base, row.uuid),
    zaaktype: zaaktype.zaaktype,
    zaaktypeIdentificatie: zaaktype.zaaktypeIdentificatie,
    catalogus: zaaktype.catalogus,
    informatieobjecttype: informatieobjecttypeUuid === undefined ? row.informatieobjecttype_omschrijving : resourceUrl(base, 'informatieobjecttypen', informatieobjecttypeUuid),
    volgnummer: row.volgnummer,
    richting: row.richting,
    statustype: row.statustype_uuid === null ? null : resourceUrl(base, 'statustypen', row.statustype_uuid),
  };
}

/** How a zaaktype-informatieobjecttype is named in the audit trail. */
export function zaaktypeInformatieobjecttypeWeergave(row: ZaaktypeInformatieobjecttypeRow): string {
  return `${row.volgnummer}. ${row.informatieobjecttype_omschrijving} (${row.richting})`;
}
