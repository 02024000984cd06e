import { catalogusUrl, resourceUrl } from '../shared/urls.ts';
import { object, text, textList } from '../shared/data.ts';
import type { InformatieobjecttypeRow } from './repository.ts';

/**
 * Everything an informatieobjecttype's presentation needs, without URLs: the row, its lifetime over all versions,
 * and the published zaaktypen and besluittypen valid on the reference date that use it by omschrijving.
 */
export interface InformatieobjecttypeRecord {
  row: InformatieobjecttypeRow;
  beginObject: string;
  eindeObject: string | null;
  zaaktypen: { uuid: string; identificatie: string }[];
  besluittypen: { uuid: string; omschrijving: string }[];
}

/** The `InformatieObjectType` resource (catalogi-1.3.3.yaml), `_expand` added when asked for. */
export type InformatieobjecttypeJson = Record<string, unknown> & { url: string; catalogus: string; omschrijving: string; concept: boolean };

/** The absolute URL of one informatieobjecttype. */
export function informatieobjecttypeUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'informatieobjecttypen', uuid);
}

/** An informatieobjecttype as API JSON. */
export function presentInformatieobjecttype(record: InformatieobjecttypeRecord, base: string): InformatieobjecttypeJson {
  const { row } = record;
  const generiek = object(row.data, 'omschrijvingGeneriek');
  return {
    url: informatieobjecttypeUrl(base, row.uuid),
    catalogus: catalogusUrl(base, row.catalogus_uuid),
    omschrijving: row.omschrijving,
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
    beginObject: record.beginObject,
    eindeObject: record.eindeObject,
    concept: row.concept,
    zaaktypen: record.zaaktypen.map((zaaktype) => resourceUrl(base, 'zaaktypen', zaaktype.uuid)),
    zaaktypeIdentificaties: [...new Set(record.zaaktypen.map((zaaktype) => zaaktype.identificatie))],
    besluittypen: record.besluittypen.map((besluittype) => resourceUrl(base, 'besluittypen', besluittype.uuid)),
    besluittypeOmschrijving: [...new Set(record.besluittypen.map((besluittype) => besluittype.omschrijving))],
    informatieobjectcategorie: text(row.data, 'informatieobjectcategorie'),
    trefwoord: textList(row.data, 'trefwoord'),
    ...(generiek
      ? {
          omschrijvingGeneriek: {
            informatieobjecttypeOmschrijvingGeneriek: text(generiek, 'informatieobjecttypeOmschrijvingGeneriek'),
            definitieInformatieobjecttypeOmschrijvingGeneriek: text(generiek, 'definitieInformatieobjecttypeOmschrijvingGeneriek'),
            herkomstInformatieobjecttypeOmschrijvingGeneriek: text(generiek, 'herkomstInformatieobjecttypeOmschrijvingGeneriek'),
            hierarchieInformatieobjecttypeOmschrijvingGeneriek: text(generiek, 'hierarchieInformatieobjecttypeOmschrijvingGeneriek'),
            opmerkingInformatieobjecttypeOmschrijvingGeneriek: typeof generiek.opmerkingInformatieobjecttypeOmschrijvingGeneriek === 'string' ? generiek.opmerkingInformatieobjecttypeOmschrijvingGeneriek : null,
          },
        }
      : {}),
  };
}

/** How an informatieobjecttype is named in its audit trail. */
export function informatieobjecttypeWeergave(row: InformatieobjecttypeRow): string {
  return `${row.omschrijving} (${row.begin_geldigheid})`;
}
