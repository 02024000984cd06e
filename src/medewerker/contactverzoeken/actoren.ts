import { actoren } from '../../components/klantinteracties/actoren/service.ts';
import type { KlantCaller, KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import { createResource, listResource } from '../../components/klantinteracties/shared/resource-service.ts';
import type { Ontvanger } from './invoer.ts';

/*
 * The Klantinteracties actor for a team (organisatorische eenheid) or a staff member (medewerker), made once and
 * found again by its actoridentificator, which names Loket's own register and the team's or account's id. An
 * external KCC tool reading the internetaak sees to whom it was assigned by name.
 */

/** The register the actoridentificator names: Loket's teams and staff accounts. */
export const ACTOR_REGISTER = 'loket';

const SOORT = { team: 'organisatorische_eenheid', medewerker: 'medewerker' } as const;
const OBJECTTYPE = { team: 'team', medewerker: 'medewerker' } as const;

/** The actor's uuid for this team or staff member, created when there is none yet. */
export async function actorVoor(deps: KlantDeps, caller: KlantCaller, ontvanger: Ontvanger, naam: string): Promise<string> {
  const identificator = { codeRegister: ACTOR_REGISTER, codeObjecttype: OBJECTTYPE[ontvanger.soort], codeSoortObjectId: 'id', objectId: ontvanger.id };
  const found = await listResource(deps, actoren, caller, {
    actoridentificatorCodeRegister: identificator.codeRegister,
    actoridentificatorCodeObjecttype: identificator.codeObjecttype,
    actoridentificatorObjectId: identificator.objectId,
    pageSize: 1,
  });
  const existing = found.results[0];
  if (existing) return existing.uuid;
  const created = await createResource(deps, actoren, caller, { naam: naam.slice(0, 200), soortActor: SOORT[ontvanger.soort], indicatieActief: true, actoridentificator: identificator });
  return created.uuid;
}
