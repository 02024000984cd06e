import type { FastifyRequest } from 'fastify';
import { actorKlantcontacten } from '../../components/klantinteracties/actorklantcontacten/service.ts';
import { betrokkenen } from '../../components/klantinteracties/betrokkenen/service.ts';
import { klantcontacten } from '../../components/klantinteracties/klantcontacten/service.ts';
import { partijen } from '../../components/klantinteracties/partijen/service.ts';
import type { KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import { createResource, updateResource } from '../../components/klantinteracties/shared/resource-service.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import type { KccKanaal, KccResultaat } from '../../platform/database/tables/kcc.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { agentActorUuid } from './agent-actor.ts';
import { findKccContact, insertKccContact, markClosed, setPartij, updateNotities, type KccContactRow } from './contacten-repository.ts';
import { resultaatLabel } from './kcc-keuzes.ts';
import type { NieuwePartij } from './identificatie.ts';
import { partijenByIdentificator } from './persoon-repository.ts';

/*
 * The life of a contact in the workspace. Every write goes through the Klantinteracties services (klantcontact,
 * actor, betrokkene, partij) in the same transaction as the workspace's own row, so an external KCC tool sees the
 * contact from the moment it is registered and the complete record once it is closed.
 */

/** The agent, as the signed-in staff member. */
export interface Agent {
  userId: string;
  displayName: string;
}

/** What a klantcontact is created with: the kanaal and whatever is known of the subject at the start. */
export interface NieuwContact {
  kanaal: KccKanaal;
  onderwerp: string;
  notities: string;
}

/** The Klantinteracties language code (ISO 639-2/B) of contacts in the workspace. */
const TAAL = 'dut';

/** The API requires an onderwerp from the start; a call often has none yet until the caller has said what it is about. */
export const ONDERWERP_NOG_ONBEKEND = 'Onderwerp nog niet vastgelegd';

/** Registers a contact: the klantcontact (with the agent as actor) and the workspace's open record. Returns its uuid. */
export async function registerContact(deps: KlantDeps, request: FastifyRequest, agent: Agent, contact: NieuwContact): Promise<string> {
  return inTransaction(deps.db, async (trx) => {
    const within = { ...deps, db: trx };
    const klantcontact = await createResource(within, klantcontacten, request, {
      kanaal: contact.kanaal,
      onderwerp: contact.onderwerp === '' ? ONDERWERP_NOG_ONBEKEND : contact.onderwerp,
      inhoud: contact.notities,
      taal: TAAL,
      vertrouwelijk: false,
      indicatieContactGelukt: true,
      plaatsgevondenOp: new Date().toISOString(),
    });
    const actor = await agentActorUuid(within, request, agent);
    await createResource(within, actorKlantcontacten, request, { actor: { uuid: actor }, klantcontact: { uuid: klantcontact.uuid } });
    await insertKccContact(trx, { tenantId: request.tenant.id, klantcontactUuid: klantcontact.uuid, agentUserId: agent.userId, kanaal: contact.kanaal, onderwerp: contact.onderwerp, notities: contact.notities });
    return klantcontact.uuid;
  });
}

/** The open contact of this agent, locked for a change; a closed or someone else's contact cannot be changed. */
async function ownOpenContact(deps: KlantDeps, tenantId: string, agent: Agent, uuid: string): Promise<KccContactRow> {
  const row = await findKccContact(deps.db, tenantId, uuid, { forUpdate: true });
  if (!row) throw new ProblemError('not_found', 'Dit contact bestaat niet.');
  if (row.agent_user_id !== agent.userId) throw new ProblemError('permission_denied', 'Dit contact wordt door een collega afgehandeld.');
  if (row.status !== 'open') throw new ProblemError('conflict', 'Dit contact is al afgesloten.');
  return row;
}

/** Keeps the agent's notes of an open contact. */
export async function saveNotities(deps: KlantDeps, tenantId: string, agent: Agent, uuid: string, notities: string): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    await ownOpenContact({ ...deps, db: trx }, tenantId, agent, uuid);
    await updateNotities(trx, tenantId, uuid, notities);
  });
}

function partijBody(nieuw: NieuwePartij): Record<string, unknown> {
  if (nieuw.soort === 'persoon') {
    return {
      soortPartij: 'persoon',
      indicatieActief: true,
      voorkeurstaal: TAAL,
      partijIdentificatie: { contactnaam: { voorletters: '', voornaam: nieuw.voornaam, voorvoegselAchternaam: nieuw.voorvoegsel, achternaam: nieuw.achternaam } },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: nieuw.bsn, codeRegister: 'brp' } }],
    };
  }
  return {
    soortPartij: 'organisatie',
    indicatieActief: true,
    voorkeurstaal: TAAL,
    partijIdentificatie: { naam: nieuw.naam },
    partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'niet_natuurlijk_persoon', codeSoortObjectId: 'kvk_nummer', objectId: nieuw.kvkNummer, codeRegister: 'hr' } }],
  };
}

/** The partij with the new one's BSN or KvK number when a colleague made it meanwhile; otherwise a new partij. */
async function existingOrNewPartij(deps: KlantDeps, request: FastifyRequest, nieuw: NieuwePartij): Promise<string> {
  const [existing] = await partijenByIdentificator(deps.db, request.tenant.id, nieuw.soort === 'persoon' ? 'bsn' : 'kvk_nummer', nieuw.soort === 'persoon' ? nieuw.bsn : nieuw.kvkNummer);
  if (existing) return existing.uuid;
  return (await createResource(deps, partijen, request, partijBody(nieuw))).uuid;
}

/**
 * Links the contact to the person or business it turned out to be: an existing partij (`partijUuid`) or a new one
 * made here with its identificator. The klantcontact gets (or has changed) its betrokkene pointing at the partij.
 * Returns the partij's uuid.
 */
export async function linkPartij(deps: KlantDeps, request: FastifyRequest, agent: Agent, uuid: string, partij: { partijUuid: string } | { nieuw: NieuwePartij }): Promise<string> {
  return inTransaction(deps.db, async (trx) => {
    const within = { ...deps, db: trx };
    const tenantId = request.tenant.id;
    const row = await ownOpenContact(within, tenantId, agent, uuid);
    const partijUuid = 'partijUuid' in partij ? partij.partijUuid : await existingOrNewPartij(within, request, partij.nieuw);
    const link = { wasPartij: { uuid: partijUuid } };
    const betrokkene =
      row.betrokkene_uuid === null
        ? await createResource(within, betrokkenen, request, { ...link, hadKlantcontact: { uuid }, rol: 'klant', initiator: true })
        : await updateResource(within, betrokkenen, request, row.betrokkene_uuid, link);
    await setPartij(trx, tenantId, uuid, partijUuid, betrokkene.uuid);
    return partijUuid;
  });
}

/** What the agent records on closing a contact. */
export interface Afsluiting {
  kanaal: KccKanaal;
  onderwerp: string;
  notities: string;
  resultaat: KccResultaat;
  toelichting: string;
  afgehandeldBijEersteContact: boolean;
}

/**
 * Closes the contact: the klantcontact gets its final kanaal, onderwerp, inhoud (the notes), reactie (the outcome) and
 * whether further action follows; the workspace's record the same in plain columns for counting.
 */
export async function closeContact(deps: KlantDeps, request: FastifyRequest, agent: Agent, uuid: string, afsluiting: Afsluiting): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const within = { ...deps, db: trx };
    const tenantId = request.tenant.id;
    await ownOpenContact(within, tenantId, agent, uuid);
    const reactie = [resultaatLabel(afsluiting.resultaat), afsluiting.toelichting].filter((part) => part !== '').join(': ');
    await updateResource(within, klantcontacten, request, uuid, {
      kanaal: afsluiting.kanaal,
      onderwerp: afsluiting.onderwerp,
      inhoud: afsluiting.notities,
      reactie,
      indicatieContactGelukt: true,
      verdereActieOndernomen: !afsluiting.afgehandeldBijEersteContact,
    });
    await markClosed(trx, tenantId, uuid, { ...afsluiting, geslotenOp: new Date() });
  });
}
