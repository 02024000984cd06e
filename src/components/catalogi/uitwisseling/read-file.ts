import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import {
  EXPORT_FORMAAT,
  EXPORT_VERSIE,
  LIST_KIND,
  SHAPES,
  ZAAKTYPE_LISTS,
  isObject,
  type Attributes,
  type CatalogusExport,
  type JsonValue,
  type ResourceKind,
  type ZaaktypeExport,
} from './format.ts';
import { readPublicSelectielijstUrl, type SelectielijstResource } from './selectielijst.ts';

/*
 * Reading a file checks what belongs to the file format itself: the envelope, the structure, attribute names, the
 * references inside one zaaktype (statustypen by volgnummer) and the public form of
 * Selectielijst URLs. Attribute values and the rules between types are the Catalogi API's to judge when the file is
 * imported. Every problem is listed, named by its place in the file.
 */

/** The result of reading: the file when its structure holds, and every problem found. */
export interface ReadResult {
  file: CatalogusExport | undefined;
  problems: InvalidParam[];
}

class ProblemList {
  readonly items: InvalidParam[] = [];
  add(name: string, code: string, reason: string): void {
    this.items.push({ name, code, reason });
  }
}

/** The attributes of one resource, with a problem for each name its kind does not have. */
function readAttributes(value: unknown, kind: ResourceKind, path: string, problems: ProblemList, extra: readonly string[] = []): Attributes | undefined {
  if (!isObject(value)) {
    problems.add(path, 'invalid', 'Verwacht een object.');
    return undefined;
  }
  const known = new Set([...Object.keys(SHAPES[kind]), ...extra]);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) problems.add(`${path}.${key}`, 'unknown-field', `Onbekend veld: ${key}.`);
  }
  return value;
}

/** A list of resources; absent means none. */
function readList(value: JsonValue | undefined, kind: ResourceKind, path: string, problems: ProblemList, extra: readonly string[] = []): Attributes[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(path, 'invalid', 'Verwacht een lijst.');
    return [];
  }
  const items: Attributes[] = [];
  value.forEach((item, index) => {
    const attributes = readAttributes(item, kind, `${path}[${index}]`, problems, extra);
    if (attributes !== undefined) items.push(attributes);
  });
  return items;
}

function checkSelectielijst(value: JsonValue | undefined, resource: SelectielijstResource, path: string, problems: ProblemList): void {
  if (value === undefined || value === '' || value === null) return;
  if (typeof value !== 'string') {
    problems.add(path, 'invalid', 'Verwacht een URL.');
    return;
  }
  const read = readPublicSelectielijstUrl(resource, value);
  if ('reason' in read) problems.add(path, 'invalid', read.reason);
}

/** The references inside one zaaktype, which the file spells as the statustype's volgnummer (so that must be unique). */
function checkZaaktypeReferences(zaaktype: ZaaktypeExport, path: string, problems: ProblemList): void {
  const volgnummers = new Set<number>();
  zaaktype.statustypen.forEach((statustype, index) => {
    const volgnummer = statustype.volgnummer;
    if (typeof volgnummer !== 'number' || !Number.isInteger(volgnummer)) problems.add(`${path}.statustypen[${index}].volgnummer`, 'invalid', 'Verwacht een geheel getal.');
    else if (volgnummers.has(volgnummer)) problems.add(`${path}.statustypen[${index}].volgnummer`, 'unique', `Er is al een statustype met volgnummer ${volgnummer}.`);
    else volgnummers.add(volgnummer);
  });
  const statustypeReference = (value: JsonValue | undefined, at: string) => {
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !volgnummers.has(value)) {
      problems.add(at, 'does_not_exist', `Dit zaaktype heeft geen statustype met volgnummer ${JSON.stringify(value)}.`);
    }
  };
  zaaktype.eigenschappen.forEach((eigenschap, index) => statustypeReference(eigenschap.statustype, `${path}.eigenschappen[${index}].statustype`));
  zaaktype.zaaktypeInformatieobjecttypen.forEach((ziot, index) => statustypeReference(ziot.statustype, `${path}.zaaktypeInformatieobjecttypen[${index}].statustype`));
}

function readZaaktype(value: unknown, path: string, problems: ProblemList): ZaaktypeExport | undefined {
  const attributes = readAttributes(value, 'zaaktype', path, problems, ZAAKTYPE_LISTS);
  if (attributes === undefined) return undefined;
  const zaaktype: ZaaktypeExport = {
    ...attributes,
    statustypen: readList(attributes.statustypen, LIST_KIND.statustypen, `${path}.statustypen`, problems),
    resultaattypen: readList(attributes.resultaattypen, LIST_KIND.resultaattypen, `${path}.resultaattypen`, problems),
    roltypen: readList(attributes.roltypen, LIST_KIND.roltypen, `${path}.roltypen`, problems),
    eigenschappen: readList(attributes.eigenschappen, LIST_KIND.eigenschappen, `${path}.eigenschappen`, problems),
    zaaktypeInformatieobjecttypen: readList(attributes.zaaktypeInformatieobjecttypen, LIST_KIND.zaaktypeInformatieobjecttypen, `${path}.zaaktypeInformatieobjecttypen`, problems),
    zaakobjecttypen: readList(attributes.zaakobjecttypen, LIST_KIND.zaakobjecttypen, `${path}.zaakobjecttypen`, problems),
  };
  checkSelectielijst(zaaktype.selectielijstProcestype, 'procestypen', `${path}.selectielijstProcestype`, problems);
  zaaktype.resultaattypen.forEach((resultaattype, index) => {
    checkSelectielijst(resultaattype.resultaattypeomschrijving, 'resultaattypeomschrijvingen', `${path}.resultaattypen[${index}].resultaattypeomschrijving`, problems);
    checkSelectielijst(resultaattype.selectielijstklasse, 'resultaten', `${path}.resultaattypen[${index}].selectielijstklasse`, problems);
  });
  checkZaaktypeReferences(zaaktype, path, problems);
  return zaaktype;
}

/** Reads parsed JSON as an exchange file, listing every problem of its envelope and structure. */
export function readExportFile(json: unknown): ReadResult {
  const problems = new ProblemList();
  if (!isObject(json)) {
    problems.add('nonFieldErrors', 'invalid', 'Het bestand bevat geen JSON-object.');
    return { file: undefined, problems: problems.items };
  }
  if (json.formaat !== EXPORT_FORMAAT) {
    problems.add('formaat', 'invalid', `Dit is geen catalogusexport van Loket: verwacht "formaat": "${EXPORT_FORMAAT}".`);
    return { file: undefined, problems: problems.items };
  }
  if (json.versie !== EXPORT_VERSIE) {
    problems.add('versie', 'invalid', `Versie ${JSON.stringify(json.versie)} van het exportformaat wordt niet ondersteund; deze versie van Loket leest versie ${EXPORT_VERSIE}.`);
    return { file: undefined, problems: problems.items };
  }
  for (const key of Object.keys(json)) {
    if (!['formaat', 'versie', 'catalogus', 'informatieobjecttypen', 'besluittypen', 'zaaktypen'].includes(key)) problems.add(key, 'unknown-field', `Onbekend veld: ${key}.`);
  }
  if (json.catalogus === undefined) problems.add('catalogus', 'required', 'Dit veld is vereist.');
  const catalogus = json.catalogus === undefined ? undefined : readAttributes(json.catalogus, 'catalogus', 'catalogus', problems);
  const informatieobjecttypen = readList(json.informatieobjecttypen, 'informatieobjecttype', 'informatieobjecttypen', problems);
  const besluittypen = readList(json.besluittypen, 'besluittype', 'besluittypen', problems);
  const zaaktypeList = json.zaaktypen ?? [];
  if (!Array.isArray(zaaktypeList)) problems.add('zaaktypen', 'invalid', 'Verwacht een lijst.');
  const zaaktypen: ZaaktypeExport[] = [];
  if (Array.isArray(zaaktypeList)) {
    zaaktypeList.forEach((item, index) => {
      const zaaktype = readZaaktype(item, `zaaktypen[${index}]`, problems);
      if (zaaktype !== undefined) zaaktypen.push(zaaktype);
    });
  }
  if (catalogus === undefined || problems.items.length > 0) return { file: undefined, problems: problems.items };
  return { file: { formaat: EXPORT_FORMAAT, versie: EXPORT_VERSIE, catalogus, informatieobjecttypen, besluittypen, zaaktypen }, problems: [] };
}
