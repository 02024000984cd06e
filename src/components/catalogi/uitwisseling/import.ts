import type { Kysely, Transaction } from 'kysely';
import type { Database, Tenant } from '../../../platform/database/schema.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { catalogusBody, type CatalogusInput } from '../catalogussen/schemas.ts';
import { catalogusRuleProblems, createCatalogus } from '../catalogussen/service.ts';
import { findCatalogus, listCatalogussen } from '../catalogussen/repository.ts';
import { catalogusUrl } from '../catalogussen/present.ts';
import { besluittypeBody, type BesluittypeInput } from '../besluittypen/schemas.ts';
import { createBesluittype } from '../besluittypen/service.ts';
import { informatieobjecttypeBody, type InformatieobjecttypeInput } from '../informatieobjecttypen/schemas.ts';
import { createInformatieobjecttype } from '../informatieobjecttypen/service.ts';
import { zaaktypeCreateBody, type ZaaktypeInput } from '../zaaktypen/schemas.ts';
import { createZaaktype } from '../zaaktypen/service.ts';
import { isUuid } from '../shared/urls.ts';
import { inWriteTransaction } from '../shared/write.ts';
import { schemaProblems } from './api-validation.ts';
import { requestAttributes, type Attributes, type CatalogusExport, type ZaaktypeExport } from './format.ts';
import { importZaaktypeParts } from './import-parts.ts';
import { placed, ProblemCollector, problemsOf } from './problem-collector.ts';
import { readExportFile } from './read-file.ts';
import { systemCaller, tenantCatalogiBase, type Actor, type SystemCaller } from './system-caller.ts';

/*
 * Importing an exchange file (docs/catalogus-export.md): every type in it is created as a concept in the target
 * tenant through the Catalogi services, so the API's schemas and rules apply as they do to a client's request, with
 * the same audit records and notifications. All of it happens in one transaction: either the whole file is in, or
 * nothing is, and then every problem found is listed.
 */

/** One created type: its uuid and the name relations use (omschrijving, or a zaaktype's identificatie). */
export interface ImportedType {
  uuid: string;
  naam: string;
}

/** What an import created. */
export interface ImportResult {
  catalogus: { uuid: string; created: boolean };
  /** The created types, in the order they were created. */
  informatieobjecttypen: ImportedType[];
  besluittypen: ImportedType[];
  zaaktypen: ImportedType[];
  /** How many statustypen, resultaattypen, roltypen, eigenschappen, zaaktype-informatieobjecttypen and zaakobjecttypen. */
  onderdelen: number;
}

export interface ImportOptions {
  /** Put the types into this catalogus of the tenant. Default: the tenant's catalogus with the file's domein and
   * RSIN (the standard's identity of a catalogus), created from the file when there is none. */
  catalogusUuid?: string;
  /** Who imports, for the audit trail. Default: the `loket` command. */
  actor?: Actor;
  /** The Catalogi API base for the URLs in audit records and notifications. Default: the tenant's first host name. */
  base?: string;
}

export const NOT_IMPORTED = 'Het bestand is niet geïmporteerd; er is niets veranderd.';

const DEFAULT_ACTOR: Actor = { applicatie: 'loket-cli', gebruiker: 'loket catalogus import' };

/**
 * The catalogus the file goes into: the one asked for, the tenant's one with the file's identity, or a new one. Every
 * other type needs it, so a problem here ends the import at once.
 */
async function targetCatalogus(
  trx: Transaction<Database>,
  caller: SystemCaller,
  base: string,
  attributes: Attributes,
  catalogusUuid: string | undefined,
): Promise<{ uuid: string; created: boolean }> {
  const tenantId = caller.tenant.id;
  if (catalogusUuid !== undefined) {
    const existing = isUuid(catalogusUuid) ? await findCatalogus(trx, tenantId, catalogusUuid) : undefined;
    if (!existing) throw new ProblemError('not_found', `Catalogus ${catalogusUuid} bestaat niet in deze gemeente.`);
    return { uuid: existing.uuid, created: false };
  }
  const { domein, rsin } = attributes;
  if (typeof domein === 'string' && typeof rsin === 'string') {
    const { rows } = await listCatalogussen(trx, tenantId, { domein, rsin }, { limit: 1, offset: 0 });
    const [same] = rows;
    if (same) return { uuid: same.uuid, created: false };
  }
  const body = requestAttributes('catalogus', attributes);
  const problems = [...schemaProblems(catalogusBody, body), ...catalogusRuleProblems(body)];
  if (problems.length > 0) throw invalid(placed('catalogus', problems), NOT_IMPORTED);
  try {
    const created = await createCatalogus(trx, caller, base, body as unknown as CatalogusInput);
    return { uuid: uuidOf(created.url), created: true };
  } catch (error) {
    if (error instanceof ProblemError) throw invalid(placed('catalogus', problemsOf(error)), NOT_IMPORTED);
    throw error;
  }
}

/**
 * The zaaktypen in an order that creates deelzaaktypen before the zaaktypen naming them (the API requires a
 * deelzaaktype to exist in the catalogus); otherwise file order.
 */
function deelzaaktypenFirst(zaaktypen: readonly ZaaktypeExport[]): { zaaktype: ZaaktypeExport; index: number }[] {
  const entries = zaaktypen.map((zaaktype, index) => ({ zaaktype, index }));
  const ordered: typeof entries = [];
  const placedIndexes = new Set<number>();
  const visiting = new Set<number>();
  const place = (entry: (typeof entries)[number]) => {
    if (placedIndexes.has(entry.index) || visiting.has(entry.index)) return;
    visiting.add(entry.index);
    const deel = Array.isArray(entry.zaaktype.deelzaaktypen) ? entry.zaaktype.deelzaaktypen : [];
    for (const other of entries) if (other.index !== entry.index && deel.includes(other.zaaktype.identificatie ?? null)) place(other);
    visiting.delete(entry.index);
    placedIndexes.add(entry.index);
    ordered.push(entry);
  };
  entries.forEach(place);
  return ordered;
}

/**
 * Imports an exchange file (parsed JSON) into the tenant: everything as concepts, in one transaction (the caller's,
 * when `db` is one). Throws a ProblemError `invalid` listing every problem, named by its place in the file, when
 * anything is wrong; nothing is stored then.
 */
export async function importCatalogus(db: Kysely<Database>, tenant: Pick<Tenant, 'id' | 'hostnames' | 'slug'>, json: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const read = readExportFile(json);
  if (!read.file) throw invalid(read.problems, NOT_IMPORTED);
  const file: CatalogusExport = read.file;
  const base = options.base ?? tenantCatalogiBase(tenant);
  const caller = systemCaller(tenant.id, options.actor ?? DEFAULT_ACTOR, base);
  return inWriteTransaction(db, async (trx) => {
    const catalogus = await targetCatalogus(trx, caller, base, file.catalogus, options.catalogusUuid);
    const collector = new ProblemCollector(trx);
    const catalogusRef = { catalogus: catalogusUrl(base, catalogus.uuid) };
    const result: ImportResult = { catalogus, informatieobjecttypen: [], besluittypen: [], zaaktypen: [], onderdelen: 0 };

    for (const [index, attributes] of file.informatieobjecttypen.entries()) {
      const path = `informatieobjecttypen[${index}]`;
      const body = { ...requestAttributes('informatieobjecttype', attributes), ...catalogusRef };
      const problems = schemaProblems(informatieobjecttypeBody, body);
      const created = await collector.attempt(path, () => createInformatieobjecttype(trx, caller, base, body as unknown as InformatieobjecttypeInput, problems));
      if (created) result.informatieobjecttypen.push({ uuid: uuidOf(created.url), naam: created.omschrijving });
    }

    for (const [index, attributes] of file.besluittypen.entries()) {
      const path = `besluittypen[${index}]`;
      const body = { ...requestAttributes('besluittype', attributes), ...catalogusRef };
      const problems = schemaProblems(besluittypeBody, body);
      const created = await collector.attempt(path, () => createBesluittype(trx, caller, base, body as unknown as BesluittypeInput, problems));
      if (created) result.besluittypen.push({ uuid: uuidOf(created.url), naam: String(created.omschrijving) });
    }

    for (const { zaaktype, index } of deelzaaktypenFirst(file.zaaktypen)) {
      const path = `zaaktypen[${index}]`;
      const body = { ...requestAttributes('zaaktype', zaaktype), ...catalogusRef };
      const problems = schemaProblems(zaaktypeCreateBody, body);
      const created = await collector.attempt(path, () => createZaaktype(trx, caller, base, body as unknown as ZaaktypeInput, problems));
      // The parts of a zaaktype that could not be created have nothing to belong to: their problems would only repeat it.
      if (!created) continue;
      result.zaaktypen.push({ uuid: uuidOf(created.url), naam: String(created.identificatie) });
      result.onderdelen += await importZaaktypeParts(trx, caller, base, created, zaaktype, path, collector);
    }

    collector.throwIfAny(NOT_IMPORTED);
    return result;
  });
}

/** The uuid at the end of a resource URL the services returned. */
function uuidOf(url: string): string {
  const uuid = url.split('/').pop() ?? '';
  if (!isUuid(uuid)) throw new Error(`no uuid at the end of ${url}`);
  return uuid;
}
