import { sql } from 'kysely';
import { invalid } from '../../../platform/errors/problem.ts';
import { given, identificatorColumns } from '../shared/groups.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { klantinteractiesBaseUrl } from '../shared/urls.ts';
import { presentActor, type ActorJson } from './present.ts';
import { ACTOR_FILTERS } from './repository.ts';
import { actorIdentificatie } from './rules.ts';

/**
 * The actoren resource: who handles contacts and tasks at the municipality (a medewerker, a department, or a
 * system). Changing the soort needs the identificatie of the new soort.
 */
export const actoren: ResourceDefinition<'ki_actoren', ActorJson> = {
  table: 'ki_actoren',
  resource: 'actoren',
  label: 'Actor',
  filters: ACTOR_FILTERS,
  order: sql`r.created_at, r.uuid`,
  async values(_db, _caller, body, current) {
    const soort = given(body, 'soortActor', current?.soort_actor ?? '');
    const changesSoort = current !== undefined && soort !== current.soort_actor;
    let stored = current?.actor_identificatie ?? {};
    if ('actorIdentificatie' in body || !current || changesSoort) {
      // The spec makes the group optional (only its fields are required once it is given): none stores nothing.
      const checked = body.actorIdentificatie === undefined || body.actorIdentificatie === null ? { stored: {}, problems: [] } : actorIdentificatie(soort, body.actorIdentificatie);
      if (checked.problems.length > 0) throw invalid(checked.problems);
      stored = checked.stored;
    }
    return {
      naam: given(body, 'naam', current?.naam ?? ''),
      soort_actor: soort,
      indicatie_actief: given(body, 'indicatieActief', current?.indicatie_actief ?? true),
      actor_identificatie: JSON.stringify(stored),
      ...('actoridentificator' in body || !current ? identificatorColumns(body.actoridentificator ?? null, current) : {}),
    };
  },
  async present(_db, caller, rows) {
    const base = klantinteractiesBaseUrl(caller);
    return rows.map((row) => presentActor(row, base));
  },
};
