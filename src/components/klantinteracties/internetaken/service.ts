import { sql } from 'kysely';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { given } from '../shared/groups.ts';
import { nextNummer, reserveNummer } from '../shared/nummer.ts';
import { resolveReference, resolveReferences, type Reference } from '../shared/references.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import { presentInterneTaken, type InterneTaakJson } from './present.ts';
import { assignActoren, INTERNE_TAAK_FILTERS, interneTaakNummerTaken } from './repository.ts';

/*
 * Business rules of INTERNETAAK (a contactverzoek handed to the back office): it comes from a klantcontact, is
 * assigned to one or more actoren (`toegewezenAanActoren`; the older single `toegewezenAanActor` counts as a list
 * of one), and is done once its status is `verwerkt`, when `afgehandeldOp` is set (now, unless given); back to
 * `te_verwerken` clears it.
 */

// The actor list is checked in `values` and written in `afterWrite`; the body object links the two.
const pendingActoren = new WeakMap<object, string[]>();

/** The internetaken resource. */
export const interneTaken: ResourceDefinition<'ki_interne_taken', InterneTaakJson> = {
  table: 'ki_interne_taken',
  resource: 'internetaken',
  label: 'InterneTaak',
  filters: INTERNE_TAAK_FILTERS,
  order: sql`r.toegewezen_op, r.uuid`,

  async values(db, caller, body, current) {
    const tenantId = caller.tenant.id;
    const problems: InvalidParam[] = [];
    const klantcontact = 'aanleidinggevendKlantcontact' in body
      ? (await resolveReference(db, 'ki_klantcontacten', tenantId, body.aanleidinggevendKlantcontact as Reference, 'aanleidinggevendKlantcontact', problems))?.uuid
      : current?.klantcontact_uuid;
    const lijst = Array.isArray(body.toegewezenAanActoren) ? await resolveReferences(db, 'ki_actoren', tenantId, body.toegewezenAanActoren as Reference[], 'toegewezenAanActoren', problems) : undefined;
    const enkel = body.toegewezenAanActor ? await resolveReference(db, 'ki_actoren', tenantId, body.toegewezenAanActor as Reference, 'toegewezenAanActor', problems) : undefined;
    let actoren: string[] | undefined = lijst?.map((actor) => actor.uuid);
    if (enkel && actoren && !actoren.includes(enkel.uuid)) {
      problems.push({ name: 'toegewezenAanActor', code: 'invalid', reason: 'toegewezenAanActor moet een van toegewezenAanActoren zijn.' });
    }
    if (enkel && !actoren) actoren = [enkel.uuid];
    if (actoren !== undefined) actoren = [...new Set(actoren)];
    if (!current && (actoren === undefined || actoren.length === 0) && !problems.some((problem) => problem.name.startsWith('toegewezenAan'))) {
      problems.push({ name: 'toegewezenAanActoren', code: 'required', reason: 'Een interne taak wordt aan ten minste één actor toegewezen.' });
    }
    const status = given(body, 'status', current?.status ?? 'te_verwerken');
    let afgehandeldOp: string | null = given(body, 'afgehandeldOp', current?.afgehandeld_op ? new Date(current.afgehandeld_op).toISOString() : null);
    if (status === 'te_verwerken' && body.afgehandeldOp) problems.push({ name: 'afgehandeldOp', code: 'invalid', reason: 'Een taak die nog te verwerken is, is niet afgehandeld.' });
    if (status === 'te_verwerken') afgehandeldOp = null;
    else afgehandeldOp ??= new Date().toISOString();
    const chosen = typeof body.nummer === 'string' && body.nummer !== '' ? body.nummer : undefined;
    if (chosen !== undefined && (await interneTaakNummerTaken(db, tenantId, chosen, current?.uuid))) problems.push({ name: 'nummer', code: 'unique', reason: 'Er is al een interne taak met dit nummer.' });
    if (problems.length > 0 || !klantcontact) throw invalid(problems);
    if (actoren !== undefined) pendingActoren.set(body, actoren);
    if (chosen !== undefined) await reserveNummer(db, tenantId, 'internetaak', chosen);
    return {
      nummer: chosen ?? current?.nummer ?? (await nextNummer(db, tenantId, 'internetaak')),
      referentienummer: given(body, 'referentienummer', current?.referentienummer ?? null),
      gevraagde_handeling: given(body, 'gevraagdeHandeling', current?.gevraagde_handeling ?? ''),
      klantcontact_uuid: klantcontact,
      toelichting: given(body, 'toelichting', current?.toelichting ?? ''),
      status,
      afgehandeld_op: afgehandeldOp,
    };
  },

  async afterWrite(db, caller, row, body) {
    const actoren = pendingActoren.get(body);
    if (actoren !== undefined) await assignActoren(db, caller.tenant.id, row.uuid, actoren);
  },

  present: (db, caller, rows) => presentInterneTaken(db, caller, rows),
};
