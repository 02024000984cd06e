import { sql } from 'kysely';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { identificatorColumns } from '../shared/groups.ts';
import { resolveReference, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { klantinteractiesBaseUrl } from '../shared/urls.ts';
import { presentBijlage, type BijlageJson } from './present.ts';
import { BIJLAGE_FILTERS } from './repository.ts';

/** The bijlagen resource: a document (by its identity in a document register) that belongs to a klantcontact. */
export const bijlagen: ResourceDefinition<'ki_bijlagen', BijlageJson> = {
  table: 'ki_bijlagen',
  resource: 'bijlagen',
  label: 'Bijlage',
  filters: BIJLAGE_FILTERS,
  order: sql`r.created_at, r.uuid`,
  async values(db, caller, body, current) {
    const problems: InvalidParam[] = [];
    const klantcontact = 'wasBijlageVanKlantcontact' in body
      ? ((await resolveReference(db, 'ki_klantcontacten', caller.tenant.id, body.wasBijlageVanKlantcontact as Reference | null, 'wasBijlageVanKlantcontact', problems))?.uuid ?? null)
      : (current?.klantcontact_uuid ?? null);
    if (problems.length > 0) throw invalid(problems);
    return { klantcontact_uuid: klantcontact, ...('bijlageidentificator' in body || !current ? identificatorColumns(body.bijlageidentificator ?? null, current) : {}) };
  },
  async present(_db, caller, rows) {
    const base = klantinteractiesBaseUrl(caller);
    return rows.map((row) => presentBijlage(row, base));
  },
};
