import { catalogusUrl, resourceUrl } from '../shared/urls.ts';
import { flag, object, objectList, text, textList } from '../shared/data.ts';
import type { ZaaktypeParts, ZaaktypeRow } from './repository.ts';

/** A gerelateerd zaaktype as stored: by identificatie. */
export interface StoredZaaktypenRelatie {
  zaaktype: string;
  aardRelatie: string;
  toelichting: string;
}

/**
 * Everything a zaaktype's presentation needs, without URLs: the row, its own parts, and its relations by name
 * resolved to the uuids of the published versions valid on the reference date.
 */
export interface ZaaktypeRecord {
  row: ZaaktypeRow;
  parts: ZaaktypeParts;
  beginObject: string;
  eindeObject: string | null;
  informatieobjecttypen: string[];
  besluittypen: string[];
  deelzaaktypen: string[];
  gerelateerdeZaaktypen: { uuid: string; identificatie: string; aardRelatie: string; toelichting: string }[];
}

/** The `ZaakType` resource (catalogi-1.3.3.yaml), `_expand` added when asked for. */
export type ZaaktypeJson = Record<string, unknown> & { url: string; catalogus: string; concept: boolean };

/** The absolute URL of one zaaktype. */
export function zaaktypeUrl(base: string, uuid: string): string {
  return resourceUrl(base, 'zaaktypen', uuid);
}

/** The stored gerelateerde zaaktypen of a row. */
export function storedRelaties(row: ZaaktypeRow): StoredZaaktypenRelatie[] {
  return objectList(row.data, 'gerelateerdeZaaktypen').map((item) => ({
    zaaktype: text(item, 'zaaktype'),
    aardRelatie: text(item, 'aardRelatie'),
    toelichting: text(item, 'toelichting'),
  }));
}

/** A zaaktype as API JSON. */
export function presentZaaktype(record: ZaaktypeRecord, base: string): ZaaktypeJson {
  const { row, parts } = record;
  const data = row.data;
  const urls = (collection: Parameters<typeof resourceUrl>[1], uuids: readonly string[]) => uuids.map((uuid) => resourceUrl(base, collection, uuid));
  const broncatalogus = object(data, 'broncatalogus');
  const bronzaaktype = object(data, 'bronzaaktype');
  return {
    url: zaaktypeUrl(base, row.uuid),
    identificatie: row.identificatie,
    omschrijving: row.omschrijving,
    omschrijvingGeneriek: text(data, 'omschrijvingGeneriek'),
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    doel: text(data, 'doel'),
    aanleiding: text(data, 'aanleiding'),
    toelichting: text(data, 'toelichting'),
    indicatieInternOfExtern: text(data, 'indicatieInternOfExtern'),
    handelingInitiator: text(data, 'handelingInitiator'),
    onderwerp: text(data, 'onderwerp'),
    handelingBehandelaar: text(data, 'handelingBehandelaar'),
    doorlooptijd: row.doorlooptijd,
    servicenorm: row.servicenorm,
    opschortingEnAanhoudingMogelijk: row.opschorting_en_aanhouding_mogelijk,
    verlengingMogelijk: row.verlenging_mogelijk,
    verlengingstermijn: row.verlengingstermijn,
    trefwoorden: textList(data, 'trefwoorden'),
    publicatieIndicatie: flag(data, 'publicatieIndicatie'),
    publicatietekst: text(data, 'publicatietekst'),
    verantwoordingsrelatie: textList(data, 'verantwoordingsrelatie'),
    productenOfDiensten: textList(data, 'productenOfDiensten'),
    // Optional, and `format: uri`: left out rather than sent empty.
    ...(text(data, 'selectielijstProcestype') === '' ? {} : { selectielijstProcestype: text(data, 'selectielijstProcestype') }),
    referentieproces: referentieproces(data),
    verantwoordelijke: text(data, 'verantwoordelijke'),
    zaakobjecttypen: urls('zaakobjecttypen', parts.zaakobjecttypen),
    ...(broncatalogus ? { broncatalogus: { url: text(broncatalogus, 'url'), domein: text(broncatalogus, 'domein'), rsin: text(broncatalogus, 'rsin') } } : {}),
    ...(bronzaaktype
      ? { bronzaaktype: { url: text(bronzaaktype, 'url'), identificatie: text(bronzaaktype, 'identificatie'), omschrijving: text(bronzaaktype, 'omschrijving') } }
      : {}),
    catalogus: catalogusUrl(base, row.catalogus_uuid),
    statustypen: urls('statustypen', parts.statustypen),
    resultaattypen: urls(
      'resultaattypen',
      parts.resultaattypen.map((resultaattype) => resultaattype.uuid),
    ),
    // Required by the spec's ZaakType without a property declaration: the resultaattypen's omschrijvingen.
    resultaattypeOmschrijving: [...new Set(parts.resultaattypen.map((resultaattype) => resultaattype.omschrijving))],
    eigenschappen: urls('eigenschappen', parts.eigenschappen),
    informatieobjecttypen: urls('informatieobjecttypen', record.informatieobjecttypen),
    informatieobjecttypeOmschrijving: parts.informatieobjecttypeOmschrijvingen,
    roltypen: urls('roltypen', parts.roltypen),
    besluittypen: urls('besluittypen', record.besluittypen),
    besluittypeOmschrijving: textList(data, 'besluittypen'),
    deelzaaktypen: urls('zaaktypen', record.deelzaaktypen),
    deelzaaktypeIdentificaties: textList(data, 'deelzaaktypen'),
    gerelateerdeZaaktypen: record.gerelateerdeZaaktypen.map((relatie) => ({
      zaaktype: zaaktypeUrl(base, relatie.uuid),
      zaaktypeIdentificatie: relatie.identificatie,
      aardRelatie: relatie.aardRelatie,
      toelichting: relatie.toelichting,
    })),
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
    beginObject: record.beginObject,
    eindeObject: record.eindeObject,
    versiedatum: text(data, 'versiedatum', row.begin_geldigheid),
    concept: row.concept,
  };
}

function referentieproces(data: Record<string, unknown>): { naam: string; link?: string } {
  const stored = object(data, 'referentieproces') ?? {};
  const link = text(stored, 'link');
  return link === '' ? { naam: text(stored, 'naam') } : { naam: text(stored, 'naam'), link };
}

/** How a zaaktype is named in its audit trail. */
export function zaaktypeWeergave(row: ZaaktypeRow): string {
  return `${row.identificatie} - ${row.omschrijving} (${row.begin_geldigheid})`;
}
