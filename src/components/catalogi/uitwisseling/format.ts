/*
 * The catalogue exchange file, version 1 (docs/catalogus-export.md): one catalogus with its informatieobjecttypen,
 * besluittypen and zaaktypen, each zaaktype carrying its own statustypen, resultaattypen, roltypen, eigenschappen,
 * zaaktype-informatieobjecttypen and zaakobjecttypen. Attributes are named and valued as the Catalogi 1.3.3 API
 * exchanges them; references between types are names (as the 1.3 create operations take them), so a file does
 * not depend on the host or the uuids of the installation that wrote it.
 */

/** A value as JSON carries it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One resource's attributes in the file. */
export type Attributes = { [key: string]: JsonValue };

export const EXPORT_FORMAAT = 'loket-catalogus-export';
export const EXPORT_VERSIE = 1;

/** A zaaktype in the file: its own attributes plus the types that belong to it alone. */
export type ZaaktypeExport = Attributes & {
  statustypen: Attributes[];
  resultaattypen: Attributes[];
  roltypen: Attributes[];
  eigenschappen: Attributes[];
  zaaktypeInformatieobjecttypen: Attributes[];
  zaakobjecttypen: Attributes[];
};

/** The whole file. */
export interface CatalogusExport {
  formaat: typeof EXPORT_FORMAAT;
  versie: typeof EXPORT_VERSIE;
  catalogus: Attributes;
  informatieobjecttypen: Attributes[];
  besluittypen: Attributes[];
  zaaktypen: ZaaktypeExport[];
}

/** The lists a zaaktype holds in the file, in file order. */
export const ZAAKTYPE_LISTS = ['statustypen', 'resultaattypen', 'roltypen', 'eigenschappen', 'zaaktypeInformatieobjecttypen', 'zaakobjecttypen'] as const;
export type ZaaktypeList = (typeof ZAAKTYPE_LISTS)[number];

/** A resource kind's attributes, each with the value it has when the file leaves it out (see SHAPES). */
type Shape = Readonly<Record<string, JsonValue | undefined>>;

/*
 * Geldigheid of the versioned types. beginObject and eindeObject are left out: deprecated in the standard and derived
 * by Loket from all versions of a type. The parts of a zaaktype carry no geldigheid of their own either: the API
 * derives theirs from their zaaktype.
 */
const GELDIGHEID = { beginGeldigheid: undefined, eindeGeldigheid: null } as const;

/**
 * Every kind of resource in the file, with its attributes in file order. The value is what an attribute the file
 * leaves out stands for when it goes to the API: writers leave out empty values (null, "", []), and the API needs
 * some of them back because its create operation requires them. `undefined`: leave it out of the request too.
 */
export const SHAPES = {
  catalogus: {
    domein: undefined,
    rsin: undefined,
    contactpersoonBeheerNaam: undefined,
    contactpersoonBeheerTelefoonnummer: '',
    contactpersoonBeheerEmailadres: '',
    naam: null,
    versie: null,
    begindatumVersie: null,
  },
  informatieobjecttype: {
    omschrijving: undefined,
    vertrouwelijkheidaanduiding: undefined,
    informatieobjectcategorie: '',
    omschrijvingGeneriek: undefined,
    trefwoord: [],
    ...GELDIGHEID,
  },
  besluittype: {
    omschrijving: '',
    omschrijvingGeneriek: '',
    besluitcategorie: '',
    reactietermijn: null,
    publicatieIndicatie: undefined,
    publicatietekst: '',
    publicatietermijn: null,
    toelichting: '',
    informatieobjecttypen: [],
    ...GELDIGHEID,
  },
  zaaktype: {
    identificatie: undefined,
    omschrijving: undefined,
    omschrijvingGeneriek: '',
    vertrouwelijkheidaanduiding: undefined,
    doel: '',
    aanleiding: '',
    toelichting: '',
    indicatieInternOfExtern: undefined,
    handelingInitiator: '',
    onderwerp: '',
    handelingBehandelaar: '',
    doorlooptijd: undefined,
    servicenorm: null,
    opschortingEnAanhoudingMogelijk: undefined,
    verlengingMogelijk: undefined,
    verlengingstermijn: null,
    trefwoorden: [],
    publicatieIndicatie: undefined,
    publicatietekst: '',
    verantwoordingsrelatie: [],
    productenOfDiensten: [],
    selectielijstProcestype: '',
    referentieproces: undefined,
    verantwoordelijke: '',
    broncatalogus: undefined,
    bronzaaktype: undefined,
    besluittypen: [],
    deelzaaktypen: [],
    gerelateerdeZaaktypen: [],
    ...GELDIGHEID,
    versiedatum: undefined,
  },
  statustype: {
    volgnummer: undefined,
    omschrijving: undefined,
    omschrijvingGeneriek: '',
    statustekst: '',
    informeren: undefined,
    doorlooptijd: null,
    toelichting: null,
    checklistitemStatustype: [],
  },
  resultaattype: {
    omschrijving: undefined,
    resultaattypeomschrijving: undefined,
    selectielijstklasse: undefined,
    toelichting: '',
    archiefnominatie: undefined,
    archiefactietermijn: null,
    brondatumArchiefprocedure: null,
    procesobjectaard: null,
    indicatieSpecifiek: null,
    procestermijn: null,
    besluittypen: [],
    informatieobjecttypen: [],
  },
  roltype: { omschrijving: undefined, omschrijvingGeneriek: undefined },
  // The statustype an eigenschap is needed for; the API shows the same relation as the statustype's `eigenschappen`.
  eigenschap: { naam: undefined, definitie: '', specificatie: undefined, toelichting: '', statustype: null },
  zaaktypeInformatieobjecttype: { volgnummer: undefined, informatieobjecttype: undefined, richting: undefined, statustype: null },
  zaakobjecttype: { objecttype: undefined, anderObjecttype: undefined, relatieOmschrijving: undefined },
} as const satisfies Record<string, Shape>;

export type ResourceKind = keyof typeof SHAPES;

/** Which resource kind each list of a zaaktype holds. */
export const LIST_KIND: Record<ZaaktypeList, ResourceKind> = {
  statustypen: 'statustype',
  resultaattypen: 'resultaattype',
  roltypen: 'roltype',
  eigenschappen: 'eigenschap',
  zaaktypeInformatieobjecttypen: 'zaaktypeInformatieobjecttype',
  zaakobjecttypen: 'zaakobjecttype',
};

/** Key order of the nested objects, as the spec lists their properties; keys not named here follow, sorted. */
const NESTED_ORDER: Record<string, readonly string[]> = {
  referentieproces: ['naam', 'link'],
  broncatalogus: ['url', 'domein', 'rsin'],
  bronzaaktype: ['url', 'identificatie', 'omschrijving'],
  gerelateerdeZaaktypen: ['zaaktype', 'aardRelatie', 'toelichting'],
  checklistitemStatustype: ['itemnaam', 'vraagstelling', 'verplicht', 'toelichting'],
  brondatumArchiefprocedure: ['afleidingswijze', 'datumkenmerk', 'einddatumBekend', 'objecttype', 'registratie', 'procestermijn'],
  specificatie: ['groep', 'formaat', 'lengte', 'kardinaliteit', 'waardenverzameling'],
  omschrijvingGeneriek: [
    'informatieobjecttypeOmschrijvingGeneriek',
    'definitieInformatieobjecttypeOmschrijvingGeneriek',
    'herkomstInformatieobjecttypeOmschrijvingGeneriek',
    'hierarchieInformatieobjecttypeOmschrijvingGeneriek',
    'opmerkingInformatieobjecttypeOmschrijvingGeneriek',
  ],
};

/** Whether a value says nothing: writers leave these out. */
export function isEmpty(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export function isObject(value: unknown): value is Attributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A nested value in canonical form: objects with known keys in spec order, empty members left out. */
function canonicalNested(value: JsonValue, order: readonly string[] = []): JsonValue {
  if (Array.isArray(value)) return value.map((item) => canonicalNested(item, order));
  if (!isObject(value)) return value;
  const keys = [...order.filter((key) => key in value), ...Object.keys(value).filter((key) => !order.includes(key)).sort()];
  const result: Attributes = {};
  for (const key of keys) {
    const member = value[key];
    if (member !== undefined && !isEmpty(member)) result[key] = canonicalNested(member);
  }
  return result;
}

/**
 * A resource's attributes in the file's canonical form: the shape's order, empty values left out, nested objects
 * ordered too. Attributes outside the shape are dropped. Writing every file this way is what makes an export of an
 * import of an export the same file, byte for byte.
 */
export function canonicalAttributes(kind: ResourceKind, attributes: Readonly<Record<string, JsonValue | undefined>>): Attributes {
  const result: Attributes = {};
  for (const key of Object.keys(SHAPES[kind])) {
    const value = attributes[key];
    if (value !== undefined && !isEmpty(value)) result[key] = canonicalNested(value, NESTED_ORDER[key]);
  }
  return result;
}

/**
 * The attributes as an API create request: what the file left out comes back as the API's empty value where the
 * operation requires the attribute (see SHAPES).
 */
export function requestAttributes(kind: ResourceKind, attributes: Attributes): Attributes {
  const request: Attributes = {};
  for (const [key, empty] of Object.entries(SHAPES[kind] as Shape)) {
    const value = attributes[key];
    if (value !== undefined) request[key] = value;
    else if (empty !== undefined) request[key] = Array.isArray(empty) ? [] : empty;
  }
  return request;
}

/** Code-point order, so a file is sorted the same whatever the machine's locale data. */
function compareText(a: JsonValue | undefined, b: JsonValue | undefined): number {
  const left = String(a ?? '');
  const right = String(b ?? '');
  return left < right ? -1 : left > right ? 1 : 0;
}

function compareNumber(a: JsonValue | undefined, b: JsonValue | undefined): number {
  return Number(a ?? 0) - Number(b ?? 0);
}

function sorted<T extends Attributes>(items: readonly T[], ...keys: { key: string; compare: typeof compareText }[]): T[] {
  return [...items].sort((a, b) => {
    for (const { key, compare } of keys) {
      const order = compare(a[key], b[key]);
      if (order !== 0) return order;
    }
    return 0;
  });
}

const byText = (key: string) => ({ key, compare: compareText });
const byNumber = (key: string) => ({ key, compare: compareNumber });

/** How each list of a zaaktype is ordered in the file: by the key that identifies its items. */
const LIST_ORDER: Record<ZaaktypeList, { key: string; compare: typeof compareText }[]> = {
  statustypen: [byNumber('volgnummer')],
  resultaattypen: [byText('omschrijving')],
  roltypen: [byText('omschrijving')],
  eigenschappen: [byText('naam')],
  zaaktypeInformatieobjecttypen: [byNumber('volgnummer')],
  zaakobjecttypen: [byText('relatieOmschrijving'), byText('objecttype')],
};

function canonicalZaaktype(zaaktype: ZaaktypeExport): Attributes {
  const json = canonicalAttributes('zaaktype', zaaktype);
  for (const list of ZAAKTYPE_LISTS) {
    const items = sorted(zaaktype[list], ...LIST_ORDER[list]).map((item) => canonicalAttributes(LIST_KIND[list], item));
    if (items.length > 0) json[list] = items;
  }
  return json;
}

/**
 * The file in canonical form, as JSON: every resource canonical (see canonicalAttributes), lists sorted by what
 * identifies their items rather than by creation order (which a database does not keep), the empty lists of a
 * zaaktype left out.
 */
export function canonicalExport(file: CatalogusExport): Attributes {
  return {
    formaat: EXPORT_FORMAAT,
    versie: EXPORT_VERSIE,
    catalogus: canonicalAttributes('catalogus', file.catalogus),
    informatieobjecttypen: sorted(file.informatieobjecttypen, byText('omschrijving'), byText('beginGeldigheid')).map((item) => canonicalAttributes('informatieobjecttype', item)),
    besluittypen: sorted(file.besluittypen, byText('omschrijving'), byText('beginGeldigheid')).map((item) => canonicalAttributes('besluittype', item)),
    zaaktypen: sorted(file.zaaktypen, byText('identificatie'), byText('beginGeldigheid')).map(canonicalZaaktype),
  };
}

/** The file as text: canonical form, two-space indent, a final newline (so files diff well in version control). */
export function serializeExport(file: CatalogusExport): string {
  return `${JSON.stringify(canonicalExport(file), null, 2)}\n`;
}
