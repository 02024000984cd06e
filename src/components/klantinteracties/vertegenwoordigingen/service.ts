import { sql } from 'kysely';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { byUrl, byUuid, type FilterSet } from '../shared/filters.ts';
import { logPartijProcessing } from '../shared/person-processing.ts';
import { resolveReference, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { klantinteractiesBaseUrl } from '../shared/urls.ts';
import { presentVertegenwoordiging, type VertegenwoordigingJson } from './present.ts';

/** The filters of `vertegenwoordigingenList`. */
const VERTEGENWOORDIGING_FILTERS: FilterSet = {
  vertegenwoordigdePartij__url: byUrl('vertegenwoordigde_partij_uuid', 'partijen'),
  vertegenwoordigdePartij__uuid: byUuid('vertegenwoordigde_partij_uuid'),
  vertegenwoordigendePartij__url: byUrl('vertegenwoordigende_partij_uuid', 'partijen'),
  vertegenwoordigendePartij__uuid: byUuid('vertegenwoordigende_partij_uuid'),
};

/** The vertegenwoordigingen resource: two different partijen, each pair once. Who represents a person is personal data. */
export const vertegenwoordigingen: ResourceDefinition<'ki_vertegenwoordigingen', VertegenwoordigingJson> = {
  table: 'ki_vertegenwoordigingen',
  resource: 'vertegenwoordigingen',
  label: 'Vertegenwoordiging',
  filters: VERTEGENWOORDIGING_FILTERS,
  order: sql`r.created_at, r.uuid`,
  async values(db, caller, body, current) {
    const tenantId = caller.tenant.id;
    const problems: InvalidParam[] = [];
    const side = async (field: string, stored: string | undefined): Promise<string | undefined> =>
      field in body ? (await resolveReference(db, 'ki_partijen', tenantId, body[field] as Reference, field, problems))?.uuid : stored;
    const vertegenwoordigende = await side('vertegenwoordigendePartij', current?.vertegenwoordigende_partij_uuid);
    const vertegenwoordigde = await side('vertegenwoordigdePartij', current?.vertegenwoordigde_partij_uuid);
    if (vertegenwoordigende && vertegenwoordigende === vertegenwoordigde) problems.push({ name: 'vertegenwoordigdePartij', code: 'invalid', reason: 'Een partij kan zichzelf niet vertegenwoordigen.' });
    if (problems.length > 0 || !vertegenwoordigende || !vertegenwoordigde) throw invalid(problems);
    return { vertegenwoordigende_partij_uuid: vertegenwoordigende, vertegenwoordigde_partij_uuid: vertegenwoordigde };
  },
  async present(_db, caller, rows) {
    const base = klantinteractiesBaseUrl(caller);
    return rows.map((row) => presentVertegenwoordiging(row, base));
  },
  async logProcessing(deps, caller, operation, rows) {
    await logPartijProcessing(deps, caller, 'vertegenwoordigingen', operation, rows.flatMap((row) => [row.vertegenwoordigende_partij_uuid, row.vertegenwoordigde_partij_uuid]));
  },
};
