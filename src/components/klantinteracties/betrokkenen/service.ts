import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { adresGroup, contactnaamGroup, given, storedGroup } from '../shared/groups.ts';
import { logPartijProcessing, searchedBsn } from '../shared/person-processing.ts';
import { resolveReference, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import type { ColumnValues } from '../shared/rows.ts';
import { presentBetrokkenen, type BetrokkeneJson, type BetrokkeneRow } from './present.ts';
import { BETROKKENE_FILTERS } from './repository.ts';

function storedOrCurrent(body: Record<string, unknown>, field: string, current: unknown, complete: typeof adresGroup): string | null {
  if (field in body) return storedGroup(body[field] as never, complete);
  return current === null || current === undefined ? null : JSON.stringify(current);
}

/** The columns of a betrokkene from a body over the current row. */
async function betrokkeneValues(db: Kysely<Database>, tenantId: string, body: Record<string, unknown>, current: BetrokkeneRow | undefined): Promise<ColumnValues> {
  const problems: InvalidParam[] = [];
  const partij = 'wasPartij' in body
    ? ((await resolveReference(db, 'ki_partijen', tenantId, body.wasPartij as Reference | null, 'wasPartij', problems))?.uuid ?? null)
    : (current?.partij_uuid ?? null);
  const klantcontact = 'hadKlantcontact' in body
    ? (await resolveReference(db, 'ki_klantcontacten', tenantId, body.hadKlantcontact as Reference, 'hadKlantcontact', problems))?.uuid
    : current?.klantcontact_uuid;
  if (problems.length > 0) throw invalid(problems);
  return {
    partij_uuid: partij,
    klantcontact_uuid: klantcontact ?? null,
    bezoekadres: storedOrCurrent(body, 'bezoekadres', current?.bezoekadres, adresGroup),
    correspondentieadres: storedOrCurrent(body, 'correspondentieadres', current?.correspondentieadres, adresGroup),
    contactnaam: storedOrCurrent(body, 'contactnaam', current?.contactnaam, contactnaamGroup),
    rol: given(body, 'rol', current?.rol ?? 'klant'),
    organisatienaam: given(body, 'organisatienaam', current?.organisatienaam ?? ''),
    initiator: given(body, 'initiator', current?.initiator ?? false),
  };
}

/**
 * The betrokkenen resource: who took part in a klantcontact, as they presented themselves then (name and
 * addresses as given), linked to the partij when known. A betrokkene is personal data: its name is read here.
 */
export const betrokkenen: ResourceDefinition<'ki_betrokkenen', BetrokkeneJson> = {
  table: 'ki_betrokkenen',
  resource: 'betrokkenen',
  label: 'Betrokkene',
  filters: BETROKKENE_FILTERS,
  order: sql`r.created_at, r.uuid`,
  expandable: ['digitaleAdressen'],
  values: (db, caller, body, current) => betrokkeneValues(db, caller.tenant.id, body, current),
  present: presentBetrokkenen,
  async logProcessing(deps, caller, operation, rows, query) {
    await logPartijProcessing(deps, caller, 'betrokkenen', operation, rows.map((row) => row.partij_uuid), [
      searchedBsn(query, 'wasPartij__partijIdentificator__codeSoortObjectId', 'wasPartij__partijIdentificator__objectId'),
    ]);
  },
};
