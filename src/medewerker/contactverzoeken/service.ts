import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { inTransaction } from '../../platform/database/transaction.ts';
import { isUniqueViolation } from '../../platform/zgw/request-body.ts';
import type { KlantCaller, KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import { createResource, retrieveResource, updateResource } from '../../components/klantinteracties/shared/resource-service.ts';
import { interneTaken } from '../../components/klantinteracties/internetaken/service.ts';
import type { InterneTaakJson } from '../../components/klantinteracties/internetaken/present.ts';
import { actorVoor } from './actoren.ts';
import type { GecontroleerdContactverzoek } from './invoer.ts';
import { addGebeurtenis, findBySleutel, findZichtbaar, insertContactverzoek, markAfgehandeld, markOpgepakt, ontvangers, type ContactverzoekRegel } from './repository.ts';

/*
 * A contactverzoek's life: the KCC hands it over (an internetaak in Klantinteracties, assigned to the team's or the
 * person's actor, plus the workspace's own row), the back office picks it up and closes it with an outcome (the
 * internetaak becomes `verwerkt`). Each step is one transaction with its history entry.
 */

/** Who acts: the staff member's account and name. */
export interface Medewerker {
  userId: string;
  displayName: string;
}

export interface Doorgezet {
  interneTaakUuid: string;
  /** False when the key was used before: this is the first submission's contactverzoek. */
  nieuw: boolean;
}

/** The recipient's name, looked up in the tenant (a removed team or account has none). */
async function ontvangerNaam(db: Kysely<Database>, tenantId: string, contactverzoek: GecontroleerdContactverzoek): Promise<string | undefined> {
  const { teams, medewerkers } = await ontvangers(db, tenantId);
  const lijst = contactverzoek.ontvanger.soort === 'team' ? teams : medewerkers;
  return lijst.find((candidate) => candidate.id === contactverzoek.ontvanger.id)?.naam;
}

/**
 * Hands a contactverzoek over. The form's key makes it idempotent: a second submit (a double click, a retried
 * request) returns the first one, also when both arrive at once (the unique key lets one of them through).
 */
export async function createContactverzoek(
  deps: KlantDeps,
  caller: KlantCaller,
  door: Medewerker,
  input: { klantcontactUuid: string; sleutel: string; contactverzoek: GecontroleerdContactverzoek; now?: Date },
): Promise<Doorgezet> {
  const tenantId = caller.tenant.id;
  const now = input.now ?? new Date();
  const earlier = await findBySleutel(deps.db, tenantId, input.sleutel);
  if (earlier) return { interneTaakUuid: earlier.interne_taak_uuid, nieuw: false };
  const verzoek = input.contactverzoek;
  try {
    return await inTransaction(deps.db, async (trx) => {
      const within = { ...deps, db: trx };
      const naam = await ontvangerNaam(trx, tenantId, verzoek);
      if (naam === undefined) throw new Error('The recipient is not a team or staff member of this tenant');
      const actor = await actorVoor(within, caller, verzoek.ontvanger, naam);
      const taak = await createResource(within, interneTaken, caller, {
        gevraagdeHandeling: verzoek.gevraagdeHandeling,
        aanleidinggevendKlantcontact: { uuid: input.klantcontactUuid },
        toegewezenAanActoren: [{ uuid: actor }],
        toelichting: verzoek.vraag,
        status: 'te_verwerken',
      });
      await insertContactverzoek(trx, {
        interne_taak_uuid: taak.uuid,
        tenant_id: tenantId,
        klantcontact_uuid: input.klantcontactUuid,
        sleutel: input.sleutel,
        team_id: verzoek.ontvanger.soort === 'team' ? verzoek.ontvanger.id : null,
        medewerker_id: verzoek.ontvanger.soort === 'medewerker' ? verzoek.ontvanger.id : null,
        deadline: verzoek.deadline,
        terugbel_naam: verzoek.naam,
        terugbel_telefoon: verzoek.telefoon,
        terugbel_email: verzoek.email,
        terugbel_voorkeur: verzoek.voorkeur,
        aangemaakt_door: door.userId,
        aangemaakt_op: now,
      });
      await addGebeurtenis(trx, tenantId, taak.uuid, 'doorgezet', door.userId, now, `Doorgezet naar ${verzoek.ontvanger.soort === 'team' ? 'team ' : ''}${naam}`);
      return { interneTaakUuid: taak.uuid, nieuw: true };
    });
  } catch (error) {
    // The same key committed meanwhile (its insert made ours wait, then fail): the first one is the answer.
    if (!isUniqueViolation(error)) throw error;
    const first = await findBySleutel(deps.db, tenantId, input.sleutel);
    if (!first) throw error;
    return { interneTaakUuid: first.interne_taak_uuid, nieuw: false };
  }
}

/** The outcome of a back-office action. */
export type Actie = { ok: true } | { ok: false; reden: 'niet-gevonden' | 'al-afgehandeld' };

async function openZichtbaar(db: Kysely<Database>, tenantId: string, door: Medewerker, uuid: string): Promise<ContactverzoekRegel | Actie> {
  const row = await findZichtbaar(db, tenantId, door.userId, uuid);
  if (!row) return { ok: false, reden: 'niet-gevonden' };
  if (row.afgehandeld_op !== null) return { ok: false, reden: 'al-afgehandeld' };
  return row;
}

/** Picks it up: this staff member is assigned (also on the internetaak, beside the team) and it is recorded when. */
export async function pakOp(deps: KlantDeps, caller: KlantCaller, door: Medewerker, uuid: string, now: Date = new Date()): Promise<Actie> {
  return inTransaction(deps.db, async (trx) => {
    const within = { ...deps, db: trx };
    const row = await openZichtbaar(trx, caller.tenant.id, door, uuid);
    if ('ok' in row) return row;
    const actor = await actorVoor(within, caller, { soort: 'medewerker', id: door.userId }, door.displayName);
    const taak: InterneTaakJson = await retrieveResource(within, interneTaken, caller, uuid);
    const toegewezen = [...new Set([...taak.toegewezenAanActoren.map((current) => current.uuid), actor])];
    await updateResource(within, interneTaken, caller, uuid, { toegewezenAanActoren: toegewezen.map((actorUuid) => ({ uuid: actorUuid })) });
    await markOpgepakt(trx, caller.tenant.id, uuid, door.userId, now);
    const overgenomen = row.opgepakt_door !== null && row.opgepakt_door !== door.userId ? ` (overgenomen van ${row.opgepakt_door_naam ?? 'een collega'})` : '';
    await addGebeurtenis(trx, caller.tenant.id, uuid, 'opgepakt', door.userId, now, `Opgepakt door ${door.displayName}${overgenomen}`);
    return { ok: true };
  });
}

/** Closes it with the outcome: the internetaak becomes `verwerkt` with `afgehandeldOp`. */
export async function sluitAf(deps: KlantDeps, caller: KlantCaller, door: Medewerker, uuid: string, uitkomst: string, now: Date = new Date()): Promise<Actie> {
  return inTransaction(deps.db, async (trx) => {
    const within = { ...deps, db: trx };
    const row = await openZichtbaar(trx, caller.tenant.id, door, uuid);
    if ('ok' in row) return row;
    if (!(await markAfgehandeld(trx, caller.tenant.id, uuid, door.userId, uitkomst, now))) return { ok: false, reden: 'al-afgehandeld' };
    await updateResource(within, interneTaken, caller, uuid, { status: 'verwerkt', afgehandeldOp: now.toISOString() });
    await addGebeurtenis(trx, caller.tenant.id, uuid, 'afgehandeld', door.userId, now, uitkomst);
    return { ok: true };
  });
}
