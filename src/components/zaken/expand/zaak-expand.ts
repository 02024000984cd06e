import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Keys } from '../../../platform/crypto/keys.ts';
import { mayUseZaak, zaakUuidFromUrl, type ZaakRow } from '../shared/zaak-reference.ts';
import type { ZakenCaller } from '../shared/caller.ts';
import { findStatusViews } from '../statussen/repository.ts';
import { presentStatus } from '../statussen/present.ts';
import { findResultaten } from '../resultaten/repository.ts';
import { presentResultaat } from '../resultaten/present.ts';
import { findRolViews } from '../rollen/repository.ts';
import { presentRol } from '../rollen/present.ts';
import { logRolProcessing } from '../rollen/person-processing.ts';
import { presentZaakeigenschap } from '../zaakeigenschappen/present.ts';
import { presentZaakobject } from '../zaakobjecten/present.ts';
import { logZaakobjectProcessing } from '../zaakobjecten/person-processing.ts';
import { presentZaakinformatieobject } from '../zaakinformatieobjecten/present.ts';
import { findZaken } from '../zaken/repository.ts';
import { presentZaakRows } from '../zaken/present-rows.ts';
import type { ZaakJson } from '../zaken/present.ts';
import { loadCatalogusObjects, type ZaakCatalogusKind } from './catalogus-objects.ts';
import { findZaakeigenschappen, findZaakinformatieobjecten, findZaakobjecten } from './repository.ts';
import type { ExpandTree } from './tree.ts';

export { parseZaakExpand, type ExpandTree } from './tree.ts';

/*
 * Fills `_expand` of zaken (zrc-025..028): for each relation asked for, the full objects, loaded once for the whole
 * page (one batch per relation per level), presented by the resources that own them, and expanded further where the
 * path goes on. A single relation without an object expands to `{}`, a list to `[]`, as ZaakEmbedded documents.
 * Related zaken (hoofdzaak, deelzaken, relevante andere zaken) appear only when the caller may read them (zrc-006);
 * expanded rollen and zaakobjecten about a person are a processing of that person's data and are logged.
 */

type Json = Record<string, unknown>;

/** What expanding uses. */
export interface ExpandDeps {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
}

interface ExpandContext {
  deps: ExpandDeps;
  caller: ZakenCaller;
  base: string;
  startTime: Date;
}

function lastSegment(url: string): string {
  return url.replace(/\/+$/, '').split('/').pop() ?? '';
}

/** One object per zaak from a single URL each (`{}` where there is none or it is gone). */
async function singles(urls: readonly (string | null)[], load: (uuids: string[]) => Promise<Map<string, Json>>): Promise<unknown[]> {
  const uuids = [...new Set(urls.flatMap((url) => (url ? [lastSegment(url)] : [])))];
  const found = uuids.length > 0 ? await load(uuids) : new Map<string, Json>();
  return urls.map((url) => (url ? found.get(lastSegment(url)) : undefined) ?? {});
}

/** One list per zaak from a list of URLs each, in the zaak's order. */
async function lists(urlLists: readonly (readonly string[])[], load: (uuids: string[]) => Promise<Map<string, Json>>): Promise<unknown[]> {
  const uuids = [...new Set(urlLists.flat().map(lastSegment))];
  const found = uuids.length > 0 ? await load(uuids) : new Map<string, Json>();
  return urlLists.map((urls) => urls.flatMap((url) => found.get(lastSegment(url)) ?? []));
}

/**
 * Adds the catalogue type a sub-resource points to (`status.statustype`, `rollen.roltype`, …) as its `_expand`,
 * when the path asks for it.
 */
async function withCatalogusType(context: ExpandContext, objects: readonly Json[], name: string, kind: ZaakCatalogusKind, below: ExpandTree): Promise<void> {
  const deeper = below.get(name);
  if (deeper === undefined || objects.length === 0) return;
  const urlOf = (object: Json) => (typeof object[name] === 'string' ? (object[name] as string) : null);
  const types = await singles(objects.map(urlOf), (uuids) => loadCatalogusObjects(context.deps.db, context.caller.tenant.id, context.base, kind, uuids, deeper));
  objects.forEach((object, index) => {
    object._expand = { [name]: types[index] };
  });
}

function byUuid(objects: readonly Json[]): Map<string, Json> {
  return new Map(objects.map((object) => [String(object.uuid), object]));
}

async function statussen(context: ExpandContext, uuids: string[], below: ExpandTree): Promise<Map<string, Json>> {
  const views = await findStatusViews(context.deps.db, context.caller.tenant.id, uuids);
  const objects = views.map((view) => presentStatus(view, context.base) as unknown as Json);
  await withCatalogusType(context, objects, 'statustype', 'statustype', below);
  return byUuid(objects);
}

async function resultaten(context: ExpandContext, uuids: string[], below: ExpandTree): Promise<Map<string, Json>> {
  const rows = await findResultaten(context.deps.db, context.caller.tenant.id, uuids);
  const objects = rows.map((row) => presentResultaat(row, context.base) as unknown as Json);
  await withCatalogusType(context, objects, 'resultaattype', 'resultaattype', below);
  return byUuid(objects);
}

async function rollen(context: ExpandContext, uuids: string[], below: ExpandTree): Promise<Map<string, Json>> {
  const views = await findRolViews(context.deps.db, context.caller.tenant.id, uuids);
  await logRolProcessing(context.deps.db, context.deps.keys, context.caller, 'rollen-raadplegen', views, context.startTime);
  const objects = views.map((view) => presentRol(view, context.base) as unknown as Json);
  await withCatalogusType(context, objects, 'roltype', 'roltype', below);
  return byUuid(objects);
}

async function zaakeigenschappen(context: ExpandContext, uuids: string[], below: ExpandTree): Promise<Map<string, Json>> {
  const rows = await findZaakeigenschappen(context.deps.db, context.caller.tenant.id, uuids);
  const objects = rows.map((row) => presentZaakeigenschap(row, context.base) as unknown as Json);
  await withCatalogusType(context, objects, 'eigenschap', 'eigenschap', below);
  return byUuid(objects);
}

async function zaakobjecten(context: ExpandContext, uuids: string[], below: ExpandTree): Promise<Map<string, Json>> {
  const rows = await findZaakobjecten(context.deps.db, context.caller.tenant.id, uuids);
  await logZaakobjectProcessing(context.deps.db, context.deps.keys, context.caller, 'zaakobjecten-raadplegen', rows, context.startTime);
  const objects = rows.map((row) => presentZaakobject(row, context.base) as unknown as Json);
  await withCatalogusType(context, objects, 'zaakobjecttype', 'zaakobjecttype', below);
  return byUuid(objects);
}

async function zaakinformatieobjecten(context: ExpandContext, uuids: string[]): Promise<Map<string, Json>> {
  const rows = await findZaakinformatieobjecten(context.deps.db, context.caller.tenant.id, uuids);
  return byUuid(rows.map((row) => presentZaakinformatieobject(row, context.base) as unknown as Json));
}

/** Related zaken the caller may read, presented and expanded further along the path. */
async function zaken(context: ExpandContext, uuids: string[], below: ExpandTree): Promise<Map<string, Json>> {
  const rows = (await findZaken(context.deps.db, context.caller.tenant.id, uuids)).filter((row) => mayUseZaak(context.caller.apiCaller, row, 'zaken.lezen'));
  const objects = await presentZaakRows(context.deps.db, context.caller.tenant.id, rows, context.base);
  await expandLevel(context, rows, objects, below);
  return byUuid(objects as unknown as Json[]);
}

/** The expanded value of one relation for each zaak. */
async function expandRelation(context: ExpandContext, rows: readonly ZaakRow[], jsons: readonly ZaakJson[], name: string, below: ExpandTree): Promise<unknown[]> {
  switch (name) {
    case 'zaaktype': {
      const found = await loadCatalogusObjects(context.deps.db, context.caller.tenant.id, context.base, 'zaaktype', rows.map((row) => row.zaaktype_uuid), below);
      return rows.map((row) => found.get(row.zaaktype_uuid) ?? {});
    }
    case 'status':
      return singles(
        jsons.map((json) => json.status),
        (uuids) => statussen(context, uuids, below),
      );
    case 'resultaat':
      return singles(
        jsons.map((json) => json.resultaat),
        (uuids) => resultaten(context, uuids, below),
      );
    case 'rollen':
      return lists(
        jsons.map((json) => json.rollen),
        (uuids) => rollen(context, uuids, below),
      );
    case 'eigenschappen':
      return lists(
        jsons.map((json) => json.eigenschappen),
        (uuids) => zaakeigenschappen(context, uuids, below),
      );
    case 'zaakobjecten':
      return lists(
        jsons.map((json) => json.zaakobjecten),
        (uuids) => zaakobjecten(context, uuids, below),
      );
    case 'zaakinformatieobjecten':
      return lists(
        jsons.map((json) => json.zaakinformatieobjecten),
        (uuids) => zaakinformatieobjecten(context, uuids),
      );
    case 'hoofdzaak':
      return singles(
        jsons.map((json) => json.hoofdzaak),
        (uuids) => zaken(context, uuids, below),
      );
    case 'deelzaken':
      return lists(
        jsons.map((json) => json.deelzaken),
        (uuids) => zaken(context, uuids, below),
      );
    case 'relevanteAndereZaken':
      // Only zaken of this Zaken API can be expanded; a relevante zaak elsewhere is left out.
      return lists(
        jsons.map((json) => json.relevanteAndereZaken.map((relatie) => relatie.url).filter((url) => zaakUuidFromUrl(url) !== null)),
        (uuids) => zaken(context, uuids, below),
      );
    default:
      // parseZaakExpand admits only the names above.
      throw new Error(`zaak relation ${name} cannot be expanded`);
  }
}

async function expandLevel(context: ExpandContext, rows: readonly ZaakRow[], jsons: readonly ZaakJson[], tree: ExpandTree): Promise<void> {
  if (tree.size === 0 || jsons.length === 0) return;
  const expansions: Json[] = jsons.map(() => ({}));
  for (const [name, below] of tree) {
    const values = await expandRelation(context, rows, jsons, name, below);
    values.forEach((value, index) => {
      const expansion = expansions[index];
      if (expansion) expansion[name] = value;
    });
  }
  jsons.forEach((json, index) => {
    json._expand = expansions[index];
  });
}

/** Adds `_expand` to presented zaken (`jsons[i]` is `rows[i]`) for the relations in the tree. */
export async function expandZaken(deps: ExpandDeps, caller: ZakenCaller, base: string, rows: readonly ZaakRow[], jsons: readonly ZaakJson[], tree: ExpandTree): Promise<void> {
  await expandLevel({ deps, caller, base, startTime: new Date() }, rows, jsons, tree);
}
