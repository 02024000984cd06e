import { sql } from 'kysely';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { resolveReference, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { klantinteractiesBaseUrl } from '../shared/urls.ts';
import { presentActorKlantcontact, type ActorKlantcontactJson } from './present.ts';
import { ACTOR_KLANTCONTACT_FILTERS, actorKlantcontactTaken } from './repository.ts';

/** The actorklantcontacten resource: which actor took part in which klantcontact (each pair once). */
export const actorKlantcontacten: ResourceDefinition<'ki_actor_klantcontacten', ActorKlantcontactJson> = {
  table: 'ki_actor_klantcontacten',
  resource: 'actorklantcontacten',
  label: 'ActorKlantcontact',
  filters: ACTOR_KLANTCONTACT_FILTERS,
  order: sql`r.created_at, r.uuid`,
  async values(db, caller, body, current) {
    const tenantId = caller.tenant.id;
    const problems: InvalidParam[] = [];
    const actor = 'actor' in body ? (await resolveReference(db, 'ki_actoren', tenantId, body.actor as Reference, 'actor', problems))?.uuid : current?.actor_uuid;
    const klantcontact = 'klantcontact' in body ? (await resolveReference(db, 'ki_klantcontacten', tenantId, body.klantcontact as Reference, 'klantcontact', problems))?.uuid : current?.klantcontact_uuid;
    if (actor && klantcontact && (await actorKlantcontactTaken(db, tenantId, actor, klantcontact, current?.uuid))) {
      problems.push({ name: 'nonFieldErrors', code: 'unique', reason: 'Deze actor is al aan dit klantcontact gekoppeld.' });
    }
    if (problems.length > 0 || !actor || !klantcontact) throw invalid(problems);
    return { actor_uuid: actor, klantcontact_uuid: klantcontact };
  },
  async present(_db, caller, rows) {
    const base = klantinteractiesBaseUrl(caller);
    return rows.map((row) => presentActorKlantcontact(row, base));
  },
};
