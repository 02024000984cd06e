import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { recordAudit, type AuditBody } from '../../../platform/audit/record.ts';
import { auditEntryFromRequest } from '../../../platform/audit/request.ts';
import { publishNotificatie } from '../../../platform/zgw/notificatie.ts';
import { BESLUITEN_AANMAKEN, BESLUITEN_LEZEN, BESLUITEN_VERWIJDEREN } from '../scopes.ts';
import { allowedBesluittypen, assertMayUseBesluittype } from '../shared/besluittype-access.ts';
import { isUniqueViolation, type BesluitenCaller } from '../shared/caller.ts';
import { findBesluittype } from '../shared/catalogus-repository.ts';
import { parseExpand, withExpansions, type Expander } from '../shared/expand.ts';
import { besluitUrl, besluitUuidFromUrl, informatieobjectUuidFromUrl, isUuid } from '../shared/urls.ts';
import { besluitExpander } from '../besluiten/expand.ts';
import { besluitKenmerken, type BesluitRow } from '../besluiten/present.ts';
import { findBesluit } from '../besluiten/repository.ts';
import type { BesluitenDeps } from '../besluiten/service.ts';
import { besluitinformatieobjectWeergave, presentBesluitinformatieobject, type BesluitinformatieobjectJson } from './present.ts';
import {
  deleteBesluitinformatieobject,
  findBesluitinformatieobject,
  insertBesluitinformatieobject,
  listBesluitinformatieobjecten,
  relationExists,
  type BesluitinformatieobjectRow,
} from './repository.ts';
import type { BesluitinformatieobjectInput, BesluitinformatieobjectListQuery } from './schemas.ts';

/*
 * Business rules of BESLUITINFORMATIEOBJECT (brc-003, brc-005, brc-008). Authorisation follows the besluit: the
 * caller needs the operation's scope for the besluit's besluittype. Every write shares one transaction with its
 * record in the besluit's audit trail, its notification on kanaal `besluiten` and the mirrored relation in the
 * Documenten API.
 */

/** What a besluitinformatieobject's `expand` may name (BesluitInformatieObjectEmbedded). */
const RELATIONS = ['informatieobject', 'besluit'] as const;
type Relation = (typeof RELATIONS)[number];

const REFERENCES: Record<Relation, (row: BesluitinformatieobjectRow) => string | null> = {
  informatieobject: (row) => row.informatieobject_uuid,
  besluit: (row) => row.besluit_uuid,
};

function expanders(deps: BesluitenDeps): Partial<Record<Relation, Expander>> {
  return { informatieobject: deps.expanders.informatieobject, besluit: besluitExpander(deps.expanders) };
}

function parseBesluitinformatieobjectExpand(value: string | undefined, deps: BesluitenDeps): Map<Relation, string | undefined> {
  const available = expanders(deps);
  return parseExpand(value, RELATIONS, (name) => available[name] !== undefined);
}

function present(deps: BesluitenDeps, tenantId: string, rows: readonly BesluitinformatieobjectRow[], base: string, asked: ReadonlyMap<Relation, string | undefined>) {
  return withExpansions(deps.db, tenantId, base, rows, rows.map((row) => presentBesluitinformatieobject(row, base)), asked, REFERENCES, expanders(deps));
}

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Besluitinformatieobject ${uuid} bestaat niet.`);
}

function notUnique(): InvalidParam {
  return { name: 'nonFieldErrors', code: 'unique', reason: 'De velden besluit en informatieobject moeten samen uniek zijn: dit informatieobject hoort al bij dit besluit.' };
}

async function besluitOf(db: Kysely<Database>, tenantId: string, row: BesluitinformatieobjectRow): Promise<BesluitRow> {
  const besluit = await findBesluit(db, tenantId, row.besluit_uuid);
  if (!besluit) throw new Error(`besluitinformatieobject ${row.uuid} has no besluit ${row.besluit_uuid}`);
  return besluit;
}

/** Records a change in the besluit's audit trail (bron brc) and publishes it on kanaal `besluiten`. */
async function recordRelationChange(
  trx: Transaction<Database>,
  caller: BesluitenCaller,
  besluit: BesluitRow,
  row: BesluitinformatieobjectRow,
  base: string,
  change: { actie: 'create' | 'destroy'; resultaat: number; oud?: AuditBody; nieuw?: AuditBody },
): Promise<void> {
  const hoofdObject = besluitUrl(base, besluit.uuid);
  const resourceUrl = presentBesluitinformatieobject(row, base).url;
  await recordAudit(
    trx,
    auditEntryFromRequest(caller, { bron: 'brc', hoofdObject, resource: 'besluitinformatieobject', resourceUrl, resourceWeergave: besluitinformatieobjectWeergave(besluit.identificatie, row), ...change }),
  );
  await publishNotificatie(trx, caller.tenant.id, {
    kanaal: 'besluiten',
    hoofdObject,
    resource: 'besluitinformatieobject',
    resourceUrl,
    actie: change.actie,
    kenmerken: besluitKenmerken(besluit, base),
  });
}

/** `besluitinformatieobject_list`: the relations of besluiten the caller may read (filtered in SQL), not paginated. */
export async function listBesluitinformatieobjectList(deps: BesluitenDeps, caller: BesluitenCaller, base: string, query: BesluitinformatieobjectListQuery): Promise<BesluitinformatieobjectJson[]> {
  const asked = parseBesluitinformatieobjectExpand(query.expand, deps);
  const rows = await listBesluitinformatieobjecten(deps.db, caller.tenant.id, {
    besluitUuid: query.besluit === undefined ? undefined : besluitUuidFromUrl(query.besluit),
    informatieobjectUuid: query.informatieobject === undefined ? undefined : informatieobjectUuidFromUrl(query.informatieobject),
    allowedBesluittypen: allowedBesluittypen(caller.apiCaller, BESLUITEN_LEZEN),
  });
  return present(deps, caller.tenant.id, rows, base, asked);
}

/** `besluitinformatieobject_read`: one relation of a besluit the caller may read; 404 or 403 otherwise. */
export async function retrieveBesluitinformatieobject(deps: BesluitenDeps, caller: BesluitenCaller, base: string, uuid: string, expand?: string): Promise<BesluitinformatieobjectJson> {
  const asked = parseBesluitinformatieobjectExpand(expand, deps);
  const row = isUuid(uuid) ? await findBesluitinformatieobject(deps.db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  const besluit = await besluitOf(deps.db, caller.tenant.id, row);
  assertMayUseBesluittype(caller.apiCaller, besluit.besluittype_uuid, [BESLUITEN_LEZEN]);
  const [json] = await present(deps, caller.tenant.id, [row], base, asked);
  if (!json) throw new Error(`besluitinformatieobject ${uuid} vanished from its own presentation`);
  return json;
}

/**
 * brc-003 and brc-008 for one informatieobject URL: an ENKELVOUDIGINFORMATIEOBJECT of the Documenten API that exists,
 * whose informatieobjecttype the besluit's besluittype allows. Until the Documenten API exists only the URL form can
 * be checked (see ../shared/documenten.ts).
 */
async function informatieobjectProblems(deps: BesluitenDeps, trx: Kysely<Database>, tenantId: string, url: string, besluit: BesluitRow | undefined): Promise<{ uuid?: string; problems: InvalidParam[] }> {
  const uuid = informatieobjectUuidFromUrl(url);
  const badUrl = { name: 'informatieobject', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand enkelvoudig informatieobject.' };
  if (!uuid) return { problems: [badUrl] };
  const facts = await deps.documenten.findInformatieobject(trx, tenantId, uuid);
  if (facts === null) return { problems: [badUrl] };
  if (facts === 'niet-te-controleren' || !besluit) return { uuid, problems: [] };
  const besluittype = await findBesluittype(trx, tenantId, besluit.besluittype_uuid);
  if (besluittype?.informatieobjecttypeUuids.includes(facts.informatieobjecttypeUuid)) return { uuid, problems: [] };
  return {
    uuid,
    problems: [{ name: 'nonFieldErrors', code: 'missing-besluittype-informatieobjecttype-relation', reason: 'Het informatieobjecttype hoort niet bij het besluittype van het besluit.' }],
  };
}

/** `besluitinformatieobject_create`: relates an informatieobject to a besluit, once (unique per besluit). */
export async function createBesluitinformatieobject(deps: BesluitenDeps, caller: BesluitenCaller, base: string, input: BesluitinformatieobjectInput): Promise<BesluitinformatieobjectJson> {
  const tenantId = caller.tenant.id;
  try {
    return await inTransaction(deps.db, async (trx) => {
      const besluitUuid = besluitUuidFromUrl(input.besluit);
      // Locked: the besluit cannot be deleted while its new relation is being written.
      const besluit = besluitUuid ? await findBesluit(trx, tenantId, besluitUuid, { forUpdate: true }) : undefined;
      if (besluit) assertMayUseBesluittype(caller.apiCaller, besluit.besluittype_uuid, [BESLUITEN_AANMAKEN]);
      const problems: InvalidParam[] = [];
      if (!besluit) problems.push({ name: 'besluit', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand besluit.' });
      const informatieobject = await informatieobjectProblems(deps, trx, tenantId, input.informatieobject, besluit);
      problems.push(...informatieobject.problems);
      if (besluit && informatieobject.uuid && (await relationExists(trx, tenantId, besluit.uuid, informatieobject.uuid))) problems.push(notUnique());
      if (problems.length > 0 || !besluit || !informatieobject.uuid) throw invalid(problems);

      const row = await insertBesluitinformatieobject(trx, tenantId, besluit.uuid, informatieobject.uuid);
      await deps.documenten.linkBesluit(trx, tenantId, { informatieobjectUuid: row.informatieobject_uuid, besluitUuid: besluit.uuid });
      const json = presentBesluitinformatieobject(row, base);
      await recordRelationChange(trx, caller, besluit, row, base, { actie: 'create', resultaat: 201, nieuw: { ...json } });
      return json;
    });
  } catch (error) {
    // A concurrent create of the same relation passes the check above; the unique constraint still refuses it.
    if (isUniqueViolation(error)) throw invalid([notUnique()]);
    throw error;
  }
}

/** `besluitinformatieobject_delete`: removes the relation and its mirror in the Documenten API (brc-005). */
export async function destroyBesluitinformatieobject(deps: BesluitenDeps, caller: BesluitenCaller, base: string, uuid: string): Promise<void> {
  const tenantId = caller.tenant.id;
  if (!isUuid(uuid)) throw notFound(uuid);
  await inTransaction(deps.db, async (trx) => {
    const row = await findBesluitinformatieobject(trx, tenantId, uuid);
    if (!row) throw notFound(uuid);
    const besluit = await besluitOf(trx, tenantId, row);
    assertMayUseBesluittype(caller.apiCaller, besluit.besluittype_uuid, [BESLUITEN_VERWIJDEREN]);
    await deleteBesluitinformatieobject(trx, tenantId, uuid);
    await deps.documenten.unlinkBesluit(trx, tenantId, { informatieobjectUuid: row.informatieobject_uuid, besluitUuid: besluit.uuid });
    await recordRelationChange(trx, caller, besluit, row, base, { actie: 'destroy', resultaat: 204, oud: { ...presentBesluitinformatieobject(row, base) } });
  });
}
