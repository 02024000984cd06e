import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ApiCaller } from '../../../platform/auth/api-jwt.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { besluitExpander } from '../../besluiten/besluiten/expand.ts';
import type { BesluitRow } from '../../besluiten/besluiten/present.ts';
import { besluitenOfZaak, findBesluit, findBesluitByZaakbesluit } from '../../besluiten/besluiten/repository.ts';
import { parseExpand, withExpansions, type ForeignExpanders } from '../../besluiten/shared/expand.ts';
import { AVAILABLE_FOREIGN_EXPANDERS } from '../../besluiten/shared/foreign-expanders.ts';
import { besluitUuidFromUrl, isUuid } from '../../besluiten/shared/urls.ts';
import { assertMayUseZaak, assertZaakOpenOrForced, findZaakRow, type ZaakRow } from '../shared/zaak-reference.ts';
import { besluitenBaseFromZaken, presentZaakbesluit, zaakbesluitOf, type ZaakbesluitJson } from './present.ts';

/*
 * ZAAKBESLUIT: the besluiten that are an outcome of a zaak. One source of truth: the relation is a besluit's zaak in
 * the Besluiten API (brc-006), so these operations read besluiten and write nothing. POST, which the Besluiten API
 * would call to mirror a relation, confirms a relation that exists; DELETE cannot end one while the besluit still
 * names the zaak (deleting the besluit ends it). Authorisation is the zaak's: zaken scopes for its zaaktype and
 * vertrouwelijkheid (zrc-006), and zrc-007 for a closed zaak.
 */

/** What the zaakbesluiten service needs besides the request. */
export interface ZaakbesluitDeps {
  db: Kysely<Database>;
  /** Lookups for a besluit's own relations, for nested `expand` (`besluit.besluittype`); by default what the Besluiten API serves. */
  besluitExpanders?: ForeignExpanders;
}

/** Who asks, in which tenant. */
export interface ZaakbesluitCaller {
  tenant: { id: string };
  apiCaller: ApiCaller;
}

const ZAKEN_LEZEN = 'zaken.lezen';
const ZAKEN_BIJWERKEN = 'zaken.bijwerken';

function zaakbesluitNotFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaakbesluit ${uuid} bestaat niet bij deze zaak.`);
}

async function findZaak(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<ZaakRow | undefined> {
  return isUuid(zaakUuid) ? findZaakRow(db, tenantId, zaakUuid.toLowerCase()) : undefined;
}

const RELATIONS = ['besluit'] as const;

/** The relations a ZAAKBESLUIT request's `expand` asks for (only `besluit`, with paths below it). */
function parseZaakbesluitExpand(expand: string | undefined): Map<'besluit', string | undefined> {
  return parseExpand(expand, RELATIONS, () => true);
}

async function presentRelations(
  deps: ZaakbesluitDeps,
  tenantId: string,
  rows: readonly BesluitRow[],
  zakenBase: string,
  asked: ReadonlyMap<'besluit', string | undefined>,
): Promise<ZaakbesluitJson[]> {
  const related = rows.flatMap((row) => {
    const relation = zaakbesluitOf(row);
    return relation ? [{ row, json: presentZaakbesluit(relation, zakenBase) }] : [];
  });
  // The besluit is expanded by the Besluiten API's own presenter, on the Besluiten API beside this one.
  return withExpansions(
    deps.db,
    tenantId,
    besluitenBaseFromZaken(zakenBase),
    related.map(({ row }) => row),
    related.map(({ json }) => json),
    asked,
    { besluit: (row) => row.uuid },
    { besluit: besluitExpander(deps.besluitExpanders ?? AVAILABLE_FOREIGN_EXPANDERS) },
  );
}

/** `zaakbesluit_list`: the zaak's besluiten, newest first. An unknown zaak has none (the spec lists no 404 here). */
export async function listZaakbesluiten(deps: ZaakbesluitDeps, caller: ZaakbesluitCaller, zakenBase: string, zaakUuid: string, expand?: string): Promise<ZaakbesluitJson[]> {
  const asked = parseZaakbesluitExpand(expand);
  const zaak = await findZaak(deps.db, caller.tenant.id, zaakUuid);
  if (!zaak) return [];
  assertMayUseZaak(caller.apiCaller, zaak, ZAKEN_LEZEN);
  return presentRelations(deps, caller.tenant.id, await besluitenOfZaak(deps.db, caller.tenant.id, zaak.uuid), zakenBase, asked);
}

/** `zaakbesluit_retrieve`: one besluit of the zaak; 404 for an unknown zaak or relation, 403 for a zaak out of reach. */
export async function retrieveZaakbesluit(deps: ZaakbesluitDeps, caller: ZaakbesluitCaller, zakenBase: string, zaakUuid: string, uuid: string, expand?: string): Promise<ZaakbesluitJson> {
  const asked = parseZaakbesluitExpand(expand);
  const zaak = await findZaak(deps.db, caller.tenant.id, zaakUuid);
  if (!zaak) throw new ProblemError('not_found', `Zaak ${zaakUuid} bestaat niet.`);
  assertMayUseZaak(caller.apiCaller, zaak, ZAKEN_LEZEN);
  const row = isUuid(uuid) ? await findBesluitByZaakbesluit(deps.db, caller.tenant.id, zaak.uuid, uuid.toLowerCase()) : undefined;
  if (!row) throw zaakbesluitNotFound(uuid);
  const [json] = await presentRelations(deps, caller.tenant.id, [row], zakenBase, asked);
  if (!json) throw new Error(`zaakbesluit ${uuid} vanished from its own presentation`);
  return json;
}

/**
 * `zaakbesluit_create`: the call with which a Besluiten API mirrors a relation (brc-006). Loket's besluiten carry
 * their zaak themselves, so this confirms the relation the besluit already has (201 with it, as the reference
 * implementation answers for its own besluiten) and refuses a besluit that names another zaak or none.
 */
export async function confirmZaakbesluit(deps: ZaakbesluitDeps, caller: ZaakbesluitCaller, zakenBase: string, zaakUuid: string, besluitUrlValue: string): Promise<ZaakbesluitJson> {
  const zaak = await findZaak(deps.db, caller.tenant.id, zaakUuid);
  // The operation validates "geldigheid URL naar de ZAAK" and documents no 404: an unknown zaak is a 400.
  if (!zaak) throw invalid([{ name: 'zaak', code: 'bad-url', reason: `Zaak ${zaakUuid} bestaat niet.` }]);
  assertMayUseZaak(caller.apiCaller, zaak, ZAKEN_BIJWERKEN);
  assertZaakOpenOrForced(caller.apiCaller, zaak);
  const besluitUuid = besluitUuidFromUrl(besluitUrlValue);
  const besluit = besluitUuid ? await findBesluit(deps.db, caller.tenant.id, besluitUuid) : undefined;
  if (!besluit) throw invalid([{ name: 'besluit', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand besluit.' }]);
  const relation = besluit.zaak_uuid === zaak.uuid ? zaakbesluitOf(besluit) : undefined;
  if (!relation) {
    throw invalid([
      { name: 'nonFieldErrors', code: 'inconsistent-relation', reason: 'Het besluit hoort niet bij deze zaak: de relatie ontstaat door het besluit met deze zaak aan te maken in de Besluiten API.' },
    ]);
  }
  return presentZaakbesluit(relation, zakenBase);
}

/**
 * `zaakbesluit_destroy`: the relation ends only with its besluit (the besluit's zaak cannot change, brc-006), so an
 * existing relation is a 409: delete the besluit in the Besluiten API instead.
 */
export async function refuseZaakbesluitRemoval(deps: ZaakbesluitDeps, caller: ZaakbesluitCaller, zaakUuid: string, uuid: string): Promise<never> {
  const zaak = await findZaak(deps.db, caller.tenant.id, zaakUuid);
  if (!zaak) throw new ProblemError('not_found', `Zaak ${zaakUuid} bestaat niet.`);
  assertMayUseZaak(caller.apiCaller, zaak, ZAKEN_BIJWERKEN);
  assertZaakOpenOrForced(caller.apiCaller, zaak);
  const row = isUuid(uuid) ? await findBesluitByZaakbesluit(deps.db, caller.tenant.id, zaak.uuid, uuid.toLowerCase()) : undefined;
  if (!row) throw zaakbesluitNotFound(uuid);
  throw new ProblemError('conflict', 'Het besluit verwijst nog naar deze zaak. De relatie eindigt pas als het besluit in de Besluiten API wordt verwijderd.');
}
