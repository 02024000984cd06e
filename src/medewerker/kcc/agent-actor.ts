import { actoren } from '../../components/klantinteracties/actoren/service.ts';
import type { KlantCaller, KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import { createResource, listResource } from '../../components/klantinteracties/shared/resource-service.ts';

/*
 * The agent as Klantinteracties actor (soort medewerker), known by an actoridentificator that names the staff account:
 * found through the actoren list filters, created on the agent's first contact. An external KCC tool sees the same
 * actor on every contact the agent registered.
 */

/** How the workspace names a staff account as actor. */
export const AGENT_IDENTIFICATOR = { codeObjecttype: 'medewerker', codeRegister: 'loket', codeSoortObjectId: 'gebruikersnummer' } as const;

/** The uuid of the agent's actor, made when it does not exist yet. Pass the transaction of the registration. */
export async function agentActorUuid(deps: KlantDeps, caller: KlantCaller, agent: { userId: string; displayName: string }): Promise<string> {
  const found = await listResource(deps, actoren, caller, {
    soortActor: 'medewerker',
    actoridentificatorCodeRegister: AGENT_IDENTIFICATOR.codeRegister,
    actoridentificatorObjectId: agent.userId,
    pageSize: 1,
  });
  const existing = found.results[0];
  if (existing) return existing.uuid;
  const created = await createResource(deps, actoren, caller, {
    naam: agent.displayName.slice(0, 200),
    soortActor: 'medewerker',
    indicatieActief: true,
    actoridentificator: { ...AGENT_IDENTIFICATOR, objectId: agent.userId },
  });
  return created.uuid;
}
