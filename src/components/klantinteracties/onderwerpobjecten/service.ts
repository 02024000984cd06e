import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import type { KlantCaller, KlantDeps } from '../shared/caller.ts';
import { identificatorColumns } from '../shared/groups.ts';
import { resolveReference, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { deleteRow, findRow, type ColumnValues } from '../shared/rows.ts';
import { klantinteractiesBaseUrl, resourceUrl } from '../shared/urls.ts';
import { presentOnderwerpobject, type OnderwerpobjectJson, type OnderwerpobjectRow } from './present.ts';
import { deleteKlantcontactenWithAdressen, klantcontactenStillUsed, ONDERWERPOBJECT_FILTERS } from './repository.ts';

/** The columns of an onderwerpobject from a body over the current row. */
async function onderwerpobjectValues(db: Kysely<Database>, tenantId: string, body: Record<string, unknown>, current: OnderwerpobjectRow | undefined): Promise<ColumnValues> {
  const problems: InvalidParam[] = [];
  const link = async (field: 'klantcontact' | 'wasKlantcontact', stored: string | null | undefined): Promise<string | null> =>
    field in body ? ((await resolveReference(db, 'ki_klantcontacten', tenantId, body[field] as Reference | null, field, problems))?.uuid ?? null) : (stored ?? null);
  const klantcontact = await link('klantcontact', current?.klantcontact_uuid);
  const wasKlantcontact = await link('wasKlantcontact', current?.was_klantcontact_uuid);
  if (problems.length > 0) throw invalid(problems);
  return {
    klantcontact_uuid: klantcontact,
    was_klantcontact_uuid: wasKlantcontact,
    ...('onderwerpobjectidentificator' in body || !current ? identificatorColumns(body.onderwerpobjectidentificator ?? null, current) : {}),
  };
}

/** The onderwerpobjecten resource: what a klantcontact was about (a zaak, a product), by its identity in its register. */
export const onderwerpobjecten: ResourceDefinition<'ki_onderwerpobjecten', OnderwerpobjectJson> = {
  table: 'ki_onderwerpobjecten',
  resource: 'onderwerpobjecten',
  label: 'Onderwerpobject',
  filters: ONDERWERPOBJECT_FILTERS,
  order: sql`r.created_at, r.uuid`,
  values: (db, caller, body, current) => onderwerpobjectValues(db, caller.tenant.id, body, current),
  async present(_db, caller, rows) {
    const base = klantinteractiesBaseUrl(caller);
    return rows.map((row) => presentOnderwerpobject(row, base));
  },
};

/**
 * `onderwerpobjectenDestroy`. With `cascade`, the klantcontacten it was about go too when no other onderwerpobject
 * is about them (with the loose digitale adressen of their betrokkenen); those kept are listed in `behouden`.
 */
export async function destroyOnderwerpobject(deps: KlantDeps, caller: KlantCaller, uuid: string, cascade: boolean): Promise<{ behouden: string[] } | undefined> {
  return inTransaction(deps.db, async (trx) => {
    const row = await findRow(trx, 'ki_onderwerpobjecten', caller.tenant.id, uuid);
    if (!row) throw new ProblemError('not_found', `Onderwerpobject ${uuid} bestaat niet.`);
    await deleteRow(trx, 'ki_onderwerpobjecten', caller.tenant.id, uuid);
    if (!cascade) return undefined;
    const related = [...new Set([row.klantcontact_uuid, row.was_klantcontact_uuid].filter((value): value is string => value !== null))];
    const used = await klantcontactenStillUsed(trx, caller.tenant.id, related, uuid);
    await deleteKlantcontactenWithAdressen(trx, caller.tenant.id, related.filter((klantcontact) => !used.has(klantcontact)));
    const base = klantinteractiesBaseUrl(caller);
    return { behouden: [...used].map((klantcontact) => resourceUrl(base, 'klantcontacten', klantcontact)) };
  });
}
