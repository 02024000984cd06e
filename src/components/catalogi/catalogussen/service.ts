import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { isUniqueViolation } from '../../../platform/zgw/request-body.ts';
import { inWriteTransaction } from '../shared/write.ts';
import { auditEntryFromRequest, type AuditRequest } from '../../../platform/audit/request.ts';
import { passesElevenTest } from '../../../platform/tenants/rsin.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import type { CatalogusInput, CatalogusListQuery, CatalogusPatch } from './schemas.ts';
import {
  catalogusRelations,
  domeinRsinTaken,
  findCatalogus,
  insertCatalogus,
  listCatalogussen,
  updateCatalogus,
  type CatalogusFilter,
  type CatalogusRow,
  type CatalogusValues,
} from './repository.ts';
import { CATALOGUS_EXPANDABLE, catalogusUrl, catalogusWeergave, presentCatalogus, type CatalogusExpandable, type CatalogusJson } from './present.ts';

/*
 * Business rules of CATALOGUS. Scopes are checked before any of this runs (route data, see ../scopes.ts); every
 * query is scoped to the caller's tenant; every write and its audit record share one transaction.
 */

/** Who asks, in which tenant, through which base URL: what every operation needs from the request. */
export interface CatalogusCaller extends AuditRequest, Pick<FastifyRequest, 'protocol' | 'host'> {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Catalogus ${uuid} bestaat niet.`);
}

/** Splits a `__in` filter value: comma-separated, blanks ignored. */
function splitList(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** The `expand` names asked for; an unknown one is a 400, as the reference implementation answers. */
export function parseExpand(value: string | undefined): CatalogusExpandable[] {
  if (value === undefined || value.trim() === '') return [];
  const names = [...new Set(value.split(',').map((name) => name.trim()))];
  // Nested paths (`zaaktypen.statustypen`) start at one of the relations; their depth is for those resources to serve.
  const unknown = names.filter((name) => !CATALOGUS_EXPANDABLE.some((relation) => name === relation || name.startsWith(`${relation}.`)));
  if (unknown.length > 0) throw invalid([{ name: 'expand', code: 'invalid', reason: `Onbekende waarde(n) voor expand: ${unknown.join(', ')}.` }]);
  return CATALOGUS_EXPANDABLE.filter((relation) => names.some((name) => name === relation || name.startsWith(`${relation}.`)));
}

/**
 * The rules a JSON schema cannot state, checked on the raw body so they are listed together with the schema's
 * findings: the RSIN must pass the 11-proef (as the reference implementation validates every RSIN).
 */
export function catalogusRuleProblems(body: unknown): InvalidParam[] {
  if (typeof body !== 'object' || body === null) return [];
  const rsin = (body as { rsin?: unknown }).rsin;
  if (typeof rsin === 'string' && /^\d{9}$/.test(rsin) && !passesElevenTest(rsin)) {
    return [{ name: 'rsin', code: 'invalid', reason: 'Het RSIN voldoet niet aan de 11-proef.' }];
  }
  return [];
}

function uniqueProblem(): ProblemError {
  return invalid([{ name: 'nonFieldErrors', code: 'unique', reason: 'De velden domein en rsin moeten samen uniek zijn: er is al een catalogus met dit domein en RSIN.' }]);
}

function toValues(input: CatalogusInput): CatalogusValues {
  return {
    domein: input.domein,
    rsin: input.rsin,
    contactpersoon_beheer_naam: input.contactpersoonBeheerNaam,
    contactpersoon_beheer_telefoonnummer: input.contactpersoonBeheerTelefoonnummer ?? '',
    contactpersoon_beheer_emailadres: input.contactpersoonBeheerEmailadres ?? '',
    naam: input.naam ?? null,
    versie: input.versie ?? null,
    begindatum_versie: input.begindatumVersie ?? null,
  };
}

/** The stored values as writable input, so an update can lay the client's fields over them. */
function toInput(row: CatalogusRow): CatalogusInput {
  return {
    domein: row.domein,
    rsin: row.rsin,
    contactpersoonBeheerNaam: row.contactpersoon_beheer_naam,
    contactpersoonBeheerTelefoonnummer: row.contactpersoon_beheer_telefoonnummer,
    contactpersoonBeheerEmailadres: row.contactpersoon_beheer_emailadres,
    naam: row.naam,
    versie: row.versie,
    begindatumVersie: row.begindatum_versie,
  };
}

async function present(db: Kysely<Database>, tenantId: string, row: CatalogusRow, base: string, expand: readonly CatalogusExpandable[] = []): Promise<CatalogusJson> {
  const relations = await catalogusRelations(db, tenantId, [row.uuid]);
  const own = relations.get(row.uuid);
  if (!own) throw new Error(`no relations for catalogus ${row.uuid}`);
  return presentCatalogus(row, own, base, expand);
}

/** `catalogus_list`: one page of the tenant's catalogussen, filtered as the spec defines. */
export async function listCatalogusPage(
  db: Kysely<Database>,
  caller: CatalogusCaller & Pick<FastifyRequest, 'url'>,
  base: string,
  query: CatalogusListQuery,
): Promise<PaginatedList<CatalogusJson>> {
  const expand = parseExpand(query.expand);
  const window = pageRequest(query);
  const filter: CatalogusFilter = { domein: query.domein, domeinIn: splitList(query.domein__in), rsin: query.rsin, rsinIn: splitList(query.rsin__in) };
  const { count, rows } = await listCatalogussen(db, caller.tenant.id, filter, window);
  const relations = await catalogusRelations(db, caller.tenant.id, rows.map((row) => row.uuid));
  const results = rows.map((row) => {
    const own = relations.get(row.uuid);
    if (!own) throw new Error(`no relations for catalogus ${row.uuid}`);
    return presentCatalogus(row, own, base, expand);
  });
  return paginatedList(caller, window, count, results);
}

/** `catalogus_retrieve` / `catalogus_headers`: one catalogus of the tenant; a 404 for anything else. */
export async function retrieveCatalogus(db: Kysely<Database>, caller: CatalogusCaller, base: string, uuid: string, expandQuery?: string): Promise<CatalogusJson> {
  const expand = parseExpand(expandQuery);
  const row = UUID.test(uuid) ? await findCatalogus(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  return present(db, caller.tenant.id, row, base, expand);
}

/** `catalogus_create`: stores the catalogus and its audit record in one transaction. */
export async function createCatalogus(db: Kysely<Database>, caller: CatalogusCaller, base: string, input: CatalogusInput): Promise<CatalogusJson> {
  try {
    return await inWriteTransaction(db, async (trx) => {
      if (await domeinRsinTaken(trx, caller.tenant.id, input.domein, input.rsin)) throw uniqueProblem();
      const row = await insertCatalogus(trx, caller.tenant.id, toValues(input));
      const json = await present(trx, caller.tenant.id, row, base);
      await recordAudit(
        trx,
        auditEntryFromRequest(caller, { bron: 'ztc', actie: 'create', resultaat: 201, hoofdObject: json.url, resource: 'catalogus', resourceUrl: json.url, resourceWeergave: catalogusWeergave(row), nieuw: { ...json } }),
      );
      return json;
    });
  } catch (error) {
    // A concurrent create with the same pair passes the check above; the unique constraint still refuses it.
    if (isUniqueViolation(error)) throw uniqueProblem();
    throw error;
  }
}

/**
 * `catalogus_update` (PUT, `partial` false) and `catalogus_partial_update` (PATCH): the client's fields laid over
 * the stored ones (omitted optional fields keep their value, as in the reference implementation), stored with
 * the audit record of the change in one transaction.
 */
export async function changeCatalogus(
  db: Kysely<Database>,
  caller: CatalogusCaller,
  base: string,
  uuid: string,
  changes: CatalogusPatch,
  partial: boolean,
): Promise<CatalogusJson> {
  if (!UUID.test(uuid)) throw notFound(uuid);
  try {
    return await inWriteTransaction(db, async (trx) => {
      const before = await findCatalogus(trx, caller.tenant.id, uuid);
      if (!before) throw notFound(uuid);
      const merged: CatalogusInput = { ...toInput(before), ...changes };
      if (await domeinRsinTaken(trx, caller.tenant.id, merged.domein, merged.rsin, uuid)) throw uniqueProblem();
      const after = await updateCatalogus(trx, caller.tenant.id, uuid, toValues(merged));
      if (!after) throw notFound(uuid);
      const oud = await present(trx, caller.tenant.id, before, base);
      const json = await present(trx, caller.tenant.id, after, base);
      const url = catalogusUrl(base, uuid);
      await recordAudit(
        trx,
        auditEntryFromRequest(caller, {
          bron: 'ztc',
          actie: partial ? 'partial_update' : 'update',
          resultaat: 200,
          hoofdObject: url,
          resource: 'catalogus',
          resourceUrl: url,
          resourceWeergave: catalogusWeergave(after),
          oud: { ...oud },
          nieuw: { ...json },
        }),
      );
      return json;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueProblem();
    throw error;
  }
}
