import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import type { KlantCaller } from '../shared/caller.ts';
import { given } from '../shared/groups.ts';
import { logPartijProcessing, searchedBsn } from '../shared/person-processing.ts';
import { resolveReference, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import type { ColumnValues } from '../shared/rows.ts';
import { klantinteractiesBaseUrl } from '../shared/urls.ts';
import { presentPartijIdentificator, type PartijIdentificatorJson, type PartijIdentificatorRow } from './present.ts';
import { PARTIJ_IDENTIFICATOR_FILTERS } from './repository.ts';
import { identificatorProblems, type IdentificatorCodes } from './rules.ts';

/**
 * The columns of a partij identificator from a body (standalone, or one item of a partij's list) over the current
 * row, with every problem added under `prefix`. `partijUuid` overrides `identificeerdePartij` for nested items.
 */
export async function identificatorValues(
  db: Kysely<Database>,
  tenantId: string,
  body: Record<string, unknown>,
  current: PartijIdentificatorRow | undefined,
  prefix: string,
  problems: InvalidParam[],
  partijUuid?: string | null,
): Promise<ColumnValues> {
  const codes: IdentificatorCodes = {
    codeObjecttype: current?.code_objecttype ?? '',
    codeSoortObjectId: current?.code_soort_object_id ?? '',
    objectId: current?.object_id ?? '',
    codeRegister: current?.code_register ?? '',
    ...((body.partijIdentificator as Partial<IdentificatorCodes> | undefined) ?? {}),
  };
  const before = problems.length;
  const partij = partijUuid !== undefined ? partijUuid : 'identificeerdePartij' in body
    ? ((await resolveReference(db, 'ki_partijen', tenantId, body.identificeerdePartij as Reference | null, `${prefix}identificeerdePartij`, problems))?.uuid ?? null)
    : (current?.partij_uuid ?? null);
  const subGiven = 'subIdentificatorVan' in body;
  const sub = subGiven
    ? await resolveReference(db, 'ki_partij_identificatoren', tenantId, body.subIdentificatorVan as Reference | null, `${prefix}subIdentificatorVan`, problems)
    : current?.sub_identificator_van_uuid
      ? ((await resolveReference(db, 'ki_partij_identificatoren', tenantId, { uuid: current.sub_identificator_van_uuid }, `${prefix}subIdentificatorVan`, problems)) ?? null)
      : null;
  if (problems.length === before) {
    problems.push(...identificatorProblems(codes, `${prefix}partijIdentificator.`, sub ? { codeSoortObjectId: sub.code_soort_object_id } : null));
    if (sub && partijUuid === undefined && sub.partij_uuid !== partij) {
      problems.push({ name: `${prefix}subIdentificatorVan`, code: 'invalid', reason: 'subIdentificatorVan moet een identificator van dezelfde partij zijn.' });
    }
  }
  return {
    partij_uuid: partij,
    andere_partij_identificator: given(body, 'anderePartijIdentificator', current?.andere_partij_identificator ?? ''),
    code_objecttype: codes.codeObjecttype,
    code_soort_object_id: codes.codeSoortObjectId,
    object_id: codes.objectId,
    code_register: codes.codeRegister,
    sub_identificator_van_uuid: sub?.uuid ?? null,
  };
}

/**
 * Whether another identificator already has these codes (under the same sub-identificator): the reference
 * implementation refuses that. `replacedPartij`: the partij whose list is being replaced, whose current
 * identificatoren do not count (they are removed or rewritten in the same write).
 */
export async function identificatorTaken(db: Kysely<Database>, tenantId: string, values: ColumnValues, except: string | undefined, replacedPartij?: string): Promise<boolean> {
  const { rows } = await sql<{ uuid: string }>`
    SELECT uuid FROM ki_partij_identificatoren
    WHERE tenant_id = ${tenantId} AND code_soort_object_id = ${values.code_soort_object_id} AND object_id = ${values.object_id}
      AND code_register = ${values.code_register} AND code_objecttype = ${values.code_objecttype}
      AND sub_identificator_van_uuid IS NOT DISTINCT FROM ${values.sub_identificator_van_uuid}::uuid
      AND uuid IS DISTINCT FROM ${except ?? null}::uuid
      ${replacedPartij === undefined ? sql`` : sql`AND partij_uuid IS DISTINCT FROM ${replacedPartij}::uuid`}
    LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** The uniqueness problem, named under `prefix`. */
export function takenProblem(prefix: string): InvalidParam {
  return { name: `${prefix}nonFieldErrors`, code: 'unique', reason: 'PartijIdentificator moet uniek zijn: er bestaat er al een met deze gegevenscombinatie.' };
}

/** The partij-identificatoren resource. An identificator of a person is personal data (a BSN above all). */
export const partijIdentificatoren: ResourceDefinition<'ki_partij_identificatoren', PartijIdentificatorJson> = {
  table: 'ki_partij_identificatoren',
  resource: 'partij-identificatoren',
  label: 'PartijIdentificator',
  filters: PARTIJ_IDENTIFICATOR_FILTERS,
  order: sql`r.created_at, r.uuid`,
  async values(db, caller, body, current) {
    const problems: InvalidParam[] = [];
    const values = await identificatorValues(db, caller.tenant.id, body, current, '', problems);
    if (problems.length === 0 && (await identificatorTaken(db, caller.tenant.id, values, current?.uuid))) problems.push(takenProblem(''));
    if (problems.length > 0) throw invalid(problems);
    return values;
  },
  async present(_db, caller: KlantCaller, rows) {
    const base = klantinteractiesBaseUrl(caller);
    return rows.map((row) => presentPartijIdentificator(row, base));
  },
  async logProcessing(deps, caller, operation, rows, query) {
    const bsnRows = rows.filter((row) => row.code_soort_object_id === 'bsn');
    const searched = searchedBsn(query, 'partijIdentificatorCodeSoortObjectId', 'partijIdentificatorObjectId');
    await logPartijProcessing(deps, caller, 'partij-identificatoren', operation, bsnRows.map((row) => row.partij_uuid), [...bsnRows.map((row) => row.object_id), searched]);
  },
};
