import { catalogusUrl, resourceUrl } from '../shared/urls.ts';
import { text, textList } from '../shared/data.ts';
import type { BesluittypeRow } from './repository.ts';

/**
 * Everything a besluittype's presentation needs, without URLs: the row, its lifetime over all versions, its
 * informatieobjecttypen by omschrijving resolved to the published versions valid on the reference date, the
 * published zaaktypen valid then that name it, and the resultaattypen that relate to it.
 */
export interface BesluittypeRecord {
  row: BesluittypeRow;
  beginObject: string;
  eindeObject: string | null;
  informatieobjecttypen: string[];
  zaaktypen: { uuid: string; identificatie: string }[];
  resultaattypen: { uuid: string; omschrijving: string }[];
}

/** The `BesluitType` resource (catalogi-1.3.3.yaml), `_expand` added when asked for. */
export type BesluittypeJson = Record<string, unknown> & { url: string; catalogus: string; concept: boolean };

/** The absolute URL of one besluittype. */
export function besluittypeUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'besluittypen', uuid);
}

/** A besluittype as API JSON. */
export function presentBesluittype(record: BesluittypeRecord, base: string): BesluittypeJson {
  const { row } = record;
  const iotNames = textList(row.data, 'informatieobjecttypen');
  return {
    url: besluittypeUrl(base, row.uuid),
    catalogus: catalogusUrl(base, row.catalogus_uuid),
    zaaktypen: record.zaaktypen.map((zaaktype) => resourceUrl(base, 'zaaktypen', zaaktype.uuid)),
    zaaktypeIdentificaties: [...new Set(record.zaaktypen.map((zaaktype) => zaaktype.identificatie))],
    omschrijving: row.omschrijving,
    omschrijvingGeneriek: text(row.data, 'omschrijvingGeneriek'),
    besluitcategorie: text(row.data, 'besluitcategorie'),
    reactietermijn: row.reactietermijn,
    publicatieIndicatie: row.publicatie_indicatie,
    publicatietekst: text(row.data, 'publicatietekst'),
    publicatietermijn: row.publicatietermijn,
    toelichting: text(row.data, 'toelichting'),
    informatieobjecttypen: record.informatieobjecttypen.map((uuid) => resourceUrl(base, 'informatieobjecttypen', uuid)),
    informatieobjecttypeOmschrijvingen: iotNames,
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
    beginObject: record.beginObject,
    eindeObject: record.eindeObject,
    concept: row.concept,
    resultaattypen: record.resultaattypen.map((resultaattype) => resourceUrl(base, 'resultaattypen', resultaattype.uuid)),
    resultaattypenOmschrijving: [...new Set(record.resultaattypen.map((resultaattype) => resultaattype.omschrijving))],
    // "Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE": the names it is recorded in.
    vastgelegdIn: iotNames,
  };
}

/** How a besluittype is named in its audit trail. */
export function besluittypeWeergave(row: BesluittypeRow): string {
  return `${row.omschrijving === '' ? 'Besluittype' : row.omschrijving} (${row.begin_geldigheid})`;
}
