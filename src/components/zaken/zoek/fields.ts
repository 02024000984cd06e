import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';

/*
 * zrc-029: the `fields` element of `POST /zaken/_zoek`, GraphQL-like. A string names an attribute to return ("*":
 * all of them); an object names relations to expand, each with the attributes to return of the expanded objects,
 * nested as deep as the expansion goes. At the zaak itself an object may also name a gegevensgroep (processobject,
 * verlenging, opschorting, kenmerken, relevanteAndereZaken) to return only some of its sub-attributes.
 */

type Json = Record<string, unknown>;

/** What to return of one object: some attributes or all, and what of each nested relation or group. */
export interface FieldSelection {
  all: boolean;
  fields: string[];
  nested: Map<string, FieldSelection>;
}

/** The attributes of a zaak (Zaak in zaken-1.7.0.yaml), for checking the top level of `fields`. */
const ZAAK_ATTRIBUTES = [
  'url', 'uuid', 'identificatie', 'bronorganisatie', 'omschrijving', 'toelichting', 'zaaktype', 'registratiedatum', 'verantwoordelijkeOrganisatie',
  'startdatum', 'einddatum', 'einddatumGepland', 'uiterlijkeEinddatumAfdoening', 'publicatiedatum', 'communicatiekanaal', 'productenOfDiensten',
  'vertrouwelijkheidaanduiding', 'betalingsindicatie', 'betalingsindicatieWeergave', 'laatsteBetaaldatum', 'zaakgeometrie', 'verlenging', 'opschorting',
  'selectielijstklasse', 'hoofdzaak', 'deelzaken', 'relevanteAndereZaken', 'eigenschappen', 'rollen', 'status', 'zaakinformatieobjecten', 'zaakobjecten',
  'kenmerken', 'archiefnominatie', 'archiefstatus', 'archiefactiedatum', 'resultaat', 'opdrachtgevendeOrganisatie', 'processobjectaard',
  'startdatumBewaartermijn', 'processobject',
];

/** The zaak's gegevensgroepen: an object in `fields` naming one selects within it instead of expanding. */
const ZAAK_GROUPS = new Set(['verlenging', 'opschorting', 'processobject', 'kenmerken', 'relevanteAndereZaken']);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLevel(value: unknown, path: string, problems: InvalidParam[]): FieldSelection {
  const selection: FieldSelection = { all: false, fields: [], nested: new Map() };
  if (!Array.isArray(value)) {
    problems.push({ name: path, code: 'invalid', reason: 'Een lijst van veldnamen en objecten { relatie: [velden] } is vereist.' });
    return selection;
  }
  for (const item of value) {
    if (item === '*') selection.all = true;
    else if (typeof item === 'string' && item.trim() !== '') selection.fields.push(item.trim());
    else if (isObject(item)) {
      for (const [name, inner] of Object.entries(item)) selection.nested.set(name, parseLevel(inner, `${path}.${name}`, problems));
    } else problems.push({ name: path, code: 'invalid', reason: `Ongeldig element in fields: ${JSON.stringify(item)}.` });
  }
  return selection;
}

/** The `fields` of a search, checked: well-formed, and at the zaak's own level only its attributes. */
export function parseFields(value: unknown): FieldSelection {
  const problems: InvalidParam[] = [];
  const selection = parseLevel(value, 'fields', problems);
  const known = new Set(ZAAK_ATTRIBUTES.map((name) => name.toLowerCase()));
  for (const name of [...selection.fields, ...selection.nested.keys()]) {
    if (!known.has(name.toLowerCase())) problems.push({ name: 'fields', code: 'invalid', reason: `${name} is geen attribuut van een zaak.` });
  }
  if (problems.length > 0) throw invalid(problems);
  return selection;
}

function zaakAttribute(name: string): string {
  return ZAAK_ATTRIBUTES.find((attribute) => attribute.toLowerCase() === name.toLowerCase()) ?? name;
}

/** The expand paths a selection implies: every nested relation (not a gegevensgroep of the zaak), to its depth. */
export function expandPathsOf(selection: FieldSelection): string[] {
  const paths: string[] = [];
  const walk = (level: FieldSelection, prefix: string) => {
    for (const [name, inner] of level.nested) {
      const path = prefix === '' ? zaakAttribute(name) : `${prefix}.${name}`;
      paths.push(path);
      walk(inner, path);
    }
  };
  for (const [name, inner] of selection.nested) {
    if (ZAAK_GROUPS.has(zaakAttribute(name))) continue;
    const path = zaakAttribute(name);
    paths.push(path);
    walk(inner, path);
  }
  return paths;
}

/** The value of `object` under a field name, matched without regard to case ("datumstatusgezet"). */
function keyOf(object: Json, name: string): string | undefined {
  if (name in object) return name;
  return Object.keys(object).find((key) => key.toLowerCase() === name.toLowerCase());
}

function pick(value: unknown, selection: FieldSelection, groups: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => pick(item, selection, false));
  if (!isObject(value)) return value;
  const result: Json = {};
  const names = selection.all ? Object.keys(value).filter((key) => key !== '_expand') : selection.fields;
  for (const name of names) {
    const key = keyOf(value, name);
    if (key !== undefined) result[key] = value[key];
  }
  const expanded = isObject(value._expand) ? value._expand : {};
  for (const [name, inner] of selection.nested) {
    const attribute = groups ? zaakAttribute(name) : name;
    if (groups && ZAAK_GROUPS.has(attribute)) {
      result[attribute] = pick(value[attribute], inner, false);
      continue;
    }
    const key = keyOf(expanded, attribute);
    if (key === undefined) continue;
    const target = isObject(result._expand) ? result._expand : (result._expand = {});
    (target as Json)[key] = pick(expanded[key], inner, false);
  }
  return result;
}

/** A presented (and expanded) zaak reduced to the selected fields. */
export function selectFields(zaak: Json, selection: FieldSelection): Json {
  return pick(zaak, selection, true) as Json;
}
