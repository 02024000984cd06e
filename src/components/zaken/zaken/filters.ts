import { uuidFromUrl, vertrouwelijkheidRank, VERTROUWELIJKHEIDAANDUIDINGEN } from '../../../platform/auth/autorisaties.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import type { Geometry } from './geometry.ts';
import { boundingBox, type BoundingBox } from './geometry.ts';

/*
 * The filters of `zaak_list` and `zaak__zoek`, defined once: their JSON schemas (query string and search body) and
 * their translation into a ZaakFilter the repository turns into SQL. The two operations share every filter; `_zoek`
 * adds `uuid__in`, `zaaktype__in` and the geometry, and takes `__in` values as arrays instead of comma lists.
 */

/** The zaak columns a filter compares (API name → column). */
const COLUMNS = {
  identificatie: 'identificatie',
  bronorganisatie: 'bronorganisatie',
  archiefnominatie: 'archiefnominatie',
  archiefactiedatum: 'archiefactiedatum',
  archiefstatus: 'archiefstatus',
  startdatum: 'startdatum',
  registratiedatum: 'registratiedatum',
  einddatum: 'einddatum',
  einddatumGepland: 'einddatum_gepland',
  uiterlijkeEinddatumAfdoening: 'uiterlijke_einddatum_afdoening',
} as const;

type FieldName = keyof typeof COLUMNS;
export type ZaakFilterColumn = (typeof COLUMNS)[FieldName];
type Lookup = 'exact' | 'in' | 'isnull' | 'lt' | 'gt' | 'lte' | 'gte';

const ARCHIEFNOMINATIE = ['blijvend_bewaren', 'vernietigen'] as const;
const ARCHIEFSTATUS = ['nog_te_archiveren', 'gearchiveerd', 'gearchiveerd_procestermijn_onbekend', 'overgedragen'] as const;
const BETROKKENE_TYPE = ['natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging', 'organisatorische_eenheid', 'medewerker'] as const;
const OMSCHRIJVING_GENERIEK = ['adviseur', 'behandelaar', 'belanghebbende', 'beslisser', 'initiator', 'klantcontacter', 'zaakcoordinator', 'mede_initiator'] as const;

/** The values `ordering` takes (zaak_list: a comma list of them; zaak__zoek: one). */
export const ORDERING_FIELDS = ['startdatum', 'einddatum', 'publicatiedatum', 'archiefactiedatum', 'registratiedatum', 'identificatie'] as const;
export type OrderingField = (typeof ORDERING_FIELDS)[number];
const ORDERING_VALUES = ORDERING_FIELDS.flatMap((field) => [field, `-${field}`]);

const DATE = { type: 'string', format: 'date' } as const;

/** Each column filter as the spec lists it: the field, its lookup, and the schema of one value. */
const FIELD_FILTERS: ReadonlyArray<{ field: FieldName; lookup: Lookup; value: Record<string, unknown> }> = [
  { field: 'identificatie', lookup: 'exact', value: { type: 'string' } },
  { field: 'bronorganisatie', lookup: 'exact', value: { type: 'string' } },
  { field: 'bronorganisatie', lookup: 'in', value: { type: 'string' } },
  { field: 'archiefnominatie', lookup: 'exact', value: { type: 'string', enum: ARCHIEFNOMINATIE } },
  { field: 'archiefnominatie', lookup: 'in', value: { type: 'string', enum: ARCHIEFNOMINATIE } },
  { field: 'archiefactiedatum', lookup: 'exact', value: DATE },
  { field: 'archiefactiedatum', lookup: 'isnull', value: { type: 'boolean' } },
  { field: 'archiefactiedatum', lookup: 'lt', value: DATE },
  { field: 'archiefactiedatum', lookup: 'gt', value: DATE },
  { field: 'archiefstatus', lookup: 'exact', value: { type: 'string', enum: ARCHIEFSTATUS } },
  { field: 'archiefstatus', lookup: 'in', value: { type: 'string', enum: ARCHIEFSTATUS } },
  { field: 'startdatum', lookup: 'exact', value: DATE },
  { field: 'startdatum', lookup: 'gt', value: DATE },
  { field: 'startdatum', lookup: 'gte', value: DATE },
  { field: 'startdatum', lookup: 'lt', value: DATE },
  { field: 'startdatum', lookup: 'lte', value: DATE },
  { field: 'registratiedatum', lookup: 'exact', value: DATE },
  { field: 'registratiedatum', lookup: 'gt', value: DATE },
  { field: 'registratiedatum', lookup: 'lt', value: DATE },
  { field: 'einddatum', lookup: 'exact', value: DATE },
  { field: 'einddatum', lookup: 'isnull', value: { type: 'boolean' } },
  { field: 'einddatum', lookup: 'gt', value: DATE },
  { field: 'einddatum', lookup: 'lt', value: DATE },
  { field: 'einddatumGepland', lookup: 'exact', value: DATE },
  { field: 'einddatumGepland', lookup: 'gt', value: DATE },
  { field: 'einddatumGepland', lookup: 'lt', value: DATE },
  { field: 'uiterlijkeEinddatumAfdoening', lookup: 'exact', value: DATE },
  { field: 'uiterlijkeEinddatumAfdoening', lookup: 'gt', value: DATE },
  { field: 'uiterlijkeEinddatumAfdoening', lookup: 'lt', value: DATE },
];

function parameterName(field: string, lookup: Lookup): string {
  return lookup === 'exact' ? field : `${field}__${lookup}`;
}

/** The rol filters: parameter → rollen column (all compare for equality on one and the same rol). */
const ROL_FILTERS = {
  rol__betrokkeneType: 'betrokkene_type',
  rol__betrokkene: 'betrokkene',
  rol__omschrijvingGeneriek: 'omschrijving_generiek',
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: 'inp_bsn',
  rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: 'anp_identificatie',
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: 'inp_a_nummer',
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: 'inn_nnp_id',
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: 'ann_identificatie',
  rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: 'vestigings_nummer',
  rol__betrokkeneIdentificatie__medewerker__identificatie: 'medewerker_identificatie',
  rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie: 'organisatorische_eenheid_identificatie',
} as const;

type RolParameter = keyof typeof ROL_FILTERS;
export type RolFilterColumn = (typeof ROL_FILTERS)[RolParameter];

/** The parameter that filters on a natuurlijk persoon's BSN: reading zaken by it is processing personal data. */
export const BSN_PARAMETER = 'rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn';

const ROL_SCHEMAS: Record<RolParameter, Record<string, unknown>> = {
  rol__betrokkeneType: { type: 'string', enum: BETROKKENE_TYPE },
  rol__betrokkene: { type: 'string', format: 'uri' },
  rol__omschrijvingGeneriek: { type: 'string', enum: OMSCHRIJVING_GENERIEK },
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: { type: 'string', maxLength: 9 },
  rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: { type: 'string', maxLength: 17 },
  rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: { type: 'string', maxLength: 10 },
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: { type: 'string' },
  rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: { type: 'string', maxLength: 17 },
  rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: { type: 'string', maxLength: 24 },
  rol__betrokkeneIdentificatie__medewerker__identificatie: { type: 'string', maxLength: 254 },
  rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie: { type: 'string' },
};

const COMMON = {
  zaaktype: { type: 'string', format: 'uri' },
  maximaleVertrouwelijkheidaanduiding: { type: 'string', enum: VERTROUWELIJKHEIDAANDUIDINGEN },
  expand: { type: 'string' },
} as const;

/** The filter parameters of `zaak_list` (query string: `__in` values as comma lists). */
export function listFilterProperties(): Record<string, Record<string, unknown>> {
  return {
    ...Object.fromEntries(FIELD_FILTERS.map(({ field, lookup, value }) => [parameterName(field, lookup), lookup === 'in' ? { type: 'string' } : value])),
    ...COMMON,
    ...ROL_SCHEMAS,
    ordering: { type: 'string' },
  };
}

/** The filter properties of the `ZaakZoek` body (`__in` values as arrays, plus the search-only fields). */
export function zoekFilterProperties(): Record<string, Record<string, unknown>> {
  return {
    ...Object.fromEntries(FIELD_FILTERS.map(({ field, lookup, value }) => [parameterName(field, lookup), lookup === 'in' ? { type: 'array', items: value } : value])),
    ...COMMON,
    ...ROL_SCHEMAS,
    uuid__in: { type: 'array', items: { type: 'string', format: 'uuid' } },
    zaaktype__in: { type: 'array', items: { type: 'string', format: 'uri' } },
    ordering: { type: 'string', enum: ORDERING_VALUES },
  };
}

/** One condition on a zaak column. */
export type ZaakCondition =
  | { kind: 'compare'; column: ZaakFilterColumn; operator: '=' | '<' | '>' | '<=' | '>='; value: string }
  | { kind: 'in'; column: ZaakFilterColumn; values: string[] }
  | { kind: 'null'; column: ZaakFilterColumn; isNull: boolean };

/** `zaakgeometrie.within`: the polygon and its bounding box, for the index-backed narrowing. */
export interface GeometryWithin {
  polygon: Geometry;
  box: BoundingBox;
}

/** What a list or search asks for, ready for SQL. */
export interface ZaakFilter {
  conditions: ZaakCondition[];
  /** Only zaken of these zaaktypen (uuids); an empty list matches nothing. */
  zaaktypen?: string[];
  uuids?: string[];
  /** `maximaleVertrouwelijkheidaanduiding` as a rank. */
  maxRank?: number;
  /** Conditions on one and the same rol of the zaak. */
  rol?: Partial<Record<RolFilterColumn, string>>;
  within?: GeometryWithin;
}

/** One ordering term: a column and its direction. */
export interface OrderingTerm {
  field: OrderingField;
  descending: boolean;
}

const OPERATORS = { exact: '=', lt: '<', gt: '>', lte: '<=', gte: '>=' } as const;

function splitList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * The zaaktype uuids a `zaaktype` URL (or list of them) names. A URL of another catalogue cannot name a zaaktype of
 * this tenant, so it matches nothing rather than being an error, as a filter on an unknown value does.
 */
function zaaktypeUuids(urls: readonly string[]): string[] {
  return urls.flatMap((url) => {
    try {
      if (!new URL(url).pathname.includes('/catalogi/api/v1/zaaktypen/')) return [];
    } catch {
      return [];
    }
    return uuidFromUrl(url) ?? [];
  });
}

/**
 * Turns the filter values of a list query or search body (already checked against the schema above) into a
 * ZaakFilter. `__in` values may be comma lists (query string) or arrays (body).
 */
export function parseZaakFilter(values: Record<string, unknown>): ZaakFilter {
  const filter: ZaakFilter = { conditions: [] };
  for (const { field, lookup } of FIELD_FILTERS) {
    const value = values[parameterName(field, lookup)];
    if (value === undefined) continue;
    const column = COLUMNS[field];
    if (lookup === 'in') filter.conditions.push({ kind: 'in', column, values: splitList(value) });
    else if (lookup === 'isnull') filter.conditions.push({ kind: 'null', column, isNull: value === true });
    else filter.conditions.push({ kind: 'compare', column, operator: OPERATORS[lookup], value: String(value) });
  }
  const zaaktypen = [
    ...(typeof values.zaaktype === 'string' ? [values.zaaktype] : []),
    ...(Array.isArray(values.zaaktype__in) ? values.zaaktype__in.map(String) : []),
  ];
  if (values.zaaktype !== undefined || values.zaaktype__in !== undefined) filter.zaaktypen = zaaktypeUuids(zaaktypen);
  if (Array.isArray(values.uuid__in)) filter.uuids = values.uuid__in.map((uuid) => String(uuid).toLowerCase());
  if (typeof values.maximaleVertrouwelijkheidaanduiding === 'string') filter.maxRank = vertrouwelijkheidRank(values.maximaleVertrouwelijkheidaanduiding);
  const rol: Partial<Record<RolFilterColumn, string>> = {};
  for (const [parameter, column] of Object.entries(ROL_FILTERS) as [RolParameter, RolFilterColumn][]) {
    const value = values[parameter];
    if (typeof value === 'string') rol[column] = value;
  }
  if (Object.keys(rol).length > 0) filter.rol = rol;
  return filter;
}

/** A `within` polygon for the search (the body's geometry already checked by geometryProblem). */
export function withinFilter(polygon: Geometry): GeometryWithin {
  if (polygon.type !== 'Polygon' && polygon.type !== 'MultiPolygon') {
    throw invalid([{ name: 'zaakgeometrie.within', code: 'invalid', reason: 'Zoeken binnen een geometrie kan alleen met een Polygon of MultiPolygon.' }]);
  }
  return { polygon, box: boundingBox(polygon) };
}

/**
 * The `ordering` terms, in the order given: a comma list (zaak_list) or one value (zaak__zoek). An unknown field is a
 * 400 on `ordering`, as the reference implementation answers.
 */
export function parseOrdering(value: string | undefined): OrderingTerm[] {
  if (value === undefined) return [];
  const terms = splitList(value);
  const unknown = terms.filter((term) => !ORDERING_VALUES.includes(term));
  if (unknown.length > 0) {
    throw invalid([{ name: 'ordering', code: 'invalid_choice', reason: `Onbekende waarde(n) voor ordering: ${unknown.join(', ')}. Toegestaan: ${ORDERING_VALUES.join(', ')}.` }]);
  }
  return terms.map((term) => ({ field: term.replace(/^-/, '') as OrderingField, descending: term.startsWith('-') }));
}
