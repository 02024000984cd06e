import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { retrieveCatalogus } from '../catalogussen/service.ts';
import { CATALOGI_ROOT } from '../catalogussen/present.ts';
import { besluittypenOfCatalogi } from '../besluittypen/repository.ts';
import { retrieveBesluittype } from '../besluittypen/service.ts';
import { informatieobjecttypenOfCatalogi } from '../informatieobjecttypen/repository.ts';
import { retrieveInformatieobjecttype } from '../informatieobjecttypen/service.ts';
import { findZaaktype, zaaktypenOfCatalogi, type ZaaktypeRow } from '../zaaktypen/repository.ts';
import { retrieveZaaktype } from '../zaaktypen/service.ts';
import { storedRelaties } from '../zaaktypen/present.ts';
import { versionsByName } from '../shared/repository.ts';
import { isUuid } from '../shared/urls.ts';
import { exportZaaktypeParts } from './export-parts.ts';
import { EXPORT_FORMAAT, EXPORT_VERSIE, type Attributes, type CatalogusExport, type JsonValue, type ZaaktypeExport } from './format.ts';
import { toPublicSelectielijstUrl } from './selectielijst.ts';
import { systemCaller, type SystemCaller } from './system-caller.ts';

/*
 * Exporting reads each type through the Catalogi services, as the API presents it, and turns it into the file's
 * form (docs/catalogus-export.md): references by name instead of URL, Selectielijst URLs in their public form. The
 * relation names come from what is stored (the API's `…Omschrijving`/`…Identificaties` lists), not from the URL
 * lists, which only show the published versions valid today. The result goes through serializeExport for its
 * canonical form.
 */

/** The base the services build URLs on while exporting; those URLs never reach the file. */
const EXPORT_BASE = `https://export.loket.invalid${CATALOGI_ROOT}`;

function reader(tenantId: string): SystemCaller {
  return systemCaller(tenantId, { applicatie: 'loket-cli', gebruiker: 'loket catalogus export' }, EXPORT_BASE);
}

/** A list attribute of API JSON as text values. */
function names(value: unknown): JsonValue[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** API JSON as file attributes; the file's shape later keeps only what belongs in it. */
function asAttributes(json: Record<string, unknown>): Attributes {
  return JSON.parse(JSON.stringify(json)) as Attributes;
}

async function catalogusAttributes(db: Kysely<Database>, caller: SystemCaller, uuid: string): Promise<Attributes> {
  return asAttributes({ ...(await retrieveCatalogus(db, caller, EXPORT_BASE, uuid)) });
}

async function informatieobjecttypeAttributes(db: Kysely<Database>, caller: SystemCaller, uuid: string): Promise<Attributes> {
  return asAttributes(await retrieveInformatieobjecttype(db, caller, EXPORT_BASE, uuid));
}

async function besluittypeAttributes(db: Kysely<Database>, caller: SystemCaller, uuid: string): Promise<Attributes> {
  const json = await retrieveBesluittype(db, caller, EXPORT_BASE, uuid);
  return asAttributes({ ...json, informatieobjecttypen: names(json.informatieobjecttypeOmschrijvingen) });
}

async function zaaktypeExport(db: Kysely<Database>, caller: SystemCaller, row: ZaaktypeRow): Promise<ZaaktypeExport> {
  const json = await retrieveZaaktype(db, caller, EXPORT_BASE, row.uuid);
  const attributes = asAttributes({
    ...json,
    selectielijstProcestype: toPublicSelectielijstUrl('procestypen', typeof json.selectielijstProcestype === 'string' ? json.selectielijstProcestype : ''),
    besluittypen: names(json.besluittypeOmschrijving),
    deelzaaktypen: names(json.deelzaaktypeIdentificaties),
    gerelateerdeZaaktypen: storedRelaties(row),
  });
  return { ...attributes, ...(await exportZaaktypeParts(db, caller, EXPORT_BASE, row.uuid)) };
}

function notFound(what: string, uuid: string): ProblemError {
  return new ProblemError('not_found', `${what} ${uuid} bestaat niet.`);
}

/** A whole catalogus of the tenant with all its informatieobjecttypen, besluittypen and zaaktypen (every version). */
export async function exportCatalogus(db: Kysely<Database>, tenantId: string, catalogusUuid: string): Promise<CatalogusExport> {
  if (!isUuid(catalogusUuid)) throw notFound('Catalogus', catalogusUuid);
  const caller = reader(tenantId);
  const catalogus = await catalogusAttributes(db, caller, catalogusUuid);
  const [informatieobjecttypen, besluittypen, zaaktypen] = await Promise.all([
    informatieobjecttypenOfCatalogi(db, tenantId, [catalogusUuid]),
    besluittypenOfCatalogi(db, tenantId, [catalogusUuid]),
    zaaktypenOfCatalogi(db, tenantId, [catalogusUuid]),
  ]);
  return {
    formaat: EXPORT_FORMAAT,
    versie: EXPORT_VERSIE,
    catalogus,
    informatieobjecttypen: await Promise.all(informatieobjecttypen.map((row) => informatieobjecttypeAttributes(db, caller, row.uuid))),
    besluittypen: await Promise.all(besluittypen.map((row) => besluittypeAttributes(db, caller, row.uuid))),
    zaaktypen: await Promise.all(zaaktypen.map((row) => zaaktypeExport(db, caller, row))),
  };
}

/**
 * One zaaktype with everything it names in its catalogus: the besluittypen of the zaaktype and its resultaattypen,
 * and the informatieobjecttypen of its zaaktype-informatieobjecttypen, resultaattypen and those besluittypen (every
 * version of each name, as a name stands for all of them). Other zaaktypen it names (deelzaaktypen, gerelateerde
 * zaaktypen) stay names: an import finds them in the target catalogus.
 */
export async function exportZaaktype(db: Kysely<Database>, tenantId: string, zaaktypeUuid: string): Promise<CatalogusExport> {
  const row = isUuid(zaaktypeUuid) ? await findZaaktype(db, tenantId, zaaktypeUuid) : undefined;
  if (!row) throw notFound('Zaaktype', zaaktypeUuid);
  const caller = reader(tenantId);
  const zaaktype = await zaaktypeExport(db, caller, row);
  const besluittypeNames = new Set([...names(zaaktype.besluittypen), ...zaaktype.resultaattypen.flatMap((resultaattype) => names(resultaattype.besluittypen))].map(String));
  const besluittypeVersions = await versionsByName(db, tenantId, 'besluittypen', row.catalogus_uuid, [...besluittypeNames]);
  const besluittypen = await Promise.all(besluittypeVersions.map((version) => besluittypeAttributes(db, caller, version.uuid)));
  const informatieobjecttypeNames = new Set(
    [
      ...zaaktype.zaaktypeInformatieobjecttypen.map((ziot) => ziot.informatieobjecttype),
      ...zaaktype.resultaattypen.flatMap((resultaattype) => names(resultaattype.informatieobjecttypen)),
      ...besluittypen.flatMap((besluittype) => names(besluittype.informatieobjecttypen)),
    ].map(String),
  );
  const informatieobjecttypeVersions = await versionsByName(db, tenantId, 'informatieobjecttypen', row.catalogus_uuid, [...informatieobjecttypeNames]);
  return {
    formaat: EXPORT_FORMAAT,
    versie: EXPORT_VERSIE,
    catalogus: await catalogusAttributes(db, caller, row.catalogus_uuid),
    informatieobjecttypen: await Promise.all(informatieobjecttypeVersions.map((version) => informatieobjecttypeAttributes(db, caller, version.uuid))),
    besluittypen,
    zaaktypen: [zaaktype],
  };
}
