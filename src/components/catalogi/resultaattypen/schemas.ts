import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { DATUM_GELDIGHEID_PARAMETER, STATUS_PARAMETER, type StatusFilter } from '../shared/query.ts';
import { EXPAND_PARAMETER, NO_QUERY, RETRIEVE_QUERY, type RetrieveQuery } from '../zaaktype-onderdelen/query.ts';

/*
 * Request schemas of the resultaattype operations, named and bounded as catalogi-1.3.3.yaml's ResultaatTypeCreate
 * (POST and PUT) and PatchedResultaatType declare them. Bodies are open: read-only attributes a client echoes back
 * are ignored. `besluittypen` and `informatieobjecttypen` are written by omschrijving, as Catalogi 1.3 relates
 * these types (a URL of one version is understood too, see ../zaaktype-onderdelen/type-names.ts). What a schema
 * cannot say (the Selectielijst, ztc-002 to ztc-008) is checked in rules.ts.
 */

export { NO_QUERY, RETRIEVE_QUERY };

/** `resultaattype_list`: exactly the spec's filters, its deprecated snake_case spellings included. */
export const resultaattypeListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    zaaktype: { type: 'string' },
    zaaktype_identificatie: { type: 'string' },
    zaaktypeIdentificatie: { type: 'string' },
    status: STATUS_PARAMETER,
    datum_geldigheid: DATUM_GELDIGHEID_PARAMETER,
    datumGeldigheid: DATUM_GELDIGHEID_PARAMETER,
    page: PAGE_PARAMETER,
    expand: EXPAND_PARAMETER,
  },
} as const;

/** `AfleidingswijzeEnum`: how the brondatum of the archiefactietermijn is found. */
export const AFLEIDINGSWIJZEN = [
  'afgehandeld',
  'ander_datumkenmerk',
  'eigenschap',
  'gerelateerde_zaak',
  'hoofdzaak',
  'ingangsdatum_besluit',
  'termijn',
  'vervaldatum_besluit',
  'zaakobject',
] as const;
export type Afleidingswijze = (typeof AFLEIDINGSWIJZEN)[number];

/** `ObjecttypeEnum` of the brondatumArchiefprocedure. */
export const BRONDATUM_OBJECTTYPEN = [
  'adres',
  'besluit',
  'buurt',
  'enkelvoudig_document',
  'gemeente',
  'gemeentelijke_openbare_ruimte',
  'huishouden',
  'inrichtingselement',
  'kadastrale_onroerende_zaak',
  'kunstwerkdeel',
  'maatschappelijke_activiteit',
  'medewerker',
  'natuurlijk_persoon',
  'niet_natuurlijk_persoon',
  'openbare_ruimte',
  'organisatorische_eenheid',
  'pand',
  'spoorbaandeel',
  'status',
  'terreindeel',
  'terrein_gebouwd_object',
  'vestiging',
  'waterdeel',
  'wegdeel',
  'wijk',
  'woonplaats',
  'woz_deelobject',
  'woz_object',
  'woz_waarde',
  'zakelijk_recht',
  'overige',
] as const;

export const ARCHIEFNOMINATIES = ['blijvend_bewaren', 'vernietigen'] as const;
export type Archiefnominatie = (typeof ARCHIEFNOMINATIES)[number];

const nullableDate = { type: ['string', 'null'], format: 'date' } as const;

const brondatumArchiefprocedure = {
  type: ['object', 'null'],
  required: ['afleidingswijze'],
  properties: {
    afleidingswijze: { type: 'string', enum: AFLEIDINGSWIJZEN },
    datumkenmerk: { type: 'string', maxLength: 80 },
    einddatumBekend: { type: 'boolean' },
    objecttype: { type: 'string', enum: [...BRONDATUM_OBJECTTYPEN, ''] },
    registratie: { type: 'string', maxLength: 80 },
    // An ISO 8601 duration, checked by the rules.
    procestermijn: { type: ['string', 'null'] },
  },
} as const;

const writableProperties = {
  zaaktype: { type: 'string', minLength: 1 },
  omschrijving: { type: 'string', minLength: 1, maxLength: 30 },
  resultaattypeomschrijving: { type: 'string', minLength: 1, maxLength: 1000 },
  selectielijstklasse: { type: 'string', minLength: 1, maxLength: 1000 },
  toelichting: { type: 'string' },
  archiefnominatie: { type: 'string', enum: [...ARCHIEFNOMINATIES, ''] },
  archiefactietermijn: { type: ['string', 'null'] },
  brondatumArchiefprocedure,
  procesobjectaard: { type: ['string', 'null'], maxLength: 200 },
  catalogus: { type: ['string', 'null'] },
  indicatieSpecifiek: { type: ['boolean', 'null'] },
  procestermijn: { type: ['string', 'null'] },
  besluittypen: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
  informatieobjecttypen: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
  beginGeldigheid: nullableDate,
  eindeGeldigheid: nullableDate,
  beginObject: nullableDate,
  eindeObject: nullableDate,
} as const;

/** `resultaattype_create` and `resultaattype_update` (ResultaatTypeCreate). */
export const resultaattypeBody = {
  type: 'object',
  required: ['zaaktype', 'omschrijving', 'resultaattypeomschrijving', 'selectielijstklasse'],
  properties: writableProperties,
} as const;

/** `resultaattype_partial_update` (PatchedResultaatType): every attribute optional. */
export const resultaattypePatchBody = { type: 'object', properties: writableProperties } as const;

/** BrondatumArchiefprocedure as written. */
export interface BrondatumArchiefprocedure {
  afleidingswijze: Afleidingswijze;
  datumkenmerk?: string;
  einddatumBekend?: boolean;
  objecttype?: string;
  registratie?: string;
  procestermijn?: string | null;
}

/** The writable attributes of a resultaattype as a client (or an import) sends them. */
export interface ResultaattypeInput {
  zaaktype: string;
  omschrijving: string;
  resultaattypeomschrijving: string;
  selectielijstklasse: string;
  toelichting?: string;
  /** Derived from the Selectielijst resultaat's waardering when left out or blank (ztc-002). */
  archiefnominatie?: Archiefnominatie | '';
  /** Derived from the Selectielijst resultaat's bewaartermijn when left out or null (ztc-002). */
  archiefactietermijn?: string | null;
  brondatumArchiefprocedure?: BrondatumArchiefprocedure | null;
  procesobjectaard?: string | null;
  catalogus?: string | null;
  indicatieSpecifiek?: boolean | null;
  procestermijn?: string | null;
  /** Omschrijvingen (or URLs) of besluittypen in the zaaktype's catalogus. */
  besluittypen?: string[];
  /** Omschrijvingen (or URLs) of informatieobjecttypen in the zaaktype's catalogus. */
  informatieobjecttypen?: string[];
  beginGeldigheid?: string | null;
  eindeGeldigheid?: string | null;
  beginObject?: string | null;
  eindeObject?: string | null;
}

export type ResultaattypePatch = Partial<ResultaattypeInput>;

export interface ResultaattypeListQuery {
  zaaktype?: string;
  zaaktype_identificatie?: string;
  zaaktypeIdentificatie?: string;
  status?: StatusFilter;
  datum_geldigheid?: string;
  datumGeldigheid?: string;
  page?: number;
  expand?: string;
}

export type ResultaattypeRetrieveQuery = RetrieveQuery;
